"""A mentor's "My mentoring pairs": her active pairs, when she last met each mentee, how many
meetings, whether the plan is reviewed and which of her check-ins wait for an answer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.mentoring.models import CheckIn, Meeting, MeetingMode, PairingStatus
from momentum.mentoring.tests.factories import female_officer_profile, pair_for

pytestmark = pytest.mark.django_db


def _mentee(jordan):  # type: ignore[no-untyped-def]
    return female_officer_profile(jordan).user


def test_the_mentor_sees_her_active_mentees_only(client_for, mentor, officer, jordan):
    mine = pair_for(officer, mentor)
    ended = pair_for(_mentee(jordan), mentor, status=PairingStatus.ENDED_EARLY)
    someone_elses = pair_for(_mentee(jordan))

    content = client_for(mentor).get("/en/mentoring/mentees/").content.decode()

    assert f"/en/mentoring/pairs/{mine.pk}/" in content
    assert "Leila Haddad" in content
    assert f"/en/mentoring/pairs/{ended.pk}/" not in content
    assert f"/en/mentoring/pairs/{someone_elses.pk}/" not in content


def test_the_list_shows_the_last_meeting_and_her_due_check_in(client_for, mentor, officer):
    pairing = pair_for(officer, mentor, published_days_ago=60)
    today = timezone.localdate()
    for days in (3, 20):
        Meeting.objects.create(
            pairing=pairing,
            held_on=today - timedelta(days=days),
            duration_minutes=30,
            mode=MeetingMode.PHONE,
            topics="Catch-up",
        )
    CheckIn.objects.create(pairing=pairing, respondent=mentor, due_on=today - timedelta(days=2))
    # The mentee's own due check-in is not the mentor's to answer.
    CheckIn.objects.create(pairing=pairing, respondent=officer, due_on=today - timedelta(days=9))

    response = client_for(mentor).get("/en/mentoring/mentees/")

    row = next(pair for pair in response.context["pairs"] if pair.pk == pairing.pk)
    assert row.last_met_on == today - timedelta(days=3)
    assert row.meetings_count == 2
    assert row.check_in_due_on == today - timedelta(days=2)
    assert "Due since" in response.content.decode()


def test_a_mentor_without_mentees_is_told_so(client_for, mentor):
    content = client_for(mentor).get("/en/mentoring/mentees/").content.decode()

    assert "You have no mentee at the moment." in content


def test_the_menu_offers_the_page_to_mentors_only(client_for, mentor, officer):
    assert "/en/mentoring/mentees/" in client_for(mentor).get("/en/").content.decode()
    assert "/en/mentoring/mentees/" not in client_for(officer).get("/en/").content.decode()


@pytest.mark.parametrize("pairs", [1, 6])
def test_the_list_queries_do_not_grow_with_mentees(
    client_for, mentor, jordan, pairs, django_assert_max_num_queries
):
    for _index in range(pairs):
        pair_for(_mentee(jordan), mentor)
    client = client_for(mentor)

    # session, user, roles, the pairs (one query), and the menu's own.
    with django_assert_max_num_queries(8):
        response = client.get("/en/mentoring/mentees/")
    assert len(response.context["pairs"]) == pairs
