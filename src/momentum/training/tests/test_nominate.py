"""A focal point nominates officers of their own country for a session (the service)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.people.models import RankLevel
from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import Nomination, NominationStatus, SessionStatus, Track
from momentum.training.services import nominations as services
from momentum.training.tests.factories import (
    CourseFactory,
    NominationFactory,
    session_with_seats,
)

pytestmark = pytest.mark.django_db


def _nominate(session, officer_user, by, **fields):  # type: ignore[no-untyped-def]
    return services.nominate_officer(
        session=session,
        officer=officer_user.profile,
        by=by,
        justification=fields.pop("justification", "Works at the Jaber border crossing."),
        **fields,
    )


def _codes(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [each.code for field in error.error_dict.values() for each in field]
    return [each.code for each in error.error_list]


def test_focal_point_nominates_an_officer_of_their_country(focal_point, officer, jordan):
    session = session_with_seats({jordan: 3})

    nomination = _nominate(session, officer, focal_point)

    assert nomination.status == NominationStatus.NOMINATED
    assert nomination.country == jordan
    assert nomination.nominated_by == focal_point
    entry = AuditEntry.objects.get(verb="nomination.created")
    assert entry.actor == focal_point
    assert entry.country == jordan
    assert entry.target_id == str(nomination.pk)


def test_focal_point_cannot_nominate_for_other_country(outsider, officer, jordan, morocco):
    session = session_with_seats({jordan: 3, morocco: 3})

    with pytest.raises(PermissionDenied):
        _nominate(session, officer, outsider)
    assert not Nomination.objects.exists()


def test_staff_nominate_for_any_country(staff, officer, jordan):
    session = session_with_seats({jordan: 3})

    assert _nominate(session, officer, staff).nominated_by == staff


@pytest.mark.parametrize(
    "status", [SessionStatus.DRAFT, SessionStatus.SELECTION, SessionStatus.CONFIRMED]
)
def test_a_session_not_open_refuses_nominations(focal_point, officer, jordan, status):
    session = session_with_seats({jordan: 3}, status=status)

    with pytest.raises(ValidationError) as refusal:
        _nominate(session, officer, focal_point)
    assert refusal.value.messages == ["This session is not open for nominations."]
    assert not Nomination.objects.exists()


def test_nominations_close_at_the_deadline(focal_point, officer, jordan):
    session = session_with_seats(
        {jordan: 3}, nomination_deadline=timezone.now() - timedelta(minutes=1)
    )

    with pytest.raises(ValidationError) as refusal:
        _nominate(session, officer, focal_point)
    assert refusal.value.messages == ["The deadline for nominations to this session has passed."]


def test_a_country_without_seats_cannot_nominate(focal_point, officer, morocco):
    session = session_with_seats({morocco: 3})

    with pytest.raises(ValidationError) as refusal:
        _nominate(session, officer, focal_point)
    assert refusal.value.messages == ["This session has no seats for Jordan."]


def test_an_officer_outside_the_courses_areas_of_work_is_refused(focal_point, officer, jordan):
    border, osint = AreaOfWorkFactory(code="border"), AreaOfWorkFactory(code="osint")
    officer.profile.areas_of_work.set([osint])
    course = CourseFactory()
    course.target_areas.set([border])
    session = session_with_seats({jordan: 3}, course=course)

    with pytest.raises(ValidationError) as refusal:
        _nominate(session, officer, focal_point)
    assert refusal.value.message_dict == {
        "officer": ["None of the officer's areas of work is among those this course is for."]
    }
    assert _codes(refusal.value) == ["ineligible"]

    officer.profile.areas_of_work.add(border)
    assert _nominate(session, officer, focal_point).pk


def test_an_officer_of_another_rank_level_is_refused(focal_point, officer, jordan):
    course = CourseFactory(target_rank_levels=[RankLevel.SENIOR])
    session = session_with_seats({jordan: 3}, course=course)

    with pytest.raises(ValidationError) as refusal:
        _nominate(session, officer, focal_point)
    assert refusal.value.message_dict == {
        "officer": ["This course is not open to officers of this rank level."]
    }


def test_leadership_programmes_need_a_mid_level_rank(focal_point, jordan):
    course = CourseFactory(track=Track.LEADERSHIP)
    session = session_with_seats({jordan: 3}, course=course)
    junior = make_officer(jordan, rank_level=RankLevel.JUNIOR)
    mid = make_officer(jordan, rank_level=RankLevel.MID)

    with pytest.raises(ValidationError) as refusal:
        _nominate(session, junior, focal_point)
    assert refusal.value.message_dict == {
        "officer": ["Leadership programmes are for mid-level officers."]
    }
    assert _nominate(session, mid, focal_point).officer == mid.profile


def test_motivation_and_endorsement_are_required_when_the_course_asks(focal_point, jordan):
    course = CourseFactory(
        track=Track.LEADERSHIP, requires_motivation=True, requires_endorsement=True
    )
    session = session_with_seats({jordan: 3}, course=course)
    mid = make_officer(jordan, rank_level=RankLevel.MID)

    with pytest.raises(ValidationError) as refusal:
        _nominate(session, mid, focal_point, motivation="  ", supervisor_name="Col. Nasser")
    assert set(refusal.value.message_dict) == {"motivation", "supervisor_endorsement"}
    assert not Nomination.objects.exists()

    nomination = _nominate(
        session,
        mid,
        focal_point,
        motivation="أريد أن أقود فريقي نحو عمل شرطي أكثر إنصافًا.",
        supervisor_name="Col. Nasser",
        supervisor_endorsement="She leads a unit of twelve with distinction.",
    )
    assert nomination.motivation.startswith("أريد")
    assert nomination.supervisor_name == "Col. Nasser"


def test_a_justification_is_required(focal_point, officer, jordan):
    session = session_with_seats({jordan: 3})

    with pytest.raises(ValidationError) as refusal:
        _nominate(session, officer, focal_point, justification="   ")
    assert list(refusal.value.message_dict) == ["justification"]


def test_a_second_nomination_of_the_same_officer_is_refused(focal_point, officer, jordan):
    session = session_with_seats({jordan: 3})
    _nominate(session, officer, focal_point)

    with pytest.raises(ValidationError) as refusal:
        _nominate(session, officer, focal_point)
    assert refusal.value.message_dict == {
        "officer": ["Leila Haddad is already nominated for this session."]
    }
    assert _codes(refusal.value) == ["duplicate"]
    assert Nomination.objects.count() == 1


def test_a_duplicate_sent_at_the_same_moment_meets_the_unique_constraint(
    focal_point, officer, jordan, monkeypatch
):
    session = session_with_seats({jordan: 3})
    _nominate(session, officer, focal_point)
    # The other request checked before this one saved: the database has the last word.
    monkeypatch.setattr(services, "_already_nominated", lambda session, officer: False)

    with pytest.raises(ValidationError) as refusal:
        _nominate(session, officer, focal_point)
    assert _codes(refusal.value) == ["duplicate"]
    assert Nomination.objects.count() == 1
    assert AuditEntry.objects.filter(verb="nomination.created").count() == 1


def test_an_officer_already_nominated_for_overlapping_dates_is_refused(
    focal_point, officer, jordan
):
    first = session_with_seats({jordan: 3})
    overlapping = session_with_seats(
        {jordan: 3},
        starts_on=first.ends_on,
        ends_on=first.ends_on + timedelta(days=2),
        course=CourseFactory(),
    )
    _nominate(first, officer, focal_point)

    with pytest.raises(ValidationError) as refusal:
        _nominate(overlapping, officer, focal_point)
    assert _codes(refusal.value) == ["overlap"]
    assert "whose dates overlap this session's" in refusal.value.messages[0]


def test_sessions_that_do_not_overlap_take_the_same_officer(focal_point, officer, jordan):
    first = session_with_seats({jordan: 3})
    later = session_with_seats(
        {jordan: 3},
        starts_on=first.ends_on + timedelta(days=1),
        ends_on=first.ends_on + timedelta(days=3),
        course=CourseFactory(),
    )
    _nominate(first, officer, focal_point)

    assert _nominate(later, officer, focal_point).session == later


@pytest.mark.parametrize(
    ("status", "blocks"),
    [
        (NominationStatus.SELECTED, True),
        (NominationStatus.WAITLISTED, True),
        (NominationStatus.DECLINED, False),
        (NominationStatus.WITHDRAWN, False),
    ],
)
def test_only_live_nominations_block_overlapping_sessions(
    focal_point, officer, jordan, status, blocks
):
    other = session_with_seats({jordan: 3}, status=SessionStatus.SELECTION)
    NominationFactory(session=other, officer=officer.profile, status=status)
    session = session_with_seats({jordan: 3}, course=CourseFactory())

    if blocks:
        with pytest.raises(ValidationError):
            _nominate(session, officer, focal_point)
    else:
        assert _nominate(session, officer, focal_point).pk
