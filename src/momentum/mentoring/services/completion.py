"""Completing a mentee: staff check the criteria (``selectors.alumni.completion_check``) and
complete her, or override the missing criteria with a reason. She becomes an alumna
(``Application`` COMPLETED), her pairing is completed, she receives a completion certificate
(the training certificates' codes, PDF and public verification page) and, when the cohort has
a Knowledge Hub space, she becomes an active member of it. Audited; she is told."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.notifications import notify
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Cohort,
    Pairing,
    PairingStatus,
)
from momentum.mentoring.selectors.alumni import completion_check
from momentum.people.models import User
from momentum.training.models import Certificate

LANGUAGES = ("en", "fr", "ar")


def certificate_title(cohort: Cohort) -> dict[str, str]:
    """The certificate's title in the three languages, frozen when issued."""
    titles = {}
    for language in LANGUAGES:
        with translation.override(language):
            name = getattr(cohort, f"name_{language}", "") or cohort.name
            titles[language] = _(
                "Mentoring and upskilling programme for women officers — %(cohort)s"
            ) % {"cohort": name}
    return titles


def _join_hub_space(cohort: Cohort, user: User) -> bool:
    """Make her an active member of the cohort's hub space, when there is one."""
    if cohort.hub_space_id is None:
        return False
    try:
        from momentum.hub.models import Membership, MembershipStatus, Space
    except ImportError:  # pragma: no cover - the hub is part of the project
        return False
    if not Space.objects.filter(pk=cohort.hub_space_id).exists():
        return False
    now = timezone.now()
    membership, created = Membership.objects.get_or_create(
        space_id=cohort.hub_space_id,
        user=user,
        defaults={"status": MembershipStatus.ACTIVE, "joined_at": now},
    )
    if not created and membership.status != MembershipStatus.ACTIVE:
        membership.status = MembershipStatus.ACTIVE
        membership.joined_at = membership.joined_at or now
        membership.save(update_fields=["status", "joined_at"])
    return True


@transaction.atomic
def complete_mentee(
    *, application: Application, by: User, override_reason: str = ""
) -> Certificate:
    """Complete her: refused with the missing criteria, unless staff override with a reason."""
    if not by.has_perm("mentoring.complete_mentees"):
        raise PermissionDenied
    locked = (
        Application.objects.select_for_update()
        .select_related("cohort", "country", "applicant__user")
        .get(pk=application.pk)
    )
    if locked.status == ApplicationStatus.COMPLETED:
        raise ValidationError(_("She has already completed the programme."), code="completed")
    if locked.status != ApplicationStatus.ACCEPTED:
        raise ValidationError(
            _("Only a mentee taking part in the programme can complete it."), code="status"
        )
    check = completion_check(locked)
    override_reason = override_reason.strip()
    if check.missing and not override_reason:
        raise ValidationError(check.missing, code="criteria_not_met")
    now = timezone.now()
    today = timezone.localdate()
    cohort = locked.cohort
    holder = locked.applicant.user

    from momentum.training.services.certificates import issue_programme_certificate

    certificate = issue_programme_certificate(
        holder=holder,
        title=certificate_title(cohort),
        starts_on=min(cohort.starts_on, today),
        ends_on=today,
        # The hours of mentoring meetings held (the learning path's courses have their own
        # certificates with their own hours).
        hours=check.hours,
        by=by,
        country=locked.country,
    )
    locked.status = ApplicationStatus.COMPLETED
    locked.completed_at = now
    locked.certificate = certificate
    locked.decided_by = by
    locked.updated_at = now
    locked.version = F("version") + 1  # type: ignore[assignment]
    locked.save(
        update_fields=[
            "status",
            "completed_at",
            "certificate",
            "decided_by",
            "updated_at",
            "version",
        ]
    )
    Pairing.objects.filter(mentee=locked, status=PairingStatus.ACTIVE).update(
        status=PairingStatus.COMPLETED, ended_at=now
    )
    joined = _join_hub_space(cohort, holder)
    details: dict[str, Any] = {"certificate": certificate.code, "hub_space": joined}
    if check.missing:
        details["override_reason"] = override_reason
        details["missing"] = check.missing
    audit.record(by, "mentoring.mentee_completed", locked, country=locked.country, **details)
    notify(
        recipients=[holder],
        kind="mentoring.completed",
        message=lambda: (
            _(
                "Congratulations: you completed the mentoring programme. Your certificate's "
                "verification code is %(code)s."
            )
            % {"code": certificate.code}
        ),
        url="/mentoring/my/programme/",
        email=True,
    )
    application.status = locked.status
    application.completed_at = now
    return certificate
