"""Practical assessments recorded by other activities (e.g. the screening simulator).

A course may ask for a minimum practical score besides attendance and the post-test. Another
activity that assesses a participant calls ``record_practical_assessment``; the best score is
kept. Once the session is over, a participant who now meets the whole rule gets her
certificate at once.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.training.completion import FINISHED
from momentum.training.models import Nomination, NominationStatus, PracticalAssessment
from momentum.training.services.certificates import issue_certificate_if_complete

_HUNDREDTH = Decimal("0.01")


@transaction.atomic
def record_practical_assessment(
    *, nomination: Nomination, score: Decimal | float, source: str, by: Any
) -> PracticalAssessment:
    """Keep the participant's best practical score (0 to 100) for the session; audited."""
    value = Decimal(str(score)).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)
    if not Decimal(0) <= value <= Decimal(100):
        raise ValidationError(_("A practical assessment score is between 0 and 100 %."))
    locked = Nomination.objects.select_for_update().select_related("session").get(pk=nomination.pk)
    if locked.status != NominationStatus.SELECTED:
        raise ValidationError(
            _("Only a selected participant of the session can be given a practical assessment.")
        )
    assessment, created = PracticalAssessment.objects.get_or_create(
        nomination=locked,
        defaults={"source": source, "score": value, "recorded_at": timezone.now()},
    )
    if not created and value > assessment.score:
        assessment.score = value
        assessment.source = source
        assessment.recorded_at = timezone.now()
        assessment.save(update_fields=["score", "source", "recorded_at"])
    audit.record(
        by,
        "training.practical_assessed",
        locked,
        country=locked.country,
        score=str(value),
        source=source,
    )
    if locked.session.status in FINISHED:
        issue_certificate_if_complete(nomination=locked, by=by)
    return assessment
