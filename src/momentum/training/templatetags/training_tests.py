"""Template helpers for knowledge tests: the participant's own tests on the session page (one
bounded query) and the display of scores."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import template
from django.template.defaultfilters import floatformat

from momentum.training.models import Nomination, NominationStatus, Session, SessionStatus, TestKind
from momentum.training.services.assessments import TEST_STATUSES, window_refusal

register = template.Library()


@dataclass(frozen=True)
class OwnTests:
    nomination: Nomination
    pre: Decimal | None
    post: Decimal | None
    pre_open: bool
    post_open: bool


@register.filter
def has_tests(session: Session) -> bool:
    """Whether the session's tests may be open or have results (confirmed until closed)."""
    return session.status in TEST_STATUSES or session.status == SessionStatus.CLOSED


@register.simple_tag
def own_tests(session: Session, user: Any) -> OwnTests | None:
    """The user's tests in ``session`` when they are a selected participant (one query):
    their scores and which tests they may take now."""
    if not getattr(user, "is_authenticated", False):
        return None
    from momentum.training.analytics import with_scores

    nomination = (
        with_scores(
            Nomination.objects.filter(
                session=session, officer__user=user, status=NominationStatus.SELECTED
            )
        )
        .select_related("officer")
        .first()
    )
    if nomination is None:
        return None
    nomination.session = session
    pre: Decimal | None = nomination.pre_score  # type: ignore[attr-defined]
    post: Decimal | None = nomination.post_score  # type: ignore[attr-defined]
    return OwnTests(
        nomination=nomination,
        pre=pre,
        post=post,
        pre_open=pre is None and not window_refusal(session, TestKind.PRE),
        post_open=post is None and not window_refusal(session, TestKind.POST),
    )


@register.filter
def score(value: Any, places: int = 1) -> str:
    """A score, gain or mean with ``places`` decimals (trailing zeros dropped); "—" when
    undefined (a test not taken, a normalised gain with a pre-test of 100)."""
    if value is None or value == "":
        return "—"
    return str(floatformat(value, -int(places)))
