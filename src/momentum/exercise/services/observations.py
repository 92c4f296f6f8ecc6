"""Evaluators' observations: one rating of an objective on a site, justified, with strengths,
areas for improvement and evidence (a photo checked like a hub attachment, or a note)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.exercise.models import (
    Exercise,
    ExerciseStatus,
    Member,
    Objective,
    Observation,
    Rating,
    Site,
    TeamRole,
)

EVIDENCE_MAX_BYTES = 8 * 1024 * 1024


def _check_photo(uploaded: UploadedFile) -> Any:
    """The hub's checks (type read from the content; images re-encoded, so no location or
    camera metadata survives); only a photo is kept as evidence."""
    from momentum.hub.files import JPEG, PNG, check_upload

    checked = check_upload(uploaded, max_bytes=EVIDENCE_MAX_BYTES)
    if checked.content_type not in (JPEG, PNG):
        raise ValidationError(
            {
                "evidence": _("Evidence is a photo (JPEG or PNG) or a note: %(name)s is neither.")
                % {"name": checked.name}
            }
        )
    return checked


def _evaluator_places(objective: Objective, evaluator: Any) -> list[Member]:
    return list(
        Member.objects.filter(
            exercise_id=objective.exercise_id,
            user=evaluator,
            role=TeamRole.EVALUATOR,
            objectives=objective,
        )
    )


@transaction.atomic
def record_observation(
    *,
    objective: Objective,
    site: Site,
    evaluator: Any,
    rating: str,
    justification: str,
    strengths: str = "",
    improvements: str = "",
    evidence_note: str = "",
    evidence: UploadedFile | None = None,
) -> Observation:
    exercise = Exercise.objects.get(pk=objective.exercise_id)
    if exercise.status == ExerciseStatus.PLANNING:
        raise ValidationError(_("Observations are recorded once the exercise has started."))
    if site.exercise_id != exercise.pk:
        raise ValidationError({"site": _("This site belongs to another exercise.")})
    places = _evaluator_places(objective, evaluator)
    if not places:
        raise ValidationError(
            {
                "objective": _(
                    "The objective %(code)s is not assigned to you: only its evaluators rate it."
                )
                % {"code": objective.code}
            }
        )
    if not any(place.site_id in (None, site.pk) for place in places):
        raise ValidationError({"site": _("You evaluate this objective on another site.")})
    if rating not in Rating.values:
        raise ValidationError({"rating": _("Choose one of the four ratings.")})
    if not justification.strip():
        raise ValidationError(
            {"justification": _("Justify the rating: say what you saw that supports it.")}
        )
    observation = Observation(
        exercise=exercise,
        objective=objective,
        site=site,
        evaluator=evaluator,
        rating=rating,
        justification=justification.strip(),
        strengths=strengths.strip(),
        improvements=improvements.strip(),
        evidence_note=evidence_note.strip(),
    )
    if evidence is not None:
        checked = _check_photo(evidence)
        observation.evidence.save(checked.name, ContentFile(checked.data), save=False)
        observation.evidence_name = checked.name
    observation.save()
    audit.record(evaluator, "exercise.observation_recorded", observation, rating=rating)
    return observation
