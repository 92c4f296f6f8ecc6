"""The API of a session's nominations: scoped like the pages, refusals in the error shape."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.people.models import RankLevel
from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import Nomination, NominationStatus, SessionStatus, Track
from momentum.training.tests.factories import CourseFactory, NominationFactory, session_with_seats

pytestmark = pytest.mark.django_db


def _url(session):  # type: ignore[no-untyped-def]
    return f"/api/v1/sessions/{session.pk}/nominations"


def _post(client, session, **body):  # type: ignore[no-untyped-def]
    return client.post(_url(session), body, content_type="application/json")


@pytest.fixture
def session_of_two_countries(jordan, morocco, staff):  # type: ignore[no-untyped-def]
    session = session_with_seats({jordan: 2, morocco: 2}, status=SessionStatus.SELECTION)
    for country, status in [
        (jordan, NominationStatus.SELECTED),
        (jordan, NominationStatus.NOMINATED),
        (morocco, NominationStatus.SELECTED),
    ]:
        NominationFactory(session=session, officer=make_officer(country).profile, status=status)
    return session


def _countries_and_statuses(response):  # type: ignore[no-untyped-def]
    return sorted((item["country"], item["status"]) for item in response.json()["items"])


def test_staff_list_every_nomination(client_for, staff, session_of_two_countries):
    response = client_for(staff).get(_url(session_of_two_countries))

    assert response.status_code == 200
    assert _countries_and_statuses(response) == [
        ("JO", "nominated"),
        ("JO", "selected"),
        ("MA", "selected"),
    ]
    item = response.json()["items"][0]
    assert {"given_name_ar", "family_name_ar", "sex", "rank_level", "justification"} <= set(item)


def test_focal_point_lists_only_their_countrys(client_for, outsider, session_of_two_countries):
    response = client_for(outsider).get(_url(session_of_two_countries))

    assert _countries_and_statuses(response) == [("MA", "selected")]


def test_trainer_of_the_session_lists_its_selected_participants(
    client_for, trainer, session_of_two_countries
):
    session_of_two_countries.trainers.add(trainer)

    response = client_for(trainer).get(_url(session_of_two_countries))

    assert _countries_and_statuses(response) == [("JO", "selected"), ("MA", "selected")]


def test_others_are_refused(client_for, trainer, officer, donor, session_of_two_countries):
    for user in (trainer, officer, donor):
        response = client_for(user).get(_url(session_of_two_countries))
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "forbidden"


def test_a_draft_session_is_not_found(client_for, focal_point, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.DRAFT)

    response = client_for(focal_point).get(_url(session))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("rows", [4, 40])
def test_list_queries_do_not_grow(client_for, staff, jordan, rows):
    session = session_with_seats({jordan: 50}, status=SessionStatus.SELECTION)
    for _ in range(rows):
        NominationFactory(session=session, officer=make_officer(jordan).profile)
    client = client_for(staff)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(session))

    assert response.json()["count"] == rows
    # session, user, roles; the session (+ trainers); count; the page of nominations (+ areas)
    assert len(queries) == 8, [q["sql"] for q in queries]


def test_focal_point_nominates_through_the_api(client_for, focal_point, officer, jordan):
    session = session_with_seats({jordan: 2})

    response = _post(
        client_for(focal_point),
        session,
        officer=officer.profile.pk,
        justification="Leads the SLTD desk at Queen Alia airport.",
    )

    assert response.status_code == 201
    body = response.json()
    nomination = Nomination.objects.get()
    assert body["id"] == nomination.pk
    assert (body["country"], body["status"], body["given_name"]) == ("JO", "nominated", "Leila")


def test_an_officer_of_another_country_is_forbidden(client_for, outsider, officer, jordan, morocco):
    session = session_with_seats({jordan: 2, morocco: 2})

    response = _post(
        client_for(outsider), session, officer=officer.profile.pk, justification="Please."
    )

    assert response.status_code == 403
    assert set(response.json()) == {"error"}
    assert not Nomination.objects.exists()


def test_a_second_nomination_is_a_conflict(client_for, focal_point, officer, jordan):
    session = session_with_seats({jordan: 2})
    client = client_for(focal_point)
    _post(client, session, officer=officer.profile.pk, justification="First time.")

    response = _post(client, session, officer=officer.profile.pk, justification="Again.")

    assert response.status_code == 409
    assert response.json() == {
        "error": {
            "code": "duplicate",
            "message": "Leila Haddad is already nominated for this session.",
            "details": {"officer": ["Leila Haddad is already nominated for this session."]},
        }
    }


def test_an_ineligible_officer_is_a_bad_request(client_for, focal_point, officer, jordan):
    session = session_with_seats({jordan: 2}, course=CourseFactory(track=Track.LEADERSHIP))

    response = _post(
        client_for(focal_point), session, officer=officer.profile.pk, justification="Ready."
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "ineligible"


def test_missing_motivation_and_endorsement_are_named(client_for, focal_point, jordan):
    course = CourseFactory(
        track=Track.LEADERSHIP, requires_motivation=True, requires_endorsement=True
    )
    session = session_with_seats({jordan: 2}, course=course)
    mid = make_officer(jordan, rank_level=RankLevel.MID)

    response = _post(client_for(focal_point), session, officer=mid.profile.pk, justification="Ok")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "required"
    assert set(error["details"]) == {"motivation", "supervisor_name", "supervisor_endorsement"}


def test_after_the_deadline_nominations_are_refused(client_for, focal_point, officer, jordan):
    session = session_with_seats(
        {jordan: 2}, nomination_deadline=timezone.now() - timedelta(seconds=1)
    )

    response = _post(
        client_for(focal_point), session, officer=officer.profile.pk, justification="Late."
    )

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "deadline"
    assert error["message"] == "The deadline for nominations to this session has passed."


def test_an_unknown_officer_is_not_found(client_for, focal_point, jordan):
    session = session_with_seats({jordan: 2})

    response = _post(client_for(focal_point), session, officer=999999, justification="Who?")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_routes_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert set(paths["/api/v1/sessions/{session_id}/nominations"]) == {"get", "post"}
