"""A queue given for a training session is that session's practical assessment: finishing it
records the trainee's share of correct decisions in training, which counts for completion."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from momentum.screening.models import Check, Play, World
from momentum.screening.services import queues as services
from momentum.training.completion import progress_of
from momentum.training.models import Certificate, PracticalAssessment
from momentum.training.tests.factories import CourseFactory, completed_participation

pytestmark = pytest.mark.django_db


def _finish(queue: Any, officer: Any, *, right: bool) -> None:
    play = Play.objects.get(queue=queue, trainee=officer)
    while (check := services.open_next(play=play, by=officer)) is not None:
        expected = check.item.presentation.expected
        wrong = "no_hit" if expected != "no_hit" else "hit"
        services.decide(check=check, decision=expected if right else wrong, note="", by=officer)


@pytest.fixture
def assessed(officer: Any, trainer: Any) -> Any:
    """Leila's completed session of a course asking for 70 % in practice, trained by Jonas."""
    course = CourseFactory(min_practical_score=70)
    nomination = completed_participation(officer.profile, course=course)
    nomination.session.trainers.add(trainer)
    return nomination


def test_finishing_a_session_queue_records_the_score_and_issues_the_certificate(
    small_world: World, trainer: Any, officer: Any, assessed: Any
) -> None:
    assert not progress_of(assessed).completed
    assert "The practical assessment was not taken." in progress_of(assessed).shortfalls()
    queue = services.generate_queue(
        world=small_world, trainer=trainer, title="Exam", size=5, session=assessed.session
    )
    services.assign(queue=queue, trainees=[officer], by=trainer)
    _finish(queue, officer, right=True)
    assessment = PracticalAssessment.objects.get(nomination=assessed)
    assert assessment.score == Decimal("100.00")
    assert progress_of(assessed).completed
    assert Certificate.objects.filter(nomination=assessed).exists()


def test_a_low_practical_score_keeps_the_course_incomplete_and_says_why(
    small_world: World, trainer: Any, officer: Any, assessed: Any
) -> None:
    queue = services.generate_queue(
        world=small_world, trainer=trainer, title="Exam", size=4, session=assessed.session
    )
    services.assign(queue=queue, trainees=[officer], by=trainer)
    _finish(queue, officer, right=False)
    decided = Check.objects.filter(play__queue=queue).count()
    assert decided == 4
    assert PracticalAssessment.objects.get(nomination=assessed).score == Decimal("0.00")
    progress = progress_of(assessed)
    assert not progress.completed
    assert "The practical assessment score is below 70 %." in progress.shortfalls()
    assert not Certificate.objects.filter(nomination=assessed).exists()


def test_a_trainer_cannot_give_a_queue_for_a_session_she_does_not_train(
    small_world: World, trainer: Any, officer: Any
) -> None:
    other = completed_participation(officer.profile, course=CourseFactory(min_practical_score=50))
    with pytest.raises(ValidationError, match="Choose a session you train"):
        services.generate_queue(
            world=small_world, trainer=trainer, title="Exam", size=3, session=other.session
        )


def test_the_generate_page_offers_only_sessions_asking_for_a_practical_assessment(
    client: Any, trainer: Any, officer: Any, assessed: Any
) -> None:
    plain = completed_participation(officer.profile)
    plain.session.trainers.add(trainer)
    client.force_login(trainer)
    form = client.get("/en/screening/queues/new/").context["form"]
    assert list(form.fields["session"].queryset) == [assessed.session]
