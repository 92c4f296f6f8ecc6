"""Writes for the register of recommendations: staff record each recommendation, the
programme's response, the actions with their owners, due dates and progress, linked records,
and the meeting where it was reported back. Every change is audited."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country
from momentum.governance.models import (
    ActionStatus,
    LinkKind,
    Meeting,
    Recommendation,
    RecommendationAction,
    RecommendationLink,
    Response,
    WrittenProcedure,
)


def _next_reference() -> str:
    last = Recommendation.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return f"REC-{last + 1:03d}"


@transaction.atomic
def record_recommendation(
    *,
    text: str,
    source: str,
    by: Any,
    countries: Iterable[Country] = (),
    meeting: Meeting | None = None,
    procedure: WrittenProcedure | None = None,
    reference: str = "",
) -> Recommendation:
    if not text.strip():
        raise ValidationError({"text": _("Write the recommendation.")})
    recommendation = Recommendation.objects.create(
        reference=reference or _next_reference(),
        text=text.strip(),
        source=source,
        meeting=meeting,
        procedure=procedure,
    )
    recommendation.countries.set(list(countries))
    audit.record(by, "governance.recommendation_recorded", recommendation, source=source)
    return recommendation


def _locked(recommendation: Recommendation, version: int | None) -> Recommendation:
    from momentum.people.services import StaleEditError

    locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if version is not None and locked.version != version:
        raise StaleEditError(
            _("Someone else changed this recommendation since you opened the page. Reload it.")
        )
    return locked


@transaction.atomic
def respond_to_recommendation(
    *,
    recommendation: Recommendation,
    response: str,
    by: Any,
    reason: str = "",
    version: int | None = None,
) -> Recommendation:
    if response not in Response.values or response == Response.PENDING:
        raise ValidationError({"response": _("Choose accepted, partly accepted or rejected.")})
    if response in (Response.REJECTED, Response.PARTLY) and not reason.strip():
        raise ValidationError({"reason": _("Say why the programme does not take it up in full.")})
    recommendation = _locked(recommendation, version)
    before = recommendation.response
    recommendation.response = response
    recommendation.response_reason = reason.strip()
    recommendation.version += 1
    recommendation.save(update_fields=["response", "response_reason", "version"])
    audit.record(
        by,
        "governance.recommendation_answered",
        recommendation,
        before=before,
        after=response,
    )
    return recommendation


@transaction.atomic
def add_action(
    *, recommendation: Recommendation, description: str, owner: str, due_on: date, by: Any
) -> RecommendationAction:
    errors = {}
    if not description.strip():
        errors["description"] = _("Describe the action.")
    if not owner.strip():
        errors["owner"] = _("Name who owns the action.")
    if errors:
        raise ValidationError(errors)
    if recommendation.response == Response.REJECTED:
        raise ValidationError(_("A rejected recommendation takes no action."))
    action = RecommendationAction.objects.create(
        recommendation=recommendation,
        description=description.strip(),
        owner=owner.strip(),
        due_on=due_on,
    )
    audit.record(
        by, "governance.action_added", recommendation, action=action.pk, due=due_on.isoformat()
    )
    return action


@transaction.atomic
def update_action(
    *, action: RecommendationAction, status: str, progress: int, by: Any
) -> RecommendationAction:
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    if not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Progress is a percentage between 0 and 100.")})
    action = RecommendationAction.objects.select_for_update().get(pk=action.pk)
    before = (action.status, action.progress)
    action.status = status
    action.progress = 100 if status == ActionStatus.DONE else progress
    action.save(update_fields=["status", "progress"])
    audit.record(
        by,
        "governance.action_updated",
        action.recommendation,
        action=action.pk,
        before=list(before),
        after=[action.status, action.progress],
    )
    return action


@transaction.atomic
def link_record(
    *, recommendation: Recommendation, kind: str, label: str, url: str, by: Any
) -> RecommendationLink:
    if kind not in LinkKind.values or not label.strip() or not url.strip():
        raise ValidationError(_("Give the linked record a kind, a label and an address."))
    link = RecommendationLink.objects.create(
        recommendation=recommendation, kind=kind, label=label.strip(), url=url.strip()
    )
    audit.record(by, "governance.recommendation_linked", recommendation, kind=kind, url=url)
    return link


@transaction.atomic
def report_back(*, recommendation: Recommendation, meeting: Meeting, by: Any) -> Recommendation:
    recommendation = _locked(recommendation, None)
    recommendation.reported_back_at = meeting
    recommendation.version += 1
    recommendation.save(update_fields=["reported_back_at", "version"])
    audit.record(by, "governance.recommendation_reported_back", recommendation, meeting=meeting.pk)
    return recommendation
