"""Programme health: every active pair of a cohort with its meetings and latest check-in, and
the at-risk flag (no meeting for more than 45 days, counted from publication when none yet;
or a latest check-in scoring 2 or less), computed in SQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from momentum.mentoring.models import CheckIn, Meeting, MeetingMode, PairingStatus
from momentum.mentoring.selectors.health import (
    at_risk_pairs,
    days_since_meeting,
    pairs_with_health,
    risk_reasons,
)
from momentum.mentoring.tests.factories import female_officer_profile, pair_for, running_cohort

pytestmark = pytest.mark.django_db

TODAY = date(2030, 6, 15)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.fixture
def cohort():  # type: ignore[no-untyped-def]
    return running_cohort(mentees={}, starts_on=date(2030, 1, 1), ends_on=date(2031, 12, 31))


def _pair(cohort, *, published_days_ago=100, country=None, **fields):  # type: ignore[no-untyped-def]
    mentee = female_officer_profile(country).user
    return pair_for(
        mentee,
        cohort=cohort,
        published_at=_at(TODAY - timedelta(days=published_days_ago)),
        **fields,
    )


def _meet(pairing, days_ago: int) -> None:  # type: ignore[no-untyped-def]
    Meeting.objects.create(
        pairing=pairing,
        held_on=TODAY - timedelta(days=days_ago),
        duration_minutes=60,
        mode=MeetingMode.VIDEO,
        topics="Secret topic",
    )


def _check_in(pairing, respondent, *, days_ago, satisfaction, progress):  # type: ignore[no-untyped-def]
    return CheckIn.objects.create(
        pairing=pairing,
        respondent=respondent,
        due_on=TODAY - timedelta(days=days_ago + 1),
        submitted_at=_at(TODAY - timedelta(days=days_ago)),
        satisfaction=satisfaction,
        progress=progress,
    )


def _row(cohort, pairing):  # type: ignore[no-untyped-def]
    return pairs_with_health(cohort, today=TODAY).get(pk=pairing.pk)


def test_a_pair_that_met_45_days_ago_is_not_at_risk_46_days_is(cohort):
    recent, quiet = _pair(cohort), _pair(cohort)
    _meet(recent, 45)
    _meet(quiet, 46)
    _meet(quiet, 80)

    assert not _row(cohort, recent).at_risk
    row = _row(cohort, quiet)
    assert row.at_risk and row.no_recent_meeting and not row.low_check_in
    assert row.last_met_on == TODAY - timedelta(days=46)
    assert row.meetings_count == 2
    assert days_since_meeting(row, TODAY) == 46
    assert risk_reasons(row) == ["No meeting for more than 45 days."]


def test_a_pair_without_meetings_counts_from_its_publication(cohort):
    young, old = _pair(cohort, published_days_ago=45), _pair(cohort, published_days_ago=46)

    assert not _row(cohort, young).at_risk
    assert _row(cohort, old).at_risk
    assert days_since_meeting(_row(cohort, old), TODAY) == 46


@pytest.mark.parametrize(
    ("satisfaction", "progress", "at_risk"), [(2, 5, True), (5, 1, True), (3, 3, False)]
)
def test_a_latest_check_in_of_2_or_less_puts_the_pair_at_risk(
    cohort, satisfaction, progress, at_risk
):
    pairing = _pair(cohort)
    _meet(pairing, 3)
    _check_in(
        pairing, pairing.mentor.user, days_ago=2, satisfaction=satisfaction, progress=progress
    )

    row = _row(cohort, pairing)
    assert row.at_risk is at_risk
    assert row.low_check_in is at_risk
    assert (row.latest_satisfaction, row.latest_progress) == (satisfaction, progress)


def test_only_the_latest_check_in_counts(cohort):
    pairing = _pair(cohort)
    _meet(pairing, 3)
    mentee = pairing.mentee.applicant.user
    _check_in(pairing, mentee, days_ago=60, satisfaction=1, progress=1)
    _check_in(pairing, mentee, days_ago=5, satisfaction=4, progress=4)

    assert not _row(cohort, pairing).at_risk


def test_both_reasons_are_given(cohort):
    pairing = _pair(cohort)
    _check_in(pairing, pairing.mentor.user, days_ago=1, satisfaction=1, progress=4)

    assert risk_reasons(_row(cohort, pairing)) == [
        "No meeting for more than 45 days.",
        "The latest check-in scored 2 or less.",
    ]


def test_at_risk_pairs_are_the_active_ones_flagged(cohort):
    fine, quiet = _pair(cohort), _pair(cohort)
    _meet(fine, 1)
    _pair(cohort, status=PairingStatus.ENDED_EARLY)
    other_cohort = running_cohort(mentees={})
    _pair(other_cohort)

    assert [pair.pk for pair in at_risk_pairs(cohort, today=TODAY)] == [quiet.pk]
    assert {pair.pk for pair in pairs_with_health(cohort, today=TODAY)} == {fine.pk, quiet.pk}


def test_today_defaults_to_the_current_date(cohort, monkeypatch):
    pairing = _pair(cohort)
    _meet(pairing, 10)
    monkeypatch.setattr(timezone, "now", lambda: _at(TODAY + timedelta(days=40)))

    assert [pair.pk for pair in at_risk_pairs(cohort)] == [pairing.pk]


# --- the page ---


def test_the_page_lists_pairs_with_their_health(client_for, staff, cohort, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: _at(TODAY))
    quiet = _pair(cohort)
    _meet(quiet, 50)
    fine = _pair(cohort)
    _meet(fine, 1)
    _check_in(fine, fine.mentor.user, days_ago=1, satisfaction=4, progress=5)

    content = client_for(staff).get(f"/en/mentoring/cohorts/{cohort.pk}/health/").content.decode()

    assert quiet.mentee.applicant.user.full_name in content
    assert fine.mentor.user.full_name in content
    assert "1 pair at risk" in content
    assert "No meeting for more than 45 days." in content
    assert "Satisfaction 4/5, progress 5/5" in content
    assert "Secret topic" not in content


def test_the_page_filters_at_risk_only_and_by_country(
    client_for, staff, cohort, jordan, morocco, monkeypatch
):
    monkeypatch.setattr(timezone, "now", lambda: _at(TODAY))
    quiet_jo = _pair(cohort, country=jordan)
    fine_jo = _pair(cohort, country=jordan)
    _meet(fine_jo, 1)
    quiet_ma = _pair(cohort, country=morocco)
    client = client_for(staff)
    url = f"/en/mentoring/cohorts/{cohort.pk}/health/"

    def names(query: str) -> set[str]:
        content = client.get(url + query).content.decode()
        return {
            pairing.mentee.applicant.user.email
            for pairing in (quiet_jo, fine_jo, quiet_ma)
            if f"/mentoring/pairs/{pairing.pk}/" in content
        }

    everyone = {p.mentee.applicant.user.email for p in (quiet_jo, fine_jo, quiet_ma)}
    assert names("") == everyone
    assert names("?risk=1") == {
        quiet_jo.mentee.applicant.user.email,
        quiet_ma.mentee.applicant.user.email,
    }
    assert names("?country=MA") == {quiet_ma.mentee.applicant.user.email}
    assert names("?risk=1&country=jo") == {quiet_jo.mentee.applicant.user.email}


def test_the_page_queries_do_not_grow_with_pairs(client_for, staff, cohort):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(staff)
    url = f"/en/mentoring/cohorts/{cohort.pk}/health/"
    counts = []
    for pairs in (1, 49):
        for index in range(pairs):
            pairing = _pair(cohort)
            _meet(pairing, index % 60)
            _check_in(
                pairing, pairing.mentor.user, days_ago=1, satisfaction=index % 5 + 1, progress=3
            )
        # session, user, roles, the cohort, its countries, the pairs with their health (and
        # whatever the menu asks, the same for any number of pairs).
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.content.decode().count("/mentoring/pairs/") == len(counts) * 49 + 1
        counts.append(len(captured.captured_queries))

    assert counts[0] == counts[1] <= 8


@pytest.mark.parametrize("persona", ["officer", "focal_point", "mentor", "donor"])
def test_only_staff_see_programme_health(client_for, request, cohort, persona):
    user = request.getfixturevalue(persona)

    assert client_for(user).get(f"/en/mentoring/cohorts/{cohort.pk}/health/").status_code == 403


def test_an_unknown_cohort_is_404(client_for, staff):
    assert client_for(staff).get("/en/mentoring/cohorts/999999/health/").status_code == 404
