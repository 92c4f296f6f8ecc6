"""The applicant follows her applications on "My mentoring" and may withdraw them until she
is accepted; the application page shows each reader what they may see."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.mentoring.models import ApplicationStatus
from momentum.mentoring.selectors.applications import timeline
from momentum.mentoring.tests.factories import ApplicationFactory, CohortFactory
from momentum.people.models import Role
from momentum.people.tests.factories import person_with_role

pytestmark = pytest.mark.django_db

# The menu's items of other apps may read a little (the hub's memberships, say).
MENU_QUERIES = 3


def test_my_mentoring_lists_her_applications_with_their_timeline(
    client_for, django_assert_max_num_queries
):
    application = ApplicationFactory(status=ApplicationStatus.SUPERVISOR_ENDORSED)
    for _ in range(3):
        ApplicationFactory(applicant=application.applicant)
    ApplicationFactory()  # someone else's
    client = client_for(application.applicant.user)

    # session, user, her applications (with their cohorts), roles; then what the menu reads.
    with django_assert_max_num_queries(4 + MENU_QUERIES):
        response = client.get("/en/mentoring/my/")

    rows = response.context["rows"]
    assert len(rows) == 4
    assert {row["application"].applicant_id for row in rows} == {application.applicant_id}
    page = response.content.decode()
    assert "Endorsement by the supervisor" in page
    assert "Next: your focal point decides on the national endorsement." in page


def test_the_query_count_does_not_grow_with_applications(client_for):
    first = ApplicationFactory()
    client = client_for(first.applicant.user)
    with CaptureQueriesContext(connection) as one:
        client.get("/en/mentoring/my/")
    for _ in range(5):
        ApplicationFactory(applicant=first.applicant)

    with CaptureQueriesContext(connection) as six:
        client.get("/en/mentoring/my/")

    assert len(six.captured_queries) == len(one.captured_queries)


def test_the_timeline_dates_each_step_and_says_what_comes_next():
    application = ApplicationFactory(status=ApplicationStatus.ENDORSED)

    steps, next_step = timeline(application)

    assert [step.state for step in steps] == ["done", "done", "done", "current", "todo", "todo"]
    assert steps[1].when == application.supervisor_endorsed_at
    assert steps[2].when == application.national_endorsed_at
    assert next_step.startswith("Next: the selection panel")


def test_the_timeline_shows_where_a_refused_application_stopped():
    application = ApplicationFactory(status=ApplicationStatus.NOT_ENDORSED)

    steps, next_step = timeline(application)

    assert [step.state for step in steps][:3] == ["done", "done", "refused"]
    assert next_step == "The application stops here."


def test_she_withdraws_her_application(client_for, focal_point):
    application = ApplicationFactory()

    response = client_for(application.applicant.user).post(
        f"/en/mentoring/applications/{application.pk}/withdraw/", {"reason": "A new post."}
    )

    application.refresh_from_db()
    assert response["Location"] == "/en/mentoring/my/"
    assert application.status == ApplicationStatus.WITHDRAWN
    assert application.decision_note == "A new post."
    assert AuditEntry.objects.filter(verb="application.withdrawn").exists()


@pytest.mark.parametrize(
    "status", [ApplicationStatus.ACCEPTED, ApplicationStatus.OFFERED, ApplicationStatus.WITHDRAWN]
)
def test_she_cannot_withdraw_once_offered_or_accepted(client_for, status):
    application = ApplicationFactory(status=status)

    client_for(application.applicant.user).post(
        f"/en/mentoring/applications/{application.pk}/withdraw/"
    )

    application.refresh_from_db()
    assert application.status == status


def test_another_officer_cannot_see_her_application(client_for, officer):
    application = ApplicationFactory()

    response = client_for(officer).get(f"/en/mentoring/applications/{application.pk}/")

    assert response.status_code == 404


def test_the_panel_sees_an_endorsed_application_without_the_supervisors_address(client_for):
    panelist = person_with_role(Role.TRAINER, None)
    cohort = CohortFactory(panel=[panelist])
    application = ApplicationFactory(cohort=cohort, status=ApplicationStatus.ENDORSED)

    response = client_for(panelist).get(f"/en/mentoring/applications/{application.pk}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert application.motivation in page
    assert application.supervisor_email not in page
    assert "national_form" not in response.context


def test_the_panel_does_not_see_an_application_before_the_national_endorsement(client_for):
    panelist = person_with_role(Role.TRAINER, None)
    cohort = CohortFactory(panel=[panelist])
    application = ApplicationFactory(cohort=cohort, status=ApplicationStatus.SUPERVISOR_ENDORSED)

    response = client_for(panelist).get(f"/en/mentoring/applications/{application.pk}/")

    assert response.status_code == 404


def test_her_focal_point_sees_the_supervisors_address_and_the_decision_forms(
    client_for, focal_point, django_assert_max_num_queries
):
    application = ApplicationFactory(status=ApplicationStatus.SUPERVISOR_ENDORSED)
    client = client_for(focal_point)

    # session, user, roles; the application with its cohort, applicant and deciders; its
    # goal areas, work areas and preferred mentors; then what the menu reads.
    with django_assert_max_num_queries(7 + MENU_QUERIES):
        response = client.get(f"/en/mentoring/applications/{application.pk}/")

    assert application.supervisor_email in response.content.decode()
    assert response.context["may_endorse"] is True


def test_the_application_records_when_it_was_sent():
    application = ApplicationFactory()

    steps, _next = timeline(application)

    assert steps[0].when <= timezone.now()
