"""Who may do what in the screening simulator. Pages and the API ask these predicates."""

from __future__ import annotations

from typing import Any

import rules


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def is_staff(user: Any) -> bool:
    return _signed_in(user) and bool(user.is_programme_staff)


@rules.predicate
def is_trainer(user: Any) -> bool:
    from momentum.people.models import Role

    return _signed_in(user) and Role.TRAINER in user.roles


@rules.predicate
def is_officer(user: Any) -> bool:
    from momentum.people.models import Role

    return _signed_in(user) and Role.OFFICER in user.roles


@rules.predicate
def trains_the_queue(user: Any, queue: Any) -> bool:
    return _signed_in(user) and queue is not None and queue.trainer_id == user.pk


@rules.predicate
def plays_it(user: Any, play: Any) -> bool:
    return _signed_in(user) and play is not None and play.trainee_id == user.pk


@rules.predicate
def trains_the_play(user: Any, play: Any) -> bool:
    return _signed_in(user) and play is not None and play.queue.trainer_id == user.pk


@rules.predicate
def sees_programme_results(user: Any) -> bool:
    """Staff, the donor and the Advisory Board (all countries), a focal point (her own)."""
    from momentum.people.models import Role

    if not _signed_in(user):
        return False
    if user.is_programme_staff:
        return True
    return bool({Role.DONOR, Role.BOARD_MEMBER} & user.roles) or bool(
        user.countries_for(Role.FOCAL_POINT)
    )


# The console and the worlds: trainers and staff build, officers screen.
rules.add_perm("screening.use_console", is_staff | is_trainer | is_officer)
rules.add_perm("screening.manage_queues", is_staff | is_trainer)
rules.add_perm("screening.view_queue", is_staff | trains_the_queue)
rules.add_perm("screening.change_queue", is_staff | trains_the_queue)
# A trainee opens her own play only; the trainer and staff read its scores.
rules.add_perm("screening.play", plays_it)
rules.add_perm("screening.view_play_scores", plays_it | trains_the_play | is_staff)
rules.add_perm("screening.view_own_plays", is_officer)
# The programme's results: aggregates only, by country and sex.
rules.add_perm("screening.view_summary", sees_programme_results)
