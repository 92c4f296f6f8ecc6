"""The API of applications: scoped like the pages, panel scores and the supervisor's e-mail
address only for those who may read them, and applying through the page's service."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.mentoring.models import Application, ApplicationStatus
from momentum.mentoring.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    female_officer_profile,
    panelist_for,
)
from momentum.people.models import Sex

pytestmark = pytest.mark.django_db

URL = "/api/v1/mentoring/applications"


@pytest.fixture
def leila(officer):  # type: ignore[no-untyped-def]
    officer.profile.sex = Sex.FEMALE
    officer.profile.save()
    return officer


@pytest.fixture
def cohort(jordan, morocco):  # type: ignore[no-untyped-def]
    return CohortFactory(places={jordan: 3, morocco: 3})


@pytest.fixture
def applications(cohort, leila, jordan, morocco):  # type: ignore[no-untyped-def]
    """Leila's (submitted), another Jordanian's (with the panel, scored 72.50) and a
    Moroccan's (with the panel)."""
    own = ApplicationFactory(cohort=cohort, applicant=leila.profile)
    scored = ApplicationFactory(
        cohort=cohort,
        applicant=female_officer_profile(jordan),
        status=ApplicationStatus.ENDORSED,
        score=Decimal("72.50"),
        reviews_count=2,
    )
    moroccan = ApplicationFactory(
        cohort=cohort, applicant=female_officer_profile(morocco), status=ApplicationStatus.ENDORSED
    )
    return own, scored, moroccan


def _items(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content
    return {item["id"]: item for item in response.json()["items"]}


def test_an_officer_lists_only_her_own_without_scores_or_email(client_for, leila, applications):
    own, _scored, _moroccan = applications

    items = _items(client_for(leila).get(URL))

    assert list(items) == [own.pk]
    item = items[own.pk]
    assert item["status"] == "submitted"
    assert item["status_label"] == "Waiting for the supervisor's endorsement"
    assert item["supervisor_email"] is None
    assert item["score"] is None and item["reviews_count"] is None


def test_a_focal_point_lists_her_countrys_with_email_but_no_scores(
    client_for, focal_point, applications
):
    own, scored, _moroccan = applications

    items = _items(client_for(focal_point).get(URL))

    assert set(items) == {own.pk, scored.pk}
    assert items[scored.pk]["supervisor_email"] == scored.supervisor_email
    assert items[scored.pk]["score"] is None
    assert items[scored.pk]["reviews_count"] is None


def test_a_panel_member_lists_the_endorsed_with_scores_but_no_email(
    client_for, cohort, applications
):
    _own, scored, moroccan = applications
    panelist = panelist_for(cohort)

    items = _items(client_for(panelist).get(URL))

    assert set(items) == {scored.pk, moroccan.pk}  # not Leila's, still with her supervisor
    assert items[scored.pk]["score"] == "72.50"
    assert items[scored.pk]["reviews_count"] == 2
    assert items[scored.pk]["supervisor_email"] is None


def test_a_panel_member_of_another_cohort_sees_no_score(client_for, jordan, applications):
    other = CohortFactory(places={jordan: 1})
    panelist = panelist_for(other)
    _own, scored, _moroccan = applications
    ApplicationFactory(cohort=other, applicant=female_officer_profile(jordan))
    panelist.role_assignments.create(role="focal_point", country=jordan)

    items = _items(client_for(panelist).get(URL))

    assert items[scored.pk]["score"] is None  # seen as a focal point, not as a panel member


def test_staff_list_all_with_scores_and_email(client_for, staff, applications):
    _own, scored, _moroccan = applications

    items = _items(client_for(staff).get(URL))

    assert len(items) == 3
    assert items[scored.pk]["score"] == "72.50"
    assert items[scored.pk]["supervisor_email"] == scored.supervisor_email


def test_filters_by_cohort_and_status(client_for, staff, jordan, applications):
    other = CohortFactory(places={jordan: 1})
    ApplicationFactory(cohort=other, applicant=female_officer_profile(jordan))
    _own, scored, moroccan = applications
    client = client_for(staff)

    endorsed = _items(client.get(URL, {"cohort": scored.cohort_id, "status": "endorsed"}))

    assert set(endorsed) == {scored.pk, moroccan.pk}
    assert len(_items(client.get(URL, {"cohort": other.pk}))) == 1


def test_the_detail_is_scoped_like_the_page(client_for, outsider, focal_point, applications):
    _own, scored, _moroccan = applications

    assert client_for(outsider).get(f"{URL}/{scored.pk}").status_code == 404
    body = client_for(focal_point).get(f"{URL}/{scored.pk}").json()
    assert body["id"] == scored.pk
    assert body["score"] is None


@pytest.mark.parametrize("rows", [3, 12])
def test_list_queries_do_not_grow(client_for, staff, cohort, jordan, rows):
    for _ in range(rows):
        ApplicationFactory(cohort=cohort, applicant=female_officer_profile(jordan))
    client = client_for(staff)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)

    assert response.json()["count"] == rows
    # session, user, roles; count; the page (+ cohort, country, applicant, certificate);
    # goal areas; work areas
    assert len(queries) == 7, [q["sql"] for q in queries]


