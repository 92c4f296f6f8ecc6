"""Security and privacy review of training: each test names what must never leak or happen.

The personas are those of conftest.py: Leila (the officer of Jordan), Jordan's focal point, the
trainer, staff, an anonymous visitor.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.core.tests.factories import CityFactory
from momentum.people.models import Role, RoleAssignment
from momentum.people.tests.factories import ProfileFactory, RankFactory, UserFactory
from momentum.training.models import (
    Attendance,
    NominationStatus,
    SessionStatus,
)
from momentum.training.models import TestKind as Kind
from momentum.training.services.certificates import issue_certificate_if_complete
from momentum.training.tests.factories import (
    CertificateFactory,
    CourseFactory,
    EvaluationFactory,
    NominationFactory,
    SessionFactory,
    completed_participation,
    make_question,
    record_score,
)

pytestmark = pytest.mark.django_db


# --- attendance: a trainer sees the selected participants of their session, nobody else ---


@pytest.mark.parametrize(
    "status",
    [NominationStatus.NOMINATED, NominationStatus.DECLINED, NominationStatus.WAITLISTED],
)
def test_a_trainer_cannot_reach_a_nominee_who_was_not_selected_through_the_attendance_form(
    client_for, trainer, jordan, status
):
    session = SessionFactory(trainers=[trainer], status=SessionStatus.RUNNING)
    nominee = NominationFactory(
        session=session,
        officer=ProfileFactory(country=jordan, user__given_name="Rania", user__family_name="Saleh"),
        status=status,
    )

    response = client_for(trainer).post(
        f"/en/training/sessions/{session.pk}/attendance/",
        {"nomination": nominee.pk, "day": session.starts_on.isoformat(), "mark": "present"},
        HTTP_HX_REQUEST="true",
    )

    # As for a nomination of another session: no such participant here.
    assert response.status_code == 404
    assert "Rania" not in response.content.decode()
    assert not Attendance.objects.exists()


# --- the public verification page reveals the minimum ---


def test_the_public_verification_of_a_certificate_never_shows_the_holders_email(
    client, staff, jordan
):
    # An officer known by their Arabic name only (the Latin one is optional).
    holder = ProfileFactory(
        country=jordan,
        user__email="rania.private@example.org",
        user__given_name="",
        user__family_name="",
        user__given_name_ar="رانيا",
        user__family_name_ar="صالح",
    )
    nomination = completed_participation(holder)
    certificate = issue_certificate_if_complete(nomination=nomination, by=staff)
    assert certificate is not None

    page = client.get(f"/en/verify/{certificate.code}/")
    api = client.get(f"/api/v1/certificates/{certificate.code}")

    assert page.status_code == 200
    assert api.status_code == 200
    assert "rania.private" not in page.content.decode()
    assert "rania.private" not in api.content.decode()
    # Their name instead, once.
    assert page.content.decode().count("رانيا صالح") == 1


# --- exports of personal data are audited ---


def test_downloading_an_officers_transcript_as_a_pdf_is_audited(
    client_for, focal_point, officer, jordan
):
    completed_participation(officer.profile)

    response = client_for(focal_point).get(
        f"/en/training/officers/{officer.profile.pk}/transcript.pdf"
    )

    assert response.status_code == 200
    entry = AuditEntry.objects.get(verb="training.transcript_exported")
    assert entry.actor == focal_point
    assert entry.target_id == str(officer.profile.pk)
    assert entry.country == jordan


# --- stored XSS: what people write is escaped on every page that shows it ---

PAYLOAD = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


def _assert_escaped(response) -> None:
    content = response.content.decode()
    assert response.status_code == 200, response.status_code
    assert "<script>alert" not in content
    assert "<img src=x" not in content
    # The text is on the page, escaped: the check above is not vacuous.
    assert "&lt;script&gt;alert" in content


@pytest.fixture
def hostile_world(jordan, trainer, officer):
    """Every text a person writes carries markup: course texts, names, agency, rank, a
    nomination's justification, motivation and endorsement, a decision's reason, a cancelled
    session's reason, evaluation comments, a test's question."""
    course = CourseFactory(
        title_en=f"Course {PAYLOAD}",
        summary_en=PAYLOAD,
        objectives_en=PAYLOAD,
        requires_motivation=True,
    )
    question = make_question(course)
    question.text_en = PAYLOAD
    question.save()
    question.choices.update(text_en=PAYLOAD)
    session = SessionFactory(
        course=course,
        trainers=[trainer],
        status=SessionStatus.COMPLETED,
        starts_on=timezone.localdate() - timedelta(days=10),
        venue_city=CityFactory(country=jordan, name_en=PAYLOAD, name_fr=PAYLOAD, name_ar=PAYLOAD),
        quotas={jordan: 10},
    )
    hostile_user = UserFactory(
        given_name=PAYLOAD,
        family_name=PAYLOAD,
        given_name_ar=PAYLOAD,
        family_name_ar=PAYLOAD,
    )
    rank = RankFactory(name_en=PAYLOAD, name_fr=PAYLOAD, name_ar=PAYLOAD)
    profile = ProfileFactory(user=hostile_user, country=jordan, rank=rank)
    profile.agency.name = PAYLOAD
    profile.agency.acronym = ""
    profile.agency.save()
    RoleAssignment.objects.create(user=hostile_user, role=Role.OFFICER, country=jordan)
    nomination = NominationFactory(
        session=session,
        officer=profile,
        justification=PAYLOAD,
        motivation=PAYLOAD,
        supervisor_name=PAYLOAD,
        supervisor_endorsement=PAYLOAD,
    )
    NominationFactory(
        session=session,
        officer=ProfileFactory(country=jordan),
        status=NominationStatus.DECLINED,
        decision_reason=PAYLOAD,
    )
    record_score(nomination, Kind.PRE, 40)
    record_score(nomination, Kind.POST, 80)
    for _ in range(5):
        EvaluationFactory(session=session, comments=PAYLOAD)
    certificate = CertificateFactory(
        nomination=nomination, holder_name=PAYLOAD, holder_name_ar=PAYLOAD
    )
    cancelled = SessionFactory(
        course=course, status=SessionStatus.CANCELLED, cancellation_reason=PAYLOAD
    )
    return {
        "course": course,
        "session": session,
        "cancelled": cancelled,
        "profile": profile,
        "certificate": certificate,
        "hostile": hostile_user,
    }


def test_what_people_write_is_escaped_on_every_page_that_shows_it(
    client, client_for, staff, hostile_world
):
    course = hostile_world["course"]
    session = hostile_world["session"]
    base = "/en/training"
    pages = [
        f"{base}/",
        f"{base}/?q=course",
        f"{base}/courses/{course.pk}/",
        f"{base}/sessions/",
        f"{base}/sessions/{session.pk}/",
        f"{base}/sessions/{hostile_world['cancelled'].pk}/",
        f"{base}/sessions/{session.pk}/nominate/?country=JO",
        f"{base}/sessions/{session.pk}/selection/",
        f"{base}/sessions/{session.pk}/attendance/",
        f"{base}/sessions/{session.pk}/attendance/summary/",
        f"{base}/sessions/{session.pk}/results/",
        f"{base}/courses/{course.pk}/results/",
        f"{base}/courses/{course.pk}/questions/",
        f"{base}/sessions/{session.pk}/evaluation-results/",
        f"{base}/officers/{hostile_world['profile'].pk}/transcript/",
        f"{base}/certificates/{hostile_world['certificate'].pk}/revoke/",
    ]
    signed_in = client_for(staff)
    for page in pages:
        _assert_escaped(signed_in.get(page))
        _assert_escaped(signed_in.get(page, HTTP_HX_REQUEST="true"))
    client.logout()
    _assert_escaped(client.get(f"/en/verify/{hostile_world['certificate'].code}/"))

    own = client_for(hostile_world["hostile"])
    for page in (f"{base}/my-nominations/", f"{base}/my-training/"):
        _assert_escaped(own.get(page))


# --- evaluations: no answer may be traced to its author, even from the database's own order ---


@pytest.mark.xfail(
    strict=True,
    reason=(
        "Known gap, left for a design decision: the answer and the receipt are written in the "
        "same transaction, one after the other, so the database's insertion order (SQLite's "
        "rowid, PostgreSQL's xmin and physical order) pairs each answer with its receipt."
    ),
)
def test_the_order_in_which_answers_are_stored_does_not_pair_them_with_their_receipts(
    trainer, jordan
):
    from django.db import connection

    from momentum.training.models import Evaluation, EvaluationReceipt
    from momentum.training.services.evaluations import submit_evaluation

    session = SessionFactory(
        trainers=[trainer],
        status=SessionStatus.COMPLETED,
        starts_on=timezone.localdate() - timedelta(days=10),
    )
    participants = [
        NominationFactory(session=session, officer=ProfileFactory(country=jordan)) for _ in range(8)
    ]
    for participant in participants:
        submit_evaluation(
            nomination=participant,
            kind="end",
            ratings={"relevance": 4, "content": 4, "trainers": 4, "organisation": 4},
            comments=f"answer of {participant.pk}",
        )
    order = "rowid" if connection.vendor == "sqlite" else "xmin::text::bigint, ctid"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT comments FROM {Evaluation._meta.db_table} ORDER BY {order}"  # noqa: S608
        )
        stored = [row[0] for row in cursor.fetchall()]
    receipts = list(
        EvaluationReceipt.objects.order_by("pk").values_list("nomination_id", flat=True)
    )

    assert stored != [f"answer of {pk}" for pk in receipts]
