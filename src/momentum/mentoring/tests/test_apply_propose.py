"""A focal point proposes a woman officer of their country, filling the form for her."""

from __future__ import annotations

import pytest

from momentum.core.models import AuditEntry, Notification
from momentum.mentoring.models import Application
from momentum.mentoring.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    female_officer_profile,
)
from momentum.people.models import Sex
from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db


def _form(officer_profile, **changes):  # type: ignore[no-untyped-def]
    data = {
        "officer": str(officer_profile.pk),
        "motivation": "She leads the women's unit at the Jaber crossing.",
        "goals": "Lead a regional task force.",
        "years_of_service": "9",
        "supervisor_name": "Colonel Nasser",
        "supervisor_email": "nasser@example.org",
    }
    data.update(changes)
    return data


def _url(cohort):  # type: ignore[no-untyped-def]
    return f"/en/mentoring/cohorts/{cohort.pk}/propose/"


def test_focal_point_proposes_an_officer_of_their_country(client_for, focal_point, jordan):
    cohort = CohortFactory(places={jordan: 3})
    salma = female_officer_profile(jordan)

    response = client_for(focal_point).post(_url(cohort), _form(salma))

    application = Application.objects.get()
    assert response.status_code == 302
    assert application.applicant == salma
    assert application.proposed_by == focal_point
    assert AuditEntry.objects.get(verb="application.proposed").actor == focal_point
    assert Notification.objects.filter(
        recipient=salma.user, kind="mentoring.application_proposed"
    ).exists()


def test_the_focal_point_is_offered_only_eligible_women_of_their_country(
    client_for, focal_point, jordan, morocco
):
    cohort = CohortFactory(places={jordan: 3, morocco: 3})
    salma = female_officer_profile(jordan)
    applied = female_officer_profile(jordan)
    ApplicationFactory(cohort=cohort, applicant=applied)
    man = make_officer(jordan, sex=Sex.MALE).profile
    moroccan = female_officer_profile(morocco)

    response = client_for(focal_point).get(_url(cohort))

    offered = list(response.context["form"].fields["officer"].queryset)
    assert offered == [salma]
    assert applied not in offered and man not in offered and moroccan not in offered


def test_focal_point_of_another_country_cannot_propose(client_for, outsider, jordan, morocco):
    cohort = CohortFactory(places={jordan: 3, morocco: 3})
    salma = female_officer_profile(jordan)

    response = client_for(outsider).post(_url(cohort), _form(salma))

    assert response.status_code == 403
    assert not Application.objects.exists()


def test_a_proposed_officer_must_be_eligible(client_for, focal_point, jordan):
    cohort = CohortFactory(places={jordan: 3}, min_years_of_service=10)
    salma = female_officer_profile(jordan)

    response = client_for(focal_point).post(_url(cohort), _form(salma, years_of_service="3"))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "This cohort asks for at least 10 years of service."
    ]
    assert not Application.objects.exists()


def test_proposing_is_closed_outside_the_window(client_for, focal_point, jordan):
    from momentum.mentoring.models import CohortStatus

    cohort = CohortFactory(places={jordan: 3}, status=CohortStatus.SELECTION)
    salma = female_officer_profile(jordan)

    response = client_for(focal_point).post(_url(cohort), _form(salma))

    assert "This cohort is not open for applications." in response.content.decode()
    assert not Application.objects.exists()
