"""Allocating an opportunity's places: the proposed allocation gives every country with a
candidate one place before any country gets a second, places are never exceeded, and an
allocation that breaks the per-country minimum needs confirmation."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from momentum.core.models import AuditEntry, Notification
from momentum.core.tests.factories import CountryFactory
from momentum.mentoring.models import Candidacy, CandidacyStatus, TravelSupport
from momentum.mentoring.selectors.opportunities import allocation_board, plan_allocation
from momentum.mentoring.services import opportunities as services
from momentum.mentoring.tests.factories import candidacy, mentee, opportunity, running_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(jordan, morocco):  # type: ignore[no-untyped-def]
    return running_cohort(mentees={})


def _candidates(cohort, country, days_ago, conference, **fields):  # type: ignore[no-untyped-def]
    return [
        candidacy(conference, mentee(cohort, country), days_ago=days, **fields) for days in days_ago
    ]


def test_the_proposal_gives_each_country_one_before_seconds(cohort, jordan, morocco):
    conference = opportunity(places=3)
    # Jordan's three applied first: first come, first served would leave Morocco out.
    jo = _candidates(cohort, jordan, [10, 9, 8], conference)
    ma = _candidates(cohort, morocco, [1], conference)
    candidates = list(Candidacy.objects.select_related("country"))
    naive = sorted(candidates, key=lambda c: c.created_at)[:3]
    assert {c.country_id for c in naive} == {jordan.pk}

    proposal = plan_allocation(candidates, places=3)

    assert proposal.chosen_ids == {jo[0].pk, ma[0].pk, jo[1].pk}
    assert proposal.left_out == [] and not proposal.places_short


def test_the_proposal_never_exceeds_the_places(cohort, jordan, morocco):
    conference = opportunity(places=2)
    _candidates(cohort, jordan, [5, 4, 3], conference)
    _candidates(cohort, morocco, [2, 1], conference)

    proposal = plan_allocation(list(Candidacy.objects.select_related("country")), places=2)

    assert len(proposal.chosen) == 2
    assert {c.country_id for c in proposal.chosen} == {jordan.pk, morocco.pk}


def test_fewer_places_than_countries_is_said_and_allocated_as_far_as_possible(
    cohort, jordan, morocco, client_for, staff
):
    tunisia = CountryFactory(code="TN", name_en="Tunisia")
    conference = opportunity(places=2)
    _candidates(cohort, jordan, [3], conference)
    _candidates(cohort, morocco, [5], conference)
    _candidates(cohort, tunisia, [1], conference)

    response = client_for(staff).get(
        f"/en/mentoring/opportunities/{conference.pk}/allocation/?proposal=1"
    )

    proposal = response.context["proposal"]
    assert len(proposal.chosen) == 2 and proposal.places_short
    # The countries whose candidate applied earliest get the places.
    assert [country.code for country in proposal.left_out] == ["TN"]
    content = response.content.decode()
    assert "There are 2 places for 3 countries with candidates" in content


def test_shortlisted_candidates_rank_first_in_their_country(cohort, jordan, morocco):
    conference = opportunity(places=2)
    early, late = _candidates(cohort, jordan, [9, 1], conference)
    late.status = CandidacyStatus.SHORTLISTED
    late.save()
    _candidates(cohort, morocco, [2], conference)

    proposal = plan_allocation(list(Candidacy.objects.select_related("country")), places=2)

    assert late.pk in proposal.chosen_ids and early.pk not in proposal.chosen_ids


def test_without_every_country_the_proposal_follows_rank(cohort, jordan, morocco):
    conference = opportunity(places=2, every_country=False)
    jo = _candidates(cohort, jordan, [9, 8], conference)
    _candidates(cohort, morocco, [1], conference)

    proposal = plan_allocation(
        list(Candidacy.objects.select_related("country")), places=2, every_country=False
    )

    assert proposal.chosen_ids == {jo[0].pk, jo[1].pk}


def test_allocating_beyond_the_places_is_refused(cohort, jordan, morocco, staff):
    conference = opportunity(places=1)
    first = _candidates(cohort, jordan, [3], conference)[0]
    second = _candidates(cohort, morocco, [2], conference)[0]
    services.allocate_candidacy(candidacy=first, by=staff)

    with pytest.raises(ValidationError, match=r"All 1 places of this opportunity are taken\."):
        services.allocate_candidacy(candidacy=second, by=staff, confirm=True)

    assert Candidacy.objects.filter(status=CandidacyStatus.ALLOCATED).count() == 1


def test_two_staff_with_the_same_page_cannot_overfill(cohort, jordan, morocco, staff):
    """Both loaded the candidates while one place was left; the service counts again under
    the opportunity's lock, so the second allocation is refused."""
    conference = opportunity(places=2)
    a, b = _candidates(cohort, jordan, [3, 2], conference)
    c = _candidates(cohort, morocco, [1], conference)[0]
    services.allocate_candidacy(candidacy=a, by=staff)
    seen_by_first = Candidacy.objects.get(pk=c.pk)
    seen_by_second = Candidacy.objects.get(pk=b.pk)

    services.allocate_candidacy(candidacy=seen_by_first, by=staff)
    with pytest.raises(ValidationError, match="taken"):
        services.allocate_candidacy(candidacy=seen_by_second, by=staff, confirm=True)


