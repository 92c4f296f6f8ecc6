"""Training queues: build or generate a queue, assign it to trainees, screen it, decide.

Refusals are ``ValidationError`` with a whole translated sentence: a queue changed after it
started, a decision made twice, a check of a traveller not yet reached.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.screening.models import (
    CaseKind,
    Check,
    Decision,
    Difficulty,
    Play,
    Presentation,
    Queue,
    QueueItem,
    QueueStatus,
    World,
)
from momentum.screening.models.world import HIT_KINDS, REFER_KINDS
from momentum.screening.selectors.queues import trainees_for
from momentum.training.selectors.nominations import participation_of, practical_sessions_for
from momentum.training.services.practical import record_practical_assessment

# The share of the queue drawn from the planted hits, by difficulty; the hard mix favours
# spelling variants, swapped names and dates, OCR confusions and relatives sharing names.
_HARD_KINDS = {
    CaseKind.LOST_OCR,
    CaseKind.NOMINAL_VARIANT,
    CaseKind.NOMINAL_SWAPPED,
    CaseKind.NOMINAL_DOB_SWAPPED,
    CaseKind.NOMINAL_YEAR_ONLY,
    CaseKind.FORGED_CHECK,
    CaseKind.RELATIVE,
}


def _pick(
    rng: random.Random, presentations: list[Presentation], difficulty: str, size: int
) -> list[Presentation]:
    if difficulty == Difficulty.EASY:
        pool = [p for p in presentations if p.case_kind not in _HARD_KINDS]
    elif difficulty == Difficulty.HARD:
        pool = [
            p for p in presentations if p.case_kind in _HARD_KINDS or p.case_kind in REFER_KINDS
        ]
    else:
        pool = list(presentations)
    hits = [p for p in pool if p.case_kind in HIT_KINDS]
    others = [p for p in pool if p.case_kind not in HIT_KINDS]
    wanted_hits = min(len(hits), max(1, size * 3 // 10))
    chosen = rng.sample(hits, wanted_hits) + rng.sample(
        others, min(len(others), size - wanted_hits)
    )
    rng.shuffle(chosen)
    return chosen


@transaction.atomic
def generate_queue(
    *,
    world: World,
    trainer: Any,
    title: str,
    difficulty: str = Difficulty.MIXED,
    size: int = 10,
    seed: int = 0,
    session: Any = None,
) -> Queue:
    """A queue of ``size`` travellers of the world, with about three in ten to be hits. Given
    a ``session`` (one the trainer may assess), it is that session's practical assessment."""
    if not 1 <= size <= 100:
        raise ValidationError(_("A queue holds between 1 and 100 travellers."))
    if session is not None and not practical_sessions_for(trainer).filter(pk=session.pk).exists():
        raise ValidationError(
            {
                "session": _(
                    "Choose a session you train whose course asks for a practical assessment."
                )
            }
        )
    rng = random.Random(seed or world.seed)
    presentations = list(Presentation.objects.filter(world=world).order_by("pk"))
    chosen = _pick(rng, presentations, difficulty, size)
    if not chosen:
        raise ValidationError(_("This world has no traveller of that difficulty."))
    queue = Queue.objects.create(
        world=world, title=title, difficulty=difficulty, trainer=trainer, session=session
    )
    QueueItem.objects.bulk_create(
        [
            QueueItem(queue=queue, position=index + 1, presentation=p)
            for index, p in enumerate(chosen)
        ]
    )
    audit.record(
        trainer,
        "screening.queue_generated",
        queue,
        size=len(chosen),
        difficulty=difficulty,
        session=getattr(session, "pk", None),
    )
    return queue


@transaction.atomic
def replace_items(
    *, queue: Queue, presentations: list[Presentation], by: Any, version: int
) -> Queue:
    """Change the travellers of a queue; refused once a trainee has started it."""
    locked = Queue.objects.select_for_update().get(pk=queue.pk)
    if locked.status == QueueStatus.STARTED:
        raise ValidationError(_("This queue has started: its travellers can no longer be changed."))
    if locked.version != version:
        raise ValidationError(_("Someone changed this queue meanwhile: reload it and try again."))
    locked.items.all().delete()
    QueueItem.objects.bulk_create(
        [
            QueueItem(queue=locked, position=index + 1, presentation=p)
            for index, p in enumerate(presentations)
        ]
    )
    locked.version += 1
    locked.save(update_fields=["version"])
    audit.record(by, "screening.queue_changed", locked, size=len(presentations))
    return locked


@transaction.atomic
def assign(*, queue: Queue, trainees: list[Any], by: Any) -> list[Play]:
    """Give the queue to trainees (once each); assigning a trainee twice changes nothing.
    A trainer gives it only to officers selected for a session she trains."""
    allowed = set(
        trainees_for(by).filter(pk__in=[t.pk for t in trainees]).values_list("pk", flat=True)
    )
    for trainee in trainees:
        if trainee.pk not in allowed:
            raise ValidationError(
                _(
                    "%(name)s is not among your trainees: a queue can be given only to officers "
                    "selected for a session you train."
                )
                % {"name": trainee.display_name(translation.get_language())}
            )
    return give_queue(queue=queue, trainees=trainees, by=by)


