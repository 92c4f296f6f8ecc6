"""The applicant accepts or declines her offer; a declined place goes to the next ranked
applicant of the same country, on the platform's own account."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry, Notification
from momentum.mentoring.models import ApplicationStatus, CohortStatus
from momentum.mentoring.services import selection as services
from momentum.mentoring.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    endorsed_application,
)
from momentum.people.models import Sex

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(jordan, morocco):  # type: ignore[no-untyped-def]
    return CohortFactory(status=CohortStatus.SELECTION, places={jordan: 1, morocco: 1})


@pytest.fixture
def offer(officer, cohort, staff):  # type: ignore[no-untyped-def]
    """Leila's application, offered a place by staff."""
    officer.profile.sex = Sex.FEMALE
    officer.profile.save()
    application = ApplicationFactory(
        cohort=cohort,
        applicant=officer.profile,
        status=ApplicationStatus.ENDORSED,
        score=Decimal("90"),
    )
    return services.offer_place(application=application, by=staff)


def _url(application):  # type: ignore[no-untyped-def]
    return f"/en/mentoring/applications/{application.pk}/respond/"


def _ranked(cohort, country, score):  # type: ignore[no-untyped-def]
    return endorsed_application(cohort, country, score=Decimal(score), reviews_count=2)


def test_my_mentoring_shows_the_offer_with_its_buttons(client_for, officer, offer):
    content = client_for(officer).get("/en/mentoring/my/").content.decode()

    assert "You are offered a place in this cohort." in content
    assert f'action="/en/mentoring/applications/{offer.pk}/respond/"' in content
    assert "Accept the place" in content


def test_she_accepts_her_place(client_for, officer, offer):
    response = client_for(officer).post(_url(offer), {"answer": "accept"})

    assert response.status_code == 302
    assert response["Location"] == "/en/mentoring/my/"
    offer.refresh_from_db()
    assert offer.status == ApplicationStatus.ACCEPTED
    assert offer.responded_at is not None
    assert AuditEntry.objects.get(verb="mentoring.offer.accept").actor == officer


def test_she_declines_with_a_reason_and_the_next_of_her_country_is_offered(
    client_for, officer, offer, cohort, jordan, morocco
):
    moroccan = _ranked(cohort, morocco, "99")
    next_jordanian = _ranked(cohort, jordan, "70")
    _ranked(cohort, jordan, "60")

    response = client_for(officer).post(
        _url(offer), {"answer": "decline", "reason": "My family needs me this year."}
    )

    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == ApplicationStatus.DECLINED
    assert offer.decision_note == "My family needs me this year."
    next_jordanian.refresh_from_db()
    moroccan.refresh_from_db()
    assert next_jordanian.status == ApplicationStatus.OFFERED
    assert next_jordanian.decided_by is None
    assert next_jordanian.offer_expires_at is not None
    assert moroccan.status == ApplicationStatus.ENDORSED
    assert Notification.objects.filter(
        recipient=next_jordanian.applicant.user, kind="mentoring.offer"
    ).exists()


def test_the_passed_on_offer_is_audited_as_the_systems_on_behalf_of_the_decliner(
    officer, offer, cohort, jordan
):
    following = _ranked(cohort, jordan, "70")

    services.respond_to_offer(application=offer, by=officer, accept=False)

    entry = AuditEntry.objects.get(verb="mentoring.offer.send", target_id=str(following.pk))
    assert entry.actor is None
    assert entry.actor_label == "system"
    assert entry.details["automatic"] is True
    assert entry.details["on_behalf_of"] == officer.pk
    assert entry.details["freed_by"] == offer.pk
    assert entry.details["why"] == "declined"
    assert AuditEntry.objects.get(verb="mentoring.offer.decline").actor == officer


def test_no_one_left_to_offer_leaves_the_place_free(officer, offer, cohort, morocco):
    _ranked(cohort, morocco, "99")

    answer = services.respond_to_offer(application=offer, by=officer, accept=False)

    assert answer.passed_to is None
    assert answer.application.status == ApplicationStatus.DECLINED


def test_a_decline_once_the_cohort_runs_passes_nothing_on(officer, offer, cohort, jordan):
    following = _ranked(cohort, jordan, "70")
    type(cohort).objects.filter(pk=cohort.pk).update(status=CohortStatus.RUNNING)

    services.respond_to_offer(application=offer, by=officer, accept=False)

    following.refresh_from_db()
    assert following.status == ApplicationStatus.ENDORSED


def test_an_expired_offer_cannot_be_answered(client_for, officer, offer):
    type(offer).objects.filter(pk=offer.pk).update(
        offer_expires_at=timezone.now() - timedelta(hours=1)
    )

    response = client_for(officer).post(_url(offer), {"answer": "accept"})

    assert response.status_code == 200
    assert "This offer expired on" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == ApplicationStatus.OFFERED


def test_an_answer_must_be_chosen(client_for, officer, offer):
    response = client_for(officer).post(_url(offer), {"answer": "perhaps"})

    assert response.status_code == 200
    offer.refresh_from_db()
    assert offer.status == ApplicationStatus.OFFERED


def test_no_second_answer(officer, offer):
    services.respond_to_offer(application=offer, by=officer, accept=True)

    with pytest.raises(ValidationError) as refusal:
        services.respond_to_offer(application=offer, by=officer, accept=False)

    assert refusal.value.code == "transition"


def test_only_the_applicant_answers(client_for, focal_point, staff, offer):
    with pytest.raises(PermissionDenied):
        services.respond_to_offer(application=offer, by=staff, accept=True)
    assert client_for(focal_point).post(_url(offer), {"answer": "accept"}).status_code == 403


def test_the_answer_page_shows_the_offer(client_for, officer, offer):
    response = client_for(officer).get(_url(offer))

    content = response.content.decode()
    assert response.status_code == 200
    assert "I decline the place" in content
    assert "Why you decline (optional)" in content
