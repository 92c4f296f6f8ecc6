"""Staff give a mentee another mentor by hand: the hard constraints still hold, each refusal
says why in a whole sentence, and an allowed change replaces her proposed pair."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from momentum.core.models import AuditEntry
from momentum.mentoring.models import Pairing, PairingStatus
from momentum.mentoring.services import matching as services
from momentum.mentoring.tests.factories import (
    MentorProfileFactory,
    PairingFactory,
    matching_cohort,
    mentee,
)

pytestmark = pytest.mark.django_db


def _refusal(**kwargs):  # type: ignore[no-untyped-def]
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.assign_by_hand(**kwargs)
    return refused.value.messages


def test_no_shared_language_is_refused(staff, jordan):
    cohort = matching_cohort()
    leila = mentee(cohort, jordan, languages=["ar"])
    french_only = MentorProfileFactory(languages=["fr"])

    messages = _refusal(cohort=cohort, mentee_application=leila, mentor=french_only, by=staff)

    assert messages == ["They share no working language."]
    assert not Pairing.objects.exists()


def test_a_mentor_over_capacity_is_refused(staff, jordan):
    cohort = matching_cohort()
    full = MentorProfileFactory(capacity=1)
    PairingFactory(mentor=full)  # her one place, taken in another cohort
    leila = mentee(cohort, jordan)

    messages = _refusal(cohort=cohort, mentee_application=leila, mentor=full, by=staff)

    assert messages == ["The mentor has no place left."]


def test_a_mentor_of_her_own_agency_is_refused(staff, jordan):
    cohort = matching_cohort()
    leila = mentee(cohort, jordan)
    colleague = MentorProfileFactory(agency=leila.applicant.agency)

    messages = _refusal(cohort=cohort, mentee_application=leila, mentor=colleague, by=staff)

    assert messages == ["The mentor works in the mentee's own agency."]


def test_every_broken_constraint_is_named(staff, jordan):
    cohort = matching_cohort()
    leila = mentee(cohort, jordan, languages=["ar"])
    mentor = MentorProfileFactory(capacity=1, languages=["fr"], agency=leila.applicant.agency)
    PairingFactory(mentor=mentor)

    messages = _refusal(cohort=cohort, mentee_application=leila, mentor=mentor, by=staff)

    assert len(messages) == 3


def test_an_allowed_mentor_replaces_her_proposed_one(staff, jordan):
    cohort = matching_cohort()
    leila = mentee(cohort, jordan)
    first = MentorProfileFactory(capacity=1)
    second = MentorProfileFactory(capacity=1)
    services.propose_matches(cohort=cohort, by=staff)
    proposed = Pairing.objects.get(mentee=leila)
    other = second if proposed.mentor_id == first.pk else first

    pairing = services.assign_by_hand(
        cohort=cohort, mentee_application=leila, mentor=other, by=staff
    )

    assert list(Pairing.objects.filter(mentee=leila)) == [pairing]
    assert pairing.mentor_id == other.pk
    assert pairing.status == PairingStatus.PROPOSED
    assert pairing.set_by_hand is True
    assert pairing.score == Decimal("50.00")  # nothing stated: every criterion neutral
    assert len(pairing.score_parts) == 4
    entry = AuditEntry.objects.get(verb="mentoring.pair_set_by_hand")
    assert entry.details["replaced_mentor"] == proposed.mentor_id


def test_keeping_her_own_mentor_with_his_last_place_is_allowed(staff, jordan):
    cohort = matching_cohort()
    leila = mentee(cohort, jordan)
    only = MentorProfileFactory(capacity=1)
    services.propose_matches(cohort=cohort, by=staff)

    pairing = services.assign_by_hand(
        cohort=cohort, mentee_application=leila, mentor=only, by=staff
    )

    assert pairing.set_by_hand is True


def test_a_published_pair_is_not_changed_by_hand(staff, jordan):
    cohort = matching_cohort()
    leila = mentee(cohort, jordan)
    PairingFactory(mentee=leila)

    messages = _refusal(
        cohort=cohort, mentee_application=leila, mentor=MentorProfileFactory(), by=staff
    )

    assert "already has a published pair" in messages[0]


def test_an_application_of_another_cohort_is_refused(staff, jordan):
    cohort = matching_cohort()
    stranger = mentee(matching_cohort(), jordan)

    messages = _refusal(
        cohort=cohort, mentee_application=stranger, mentor=MentorProfileFactory(), by=staff
    )

    assert messages == ["This application is not in this cohort."]


def test_the_page_shows_the_refusal(client_for, staff, jordan):
    cohort = matching_cohort()
    leila = mentee(cohort, jordan, languages=["ar"])
    french_only = MentorProfileFactory(languages=["fr"])

    response = client_for(staff).post(
        f"/en/mentoring/cohorts/{cohort.pk}/matching/assign/",
        {"mentee": leila.pk, "mentor": french_only.pk},
        follow=True,
    )

    assert "They share no working language." in response.content.decode()
    assert not Pairing.objects.exists()


def test_bad_input_is_refused_without_a_change(client_for, staff, jordan):
    cohort = matching_cohort()
    leila = mentee(cohort, jordan)
    client = client_for(staff)
    url = f"/en/mentoring/cohorts/{cohort.pk}/matching/assign/"

    assert client.post(url, {"mentee": leila.pk, "mentor": "nobody"}).status_code == 302
    assert client.post(url, {"mentee": leila.pk, "mentor": 999999}).status_code == 404
    assert client.post(url, {"mentee": 999999, "mentor": 1}).status_code == 404
    assert not Pairing.objects.exists()
