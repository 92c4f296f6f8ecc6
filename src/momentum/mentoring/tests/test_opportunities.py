"""Opportunities: staff create and edit them; mentees and alumnae apply while open; focal
points propose their country's; the pages and their query counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.mentoring.models import (
    ApplicationStatus,
    Candidacy,
    CandidacyStatus,
    Opportunity,
    OpportunityKind,
    TravelSupport,
)
from momentum.mentoring.services import opportunities as services
from momentum.mentoring.tests.factories import (
    candidacy,
    mentee,
    opportunity,
    pair_for,
    running_cohort,
)

pytestmark = pytest.mark.django_db


def _form(**changes: object) -> dict[str, object]:
    today = timezone.localdate()
    data: dict[str, object] = {
        "kind": OpportunityKind.SYMPOSIUM,
        "title_en": "INTERPOL Training Symposium",
        "title_fr": "Symposium de formation d'INTERPOL",
        "title_ar": "ندوة الإنتربول للتدريب",
        "description_en": "Two days in Lyon.",
        "location": "Lyon",
        "starts_on": (today + timedelta(days=60)).isoformat(),
        "ends_on": (today + timedelta(days=61)).isoformat(),
        "apply_by": (today + timedelta(days=20)).isoformat(),
        "places": 6,
        "every_country": "on",
        "is_open": "on",
    }
    data.update(changes)
    return data


def test_staff_create_an_opportunity_in_three_languages(client_for, staff):
    response = client_for(staff).post("/en/mentoring/opportunities/new/", _form())

    created = Opportunity.objects.get()
    assert response.status_code == 302
    assert created.title_ar == "ندوة الإنتربول للتدريب" and created.places == 6
    assert created.every_country and created.cohort is None
    assert AuditEntry.objects.filter(verb="mentoring.opportunity_created").exists()


def test_an_opportunity_ending_before_it_starts_is_refused(client_for, staff):
    today = timezone.localdate()
    response = client_for(staff).post(
        "/en/mentoring/opportunities/new/",
        _form(ends_on=(today + timedelta(days=50)).isoformat()),
    )

    assert response.status_code == 200
    assert "The last day cannot come before the first." in response.content.decode()
    assert not Opportunity.objects.exists()


def test_places_cannot_drop_below_those_allocated(staff, officer, jordan):
    application = pair_for(officer).mentee
    conference = opportunity(places=3)
    candidacy(conference, application, status=CandidacyStatus.ALLOCATED)
    candidacy(conference, mentee(application.cohort, jordan), status=CandidacyStatus.ALLOCATED)
    data = {field: getattr(conference, field) for field in services.OPPORTUNITY_FIELDS}

    with pytest.raises(ValidationError, match="2 places are already allocated"):
        services.save_opportunity(by=staff, data={**data, "places": 1}, opportunity=conference)

    conference.refresh_from_db()
    assert conference.places == 3


def test_a_mentee_applies_with_travel_support(client_for, officer):
    application = pair_for(officer).mentee
    conference = opportunity()

    response = client_for(officer).post(
        f"/en/mentoring/opportunities/{conference.pk}/apply/",
        {"motivation": "I will present our unit's work.", "needs_travel_support": "on"},
    )

    assert response.status_code == 302
    candidacy_ = Candidacy.objects.get()
    assert candidacy_.person == application.applicant and candidacy_.country == application.country
    assert candidacy_.status == CandidacyStatus.APPLIED
    assert candidacy_.travel_support == TravelSupport.REQUESTED


def test_an_alumna_applies(officer):
    application = pair_for(officer).mentee
    application.status = ApplicationStatus.COMPLETED
    application.save()

    created = services.apply_for_opportunity(
        opportunity=opportunity(), by=officer, motivation="Yes", needs_travel_support=False
    )

    assert created.travel_support == TravelSupport.NOT_NEEDED


def test_an_officer_who_is_not_a_mentee_cannot_apply(officer):
    with pytest.raises(ValidationError, match="Only mentees and alumnae"):
        services.apply_for_opportunity(
            opportunity=opportunity(), by=officer, motivation="Yes", needs_travel_support=False
        )


def test_a_mentee_of_another_cohort_cannot_apply(officer):
    pair_for(officer)
    other_cohort = running_cohort(mentees={})

    with pytest.raises(ValidationError, match="Only mentees and alumnae"):
        services.apply_for_opportunity(
            opportunity=opportunity(cohort=other_cohort),
            by=officer,
            motivation="Yes",
            needs_travel_support=False,
        )


def test_applying_after_the_deadline_is_refused(client_for, officer):
    pair_for(officer)
    late = opportunity(apply_by=timezone.localdate() - timedelta(days=1))

    response = client_for(officer).post(
        f"/en/mentoring/opportunities/{late.pk}/apply/", {"motivation": "Please"}
    )

    assert response.status_code == 200
    assert "Applications for this opportunity are closed." in response.content.decode()
    assert not Candidacy.objects.exists()


def test_applying_twice_is_refused(officer):
    pair_for(officer)
    conference = opportunity()
    services.apply_for_opportunity(
        opportunity=conference, by=officer, motivation="Yes", needs_travel_support=False
    )

    with pytest.raises(ValidationError, match="already a candidate"):
        services.apply_for_opportunity(
            opportunity=conference, by=officer, motivation="Again", needs_travel_support=False
        )


def test_a_focal_point_proposes_a_mentee_of_their_country(client_for, focal_point, officer):
    application = pair_for(officer).mentee
    conference = opportunity()

    response = client_for(focal_point).post(
        f"/en/mentoring/opportunities/{conference.pk}/propose/",
        {"application": application.pk, "motivation": "Our best speaker."},
    )

    assert response.status_code == 302
    proposed = Candidacy.objects.get()
    assert proposed.status == CandidacyStatus.PROPOSED and proposed.proposed_by == focal_point


def test_a_focal_point_cannot_propose_another_countrys_mentee(outsider, officer):
    application = pair_for(officer).mentee

    with pytest.raises(PermissionDenied):
        services.propose_candidate(opportunity=opportunity(), by=outsider, application=application)


def test_the_propose_page_lists_only_their_countrys_mentees(
    client_for, focal_point, officer, morocco
):
    application = pair_for(officer).mentee
    moroccan = mentee(application.cohort, morocco)
    conference = opportunity()

    content = (
        client_for(focal_point)
        .get(f"/en/mentoring/opportunities/{conference.pk}/propose/")
        .content.decode()
    )

    assert f'value="{application.pk}"' in content
    assert f'value="{moroccan.pk}"' not in content


def test_the_detail_shows_focal_points_their_countrys_candidates_only(
    client_for, focal_point, officer, morocco
):
    application = pair_for(officer).mentee
    moroccan = mentee(application.cohort, morocco, profile={"user__given_name": "Samira"})
    conference = opportunity()
    candidacy(conference, application)
    candidacy(conference, moroccan)

    content = (
        client_for(focal_point)
        .get(f"/en/mentoring/opportunities/{conference.pk}/")
        .content.decode()
    )

    assert "Leila" in content and "Samira" not in content


@pytest.mark.parametrize("count", [1, 6])
def test_the_list_queries_do_not_grow(client_for, officer, django_assert_max_num_queries, count):
    pair_for(officer)
    for index in range(count):
        opportunity(title_en=f"Conference {index}")
    client = client_for(officer)

    # session, user, roles, the opportunities with their counts and cohorts
    with django_assert_max_num_queries(6):
        response = client.get("/en/mentoring/opportunities/")
    assert response.content.decode().count("Conference ") == count


def test_the_mentee_sees_her_candidacy_status_on_the_detail(client_for, officer):
    application = pair_for(officer).mentee
    conference = opportunity()
    candidacy(conference, application, status=CandidacyStatus.ALLOCATED)

    content = (
        client_for(officer).get(f"/en/mentoring/opportunities/{conference.pk}/").content.decode()
    )

    assert "Your candidacy" in content and "Place allocated" in content
    assert f"/opportunities/{conference.pk}/apply/" not in content
