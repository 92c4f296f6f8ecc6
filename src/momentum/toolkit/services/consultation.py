"""Consultation: staff send a chapter or a curriculum for comments by a deadline — to the
Advisory Board through the board's written procedure, or to chosen countries as a comment round
here (their focal points and board members comment on the chapter's paragraphs)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country
from momentum.toolkit.models import Chapter, Consultation, ConsultationMode, Curriculum


@transaction.atomic
def open_consultation(
    *,
    by: Any,
    mode: str,
    deadline: datetime,
    chapter: Chapter | None = None,
    curriculum: Curriculum | None = None,
    countries: Iterable[Country] = (),
    link: str = "",
) -> Consultation:
    if not by.has_perm("toolkit.manage"):
        raise PermissionDenied(_("Only programme staff may do this."))
    if (chapter is None) == (curriculum is None):
        raise ValueError("a consultation is about one chapter or one curriculum")
    if deadline <= timezone.now():
        raise ValidationError({"deadline": _("Choose a deadline in the future.")})
    chosen = list(countries)
    if mode == ConsultationMode.COUNTRIES and not chosen:
        raise ValidationError({"countries": _("Choose at least one country.")})
    consultation = Consultation.objects.create(
        chapter=chapter, curriculum=curriculum, mode=mode, deadline=deadline, opened_by=by
    )
    # The procedure is written once, in the language of the staff member who sends it.
    language = get_language() or "en"
    subject = (
        chapter.title(language) if chapter else (curriculum.title(language) if curriculum else "")
    )
    if mode == ConsultationMode.BOARD:
        from momentum.governance.services.procedures import launch_procedure

        procedure = launch_procedure(
            title=_("Comments on %(title)s") % {"title": subject},
            question=_(
                "The board is asked to comment on this draft of the toolkit on "
                "gender-sensitive policing: %(title)s."
            )
            % {"title": subject},
            deadline=deadline,
            by=by,
            link=link,
        )
        consultation.procedure_id = procedure.pk
        consultation.save(update_fields=["procedure_id"])
    else:
        consultation.countries.set(chosen)
        _notify_countries(consultation, chosen, chapter or curriculum, link)
    audit.record(by, "toolkit.consultation_opened", consultation, mode=mode)
    return consultation


def _notify_countries(
    consultation: Consultation, countries: list[Country], about: Any, link: str
) -> None:
    from momentum.core.notifications import notify
    from momentum.people.models import Role, RoleAssignment

    users = [
        row.user
        for row in RoleAssignment.objects.filter(
            country__in=countries, role__in=[Role.FOCAL_POINT, Role.BOARD_MEMBER]
        ).select_related("user")
    ]
    deadline = consultation.deadline
    notify(
        recipients=users,
        kind="toolkit.consultation",
        message=lambda: (
            _("Your comments are asked on %(title)s by %(date)s.")
            % {"title": about.title(get_language() or "en"), "date": deadline.date().isoformat()}
        ),
        url=link,
    )
