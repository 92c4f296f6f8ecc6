"""Ending a pair early: a reason is required, both sides are told, and the mentee is re-matched
with the best mentor available (a proposed pair for staff to publish), or staff are told why
none could be proposed."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from momentum.core.models import AuditEntry, Notification
from momentum.mentoring.models import Pairing, PairingStatus
from momentum.mentoring.services import matching as services
from momentum.mentoring.tests.factories import (
    MentorProfileFactory,
    PairingFactory,
    matching_cohort,
    mentee,
    thematic_area,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def active(jordan):  # type: ignore[no-untyped-def]
    cohort = matching_cohort()
    border = thematic_area("border")
    leila = mentee(cohort, jordan, goal_areas=[border])
    return PairingFactory(mentee=leila, mentor=MentorProfileFactory(capacity=1))


def test_ending_early_tells_both_and_proposes_the_best_available_mentor(staff, active):
    border = thematic_area("border")
    MentorProfileFactory(capacity=2)  # no matching expertise
    best = MentorProfileFactory(capacity=2, expertise=[border])
    MentorProfileFactory(capacity=2, expertise=[border], is_available=False)

    ended = services.end_pair_early(pairing=active, reason="She changed post.", by=staff)

    active.refresh_from_db()
    assert active.status == PairingStatus.ENDED_EARLY
    assert active.end_reason == "She changed post."
    assert active.ended_at is not None
    assert ended.rematch is not None
    assert ended.rematch.mentor_id == best.pk
    assert ended.rematch.status == PairingStatus.PROPOSED
    assert ended.rematch.score_parts
    told = set(
        Notification.objects.filter(kind="mentoring.pair_ended").values_list(
            "recipient_id", flat=True
        )
    )
    assert told == {active.mentee.applicant.user_id, active.mentor.user_id}
    assert AuditEntry.objects.filter(verb="mentoring.pair_ended_early").exists()
    assert AuditEntry.objects.filter(verb="mentoring.rematch_proposed").exists()


def test_the_former_mentor_is_not_proposed_again(staff, active):
    # Her former mentor now has a free place, and is the only mentor there is.
    ended = services.end_pair_early(pairing=active, reason="No chemistry.", by=staff)

    assert ended.rematch is None
    assert ended.reasons == ["No mentor is available."]
    assert AuditEntry.objects.filter(verb="mentoring.rematch_found_none").exists()


def test_when_no_mentor_has_a_place_staff_are_told_why(staff, active):
    full = MentorProfileFactory(capacity=1)
    PairingFactory(mentor=full)

    with translation.override("en"):
        ended = services.end_pair_early(pairing=active, reason="No chemistry.", by=staff)

    assert ended.rematch is None
    assert ended.reasons == ["1 mentor has no place left."]


def test_a_reason_is_required(staff, active):
    with pytest.raises(ValidationError) as refused:
        services.end_pair_early(pairing=active, reason="   ", by=staff)

    assert "reason" in refused.value.message_dict
    active.refresh_from_db()
    assert active.status == PairingStatus.ACTIVE


def test_only_an_active_pair_ends_early(staff, active):
    services.end_pair_early(pairing=active, reason="Moved.", by=staff)

    with pytest.raises(ValidationError) as refused:
        services.end_pair_early(pairing=active, reason="Again.", by=staff)

    assert refused.value.messages == ["Only an active pair can be ended early."]


def test_only_staff_end_a_pair(mentor, active):
    with pytest.raises(PermissionDenied):
        services.end_pair_early(pairing=active, reason="Moved.", by=mentor)


def test_the_page_requires_a_reason_and_reports_the_rematch(client_for, staff, active):
    MentorProfileFactory(capacity=1)
    client = client_for(staff)
    url = f"/en/mentoring/matching/pairs/{active.pk}/end-early/"

    refused = client.post(url, {"reason": ""}, follow=True)
    assert "Say why the pair ends early." in refused.content.decode()
    assert Pairing.objects.get(pk=active.pk).status == PairingStatus.ACTIVE

    response = client.post(url, {"reason": "Moved."}, follow=True)
    assert "is proposed as her new mentor" in response.content.decode()
    assert Pairing.objects.filter(mentee=active.mentee, status=PairingStatus.PROPOSED).exists()
