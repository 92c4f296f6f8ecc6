"""The supervisor endorses (or declines) through the signed link, once; the focal point may
record an endorsement given otherwise."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry, Notification
from momentum.mentoring.models import ApplicationStatus
from momentum.mentoring.services import applications as services
from momentum.mentoring.tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def _url(token: str, language: str = "en") -> str:
    return f"/{language}/mentoring/endorse/{token}/"


def test_the_link_shows_the_applicant_cohort_and_motivation(client, focal_point):
    application = ApplicationFactory(motivation="I lead the unit at the Jaber crossing.")

    response = client.get(_url(services.supervisor_token(application)))

    page = response.content.decode()
    assert response.status_code == 200
    assert application.applicant.user.given_name in page
    assert str(application.cohort.name_en) in page
    assert "I lead the unit at the Jaber crossing." in page
    # Never the e-mail address of the supervisor, nor of anyone else.
    assert application.supervisor_email not in page


def test_the_supervisor_endorses_without_an_account(client, focal_point):
    application = ApplicationFactory()

    response = client.post(
        _url(services.supervisor_token(application)),
        {"answer": "endorse", "statement": "She is ready to lead."},
    )

    application.refresh_from_db()
    assert response.status_code == 200
    assert application.status == ApplicationStatus.SUPERVISOR_ENDORSED
    assert application.supervisor_statement == "She is ready to lead."
    assert application.supervisor_endorsed_at is not None
    entry = AuditEntry.objects.get(verb="application.supervisor_endorsed")
    assert entry.actor is None and entry.actor_label == application.supervisor_email
    assert Notification.objects.filter(
        recipient=application.applicant.user, kind="mentoring.supervisor_endorsed"
    ).exists()
    assert Notification.objects.filter(
        recipient=focal_point, kind="mentoring.national_endorsement_needed"
    ).exists()


def test_the_supervisor_may_decline(client):
    application = ApplicationFactory()

    client.post(
        _url(services.supervisor_token(application)),
        {"answer": "decline", "statement": "Not this year."},
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.NOT_ENDORSED
    assert AuditEntry.objects.filter(verb="application.supervisor_declined").exists()


def test_a_statement_is_required(client):
    application = ApplicationFactory()

    response = client.post(_url(services.supervisor_token(application)), {"answer": "endorse"})

    application.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors["statement"]
    assert application.status == ApplicationStatus.SUBMITTED


def test_a_used_link_cannot_be_used_again(client):
    application = ApplicationFactory()
    token = services.supervisor_token(application)
    client.post(_url(token), {"answer": "endorse", "statement": "Ready."})

    again = client.post(_url(token), {"answer": "decline", "statement": "Changed my mind."})

    application.refresh_from_db()
    assert again.status_code == 409
    assert "already been used" in again.content.decode()
    assert application.status == ApplicationStatus.SUPERVISOR_ENDORSED
    assert application.supervisor_statement == "Ready."


def test_the_service_refuses_a_second_answer():
    application = ApplicationFactory(status=ApplicationStatus.SUPERVISOR_ENDORSED)

    with pytest.raises(ValidationError) as refusal:
        services.endorse_as_supervisor(application=application, statement="Again.")
    assert refusal.value.error_list[0].code == "transition"


def test_an_expired_link_is_refused(client, monkeypatch):
    application = ApplicationFactory()
    token = services.supervisor_token(application)
    later = time.time() + timedelta(days=31).total_seconds()
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)

    response = client.post(_url(token), {"answer": "endorse", "statement": "Ready."})

    application.refresh_from_db()
    assert response.status_code == 410
    assert "This link has expired." in response.content.decode()
    assert application.status == ApplicationStatus.SUBMITTED


def test_a_link_within_thirty_days_still_works(client, monkeypatch):
    application = ApplicationFactory()
    token = services.supervisor_token(application)
    later = time.time() + timedelta(days=29).total_seconds()
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)

    assert client.get(_url(token)).status_code == 200


@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-2] + "xx", lambda t: "nonsense", lambda t: t.upper()]
)
def test_a_tampered_link_is_refused(client, mangle):
    application = ApplicationFactory()

    response = client.post(
        _url(mangle(services.supervisor_token(application))),
        {"answer": "endorse", "statement": "Ready."},
    )

    application.refresh_from_db()
    assert response.status_code == 404
    assert "This link is not valid." in response.content.decode()
    assert application.status == ApplicationStatus.SUBMITTED


def test_a_link_signed_for_another_purpose_is_refused(client):
    from django.core import signing

    application = ApplicationFactory()
    token = signing.dumps({"a": application.pk}, salt="another.purpose")

    assert client.get(_url(token)).status_code == 404


def test_the_focal_point_records_the_supervisors_endorsement(client_for, focal_point):
    application = ApplicationFactory()

    response = client_for(focal_point).post(
        f"/en/mentoring/applications/{application.pk}/supervisor/",
        {"statement": "Signed letter of 3 March.", "endorsed_on": "2024-03-03"},
    )

    application.refresh_from_db()
    assert response.status_code == 302
    assert application.status == ApplicationStatus.SUPERVISOR_ENDORSED
    assert application.supervisor_recorded_by == focal_point
    assert application.supervisor_endorsed_at.date() == date(2024, 3, 3)
    assert AuditEntry.objects.get(verb="application.supervisor_endorsement_recorded").actor == (
        focal_point
    )


def test_an_endorsement_cannot_be_dated_in_the_future(focal_point):
    application = ApplicationFactory()

    with pytest.raises(ValidationError):
        services.record_supervisor_endorsement(
            application=application,
            by=focal_point,
            statement="Letter.",
            endorsed_on=timezone.localdate() + timedelta(days=5),
        )


def test_the_focal_point_of_another_country_cannot_record_it(client_for, outsider):
    application = ApplicationFactory()

    response = client_for(outsider).post(
        f"/en/mentoring/applications/{application.pk}/supervisor/",
        {"statement": "Letter.", "endorsed_on": "2024-03-03"},
    )

    application.refresh_from_db()
    assert response.status_code == 404
    assert application.status == ApplicationStatus.SUBMITTED
