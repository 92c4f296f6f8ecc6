"""Factories for mentoring's tests. Shared by every subject: append yours at the end, in a
section of your own, and reuse the others."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from momentum.core.models import Country
from momentum.core.tests.factories import CountryFactory
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Cohort,
    CohortPlace,
    CohortStatus,
    DevelopmentPlan,
    MentorKind,
    MentorProfile,
    Pairing,
    PairingStatus,
    RubricCriterion,
)
from momentum.people.models import Profile, Role, RoleAssignment, Sex
from momentum.people.tests.factories import ProfileFactory, UserFactory

# --- cohorts and applications ---


def _jordan() -> Country:
    return CountryFactory(code="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن")


def _morocco() -> Country:
    return CountryFactory(code="MA", name_en="Morocco", name_fr="Maroc", name_ar="المغرب")


class CohortFactory(factory.django.DjangoModelFactory):
    """A cohort open for applications now, starting in a month and lasting two years, with
    places for Jordan and Morocco (``places={country: n}`` to choose) and two rubric criteria
    (``criteria=[]`` for none)."""

    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"cohort-{n}")
    name_en = factory.Sequence(lambda n: f"Women in policing cohort {n}")
    name_fr = factory.Sequence(lambda n: f"Cohorte femmes dans la police {n}")
    name_ar = factory.Sequence(lambda n: f"دفعة النساء في الشرطة {n}")
    description_en = "Two years of mentoring and upskilling."
    description_fr = "Deux ans de mentorat et de formation."
    description_ar = "سنتان من الإرشاد وتطوير المهارات."
    status = CohortStatus.OPEN
    applications_open_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    applications_close_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda cohort: cohort.starts_on + timedelta(days=730))
    min_years_of_service = 2

    @factory.post_generation
    def places(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        """``places={jordan: 5, morocco: 3}``; by default five places each for JO and MA."""
        if not create:
            return
        if extracted is None:
            extracted = {_jordan(): 5, _morocco(): 5}
        for country, count in extracted.items():
            CohortPlace.objects.create(cohort=self, country=country, places=count)

    @factory.post_generation
    def criteria(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        """Two criteria by default; ``criteria=[]`` for none, or a list of
        ``(name, weight, max_score)``."""
        if not create:
            return
        if extracted is None:
            extracted = [("Motivation", 2, 5), ("Leadership potential", 1, 10)]
        for order, (name, weight, max_score) in enumerate(extracted):
            RubricCriterion.objects.create(
                cohort=self,
                name_en=name,
                name_fr=name,
                name_ar=name,
                weight=weight,
                max_score=max_score,
                order=order,
            )

    @factory.post_generation
    def panel(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.panel.set(extracted)


def female_officer_profile(country: Country | None = None, **fields: Any) -> Profile:
    """A woman officer's profile (with her officer role) in ``country`` (Jordan by default)."""
    country = country or _jordan()
    profile = ProfileFactory(country=country, sex=Sex.FEMALE, **fields)
    RoleAssignment.objects.create(user=profile.user, role=Role.OFFICER, country=country)
    return profile


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application of a woman officer of Jordan, submitted (``status=`` for later steps;
    the dates of the steps already taken are filled in)."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    cohort = factory.SubFactory(CohortFactory)
    applicant = factory.LazyFunction(female_officer_profile)
    country = factory.LazyAttribute(lambda application: application.applicant.country)
    status = ApplicationStatus.SUBMITTED
    language = "en"
    motivation = "I lead a border unit and want to grow as a leader."
    goals = "Lead a regional task force within two years."
    languages = factory.LazyFunction(lambda: ["ar", "en"])
    years_of_service = 8
    supervisor_name = "Colonel Nasser"
    supervisor_email = factory.Sequence(lambda n: f"supervisor{n}@example.org")
    supervisor_statement = factory.LazyAttribute(
        lambda application: (
            "" if application.status == ApplicationStatus.SUBMITTED else "She is ready."
        )
    )
    supervisor_endorsed_at = factory.LazyAttribute(
        lambda application: (
            None
            if application.status == ApplicationStatus.SUBMITTED
            else timezone.now() - timedelta(days=5)
        )
    )
    national_endorsed_at = factory.LazyAttribute(
        lambda application: (
            timezone.now() - timedelta(days=3)
            if application.status
            not in (ApplicationStatus.SUBMITTED, ApplicationStatus.SUPERVISOR_ENDORSED)
            else None
        )
    )

    @factory.post_generation
    def goal_areas(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.goal_areas.set(extracted)

    @factory.post_generation
    def work_areas(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.work_areas.set(extracted)

    @factory.post_generation
    def preferred_mentors(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.preferred_mentors.set(extracted)


class MentorProfileFactory(factory.django.DjangoModelFactory):
    """A senior-officer mentor (with the mentor role), available, two mentees at once."""

    class Meta:
        model = MentorProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    kind = MentorKind.SENIOR_OFFICER
    bio = "Twenty years in border policing."
    languages = factory.LazyFunction(lambda: ["ar", "en"])
    capacity = 2
    is_available = True

    @factory.post_generation
    def role(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted is not False:
            RoleAssignment.objects.get_or_create(user=self.user, role=Role.MENTOR, country=None)

    @factory.post_generation
    def expertise(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.expertise.set(extracted)

    @factory.post_generation
    def work_areas(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.work_areas.set(extracted)


class PairingFactory(factory.django.DjangoModelFactory):
    """An active pair (published a week ago) of an accepted mentee and a mentor, with its
    development plan."""

    class Meta:
        model = Pairing
        skip_postgeneration_save = True

    mentee = factory.SubFactory(ApplicationFactory, status=ApplicationStatus.ACCEPTED)
    cohort = factory.LazyAttribute(lambda pairing: pairing.mentee.cohort)
    mentor = factory.SubFactory(MentorProfileFactory)
    status = PairingStatus.ACTIVE
    score = 75
    proposed_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    published_at = factory.LazyAttribute(
        lambda pairing: (
            timezone.now() - timedelta(days=7) if pairing.status != PairingStatus.PROPOSED else None
        )
    )

    @factory.post_generation
    def plan(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        """A development plan for every pair but a proposed one (``plan=False`` for none)."""
        if not create or extracted is False or self.status == PairingStatus.PROPOSED:
            return
        DevelopmentPlan.objects.create(pairing=self, summary="Grow as a leader.")


def running_cohort(
    *,
    mentees: dict[Country, int] | None = None,
    pairs: bool = False,
    **cohort_fields: Any,
) -> Cohort:
    """A cohort in progress with accepted mentees: ``mentees={country: n}`` (by default two of
    Jordan and one of Morocco). With ``pairs=True`` each mentee gets an active pair with a
    mentor of her own."""
    today = timezone.localdate()
    cohort_fields.setdefault("status", CohortStatus.RUNNING)
    cohort_fields.setdefault("applications_open_at", timezone.now() - timedelta(days=120))
    cohort_fields.setdefault("applications_close_at", timezone.now() - timedelta(days=90))
    cohort_fields.setdefault("starts_on", today - timedelta(days=30))
    cohort = CohortFactory(**cohort_fields)
    if mentees is None:
        mentees = {_jordan(): 2, _morocco(): 1}
    for country, count in mentees.items():
        for _index in range(count):
            application = ApplicationFactory(
                cohort=cohort,
                applicant=female_officer_profile(country),
                status=ApplicationStatus.ACCEPTED,
            )
            if pairs:
                PairingFactory(mentee=application)
    return cohort


# --- the pair's work ---


def pair_for(
    mentee: Any,
    mentor: Any = None,
    *,
    published_days_ago: int = 7,
    **fields: Any,
) -> Pairing:
    """An active pair whose mentee is the officer ``mentee`` (a user with a profile) and whose
    mentor is the user ``mentor`` (given a mentor profile when needed; a new mentor when
    None), published ``published_days_ago`` days ago, in a running cohort."""
    cohort = fields.pop("cohort", None) or running_cohort(mentees={})
    application = ApplicationFactory(
        cohort=cohort, applicant=mentee.profile, status=ApplicationStatus.ACCEPTED
    )
    if mentor is None:
        mentor_profile = MentorProfileFactory()
    else:
        mentor_profile = MentorProfile.objects.filter(user=mentor).first() or MentorProfileFactory(
            user=mentor
        )
    fields.setdefault("published_at", timezone.now() - timedelta(days=published_days_ago))
    return PairingFactory(mentee=application, mentor=mentor_profile, **fields)


# --- mentors and matching ---


def thematic_area(code: str) -> Any:
    """A thematic area (a mentee's goal, a mentor's expertise) of the test programme."""
    from momentum.core.models import ThematicArea
    from momentum.core.tests.factories import ProgrammeFactory

    existing = ThematicArea.objects.filter(code=code).first()
    if existing is not None:
        return existing
    programme = ProgrammeFactory()
    return ThematicArea.objects.create(
        programme=programme, code=code, name_en=code.title(), name_fr=code, name_ar=code
    )


def matching_cohort(**cohort_fields: Any) -> Cohort:
    """A cohort at the matching stage, with no mentee yet (add accepted applications)."""
    cohort_fields.setdefault("status", CohortStatus.MATCHING)
    return running_cohort(mentees={}, **cohort_fields)


def mentee(cohort: Cohort, country: Country | None = None, **fields: Any) -> Application:
    """An accepted application (a mentee) of ``cohort``, of a woman officer of ``country``."""
    fields.setdefault("status", ApplicationStatus.ACCEPTED)
    profile_fields = fields.pop("profile", {})
    return ApplicationFactory(
        cohort=cohort, applicant=female_officer_profile(country, **profile_fields), **fields
    )


# --- panel and selection ---


def endorsed_application(
    cohort: Cohort, country: Country | None = None, **fields: Any
) -> Application:
    """An application of ``cohort`` with the panel (nationally endorsed), of a woman officer
    of ``country`` (Jordan by default)."""
    fields.setdefault("status", ApplicationStatus.ENDORSED)
    return ApplicationFactory(cohort=cohort, applicant=female_officer_profile(country), **fields)


def panelist_for(cohort: Cohort, **user_fields: Any) -> Any:
    """A new user (no role needed) seated on the cohort's panel."""
    user = UserFactory(**user_fields)
    cohort.panel.add(user)
    return user


def review_of(
    application: Application,
    panelist: Any,
    scores: list[int] | None = None,
    *,
    conflict: bool = False,
    aggregate: bool = True,
) -> Any:
    """The panel member's review of ``application`` written straight to the database:
    ``scores`` in the rubric's order, or a declared conflict. The application's score is
    aggregated anew unless ``aggregate=False``."""
    from momentum.mentoring.models import CriterionScore, Review
    from momentum.mentoring.services.selection import aggregate_score

    review = Review.objects.create(
        application=application,
        panelist=panelist,
        conflict_of_interest=conflict,
        conflict_note="She works in my unit." if conflict else "",
    )
    if not conflict:
        criteria = list(RubricCriterion.objects.filter(cohort_id=application.cohort_id))
        CriterionScore.objects.bulk_create(
            [
                CriterionScore(review=review, criterion=criterion, score=score)
                for criterion, score in zip(criteria, scores or [], strict=False)
            ]
        )
    if aggregate:
        aggregate_score(application)
    return review


# --- learning path, opportunities, completion and alumni ---


def path_course(
    application: Application,
    state: str = "not_started",
    *,
    order: int | None = None,
    **course_fields: Any,
) -> Any:
    """A course of the catalogue on ``application``'s learning path, with her training
    records in the given state: "not_started", "enrolled" (a selected nomination in a session
    of it), "completed" (and a certificate) or "revoked" (a certificate, revoked)."""
    from momentum.mentoring.models import LearningPathItem
    from momentum.training.tests.factories import (
        CertificateFactory,
        CourseFactory,
        NominationFactory,
        SessionFactory,
    )

    course = CourseFactory(**course_fields)
    if order is None:
        order = LearningPathItem.objects.filter(mentee=application).count() + 1
    item = LearningPathItem.objects.create(mentee=application, course=course, order=order)
    if state != "not_started":
        session = SessionFactory(course=course, venue_country=application.country)
        nomination = NominationFactory(
            session=session, officer=application.applicant, country=application.country
        )
        if state in ("completed", "revoked"):
            CertificateFactory(
                nomination=nomination,
                revoked_at=timezone.now() if state == "revoked" else None,
            )
    return item


def opportunity(**fields: Any) -> Any:
    """An opportunity open for applications, in a month, with two places for every partner
    country (``every_country``) and no cohort."""
    from momentum.mentoring.models import Opportunity, OpportunityKind

    today = timezone.localdate()
    fields.setdefault("kind", OpportunityKind.CONFERENCE)
    fields.setdefault("title_en", "IAWP annual conference")
    fields.setdefault("title_fr", "Conférence annuelle de l'IAWP")
    fields.setdefault("title_ar", "المؤتمر السنوي للرابطة الدولية للنساء في الشرطة")
    fields.setdefault("starts_on", today + timedelta(days=30))
    fields.setdefault("ends_on", fields["starts_on"] + timedelta(days=3))
    fields.setdefault("apply_by", today + timedelta(days=10))
    fields.setdefault("places", 2)
    fields.setdefault("location", "Cardiff")
    return Opportunity.objects.create(**fields)


def candidacy(opportunity: Any, application: Application, **fields: Any) -> Any:
    """``application``'s holder as a candidate (applied) for ``opportunity``;
    ``days_ago`` sets when she applied."""
    from momentum.mentoring.models import Candidacy

    days_ago = fields.pop("days_ago", 0)
    fields.setdefault("created_at", timezone.now() - timedelta(days=days_ago))
    return Candidacy.objects.create(
        opportunity=opportunity,
        person=application.applicant,
        country=application.country,
        **fields,
    )


def meetings_for(pairing: Pairing, count: int, *, minutes: int = 60) -> None:
    from momentum.mentoring.models import Meeting, MeetingMode

    today = timezone.localdate()
    Meeting.objects.bulk_create(
        [
            Meeting(
                pairing=pairing,
                held_on=today - timedelta(days=7 * index),
                duration_minutes=minutes,
                mode=MeetingMode.VIDEO,
                topics="Leadership",
            )
            for index in range(count)
        ]
    )
