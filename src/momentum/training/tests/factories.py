"""Factories for training's tests. Shared by every subject: append yours, reuse the others."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from momentum.core.tests.factories import CityFactory, CountryFactory
from momentum.core.text import search_key
from momentum.people.tests.factories import ProfileFactory
from momentum.training.models import (
    Course,
    Delivery,
    Nomination,
    NominationStatus,
    SeatQuota,
    Session,
    SessionStatus,
    Track,
)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"course-{n}")
    title_en = factory.Sequence(lambda n: f"Border screening with SLTD {n}")
    title_fr = factory.Sequence(lambda n: f"Contrôle aux frontières avec SLTD {n}")
    title_ar = factory.Sequence(lambda n: f"التدقيق على الحدود {n}")
    track = Track.INTERPOL_CAPABILITIES
    delivery = Delivery.IN_PERSON
    duration_hours = 24
    # As ``services.catalogue.save_course`` keeps it, so factory courses are found by search.
    search_key = factory.LazyAttribute(
        lambda course: search_key(course.code, course.title_ar, course.title_fr, course.title_en)
    )


class SessionFactory(factory.django.DjangoModelFactory):
    """A session three days long, starting today, confirmed (so it can run)."""

    class Meta:
        model = Session
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda session: session.starts_on + timedelta(days=2))
    delivery = Delivery.IN_PERSON
    venue_country = factory.SubFactory(CountryFactory, code="JO")
    venue_city = factory.LazyAttribute(
        lambda session: (
            CityFactory(country=session.venue_country, name_en="Amman")
            if session.venue_country
            else None
        )
    )
    language = "en"
    capacity = 30
    nomination_deadline = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    status = SessionStatus.CONFIRMED

    @factory.post_generation
    def trainers(self, create, extracted, **kwargs):
        if create and extracted:
            self.trainers.set(extracted)

    @factory.post_generation
    def quotas(self, create, extracted, **kwargs):
        """``SessionFactory(quotas={jordan: 10, morocco: (5, 2)})``: seats per country, or
        (seats, already selected)."""
        if create and extracted:
            for country, seats in extracted.items():
                seats, selected = seats if isinstance(seats, tuple) else (seats, 0)
                SeatQuota.objects.create(
                    session=self, country=country, seats=seats, selected=selected
                )


class SeatQuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeatQuota

    session = factory.SubFactory(SessionFactory)
    country = factory.SubFactory(CountryFactory)
    seats = 10


class NominationFactory(factory.django.DjangoModelFactory):
    """A nomination of an officer (of the session's venue country by default), selected.

    The quota's ``selected`` counter is not touched: tests of selection use the services.
    """

    class Meta:
        model = Nomination

    session = factory.SubFactory(SessionFactory)
    officer = factory.SubFactory(ProfileFactory)
    country = factory.LazyAttribute(lambda nomination: nomination.officer.country)
    justification = "Works at the border crossing."
    status = NominationStatus.SELECTED


# --- evaluations, certificates, transcripts and exports ---
class EvaluationFactory(factory.django.DjangoModelFactory):
    """An anonymous end-of-session answer (no receipt: tests of submission use the service)."""

    class Meta:
        model = "training.Evaluation"

    session = factory.SubFactory(SessionFactory)
    kind = "end"
    relevance = 4
    content = 4
    trainers = 5
    organisation = 4
    submitted_on = factory.LazyFunction(timezone.localdate)


def _certificate_code() -> str:
    from momentum.training.services.certificates import new_code

    return new_code()


class CertificateFactory(factory.django.DjangoModelFactory):
    """A certificate written straight to the database (no PDF); tests of issuing use the
    service."""

    class Meta:
        model = "training.Certificate"

    nomination = factory.SubFactory(NominationFactory)
    holder = factory.LazyAttribute(lambda certificate: certificate.nomination.officer.user)
    code = factory.LazyFunction(_certificate_code)
    holder_name = factory.LazyAttribute(lambda certificate: certificate.holder.full_name)
    holder_name_ar = factory.LazyAttribute(lambda certificate: certificate.holder.full_name_ar)
    title = factory.LazyAttribute(
        lambda certificate: {
            "en": certificate.nomination.session.course.title_en,
            "fr": certificate.nomination.session.course.title_fr,
            "ar": certificate.nomination.session.course.title_ar,
        }
    )
    starts_on = factory.LazyAttribute(lambda certificate: certificate.nomination.session.starts_on)
    ends_on = factory.LazyAttribute(lambda certificate: certificate.nomination.session.ends_on)
    hours = 24
    language = "en"


# --- nominations and selection ---
def session_with_seats(
    seats: dict[object, int], *, status: str = SessionStatus.OPEN, **fields: object
) -> Session:
    """A session with ``seats`` per country (``{country: n}``), open for nominations until
    next week by default, starting in a month."""
    starts_on = timezone.localdate() + timedelta(days=30)
    defaults: dict[str, object] = {
        "status": status,
        "starts_on": starts_on,
        "ends_on": starts_on + timedelta(days=4),
        "nomination_deadline": timezone.now() + timedelta(days=7),
        "capacity": max(sum(seats.values()), 1),
    }
    session = SessionFactory(**{**defaults, **fields})
    for country, number in seats.items():
        SeatQuotaFactory(session=session, country=country, seats=number)
    return session


def mark_attendance(nomination, *, attended: int, absent: int = 0) -> None:
    """Attendance on consecutive days from the session's first day: ``attended`` days present,
    then ``absent`` days absent."""
    from momentum.training.models import Attendance, AttendanceMark

    day = nomination.session.starts_on
    marks = [AttendanceMark.PRESENT] * attended + [AttendanceMark.ABSENT] * absent
    for offset, mark in enumerate(marks):
        Attendance.objects.create(
            nomination=nomination, day=day + timedelta(days=offset), mark=mark
        )


def record_score(nomination, kind: str, score: object) -> None:
    """A pre- or post-test attempt with its score, written straight to the database."""
    from momentum.training.models import TestAttempt

    TestAttempt.objects.create(
        nomination=nomination,
        kind=kind,
        language="en",
        submitted_at=timezone.now(),
        score=score,
    )


def completed_participation(officer, **session_fields):
    """A completed three-day session (of a course without questions) that ``officer`` (a
    profile) attended every day: the completion rule is met."""
    session_fields.setdefault("status", SessionStatus.COMPLETED)
    session_fields.setdefault("starts_on", timezone.localdate() - timedelta(days=10))
    session = SessionFactory(**session_fields)
    nomination = NominationFactory(session=session, officer=officer)
    mark_attendance(nomination, attended=3)
    return nomination


# --- attendance, knowledge tests and analytics ---
def make_question(
    course, kind: str = "single", *, answers: int = 3, correct: tuple[int, ...] = (0,), **fields
):
    """A question of ``course`` in the three languages with ``answers`` choices, those at the
    indexes ``correct`` being right. A true-or-false question has two: true (0) and false (1)."""
    from momentum.training.models import Choice, Question, QuestionKind

    number = Question.objects.filter(course=course).count() + 1
    question = Question.objects.create(
        course=course,
        kind=kind,
        order=number,
        text=f"Question {number}",
        text_en=f"Question {number}",
        text_fr=f"Question {number} en français",
        text_ar=f"السؤال {number}",
        **fields,
    )
    if kind == QuestionKind.TRUE_FALSE:
        texts = [("True", "Vrai", "صحيح"), ("False", "Faux", "خطأ")]
    else:
        texts = [(f"Answer {i}", f"Réponse {i}", f"الجواب {i}") for i in range(answers)]
    for index, (en, fr, ar) in enumerate(texts):
        Choice.objects.create(
            question=question,
            text=en,
            text_en=en,
            text_fr=fr,
            text_ar=ar,
            is_correct=index in correct,
            order=index + 1,
        )
    return question