# --- applying ---


def _payload(**changes):  # type: ignore[no-untyped-def]
    payload = {
        "motivation": "أقود وحدة النساء في معبر جابر الحدودي.",
        "goals": "Lead a regional task force.",
        "years_of_service": 8,
        "supervisor_name": "Colonel Nasser",
        "supervisor_email": "nasser@example.org",
        "languages": ["ar", "en"],
        "wants_leadership": True,
    }
    payload.update(changes)
    return payload


def _apply(client, cohort, **headers):  # type: ignore[no-untyped-def]
    def send(**changes):  # type: ignore[no-untyped-def]
        return client.post(
            f"/api/v1/mentoring/cohorts/{cohort.pk}/applications",
            _payload(**changes),
            content_type="application/json",
            **headers,
        )

    return send


def test_an_officer_applies_through_the_api(client_for, leila, cohort):
    area = AreaOfWorkFactory(code="borders")

    response = _apply(client_for(leila), cohort)(work_areas=["borders"], language="ar")

    assert response.status_code == 201, response.content
    application = Application.objects.get()
    body = response.json()
    assert body["id"] == application.pk
    assert (body["status"], body["country"], body["given_name"]) == ("submitted", "JO", "Leila")
    assert body["work_areas"] == ["borders"]
    assert body["supervisor_email"] is None  # she is neither staff nor a focal point
    assert application.language == "ar"
    assert list(application.work_areas.all()) == [area]
    assert application.wants_leadership
    assert AuditEntry.objects.filter(verb="application.submitted").count() == 1


def test_an_ineligible_officer_is_refused_with_every_reason(client_for, leila, cohort):
    leila.profile.sex = Sex.MALE
    leila.profile.save()

    response = _apply(client_for(leila), cohort)(years_of_service=1)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "ineligible"
    assert error["details"]["reasons"] == [
        "The mentoring programme is for women officers.",
        "This cohort asks for at least 2 years of service.",
    ]
    assert not Application.objects.exists()


def test_the_reasons_are_in_the_callers_language(client_for, leila, morocco):
    only_morocco = CohortFactory(places={morocco: 2})

    response = _apply(client_for(leila), only_morocco, HTTP_ACCEPT_LANGUAGE="fr")()

    assert response.status_code == 422
    assert "Jordanie" in response.json()["error"]["message"]


def test_a_second_application_is_a_conflict(client_for, leila, cohort):
    send = _apply(client_for(leila), cohort)
    assert send().status_code == 201

    response = send()

    assert response.status_code == 409
    error = response.json()["error"]
    assert (error["code"], error["message"]) == (
        "duplicate",
        "You have already applied to this cohort.",
    )
    assert Application.objects.count() == 1


def test_a_closed_cohort_refuses(client_for, leila, jordan):
    closed = CohortFactory(
        places={jordan: 2}, applications_close_at=timezone.now() - timedelta(minutes=1)
    )

    response = _apply(client_for(leila), closed)()

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "closed"


def test_bad_input_is_named_by_field(client_for, leila, cohort):
    send = _apply(client_for(leila), cohort)

    unknown_area = send(work_areas=["nowhere"])
    bad_email = send(supervisor_email="not an address", languages=["xx"])
    empty = send(motivation="  ")
    negative = send(years_of_service=-1)

    assert unknown_area.status_code == 422
    assert set(unknown_area.json()["error"]["details"]) == {"work_areas"}
    assert set(bad_email.json()["error"]["details"]) == {"supervisor_email", "languages"}
    assert empty.json()["error"]["details"] == {
        "motivation": ["Say why you want to join the programme."]
    }
    assert negative.status_code == 422
    assert negative.json()["error"]["code"] == "invalid"
    assert not Application.objects.exists()


def test_a_focal_point_cannot_apply_through_the_api(client_for, focal_point, cohort):
    response = _apply(client_for(focal_point), cohort)()

    assert response.status_code == 403
    assert not Application.objects.exists()