@transaction.atomic
def give_queue(*, queue: Queue, trainees: list[Any], by: Any) -> list[Play]:
    """Give the queue to ``trainees`` whom the caller has already checked (``assign`` checks a
    trainer's own trainees; a field exercise gives a site's queue to the site's screeners)."""
    plays = []
    for trainee in trainees:
        play, created = Play.objects.get_or_create(queue=queue, trainee=trainee)
        if created:
            audit.record(by, "screening.queue_assigned", play, trainee=trainee.pk)
        plays.append(play)
    return plays


def _next_item(play: Play) -> QueueItem | None:
    decided = Check.objects.filter(play=play).exclude(decision="").values("item_id")
    return play.queue.items.exclude(pk__in=decided).order_by("position").first()


@transaction.atomic
def open_next(*, play: Play, by: Any) -> Check | None:
    """Open (or return the open) check of the next traveller; starts its timer and the queue."""
    locked = Play.objects.select_for_update().get(pk=play.pk)
    item = _next_item(locked)
    if item is None:
        return None
    check, created = Check.objects.get_or_create(play=locked, item=item)
    if created:
        Queue.objects.filter(pk=locked.queue_id, status=QueueStatus.DRAFT).update(
            status=QueueStatus.STARTED
        )
    return check


@transaction.atomic
def decide(*, check: Check, decision: str, note: str, by: Any) -> Check:
    """Record the trainee's decision on one traveller, once; times the check."""
    if decision not in Decision.values:
        raise ValidationError(_("Choose hit, no hit or refer."))
    locked = Check.objects.select_for_update().select_related("play").get(pk=check.pk)
    if locked.play.trainee_id != getattr(by, "pk", None):
        raise ValidationError(_("Only the trainee screening this queue can decide."))
    if locked.decision:
        raise ValidationError(
            _("This traveller has already been decided: a decision cannot be changed.")
        )
    now = timezone.now()
    locked.decision = decision
    locked.note = note.strip()[:2000]
    locked.decided_at = now
    locked.seconds = round((now - locked.opened_at).total_seconds(), 1)
    locked.save(update_fields=["decision", "note", "decided_at", "seconds"])
    play = locked.play
    audit.record(by, "screening.decided", locked, decision=decision, seconds=locked.seconds)
    if _next_item(play) is None:
        finished = Play.objects.filter(pk=play.pk, finished_at__isnull=True).update(finished_at=now)
        if finished:
            _record_for_session(play, by=by)
    return locked


def _record_for_session(play: Play, *, by: Any) -> None:
    """A queue given for a training session: the trainee's share of correct decisions becomes
    her practical assessment there (training keeps the best)."""
    session_id = Queue.objects.filter(pk=play.queue_id).values_list("session_id", flat=True)[0]
    if session_id is None:
        return
    nomination = participation_of(session_id, play.trainee)
    if nomination is None:
        return
    checks = Check.objects.filter(play=play).exclude(decision="")
    decided = checks.count()
    correct = checks.filter(decision=F("item__presentation__expected")).count()
    if decided:
        record_practical_assessment(
            nomination=nomination,
            score=Decimal(100 * correct) / Decimal(decided),
            source="screening simulator",
            by=by,
        )


@transaction.atomic
def create_queue_for_exercise_site(
    *, site_name: str, trainer: Any, screeners: list[Any], size: int = 12, seed: int = 0
) -> Queue:
    """A queue for one site of a field exercise, screened by the site's screeners: the
    latest synthetic world's travellers (a world is generated when there is none), assigned
    to each screener. The exercise keeps the queue; its scores are the site's."""
    from momentum.screening.services.generator import generate_world

    world = World.objects.order_by("-pk").first()
    if world is None:
        world = generate_world(seed=seed or 9303, name="Field exercise", by=trainer)
    queue = generate_queue(
        world=world,
        trainer=trainer,
        title=_("Field exercise — %(site)s") % {"site": site_name},
        size=size,
        seed=seed,
    )
    # The site's screeners were placed on its team by the exercise: no session needed.
    give_queue(queue=queue, trainees=screeners, by=trainer)
    return queue


@transaction.atomic
def append_traveller(*, queue: Queue, by: Any, hit: bool = True) -> QueueItem | None:
    """Bring one more traveller of the queue's world to the end of the queue (in exercise
    mode, when a "traveller arrives" inject is fired at the site): a planted hit when
    ``hit``, else an ordinary traveller; one not yet in the queue. None when none is left."""
    locked = Queue.objects.select_for_update().get(pk=queue.pk)
    taken = locked.items.values("presentation_id")
    candidates = Presentation.objects.filter(world_id=locked.world_id).exclude(pk__in=taken)
    candidates = (
        candidates.filter(case_kind__in=HIT_KINDS)
        if hit
        else candidates.exclude(case_kind__in=HIT_KINDS)
    )
    presentation = candidates.order_by("pk").first()
    if presentation is None:
        return None
    last = locked.items.order_by("-position").values_list("position", flat=True).first() or 0
    item = QueueItem.objects.create(queue=locked, position=last + 1, presentation=presentation)
    locked.version += 1
    locked.save(update_fields=["version"])
    audit.record(by, "screening.traveller_appended", locked, position=item.position)
    return item
