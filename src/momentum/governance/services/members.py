"""Writes for the board's membership: appointing a member for a term, the commitment, the end
of a term. Every change is audited."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country
from momentum.governance.models import BoardMember


def _overlapping(country: Country, seat: str, start: date, end: date | None) -> bool:
    terms = BoardMember.objects.filter(country=country, seat=seat)
    if end is not None:
        terms = terms.filter(term_start__lte=end)
    return any(term.term_end is None or term.term_end >= start for term in terms)


@transaction.atomic
def appoint_member(
    *,
    user: Any,
    country: Country,
    seat: str,
    institution: str,
    sex: str,
    term_start: date,
    term_end: date | None,
    by: Any,
    function: str = "",
    languages: str = "",
    nomination_letter: UploadedFile | None = None,
) -> BoardMember:
    """Record ``user``'s term for ``country``. One representative and one alternate per
    country at a time: an overlapping term on the same seat is refused."""
    from momentum.people.models import Role
    from momentum.people.services import assign_role

    if term_end is not None and term_end < term_start:
        raise ValidationError({"term_end": _("The term cannot end before it starts.")})
    # One seat at a time per country: serialise appointments of the same country.
    list(Country.objects.select_for_update().filter(pk=country.pk))
    if _overlapping(country, seat, term_start, term_end):
        raise ValidationError(
            {"seat": _("This country already has a member on this seat for these dates.")}
        )
    member = BoardMember.objects.create(
        user=user,
        country=country,
        seat=seat,
        institution=institution.strip(),
        function=function.strip(),
        sex=sex,
        languages=languages,
        term_start=term_start,
        term_end=term_end,
    )
    if nomination_letter is not None:
        member.nomination_letter.save(nomination_letter.name or "letter", nomination_letter)
    assign_role(user=user, role=Role.BOARD_MEMBER, country=country, by=by)
    audit.record(
        by,
        "governance.member_appointed",
        member,
        country=country,
        seat=seat,
        term_start=term_start.isoformat(),
        term_end=term_end.isoformat() if term_end else None,
    )
    return member


@transaction.atomic
def accept_commitment(*, member: BoardMember, by: Any, language: str) -> BoardMember:
    """The member accepts the commitment to human rights and equality, in her language."""
    member = BoardMember.objects.select_for_update().get(pk=member.pk)
    if member.user_id != by.pk:
        raise ValidationError(_("Only the member herself can accept the commitment."))
    if member.commitment_accepted_at is None:
        member.commitment_accepted_at = timezone.now()
        member.commitment_language = language[:2]
        member.save(update_fields=["commitment_accepted_at", "commitment_language"])
        audit.record(
            by, "governance.commitment_accepted", member, country=member.country, language=language
        )
    return member


@transaction.atomic
def end_term(*, member: BoardMember, on: date, by: Any) -> BoardMember:
    member = BoardMember.objects.select_for_update().get(pk=member.pk)
    if on < member.term_start:
        raise ValidationError({"term_end": _("The term cannot end before it starts.")})
    member.term_end = on
    member.save(update_fields=["term_end"])
    audit.record(by, "governance.term_ended", member, country=member.country, on=on.isoformat())
    return member