def test_applying_more_people_than_places_is_refused(cohort, jordan, staff):
    conference = opportunity(places=1)
    people = _candidates(cohort, jordan, [2, 1], conference)

    with pytest.raises(ValidationError, match="taken"):
        services.apply_allocation(
            opportunity=conference, by=staff, candidacy_ids=[c.pk for c in people]
        )


def test_a_second_place_while_a_country_has_none_needs_confirmation(cohort, jordan, morocco, staff):
    conference = opportunity(places=3)
    first, second = _candidates(cohort, jordan, [3, 2], conference)
    _candidates(cohort, morocco, [1], conference)
    services.allocate_candidacy(candidacy=first, by=staff)

    with pytest.raises(services.AllocationNeedsConfirmation) as raised:
        services.allocate_candidacy(candidacy=second, by=staff)

    assert raised.value.messages == [
        "Morocco would have no participant while Jordan has two or more. "
        "Confirm to go ahead anyway."
    ]
    second.refresh_from_db()
    assert second.status == CandidacyStatus.APPLIED

    services.allocate_candidacy(candidacy=second, by=staff, confirm=True)
    entry = AuditEntry.objects.filter(verb="mentoring.place_allocated").latest("pk")
    assert entry.details["confirmed_gaps"] == ["MA"]


def test_taking_back_a_countrys_only_place_needs_confirmation(cohort, jordan, morocco, staff):
    conference = opportunity(places=3)
    jo = _candidates(cohort, jordan, [3, 2], conference, status=CandidacyStatus.ALLOCATED)
    ma = _candidates(cohort, morocco, [1], conference, status=CandidacyStatus.ALLOCATED)[0]

    with pytest.raises(services.AllocationNeedsConfirmation, match="Morocco"):
        services.unallocate_candidacy(candidacy=ma, by=staff)
    # Taking back one of Jordan's two breaks nothing.
    services.unallocate_candidacy(candidacy=jo[0], by=staff)

    jo[0].refresh_from_db()
    assert jo[0].status == CandidacyStatus.SHORTLISTED


