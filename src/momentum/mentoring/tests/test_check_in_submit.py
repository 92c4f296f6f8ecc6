"""A side of the pair answers a due check-in: satisfaction and progress from 1 to 5, a
comment; out-of-range or early answers are refused with a message."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.mentoring.models import CheckIn
from momentum.mentoring.services import pairs as services
from momentum.mentoring.tests.factories import pair_for

pytestmark = pytest.mark.django_db


def _check_in(pairing, respondent, days_ago=1):  # type: ignore[no-untyped-def]
    return CheckIn.objects.create(
        pairing=pairing,
        respondent=respondent,
        due_on=timezone.localdate() - timedelta(days=days_ago),
    )


def test_the_respondent_answers_a_due_check_in(officer):
    item = _check_in(pair_for(officer), officer)

    saved = services.submit_check_in(
        check_in=item, by=officer, satisfaction=5, progress=4, comment=" Going well "
    )

    assert (saved.satisfaction, saved.progress, saved.comment) == (5, 4, "Going well")
    assert saved.submitted_at is not None


@pytest.mark.parametrize(
    ("satisfaction", "progress", "fields"),
    [(0, 3, {"satisfaction"}), (3, 6, {"progress"}), (None, None, {"satisfaction", "progress"})],
)
def test_scores_outside_1_to_5_are_refused(officer, satisfaction, progress, fields):
    item = _check_in(pair_for(officer), officer)

    with pytest.raises(ValidationError) as refusal:
        services.submit_check_in(
            check_in=item, by=officer, satisfaction=satisfaction, progress=progress
        )

    assert set(refusal.value.message_dict) == fields
    assert refusal.value.message_dict[next(iter(fields))] == ["Choose a score from 1 to 5."]
    item.refresh_from_db()
    assert item.submitted_at is None


def test_a_check_in_not_due_yet_is_refused(officer):
    item = _check_in(pair_for(officer), officer, days_ago=-3)

    with pytest.raises(ValidationError) as refusal:
        services.submit_check_in(check_in=item, by=officer, satisfaction=3, progress=3)
    assert refusal.value.messages[0].startswith("This check-in opens on")


def test_a_check_in_is_answered_once(officer):
    item = _check_in(pair_for(officer), officer)
    services.submit_check_in(check_in=item, by=officer, satisfaction=3, progress=3)

    with pytest.raises(ValidationError) as refusal:
        services.submit_check_in(check_in=item, by=officer, satisfaction=1, progress=1)
    assert refusal.value.messages == ["This check-in was already answered."]
    item.refresh_from_db()
    assert item.satisfaction == 3


def test_nobody_answers_someone_elses_check_in(officer, mentor, staff):
    pairing = pair_for(officer, mentor)
    item = _check_in(pairing, officer)

    for person in (mentor, staff):
        with pytest.raises(PermissionDenied):
            services.submit_check_in(check_in=item, by=person, satisfaction=3, progress=3)


def test_the_form_refuses_an_out_of_range_score_with_a_message(client_for, officer):
    item = _check_in(pair_for(officer), officer)

    response = client_for(officer).post(
        f"/en/mentoring/check-ins/{item.pk}/", {"satisfaction": "7", "progress": "3"}
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    item.refresh_from_db()
    assert item.submitted_at is None


def test_the_form_records_the_answer(client_for, officer):
    pairing = pair_for(officer)
    item = _check_in(pairing, officer)

    response = client_for(officer).post(
        f"/en/mentoring/check-ins/{item.pk}/",
        {"satisfaction": "2", "progress": "3", "comment": "Too few meetings"},
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.satisfaction, item.progress, item.comment) == (2, 3, "Too few meetings")


def test_a_check_in_not_due_shows_when_it_opens_and_no_form(client_for, officer):
    item = _check_in(pair_for(officer), officer, days_ago=-10)

    response = client_for(officer).get(f"/en/mentoring/check-ins/{item.pk}/")

    content = response.content.decode()
    assert "This check-in opens on" in content
    assert 'name="satisfaction"' not in content


def test_the_pair_page_links_the_due_check_in_for_its_respondent_only(client_for, officer, mentor):
    pairing = pair_for(officer, mentor)
    item = _check_in(pairing, officer)
    link = f"/en/mentoring/check-ins/{item.pk}/"

    assert link in client_for(officer).get(f"/en/mentoring/pairs/{pairing.pk}/").content.decode()
    assert link not in client_for(mentor).get(f"/en/mentoring/pairs/{pairing.pk}/").content.decode()
