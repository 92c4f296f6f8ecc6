"""Staff's list of mentors: filters by kind, language, expertise, availability and places left
(capacity less active and proposed pairs, counted in SQL); bounded queries. And the short list
of available mentors the application form offers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.mentoring.models import MentorKind, MentorProfile, PairingStatus
from momentum.mentoring.selectors import matching as matching_selectors
from momentum.mentoring.selectors import mentors as selectors
from momentum.mentoring.tests.factories import MentorProfileFactory, PairingFactory, thematic_area

pytestmark = pytest.mark.django_db

URL = "/en/mentoring/mentors/"


def _ids(response):  # type: ignore[no-untyped-def]
    return {mentor.pk for mentor in response.context["page"]}


@pytest.fixture
def mentors():  # type: ignore[no-untyped-def]
    border = thematic_area("border")
    staff_mentor = MentorProfileFactory(
        kind=MentorKind.INTERPOL_STAFF, languages=["fr", "en"], expertise=[border], capacity=2
    )
    senior = MentorProfileFactory(kind=MentorKind.SENIOR_OFFICER, languages=["ar"], capacity=2)
    away = MentorProfileFactory(is_available=False, languages=["en"], capacity=1)
    expired = MentorProfileFactory(
        available_until=timezone.localdate() - timedelta(days=1), capacity=1
    )
    # The senior officer is full: one active pair, one proposed; an ended pair does not count.
    PairingFactory(mentor=senior)
    PairingFactory(mentor=senior, status=PairingStatus.PROPOSED)
    PairingFactory(mentor=staff_mentor, status=PairingStatus.ENDED_EARLY)
    return {"staff": staff_mentor, "senior": senior, "away": away, "expired": expired}


def test_places_left_are_capacity_less_active_and_proposed_pairs(mentors):
    listed = {
        mentor.pk: mentor.places_left
        for mentor in selectors.with_places_left(MentorProfile.objects.all())
    }

    assert listed[mentors["senior"].pk] == 0
    assert listed[mentors["staff"].pk] == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"staff", "senior", "away", "expired"}),
        ({"kind": "interpol_staff"}, {"staff"}),
        ({"language": "fr"}, {"staff"}),
        ({"language": "ar"}, {"senior", "expired"}),
        ({"availability": "available"}, {"staff", "senior"}),
        ({"availability": "unavailable"}, {"away", "expired"}),
        ({"places": "on"}, {"staff", "away", "expired"}),
        ({"availability": "available", "places": "on"}, {"staff"}),
    ],
)
def test_staff_filter_the_list(client_for, staff, mentors, query, expected):
    response = client_for(staff).get(URL, query)

    assert _ids(response) == {mentors[name].pk for name in expected}


def test_filter_by_expertise(client_for, staff, mentors):
    border = thematic_area("border")

    response = client_for(staff).get(URL, {"expertise": border.pk})

    assert _ids(response) == {mentors["staff"].pk}


def test_the_list_shows_places_left_in_words(client_for, staff, mentors):
    content = client_for(staff).get(URL).content.decode()

    senior = content[content.index(f'id="mentor-{mentors["senior"].pk}"') :]
    assert "0 of 2" in senior[: senior.index("</tr>")]
    assert "Not available" in content


def test_bad_filters_are_ignored_not_an_error(client_for, staff, mentors):
    response = client_for(staff).get(URL, {"kind": "wizard", "expertise": "x", "language": "zz"})

    assert response.status_code == 200
    assert len(_ids(response)) == 4


def test_the_list_answers_htmx_with_the_results_only(client_for, staff, mentors):
    response = client_for(staff).get(URL, {"kind": "senior_officer"}, HTTP_HX_REQUEST="true")

    assert b"<html" not in response.content
    assert b'id="mentor-' in response.content


def test_queries_do_not_grow_with_mentors(client_for, staff, django_assert_max_num_queries):
    client = client_for(staff)
    for _index in range(30):
        MentorProfileFactory(expertise=[thematic_area("border")])
    client.get(URL)

    # Session, user, roles (3); the count and the page of mentors with their places left
    # (2); their expertise (1); the filter form's areas (1); the navigation (≤ 2).
    with django_assert_max_num_queries(10):
        response = client.get(URL)
    assert len(_ids(response)) == 30


def test_available_mentors_for_the_application_form(mentors):
    """Available now, with a place left: not the full senior officer, not the absent ones."""
    available = list(matching_selectors.available_mentors())

    assert [mentor.pk for mentor in available] == [mentors["staff"].pk]
    assert [area.code for area in available[0].expertise.all()] == ["border"]
