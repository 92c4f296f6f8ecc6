"""Proposing the matches of a cohort: the engine's best overall assignment, persisted as
proposed pairs with their score broken down; earlier proposals replaced, pairs set by hand
kept; mentees left without a mentor reported with the reasons."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from momentum.core.models import AuditEntry
from momentum.mentoring import matching as engine
from momentum.mentoring.models import CohortStatus, Pairing, PairingStatus
from momentum.mentoring.services import matching as services
from momentum.mentoring.tests.factories import (
    MentorProfileFactory,
    PairingFactory,
    matching_cohort,
    mentee,
    thematic_area,
)

pytestmark = pytest.mark.django_db


def _greedy_fails_cohort(jordan):  # type: ignore[no-untyped-def]
    """Goals and areas of work, half each. Amal wants border and cyber and names no area of
    work (neutral): Ahmed (both) scores 75, Basma (border) 50. Nour wants cyber in
    investigations: Ahmed 50, Basma 0. Greedy gives Ahmed to Amal first (75 + 0); the best
    assignment gives Ahmed to Nour (50 + 50)."""
    from momentum.core.tests.factories import AreaOfWorkFactory

    border, cyber = thematic_area("border"), thematic_area("cyber")
    investigations = AreaOfWorkFactory(code="investigations")
    cohort = matching_cohort(
        weight_goals=50, weight_area_of_work=50, weight_leadership=0, weight_preferences=0
    )
    amal = mentee(cohort, jordan, goal_areas=[border, cyber])
    nour = mentee(cohort, jordan, goal_areas=[cyber], work_areas=[investigations])
    ahmed = MentorProfileFactory(capacity=1, expertise=[border, cyber])
    basma = MentorProfileFactory(capacity=1, expertise=[border])
    return cohort, amal, nour, ahmed, basma


def test_proposal_persists_the_optimal_assignment_where_greedy_fails(staff, jordan):
    cohort, amal, nour, ahmed, basma = _greedy_fails_cohort(jordan)
    mentees = [services.mentee_profile(a) for a in services.mentee_applications(cohort)]
    mentors = [
        services.mentor_profile(m, capacity_left=m.capacity - m.current_pairs)
        for m in services.matching_mentors()
    ]
    greedy = engine.greedy_assignment(mentees, mentors, services.cohort_weights(cohort))

    services.propose_matches(cohort=cohort, by=staff)

    pairs = {p.mentee_id: p for p in Pairing.objects.filter(cohort=cohort)}
    assert {k: p.mentor_id for k, p in pairs.items()} == {amal.pk: basma.pk, nour.pk: ahmed.pk}
    assert all(p.status == PairingStatus.PROPOSED for p in pairs.values())
    persisted_total = sum(p.score for p in pairs.values())
    assert persisted_total == Decimal("100.00")
    assert greedy.total == pytest.approx(75.0)
    assert persisted_total > Decimal(str(greedy.total))


def test_each_pair_keeps_its_breakdown_as_numbers_explained_in_the_readers_language(staff, jordan):
    cohort, amal, _nour, _ahmed, _basma = _greedy_fails_cohort(jordan)

    services.propose_matches(cohort=cohort, by=staff)

    pairing = Pairing.objects.get(mentee=amal)
    goals = next(part for part in pairing.score_parts if part["criterion"] == "goals")
    assert goals == {
        "criterion": "goals",
        "weight": 50,
        "similarity": 0.5,
        "points": 25.0,
        "count": 2,
        "matched": 1,
    }
    assert sum(part["points"] for part in pairing.score_parts) == pytest.approx(50.0)
    assert pairing.score == Decimal("50.00")
    with translation.override("en"):
        explained = services.explained_parts(pairing.score_parts)
    assert explained[0].label == "Goals and expertise"
    assert explained[0].explanation == "Goals within the mentor's expertise: 1 of 2."
    with translation.override("fr"):
        french = services.explained_parts(pairing.score_parts)[0].explanation
    # Built when read, in the reader's language (the French catalogue may still be partial).
    assert "1" in french and "2" in french


def test_proposing_again_replaces_the_earlier_proposals_but_keeps_pairs_set_by_hand(staff, jordan):
    cohort, amal, nour, ahmed, basma = _greedy_fails_cohort(jordan)
    services.propose_matches(cohort=cohort, by=staff)
    first = set(Pairing.objects.values_list("pk", flat=True))
    # Staff pin Amal to Ahmed by hand (moving Nour's proposal out of the way first).
    Pairing.objects.filter(mentee=nour).delete()
    pinned = services.assign_by_hand(cohort=cohort, mentee_application=amal, mentor=ahmed, by=staff)

    services.propose_matches(cohort=cohort, by=staff)

    pairs = {p.mentee_id: p for p in Pairing.objects.filter(cohort=cohort)}
    assert pairs[amal.pk].pk == pinned.pk
    assert pairs[amal.pk].mentor_id == ahmed.pk
    # Ahmed's one place went to the pinned pair: Nour gets Basma.
    assert pairs[nour.pk].mentor_id == basma.pk
    assert not first & {p.pk for p in pairs.values() if p.pk != pinned.pk}


def test_places_taken_in_other_cohorts_count_and_published_mentees_are_left_alone(
    staff, jordan, morocco
):
    cohort = matching_cohort()
    busy = MentorProfileFactory(capacity=1)
    free = MentorProfileFactory(capacity=1)
    # The busy mentor's only place is taken by a pair of an earlier cohort.
    PairingFactory(mentor=busy)
    already = mentee(cohort, jordan)
    PairingFactory(mentee=already, mentor=MentorProfileFactory(capacity=1, is_available=False))
    newcomer = mentee(cohort, morocco)

    proposal = services.propose_matches(cohort=cohort, by=staff)

    assert [(p.mentee_id, p.mentor_id) for p in proposal.pairings] == [(newcomer.pk, free.pk)]
    assert Pairing.objects.filter(mentee=already, status=PairingStatus.ACTIVE).count() == 1
    assert proposal.unmatched == []


def test_mentees_left_without_a_mentor_are_reported_with_the_reasons(staff, jordan):
    cohort = matching_cohort()
    only_french = mentee(cohort, jordan, languages=["fr"])
    MentorProfileFactory(capacity=2, languages=["ar", "en"])
    MentorProfileFactory(capacity=2, languages=["en"])

    with translation.override("en"):
        proposal = services.propose_matches(cohort=cohort, by=staff)

    assert [row.application.pk for row in proposal.unmatched] == [only_french.pk]
    assert proposal.unmatched[0].reasons == ["2 mentors share no working language with her."]


def test_a_mentee_from_the_mentors_agency_is_never_proposed_to_him(staff, jordan):
    cohort = matching_cohort()
    leila = mentee(cohort, jordan)
    same_agency = MentorProfileFactory(capacity=3, agency=leila.applicant.agency)

    with translation.override("en"):
        proposal = services.propose_matches(cohort=cohort, by=staff)

    assert proposal.pairings == []
    assert proposal.unmatched[0].reasons == ["1 mentor works in her own agency."]
    assert not Pairing.objects.filter(mentor=same_agency).exists()


def test_proposing_is_audited_with_the_weights(staff, jordan):
    cohort, *_rest = _greedy_fails_cohort(jordan)

    services.propose_matches(cohort=cohort, by=staff)

    entry = AuditEntry.objects.get(verb="mentoring.matches_proposed")
    assert entry.details["proposed"] == 2
    assert entry.details["total"] == 100.0
    assert entry.details["weights"]["goals"] == 50


def test_only_staff_propose(officer, mentor, jordan):
    cohort, *_rest = _greedy_fails_cohort(jordan)

    for person in (officer, mentor):
        with pytest.raises(PermissionDenied):
            services.propose_matches(cohort=cohort, by=person)
    assert not Pairing.objects.exists()


def test_a_cohort_still_selecting_is_not_matched(staff, jordan):
    cohort, *_rest = _greedy_fails_cohort(jordan)
    cohort.status = CohortStatus.SELECTION
    cohort.save()

    with pytest.raises(ValidationError) as refused:
        services.propose_matches(cohort=cohort, by=staff)

    assert "“Selection” stage" in refused.value.messages[0]


def test_a_pair_set_by_hand_for_someone_who_left_is_dropped(staff, jordan):
    from momentum.mentoring.models import ApplicationStatus

    cohort = matching_cohort()
    leaving = mentee(cohort, jordan)
    staying = mentee(cohort, jordan)
    mentor = MentorProfileFactory(capacity=1)
    services.assign_by_hand(cohort=cohort, mentee_application=leaving, mentor=mentor, by=staff)
    leaving.status = ApplicationStatus.LEFT
    leaving.save()

    services.propose_matches(cohort=cohort, by=staff)

    assert list(Pairing.objects.values_list("mentee_id", "mentor_id")) == [(staying.pk, mentor.pk)]
