"""A trainee screens a trainer's queue: one decision per traveller, feedback after it, scores."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from momentum.people.models import Role
from momentum.people.tests import factories
from momentum.people.tests.factories import person_with_role
from momentum.screening.models import Check, Expected, Play, Queue, QueueStatus
from momentum.screening.services import queues as services
from momentum.screening.tests.conftest import teach

pytestmark = pytest.mark.django_db


def _play(queue: Queue, officer: Any) -> Play:
    return Play.objects.get(queue=queue, trainee=officer)


def test_the_console_of_a_queue_never_shows_the_ground_truth_before_deciding(
    client: Any, queue: Queue, officer: Any
) -> None:
    client.force_login(officer)
    response = client.get(f"/en/screening/plays/{_play(queue, officer).pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Training — synthetic data" in body
    assert "Expected decision" not in body
    assert "Planted case" not in body


def test_deciding_shows_feedback_and_moves_to_the_next_traveller(
    client: Any, queue: Queue, officer: Any
) -> None:
    client.force_login(officer)
    play = _play(queue, officer)
    client.get(f"/en/screening/plays/{play.pk}/")
    check = Check.objects.get(play=play)
    response = client.post(
        f"/en/screening/checks/{check.pk}/decide/", {"decision": "hit", "note": "name and date"}
    )
    assert response["Location"] == f"/en/screening/checks/{check.pk}/feedback/"
    feedback = client.get(response["Location"]).content.decode()
    assert "Expected decision" in feedback
    check.refresh_from_db()
    assert check.decision == "hit" and check.seconds is not None
    client.get(f"/en/screening/plays/{play.pk}/")
    assert Check.objects.filter(play=play).count() == 2


def test_a_decision_made_twice_is_refused(queue: Queue, officer: Any) -> None:
    check = services.open_next(play=_play(queue, officer), by=officer)
    assert check is not None
    services.decide(check=check, decision="no_hit", note="", by=officer)
    with pytest.raises(ValidationError, match="already been decided"):
        services.decide(check=check, decision="hit", note="", by=officer)


def test_a_trainee_cannot_open_or_decide_another_trainees_queue(
    client: Any, queue: Queue, officer: Any, jordan: Any
) -> None:
    other = person_with_role(Role.OFFICER, jordan, email="other.officer@example.org")
    play = _play(queue, officer)
    check = services.open_next(play=play, by=officer)
    assert check is not None
    client.force_login(other)
    assert client.get(f"/en/screening/plays/{play.pk}/").status_code == 403
    assert (
        client.post(f"/en/screening/checks/{check.pk}/decide/", {"decision": "hit"}).status_code
        == 403
    )
    with pytest.raises(ValidationError):
        services.decide(check=check, decision="hit", note="", by=other)


def test_a_queue_changed_after_it_started_is_refused(
    queue: Queue, officer: Any, trainer: Any
) -> None:
    services.open_next(play=_play(queue, officer), by=officer)
    queue.refresh_from_db()
    assert queue.status == QueueStatus.STARTED
    with pytest.raises(ValidationError, match="has started"):
        services.replace_items(queue=queue, presentations=[], by=trainer, version=queue.version)


def test_scores_count_precision_recall_time_and_missed_hits_by_kind(
    client: Any, queue: Queue, officer: Any, trainer: Any
) -> None:
    play = _play(queue, officer)
    while (check := services.open_next(play=play, by=officer)) is not None:
        # The trainee says "no hit" to everything: every hit is missed.
        services.decide(check=check, decision="no_hit", note="", by=officer)
    play.refresh_from_db()
    assert play.finished_at is not None
    hits = queue.items.filter(presentation__expected=Expected.HIT).count()
    assert hits >= 1
    client.force_login(trainer)
    response = client.get(f"/en/screening/plays/{play.pk}/scores/")
    scores = response.context["scores"]
    assert scores.recall == 0.0
    assert scores.precision is None
    assert sum(scores.missed_by_kind.values()) == hits
    assert scores.decided == queue.items.count()
    api = client.get(f"/api/v1/screening/plays/{play.pk}/scores").json()
    assert api["recall"] == 0.0 and api["decided"] == scores.decided


def test_trainer_queue_page_query_count_does_not_grow_with_trainees(
    client: Any, queue: Queue, trainer: Any, jordan: Any, django_assert_max_num_queries: Any
) -> None:
    trainees = [factories.officer(jordan, user__email=f"t{n}@example.org") for n in range(4)]
    teach(trainer, *trainees)
    services.assign(queue=queue, trainees=trainees, by=trainer)
    client.force_login(trainer)
    # session, user, roles, queue, items, plays, checks, trainee options
    with django_assert_max_num_queries(12):
        response = client.get(f"/en/screening/queues/{queue.pk}/")
    assert len(response.context["rows"]) == 5


def test_generate_queue_page_creates_a_queue(client: Any, small_world: Any, trainer: Any) -> None:
    client.force_login(trainer)
    response = client.post(
        "/en/screening/queues/new/",
        {"world": small_world.pk, "title": "Airport", "difficulty": "hard", "size": 5},
    )
    queue = Queue.objects.get(title="Airport")
    assert response["Location"] == f"/en/screening/queues/{queue.pk}/"
    assert queue.items.count() == 5


def test_index_page_query_count_does_not_grow_with_queues(
    client: Any, small_world: Any, trainer: Any, django_assert_max_num_queries: Any
) -> None:
    for number in range(5):
        services.generate_queue(world=small_world, trainer=trainer, title=f"Q{number}", size=3)
    client.force_login(trainer)
    # session, user, roles, plays, queues (with counts), worlds (with counts), home/nav extras
    with django_assert_max_num_queries(10):
        response = client.get("/en/screening/")
    assert len(response.context["queues"]) == 5


def test_a_trainer_chooses_the_travellers_by_hand_until_the_queue_starts(
    client: Any, small_world: Any, trainer: Any, officer: Any
) -> None:
    from momentum.screening.models import Presentation

    queue = services.generate_queue(world=small_world, trainer=trainer, title="By hand", size=3)
    chosen = list(Presentation.objects.filter(world=small_world).order_by("pk")[:2])
    client.force_login(trainer)
    url = f"/en/screening/queues/{queue.pk}/edit/"
    data = {"presentations": [p.pk for p in chosen], "version": queue.version}
    assert client.post(url, data)["Location"] == f"/en/screening/queues/{queue.pk}/"
    assert [i.presentation_id for i in queue.items.all()] == [p.pk for p in chosen]
    teach(trainer, officer)
    services.assign(queue=queue, trainees=[officer], by=trainer)
    services.open_next(play=Play.objects.get(queue=queue), by=officer)
    queue.refresh_from_db()
    response = client.post(url, {"presentations": [chosen[0].pk], "version": queue.version})
    assert response.status_code == 200
    assert "has started" in response.content.decode()
    assert queue.items.count() == 2


def test_a_trainer_gives_a_queue_only_to_the_officers_of_her_sessions(
    client: Any, queue: Queue, trainer: Any, officer: Any, jordan: Any
) -> None:
    outsider = person_with_role(Role.OFFICER, jordan, email="not.taught@example.org")
    with pytest.raises(ValidationError, match="not among your trainees"):
        services.assign(queue=queue, trainees=[outsider], by=trainer)
    assert not Play.objects.filter(trainee=outsider).exists()
    client.force_login(trainer)
    page = client.get(f"/en/screening/queues/{queue.pk}/")
    offered = list(page.context["form"].fields["trainees"].queryset)
    assert officer in offered and outsider not in offered
    response = client.post(
        f"/en/screening/queues/{queue.pk}/assign/", {"trainees": [outsider.pk]}, follow=True
    )
    assert "Choose at least one trainee" in response.content.decode()
    assert not Play.objects.filter(trainee=outsider).exists()


def test_staff_may_give_a_queue_to_any_officer(queue: Queue, staff: Any, jordan: Any) -> None:
    anyone = person_with_role(Role.OFFICER, jordan, email="any.officer@example.org")
    services.assign(queue=queue, trainees=[anyone], by=staff)
    assert Play.objects.filter(queue=queue, trainee=anyone).exists()
