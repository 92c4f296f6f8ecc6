"""An eligible woman officer applies to a cohort in her language."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry, Notification
from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.mentoring.models import Application, ApplicationStatus, CohortStatus
from momentum.mentoring.services import applications as services
from momentum.mentoring.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    MentorProfileFactory,
    female_officer_profile,
)
from momentum.people.models import Sex

pytestmark = pytest.mark.django_db


@pytest.fixture
def leila(officer):  # type: ignore[no-untyped-def]
    """The officer persona, made certain to be a woman."""
    officer.profile.sex = Sex.FEMALE
    officer.profile.save()
    return officer


def _form(**changes):  # type: ignore[no-untyped-def]
    data = {
        "motivation": "I lead the women's unit at the Jaber crossing.",
        "goals": "Lead a regional task force.",
        "languages": ["ar", "en"],
        "years_of_service": "8",
        "preferred_mentor_kind": "",
        "supervisor_name": "Colonel Nasser",
        "supervisor_email": "nasser@example.org",
    }
    data.update(changes)
    return data


def _apply_url(cohort, language="en"):  # type: ignore[no-untyped-def]
    return f"/{language}/mentoring/cohorts/{cohort.pk}/apply/"


def test_an_eligible_officer_applies(client_for, leila, jordan):
    cohort = CohortFactory(places={jordan: 3})

    response = client_for(leila).post(_apply_url(cohort), _form(wants_leadership="on"))

    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/mentoring/applications/{application.pk}/"
    assert application.applicant == leila.profile
    assert application.country == jordan
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.wants_leadership is True
    assert application.languages == ["ar", "en"]
    assert application.proposed_by is None
    assert application.language == "en"
    entry = AuditEntry.objects.get(verb="application.submitted")
    assert entry.actor == leila
    assert entry.country == jordan
    assert Notification.objects.filter(
        recipient=leila, kind="mentoring.application_submitted"
    ).exists()


def test_an_application_in_arabic_stores_the_language(client_for, leila, jordan):
    cohort = CohortFactory(places={jordan: 3})

    response = client_for(leila).post(
        _apply_url(cohort, "ar"), _form(motivation="أقود وحدة النساء في معبر جابر.")
    )

    assert response.status_code == 302
    application = Application.objects.get()
    assert application.language == "ar"
    assert application.motivation == "أقود وحدة النساء في معبر جابر."


def test_the_supervisor_is_emailed_a_link_in_the_applications_language(
    client_for, leila, jordan, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(places={jordan: 3})

    with django_capture_on_commit_callbacks(execute=True):
        client_for(leila).post(_apply_url(cohort, "fr"), _form())

    [message] = [m for m in mail.outbox if m.to == ["nasser@example.org"]]
    assert "/fr/mentoring/endorse/" in message.body
    assert "Leila" in message.body


def test_the_form_offers_her_profiles_areas_of_work(client_for, leila, jordan):
    borders = AreaOfWorkFactory(code="borders", name_en="Border management")
    leila.profile.areas_of_work.set([borders])
    cohort = CohortFactory(places={jordan: 3})

    response = client_for(leila).get(_apply_url(cohort))

    assert response.status_code == 200
    assert response.context["form"].initial["work_areas"] == [borders]


def test_an_ineligible_officer_is_refused_with_the_reasons(client_for, leila, jordan, morocco):
    cohort = CohortFactory(places={morocco: 3})

    response = client_for(leila).get(_apply_url(cohort))

    assert response.status_code == 200
    assert "This cohort has no places for Jordan." in response.content.decode()
    assert "form" not in response.context
    client_for(leila).post(_apply_url(cohort), _form())
    assert not Application.objects.exists()


def test_a_man_is_refused(client_for, leila, jordan):
    leila.profile.sex = Sex.MALE
    leila.profile.save()
    cohort = CohortFactory(places={jordan: 3})

    response = client_for(leila).post(_apply_url(cohort), _form())

    assert "The mentoring programme is for women officers." in response.content.decode()
    assert not Application.objects.exists()


def test_too_few_years_of_service_is_refused_beside_the_form(client_for, leila, jordan):
    cohort = CohortFactory(places={jordan: 3}, min_years_of_service=5)

    response = client_for(leila).post(_apply_url(cohort), _form(years_of_service="3"))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "This cohort asks for at least 5 years of service."
    ]
    assert not Application.objects.exists()


def test_areas_of_work_outside_the_cohorts_are_refused(client_for, leila, jordan):
    borders = AreaOfWorkFactory(code="borders", name_en="Border management")
    cyber = AreaOfWorkFactory(code="cyber", name_en="Cybercrime")
    cohort = CohortFactory(places={jordan: 3})
    cohort.eligible_areas.set([borders])

    response = client_for(leila).post(_apply_url(cohort), _form(work_areas=[cyber.pk]))

    assert "This cohort is for officers working in Border management." in (
        response.context["form"].non_field_errors()
    )
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"applications_open_at": timezone.now() + timedelta(days=1)},
        {"applications_close_at": timezone.now() - timedelta(minutes=1)},
        {"status": CohortStatus.SELECTION},
    ],
    ids=["not-yet-open", "closed", "selection"],
)
def test_outside_the_window_she_cannot_apply(client_for, leila, jordan, fields):
    fields.setdefault("applications_open_at", timezone.now() - timedelta(days=10))
    cohort = CohortFactory(places={jordan: 3}, **fields)

    response = client_for(leila).post(_apply_url(cohort), _form())

    assert response.status_code == 200
    assert "This cohort is not open for applications." in response.content.decode()
    assert not Application.objects.exists()


def test_a_second_application_to_the_same_cohort_is_refused(client_for, leila, jordan):
    cohort = CohortFactory(places={jordan: 3})
    first = ApplicationFactory(cohort=cohort, applicant=leila.profile)

    response = client_for(leila).post(_apply_url(cohort), _form(), follow=True)

    assert response.redirect_chain[-1][0] == f"/en/mentoring/applications/{first.pk}/"
    assert "You have already applied to this cohort." in response.content.decode()
    assert Application.objects.count() == 1


def test_the_service_refuses_a_second_application(leila, jordan):
    cohort = CohortFactory(places={jordan: 3})
    ApplicationFactory(cohort=cohort, applicant=leila.profile)

    with pytest.raises(ValidationError) as refusal:
        _submit(cohort, leila)
    assert refusal.value.messages == ["You have already applied to this cohort."]


def test_two_applications_at_the_same_moment_meet_the_unique_constraint(leila, jordan, monkeypatch):
    """The second of two simultaneous submissions passes the check, then meets the
    constraint: it is refused with the same message, and the first stays."""
    cohort = CohortFactory(places={jordan: 3})
    ApplicationFactory(cohort=cohort, applicant=leila.profile)
    monkeypatch.setattr(services, "already_applied", lambda cohort, applicant: False)

    with pytest.raises(ValidationError) as refusal:
        _submit(cohort, leila)
    assert refusal.value.messages == ["You have already applied to this cohort."]
    assert Application.objects.count() == 1


def test_at_most_three_preferred_mentors(leila, jordan):
    cohort = CohortFactory(places={jordan: 3})
    mentors = [MentorProfileFactory() for _ in range(4)]

    with pytest.raises(ValidationError) as refusal:
        _submit(cohort, leila, preferred_mentors=mentors)
    assert refusal.value.messages == ["Choose at most three mentors."]


def test_an_unavailable_mentor_cannot_be_preferred(leila, jordan):
    cohort = CohortFactory(places={jordan: 3})
    away = MentorProfileFactory(is_available=False)

    with pytest.raises(ValidationError):
        _submit(cohort, leila, preferred_mentors=[away])
    assert not Application.objects.exists()


def test_preferred_mentors_are_kept(leila, jordan):
    cohort = CohortFactory(places={jordan: 3})
    mentor = MentorProfileFactory()

    application = _submit(cohort, leila, preferred_mentors=[mentor])

    assert list(application.preferred_mentors.all()) == [mentor]


def test_an_officer_cannot_apply_for_someone_else(leila, jordan):
    from django.core.exceptions import PermissionDenied

    cohort = CohortFactory(places={jordan: 3})
    colleague = female_officer_profile(jordan)

    with pytest.raises(PermissionDenied):
        services.submit_application(
            cohort=cohort,
            applicant=colleague,
            by=leila,
            motivation="m",
            goals="g",
            years_of_service=8,
            supervisor_name="s",
            supervisor_email="s@example.org",
            language="en",
        )


def _submit(cohort, user, **fields):  # type: ignore[no-untyped-def]
    return services.submit_application(
        cohort=cohort,
        applicant=user.profile,
        by=user,
        motivation="I want to lead.",
        goals="A task force.",
        years_of_service=8,
        supervisor_name="Colonel Nasser",
        supervisor_email="nasser@example.org",
        language="en",
        **fields,
    )
