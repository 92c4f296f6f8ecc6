"""Cached test-result figures (core.counting) go stale whenever what they count changes."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from momentum.core import counting

# The topic of the cached figures of the results pages (training.analytics.result_figures).
RESULTS = "training.results"


def results_changed(**kwargs: Any) -> None:
    counting.bump(RESULTS)


def connect() -> None:
    from momentum.people.models import Profile
    from momentum.training.models import Answer, Nomination, Question, Session, TestAttempt

    # A participant's sex, a nomination's status or country, a session's cancellation, a test,
    # its answers and the questions all change the figures.
    for model in (Profile, Nomination, Session, TestAttempt, Answer, Question):
        post_save.connect(results_changed, sender=model, dispatch_uid=f"results-{model.__name__}")
        post_delete.connect(
            results_changed, sender=model, dispatch_uid=f"results-del-{model.__name__}"
        )
    m2m_changed.connect(results_changed, sender=Answer.choices.through, dispatch_uid="results-m2m")
