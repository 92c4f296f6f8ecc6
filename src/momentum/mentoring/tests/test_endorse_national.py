"""The focal point gives, or refuses with a reason, the national endorsement."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry, Notification
from momentum.mentoring.models import ApplicationStatus, CohortStatus
from momentum.mentoring.services import applications as services
from momentum.mentoring.tests.factories import ApplicationFactory, CohortFactory

pytestmark = pytest.mark.django_db


def _url(application):  # type: ignore[no-untyped-def]
    return f"/en/mentoring/applications/{application.pk}/national/"


def test_focal_point_endorses_an_application(client_for, focal_point):
    application = ApplicationFactory(status=ApplicationStatus.SUPERVISOR_ENDORSED)

    response = client_for(focal_point).post(
        _url(application), {"decision": "endorse", "note": "A strong candidate."}
    )

    application.refresh_from_db()
    assert response.status_code == 302
    assert application.status == ApplicationStatus.ENDORSED
    assert application.national_endorsed_by == focal_point
    assert application.national_endorsed_at is not None
    assert application.national_note == "A strong candidate."
    assert AuditEntry.objects.get(verb="application.endorsed").country == application.country
    assert Notification.objects.filter(
        recipient=application.applicant.user, kind="mentoring.endorsed"
    ).exists()


def test_focal_point_refuses_with_a_reason(client_for, focal_point):
    application = ApplicationFactory(status=ApplicationStatus.SUPERVISOR_ENDORSED)

    client_for(focal_point).post(
        _url(application), {"decision": "refuse", "note": "Apply next year."}
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.NOT_ENDORSED
    assert application.national_note == "Apply next year."
    assert Notification.objects.filter(
        recipient=application.applicant.user, kind="mentoring.not_endorsed"
    ).exists()


def test_a_refusal_needs_a_reason(focal_point):
    application = ApplicationFactory(status=ApplicationStatus.SUPERVISOR_ENDORSED)

    with pytest.raises(ValidationError):
        services.refuse_national_endorsement(application=application, by=focal_point, reason=" ")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUPERVISOR_ENDORSED


def test_the_supervisors_endorsement_comes_first(client_for, focal_point):
    application = ApplicationFactory(status=ApplicationStatus.SUBMITTED)

    response = client_for(focal_point).post(_url(application), {"decision": "endorse"}, follow=True)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    [message] = [str(each) for each in response.context["messages"]]
    assert "needs the supervisor's endorsement first" in message


def test_endorsements_close_once_matching_starts(focal_point):
    cohort = CohortFactory(status=CohortStatus.MATCHING)
    application = ApplicationFactory(cohort=cohort, status=ApplicationStatus.SUPERVISOR_ENDORSED)

    with pytest.raises(ValidationError):
        services.endorse_nationally(application=application, by=focal_point)


def test_focal_point_of_another_country_cannot_endorse(client_for, outsider):
    application = ApplicationFactory(status=ApplicationStatus.SUPERVISOR_ENDORSED)

    response = client_for(outsider).post(_url(application), {"decision": "endorse"})

    application.refresh_from_db()
    assert response.status_code == 404
    assert application.status == ApplicationStatus.SUPERVISOR_ENDORSED
    with pytest.raises(PermissionDenied):
        services.endorse_nationally(application=application, by=outsider)


def test_the_applicant_cannot_endorse_herself(client_for):
    application = ApplicationFactory(status=ApplicationStatus.SUPERVISOR_ENDORSED)

    response = client_for(application.applicant.user).post(
        _url(application), {"decision": "endorse"}
    )

    application.refresh_from_db()
    assert response.status_code == 403
    assert application.status == ApplicationStatus.SUPERVISOR_ENDORSED


def test_staff_may_endorse(staff):
    application = ApplicationFactory(status=ApplicationStatus.SUPERVISOR_ENDORSED)

    services.endorse_nationally(application=application, by=staff)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ENDORSED
