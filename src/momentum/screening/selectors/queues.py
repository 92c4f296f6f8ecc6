"""Reads of queues, plays and scores; each fetches and checks in one call."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from momentum.people.models import Role, User
from momentum.screening.models import Check, Decision, Expected, Play, Queue
from momentum.training.selectors.nominations import officers_taught_by


def queues_visible_to(user: Any) -> QuerySet[Queue]:
    queues = Queue.objects.select_related("world", "trainer").annotate(
        n_items=Count("items", distinct=True), n_plays=Count("plays", distinct=True)
    )
    if user.is_programme_staff:
        return queues
    return queues.filter(trainer=user)


def trainees_for(user: Any) -> QuerySet[User]:
    """The officers a user may give a queue to: staff, any active officer; a trainer, the
    officers selected for a session she trains — never officers of other sessions."""
    officers = User.objects.filter(role_assignments__role=Role.OFFICER, is_active=True)
    if not user.is_programme_staff:
        officers = officers.filter(profile__in=officers_taught_by(user))
    return officers.distinct().order_by("family_name", "given_name", "pk")


def get_queue_for(user: Any, pk: int) -> Queue:
    queue = get_object_or_404(
        Queue.objects.select_related("world", "trainer", "session__course"), pk=pk
    )
    if not user.has_perm("screening.view_queue", queue):
        raise PermissionDenied
    return queue


def plays_of(user: Any) -> QuerySet[Play]:
    return (
        Play.objects.filter(trainee=user)
        .select_related("queue")
        .annotate(
            n_items=Count("queue__items", distinct=True),
            n_decided=Count("checks", filter=~Q(checks__decision=""), distinct=True),
        )
    )


def get_play_for(user: Any, pk: int, *, scores: bool = False) -> Play:
    """The play for its trainee; with ``scores``, also for the queue's trainer and staff."""
    play = get_object_or_404(Play.objects.select_related("queue", "queue__world", "trainee"), pk=pk)
    permission = "screening.view_play_scores" if scores else "screening.play"
    if not user.has_perm(permission, play):
        raise PermissionDenied
    return play


@dataclass
class Scores:
    decided: int = 0
    correct: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    mean_seconds: float | None = None
    missed_by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def precision(self) -> float | None:
        flagged = self.true_positives + self.false_positives
        return round(self.true_positives / flagged, 3) if flagged else None

    @property
    def recall(self) -> float | None:
        hits = self.true_positives + self.false_negatives
        return round(self.true_positives / hits, 3) if hits else None


def scores_of(checks: list[Check]) -> Scores:
    """Precision and recall of "hit" decisions against the ground truth; a refer on a hit is
    not a hit (the traveller would have been sent on without an alert)."""
    scores = Scores()
    missed: Counter[str] = Counter()
    seconds = []
    for check in checks:
        if not check.decision:
            continue
        presentation = check.item.presentation
        scores.decided += 1
        scores.correct += int(check.decision == presentation.expected)
        if check.seconds is not None:
            seconds.append(check.seconds)
        said_hit = check.decision == Decision.HIT
        is_hit = presentation.expected == Expected.HIT
        if said_hit and is_hit:
            scores.true_positives += 1
        elif said_hit:
            scores.false_positives += 1
        elif is_hit:
            scores.false_negatives += 1
            missed[presentation.case_kind] += 1
    scores.mean_seconds = round(sum(seconds) / len(seconds), 1) if seconds else None
    scores.missed_by_kind = dict(missed)
    return scores


def checks_of(plays: Sequence[Play]) -> list[Check]:
    return list(
        Check.objects.filter(play__in=plays)
        .select_related("item__presentation")
        .order_by("play_id", "item__position")
    )


def queue_scores(queue_id: int) -> Scores:
    """The scores of every check made in a queue, all trainees together (for an exercise
    site's screening; one query)."""
    checks = list(
        Check.objects.filter(play__queue_id=queue_id)
        .select_related("item__presentation")
        .order_by("play_id", "item__position")
    )
    return scores_of(checks)


@dataclass(frozen=True)
class QueueBoard:
    """A queue's live figures: travellers checked, hits declared, decisions pending."""

    checked: int
    hits: int
    pending: int


def queue_boards(queue_ids: Sequence[int]) -> dict[int, QueueBoard]:
    """The live figures of several queues at once (two queries), for an exercise's board."""
    checks = (
        Check.objects.filter(play__queue_id__in=queue_ids)
        .values("play__queue_id")
        .annotate(
            checked=Count("pk", filter=~Q(decision="")),
            hits=Count("pk", filter=Q(decision=Decision.HIT)),
            open=Count("pk", filter=Q(decision="")),
        )
        .order_by()
    )
    items = dict(
        Queue.objects.filter(pk__in=queue_ids)
        .annotate(n=Count("items", distinct=True) * Count("plays", distinct=True))
        .values_list("pk", "n")
    )
    boards = {}
    found = {row["play__queue_id"]: row for row in checks}
    for queue_id in queue_ids:
        row = found.get(queue_id, {"checked": 0, "hits": 0, "open": 0})
        waiting = max(0, items.get(queue_id, 0) - row["checked"])
        boards[queue_id] = QueueBoard(checked=row["checked"], hits=row["hits"], pending=waiting)
    return boards