def test_the_page_asks_for_confirmation_then_allocates(client_for, cohort, jordan, morocco, staff):
    conference = opportunity(places=3)
    first, second = _candidates(cohort, jordan, [3, 2], conference)
    _candidates(cohort, morocco, [1], conference)
    services.allocate_candidacy(candidacy=first, by=staff)
    client = client_for(staff)

    response = client.post(f"/en/mentoring/candidacies/{second.pk}/allocate/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Morocco would have no participant while Jordan has two or more." in content
    assert 'name="confirm" value="1"' in content
    second.refresh_from_db()
    assert second.status == CandidacyStatus.APPLIED

    response = client.post(f"/en/mentoring/candidacies/{second.pk}/allocate/", {"confirm": "1"})

    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == CandidacyStatus.ALLOCATED


def test_staff_apply_the_proposal_and_the_candidates_are_told(
    client_for, cohort, jordan, morocco, staff
):
    conference = opportunity(places=2)
    jo = _candidates(cohort, jordan, [3, 2], conference)
    ma = _candidates(cohort, morocco, [1], conference)

    response = client_for(staff).post(
        f"/en/mentoring/opportunities/{conference.pk}/allocation/apply/",
        {"candidacy": [jo[0].pk, ma[0].pk]},
    )

    assert response.status_code == 302
    allocated = set(
        Candidacy.objects.filter(status=CandidacyStatus.ALLOCATED).values_list("pk", flat=True)
    )
    assert allocated == {jo[0].pk, ma[0].pk}
    told = Notification.objects.filter(kind="mentoring.place_allocated")
    assert {n.recipient_id for n in told} == {jo[0].person.user_id, ma[0].person.user_id}
    assert "IAWP annual conference" in told[0].message["en"]


def test_applying_a_proposal_that_leaves_a_country_out_asks_for_confirmation(
    client_for, cohort, jordan, morocco, staff
):
    conference = opportunity(places=2)
    jo = _candidates(cohort, jordan, [3, 2], conference)
    _candidates(cohort, morocco, [1], conference)

    response = client_for(staff).post(
        f"/en/mentoring/opportunities/{conference.pk}/allocation/apply/",
        {"candidacy": [jo[0].pk, jo[1].pk]},
    )

    assert response.status_code == 200
    assert "Morocco would have no participant" in response.content.decode()
    assert not Candidacy.objects.filter(status=CandidacyStatus.ALLOCATED).exists()


def test_staff_set_the_travel_support(client_for, cohort, jordan, staff):
    conference = opportunity()
    person = _candidates(cohort, jordan, [1], conference)[0]

    client_for(staff).post(
        f"/en/mentoring/candidacies/{person.pk}/travel/",
        {"travel_support": TravelSupport.APPROVED},
    )
    client_for(staff).post(
        f"/en/mentoring/candidacies/{person.pk}/travel/", {"travel_support": "first class"}
    )

    person.refresh_from_db()
    assert person.travel_support == TravelSupport.APPROVED
    assert AuditEntry.objects.filter(verb="mentoring.travel_support_changed").count() == 1


def test_the_board_highlights_partner_countries_without_a_participant(
    client_for, cohort, jordan, morocco, staff
):
    conference = opportunity(places=3, cohort=cohort)
    _candidates(cohort, jordan, [2], conference, status=CandidacyStatus.ALLOCATED)
    _candidates(cohort, morocco, [1], conference)

    board = allocation_board(conference)
    content = (
        client_for(staff)
        .get(f"/en/mentoring/opportunities/{conference.pk}/allocation/")
        .content.decode()
    )

    assert [c.code for c in board.partners_without_participant] == ["MA"]
    assert board.places_left == 2
    assert "Partner countries with no participant yet:" in content
    assert "2 places left of 3." in content


@pytest.mark.parametrize("per_country", [1, 5])
def test_the_allocation_page_queries_do_not_grow(
    client_for, cohort, jordan, morocco, staff, django_assert_max_num_queries, per_country
):
    conference = opportunity(places=20, cohort=cohort)
    _candidates(cohort, jordan, range(per_country), conference)
    _candidates(cohort, morocco, range(per_country), conference)
    client = client_for(staff)

    # session, user, roles, the opportunity, the candidacies with people, partner countries
    with django_assert_max_num_queries(7):
        response = client.get(f"/en/mentoring/opportunities/{conference.pk}/allocation/?proposal=1")
    assert len(response.context["proposal"].chosen) == 2 * per_country
