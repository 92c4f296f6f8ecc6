"""Staff offer places within each country's places, mark applications not selected, and
offer the best ranked of each country at once."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry, Notification
from momentum.mentoring.models import Application, ApplicationStatus, CohortStatus
from momentum.mentoring.services import selection as services
from momentum.mentoring.tests.factories import CohortFactory, endorsed_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(jordan, morocco):  # type: ignore[no-untyped-def]
    return CohortFactory(
        status=CohortStatus.SELECTION, places={jordan: 2, morocco: 1}, offer_days=10
    )


def _scored(cohort, country, score, **fields):  # type: ignore[no-untyped-def]
    return endorsed_application(
        cohort, country, score=Decimal(score), reviews_count=fields.pop("reviews", 2), **fields
    )


# --- one offer ---


def test_staff_offer_a_place(client_for, staff, cohort, jordan):
    application = _scored(cohort, jordan, "80")
    before = timezone.now()

    response = client_for(staff).post(f"/en/mentoring/applications/{application.pk}/offer/")

    assert response.status_code == 302
    assert response["Location"].endswith(
        f"/mentoring/cohorts/{cohort.pk}/selection/#application-{application.pk}"
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.OFFERED
    assert application.decided_by == staff
    assert application.offered_at >= before
    assert application.offer_expires_at == application.offered_at + timedelta(days=10)
    notification = Notification.objects.get(kind="mentoring.offer")
    assert notification.recipient == application.applicant.user
    assert notification.url == f"/mentoring/applications/{application.pk}/respond/"
    entry = AuditEntry.objects.get(verb="mentoring.offer.send")
    assert entry.actor == staff
    assert entry.country == jordan


def test_the_offer_is_emailed_after_commit(
    staff, cohort, jordan, django_capture_on_commit_callbacks, mailoutbox
):
    application = _scored(cohort, jordan, "80")

    with django_capture_on_commit_callbacks(execute=True):
        services.offer_place(application=application, by=staff)

    assert [message.to for message in mailoutbox] == [[application.applicant.user.email]]


def test_no_more_offers_than_a_countrys_places(staff, cohort, morocco):
    first = _scored(cohort, morocco, "90")
    second = _scored(cohort, morocco, "80")
    services.offer_place(application=first, by=staff)

    with pytest.raises(ValidationError) as refusal:
        services.offer_place(application=second, by=staff)

    assert refusal.value.code == "full"
    assert "Every place for Morocco is offered or taken" in refusal.value.messages[0]
    second.refresh_from_db()
    assert second.status == ApplicationStatus.ENDORSED


def test_accepted_places_count_against_the_country(staff, cohort, jordan):
    _scored(cohort, jordan, "95", status=ApplicationStatus.ACCEPTED)
    _scored(cohort, jordan, "90", status=ApplicationStatus.OFFERED)
    third = _scored(cohort, jordan, "85")

    with pytest.raises(ValidationError):
        services.offer_place(application=third, by=staff)


def test_declined_offers_free_their_place(staff, cohort, morocco):
    _scored(cohort, morocco, "95", status=ApplicationStatus.DECLINED)
    application = _scored(cohort, morocco, "85")

    services.offer_place(application=application, by=staff)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.OFFERED


def test_a_refused_offer_shows_the_reason_on_the_board(client_for, staff, cohort, morocco):
    _scored(cohort, morocco, "95", status=ApplicationStatus.OFFERED)
    application = _scored(cohort, morocco, "85")

    response = client_for(staff).post(
        f"/en/mentoring/applications/{application.pk}/offer/", follow=True
    )

    assert "Every place for Morocco is offered or taken" in response.content.decode()


def test_only_an_endorsed_application_is_offered_a_place(staff, cohort, jordan):
    application = _scored(cohort, jordan, "80", status=ApplicationStatus.NOT_SELECTED)

    with pytest.raises(ValidationError) as refusal:
        services.offer_place(application=application, by=staff)

    assert refusal.value.code == "transition"


def test_no_offer_before_selection_starts(staff, jordan):
    cohort = CohortFactory(status=CohortStatus.OPEN)
    application = _scored(cohort, jordan, "80")

    with pytest.raises(ValidationError) as refusal:
        services.offer_place(application=application, by=staff)

    assert refusal.value.code == "cohort_stage"


def test_only_staff_offer(focal_point, cohort, jordan):
    application = _scored(cohort, jordan, "80")

    with pytest.raises(PermissionDenied):
        services.offer_place(application=application, by=focal_point)


# --- not selected ---


def test_staff_mark_an_application_not_selected_with_a_reason(client_for, staff, cohort, jordan):
    application = _scored(cohort, jordan, "40")

    client_for(staff).post(
        f"/en/mentoring/applications/{application.pk}/not-selected/",
        {"reason": "Other applicants had more experience."},
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.NOT_SELECTED
    assert application.decision_note == "Other applicants had more experience."
    assert Notification.objects.filter(
        recipient=application.applicant.user, kind="mentoring.not_selected"
    ).exists()
    assert AuditEntry.objects.filter(verb="mentoring.application.not_selected").exists()


def test_not_selected_needs_a_reason(client_for, staff, cohort, jordan):
    application = _scored(cohort, jordan, "40")

    response = client_for(staff).post(
        f"/en/mentoring/applications/{application.pk}/not-selected/", {"reason": " "}, follow=True
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ENDORSED
    assert "Say why the application is not selected." in response.content.decode()
    with pytest.raises(ValidationError):
        services.mark_not_selected(application=application, by=staff, reason="  ")


# --- the best ranked of each country ---


def test_offer_to_the_top_of_each_country_fills_its_places(staff, cohort, jordan, morocco):
    jo_best = _scored(cohort, jordan, "90")
    jo_second = _scored(cohort, jordan, "80")
    jo_third = _scored(cohort, jordan, "70")
    ma_best = _scored(cohort, morocco, "60")
    ma_second = _scored(cohort, morocco, "50")

    result = services.offer_to_top(cohort=cohort, by=staff)

    assert {a.pk for a in result.offered} == {jo_best.pk, jo_second.pk, ma_best.pk}
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses[jo_third.pk] == ApplicationStatus.ENDORSED
    assert statuses[ma_second.pk] == ApplicationStatus.ENDORSED
    assert AuditEntry.objects.filter(verb="mentoring.offer.send").count() == 3


def test_offer_to_the_top_n_of_each_country(client_for, staff, cohort, jordan, morocco):
    jo_best = _scored(cohort, jordan, "90")
    _scored(cohort, jordan, "80")
    ma_best = _scored(cohort, morocco, "60")

    client_for(staff).post(
        f"/en/mentoring/cohorts/{cohort.pk}/selection/offer-top/", {"per_country": "1"}
    )

    offered = set(
        Application.objects.filter(status=ApplicationStatus.OFFERED).values_list("pk", flat=True)
    )
    assert offered == {jo_best.pk, ma_best.pk}


def test_offer_to_the_top_counts_places_already_offered(staff, cohort, jordan):
    _scored(cohort, jordan, "99", status=ApplicationStatus.ACCEPTED)
    best = _scored(cohort, jordan, "90")
    _scored(cohort, jordan, "80")

    result = services.offer_to_top(cohort=cohort, by=staff)

    assert [a.pk for a in result.offered] == [best.pk]


def test_ties_go_to_more_reviews_then_the_earliest(staff, jordan, morocco):
    cohort = CohortFactory(status=CohortStatus.SELECTION, places={jordan: 1, morocco: 0})
    _scored(cohort, jordan, "80", reviews=2)
    more_reviews = _scored(cohort, jordan, "80", reviews=3)

    result = services.offer_to_top(cohort=cohort, by=staff)

    assert [a.pk for a in result.offered] == [more_reviews.pk]


def test_offer_to_the_top_refuses_zero(client_for, staff, cohort, jordan):
    _scored(cohort, jordan, "90")

    response = client_for(staff).post(
        f"/en/mentoring/cohorts/{cohort.pk}/selection/offer-top/",
        {"per_country": "0"},
        follow=True,
    )

    assert "Offer at least one place." in response.content.decode()
    assert not Application.objects.filter(status=ApplicationStatus.OFFERED).exists()
