"""The demo mentoring programme: an earlier cohort (2023 to 2025) whose alumnae hold their
certificates, the cohort in progress (2025 to 2027) with applications in every state, a panel's
scores, matched pairs with plans, meetings and check-ins (some at risk), learning paths from
the training catalogue and opportunities allocated, and a cohort open for applications.

Everything goes through the services (so the audit log, the panel's aggregate scores, the
matching scores, the check-in schedules and the certificates are what the platform would have
made), then the dates are moved back to when each step would have happened. The people are
those of ``people.demo_data``, with mentors added; the random choices use a fixed seed. The
notifications of this history are removed: they are not news, and would be e-mailed.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from momentum.core import audit
from momentum.core.demo import DEMO_PASSWORD, register_seeder
from momentum.core.models import Agency, AreaOfWork, Country, Notification, ThematicArea
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Candidacy,
    CheckIn,
    Cohort,
    CohortPlace,
    CohortStatus,
    DevelopmentPlan,
    GoalStatus,
    Meeting,
    MeetingMode,
    MentorKind,
    MentorProfile,
    Opportunity,
    OpportunityKind,
    Pairing,
    PairingStatus,
    RubricCriterion,
    TravelSupport,
)
from momentum.mentoring.selectors.opportunities import plan_allocation
from momentum.mentoring.services import applications as application_services
from momentum.mentoring.services import cohorts as cohort_services
from momentum.mentoring.services import completion as completion_services
from momentum.mentoring.services import learning_path as path_services
from momentum.mentoring.services import matching as matching_services
from momentum.mentoring.services import opportunities as opportunity_services
from momentum.mentoring.services import pairs as pair_services
from momentum.mentoring.services import selection as selection_services
from momentum.people.models import Profile, Role, RoleAssignment, Sex, User
from momentum.training.models import Course, Delivery, Nomination, NominationStatus, Track

Text = tuple[str, str, str]  # English, French, Arabic

MENTORS: tuple[dict[str, Any], ...] = (
    # email, names, kind, country code (agency of that country), languages, expertise, areas
    {
        "email": "mentor.oliveira@example.org",
        "given": ("Marta", "مارتا"),
        "family": ("Oliveira", "أوليفيرا"),
        "kind": MentorKind.INTERPOL_STAFF,
        "languages": ["en", "fr"],
        "expertise": ["leadership", "interpol-capabilities"],
        "areas": ["training", "project-management"],
        "leadership": True,
        "bio": "Head of a training unit in INTERPOL's Capacity Building and Training "
        "Directorate; has coached leaders of national training academies for ten years.",
    },
    {
        "email": "mentor.khoury@example.org",
        "given": ("Rima", "ريما"),
        "family": ("Khoury", "الخوري"),
        "kind": MentorKind.INTERPOL_STAFF,
        "languages": ["ar", "en", "fr"],
        "expertise": ["interpol-capabilities", "tocr"],
        "areas": ["ncb", "investigations"],
        "leadership": False,
        "bio": "Specialised officer at INTERPOL's General Secretariat, supporting National "
        "Central Bureaus of the region with notices and the I-24/7 network.",
    },
    {
        "email": "mentor.schmidt@example.org",
        "given": ("Hannah", "هانا"),
        "family": ("Schmidt", "شميت"),
        "kind": MentorKind.INTERPOL_STAFF,
        "languages": ["en"],
        "expertise": ["border-security", "tocr"],
        "areas": ["border-management", "biometrics"],
        "leadership": False,
        "bio": "Border management specialist; led operations at land and air borders in "
        "three regions.",
    },
    {
        "email": "mentor.moreau@example.org",
        "given": ("Inès", "إيناس"),
        "family": ("Moreau", "مورو"),
        "kind": MentorKind.INTERPOL_STAFF,
        "languages": ["fr", "en"],
        "expertise": ["tocr", "gender-sensitive-policing"],
        "areas": ["osint", "criminal-analysis"],
        "leadership": False,
        "bio": "Criminal intelligence analyst; trains analysts in open-source investigations.",
    },
    {
        "email": "mentor.bensalem@example.org",
        "given": ("Samia", "سامية"),
        "family": ("Bensalem", "بن سالم"),
        "kind": MentorKind.SENIOR_OFFICER,
        "country": "DZ",
        "languages": ["ar", "fr"],
        "expertise": ["tocr", "gender-sensitive-policing"],
        "areas": ["human-trafficking", "investigations"],
        "leadership": True,
        "bio": "Commissioner; led the national unit against trafficking in human beings.",
    },
    {
        "email": "mentor.majali@example.org",
        "given": ("Huda", "هدى"),
        "family": ("Majali", "المجالي"),
        "kind": MentorKind.SENIOR_OFFICER,
        "country": "JO",
        "languages": ["ar", "en"],
        "expertise": ["leadership", "border-security"],
        "areas": ["border-management", "training"],
        "leadership": True,
        "bio": "Brigadier; the first woman to command a border directorate in her country.",
    },
    {
        "email": "mentor.chebbi@example.org",
        "given": ("Nabil", "نبيل"),
        "family": ("Chebbi", "الشابي"),
        "kind": MentorKind.SENIOR_OFFICER,
        "country": "TN",
        "languages": ["ar", "fr"],
        "expertise": ["tocr", "leadership"],
        "areas": ["criminal-analysis", "migrant-smuggling"],
        "leadership": False,
        "bio": "Chief commissioner; heads a regional criminal analysis service.",
    },
    {
        "email": "mentor.saleh@example.org",
        "given": ("Lama", "لمى"),
        "family": ("Saleh", "صالح"),
        "kind": MentorKind.SENIOR_OFFICER,
        "country": "PS",
        "languages": ["ar", "en"],
        "expertise": ["gender-sensitive-policing", "leadership"],
        "areas": ["investigations", "training"],
        "leadership": True,
        "bio": "Colonel; founded the family protection units of her police service.",
    },
)

SOPHIE = {
    "expertise": ["leadership", "gender-sensitive-policing"],
    "areas": ["training", "investigations"],
    "languages": ["fr", "en"],
    "bio": "Senior programme manager at INTERPOL; mentors women leaders in policing.",
}

CRITERIA: tuple[tuple[Text, Text, int, int], ...] = (
    (
        ("Motivation", "Motivation", "الدافع"),
        (
            "Why now, and what she will change in her service.",
            "Pourquoi maintenant, et ce qu'elle changera dans son service.",
            "لماذا الآن، وما الذي ستغيّره في جهازها.",
        ),
        3,
        5,
    ),
    (
        ("Leadership potential", "Potentiel de leadership", "إمكانات القيادة"),
        (
            "Responsibilities held, initiative, the supervisor's statement.",
            "Responsabilités exercées, initiative, avis du supérieur.",
            "المسؤوليات التي تولّتها والمبادرة ورأي الرئيس المباشر.",
        ),
        3,
        5,
    ),
    (
        ("Relevance of her goals", "Pertinence des objectifs", "ملاءمة الأهداف"),
        (
            "How well her goals fit the programme's thematic areas.",
            "Adéquation des objectifs avec les domaines du programme.",
            "مدى توافق أهدافها مع المجالات المواضيعية للبرنامج.",
        ),
        2,
        5,
    ),
    (
        ("Potential to pass it on", "Capacité à transmettre", "القدرة على نقل المعرفة"),
        (
            "Whether she will share what she learns with colleagues.",
            "Si elle partagera ce qu'elle apprend avec ses collègues.",
            "هل ستنقل ما تتعلمه إلى زميلاتها وزملائها.",
        ),
        2,
        5,
    ),
)

MOTIVATIONS: dict[str, list[str]] = {
    "ar": [
        "أعمل منذ سنوات في وحدة التدقيق الحدودي وأرغب في قيادة فريق يعتمد على أدوات الإنتربول.",
        "أريد أن أطوّر قدراتي القيادية لأكون قدوة للضابطات الجديدات في مديريتي.",
        "أسعى إلى تحسين التعاون بين وحدتي والمكتب المركزي الوطني في قضايا الاتجار بالبشر.",
    ],
    "fr": [
        "Je dirige une petite équipe d'enquêtrices et je veux apprendre à conduire le changement "
        "dans mon service.",
        "Je souhaite renforcer l'usage des bases de données d'INTERPOL aux postes-frontières de "
        "ma région.",
        "Je veux préparer le concours de commissaire et partager ce que j'apprends avec mes "
        "collègues.",
    ],
    "en": [
        "I lead the analysis desk of my unit and want to grow into a command role.",
        "I want to build a network of women officers in the region and learn from senior leaders.",
        "I train new recruits and want to bring gender-sensitive practice into our courses.",
    ],
}
GOALS: dict[str, list[str]] = {
    "ar": [
        "قيادة فريق عمل إقليمي خلال سنتين.",
        "إعداد برنامج تدريبي داخلي حول قواعد بيانات الإنتربول.",
    ],
    "fr": [
        "Prendre la tête d'une unité d'enquête d'ici deux ans.",
        "Mettre en place une formation interne sur les notices d'INTERPOL.",
    ],
    "en": [
        "Lead a regional task force within two years.",
        "Set up an in-service course on INTERPOL's databases.",
    ],
}
MEETING_TOPICS: dict[str, list[tuple[str, str]]] = {
    "ar": [
        ("مراجعة أهداف خطة التطوير وتحديد الأولويات.", "إرسال مسودة الخطة قبل الاجتماع القادم."),
        ("التحضير لعرض تقديمي أمام مدير المديرية.", "التدرّب على العرض مرتين."),
        ("إدارة فريق جديد وتوزيع المهام.", "قراءة الفصل الثاني من دليل القيادة."),
        ("التفاوض مع الشركاء في المكتب المركزي الوطني.", "تحديد موعد مع رئيس المكتب."),
        ("التوازن بين العمل الميداني والمسؤوليات الإدارية.", "تجربة جدول أسبوعي جديد."),
    ],
    "fr": [
        ("Revue des objectifs du plan de développement.", "Envoyer le plan révisé."),
        ("Préparer une présentation devant la direction.", "Répéter la présentation."),
        ("Conduire une réunion d'équipe difficile.", "Lire le chapitre sur la délégation."),
        ("Coopération avec le BCN sur une affaire en cours.", "Prendre rendez-vous avec le BCN."),
        ("Candidature au concours de commissaire.", "Rassembler les pièces du dossier."),
    ],
    "en": [
        ("Reviewing the goals of the development plan.", "Send the revised plan."),
        ("Preparing a briefing for the director.", "Rehearse the briefing twice."),
        ("Handling a difficult team meeting.", "Read the chapter on delegation."),
        ("Working with the NCB on a live case.", "Book a meeting with the head of the NCB."),
        ("Applying for the commissioners' examination.", "Gather the documents."),
    ],
}
PLAN_GOALS: dict[str, list[tuple[str, str, list[str]]]] = {
    "ar": [
        (
            "قيادة فريق عمل",
            "تكليف رسمي بقيادة فريق",
            ["متابعة قائد فريق لمدة شهر", "قيادة عملية تجريبية"],
        ),
        ("تدريب الزميلات", "تنظيم دورتين داخليتين", ["إعداد المحتوى", "تقديم الدورة الأولى"]),
    ],
    "fr": [
        (
            "Diriger une équipe",
            "Une nomination à la tête d'une équipe",
            ["Observer un chef d'équipe", "Conduire une opération pilote"],
        ),
        (
            "Former des collègues",
            "Deux sessions internes données",
            ["Préparer le contenu", "Donner la première session"],
        ),
    ],
    "en": [
        (
            "Lead a team",
            "Appointed to lead a team",
            ["Shadow a team leader for a month", "Lead a pilot operation"],
        ),
        (
            "Train colleagues",
            "Two in-service sessions given",
            ["Prepare the content", "Give the first session"],
        ),
    ],
}

ONLINE_AND_LEADERSHIP = Q(delivery=Delivery.ONLINE) | Q(track=Track.LEADERSHIP)


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


AUTHORED_ON = date(2026, 11, 29)


def _language_of(application: Application) -> str:
    language = application.applicant.user.preferred_language
    return language if language in MEETING_TOPICS else "en"


class _Seeder:
    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.rng = random.Random(20251001)  # fixed: the demo is the same everywhere
        self.today = timezone.localdate()
        self.started = timezone.now()
        # The demo was written on AUTHORED_ON; every fixed date in it moves by the days since,
        # so the running cohort is always running and the symposium always a week away.
        self.shift = self.today - AUTHORED_ON
        self.staff = self._first(Role.STAFF)
        self.countries = {country.code: country for country in Country.objects.order_by("code")}
        self.active = [country for country in self.countries.values() if country.is_active]
        self.focal: dict[int, User] = {}
        for assignment in RoleAssignment.objects.filter(role=Role.FOCAL_POINT).select_related(
            "user"
        ):
            if assignment.country_id is not None:
                self.focal.setdefault(assignment.country_id, assignment.user)
        self.thematic = {area.code: area for area in ThematicArea.objects.all()}
        self.work_areas = {area.code: area for area in AreaOfWork.objects.all()}
        # The women officers of each country, in a fixed order, not yet used by a cohort.
        self.women: dict[int, list[Profile]] = defaultdict(list)
        for profile in (
            Profile.objects.filter(sex=Sex.FEMALE, user__is_active=True)
            .select_related("user", "country")
            .prefetch_related("areas_of_work")
            .order_by("country__code", "user__email")
        ):
            self.women[profile.country_id].append(profile)
        self.counts: dict[str, int] = defaultdict(int)

    def _on(self, year: int, month: int, day: int) -> date:
        """A date of the demo as written, moved to today's calendar."""
        return date(year, month, day) + self.shift

    def _year(self, year: int, month: int) -> int:
        """The year that a month of the demo as written falls in today."""
        return self._on(year, month, 15).year

    def _at_past(self, day: date, hour: int) -> datetime:
        """A moment of ``day`` at ``hour``, but never later than the seed itself."""
        return min(_at(day, hour), self.started - timedelta(minutes=30))

    @staticmethod
    def _first(role: str) -> User:
        assignment = (
            RoleAssignment.objects.filter(role=role).select_related("user").order_by("pk").first()
        )
        if assignment is None:
            raise RuntimeError(f"The demo needs a user with the role {role}.")
        return assignment.user

    def _next_woman(self, country: Country) -> Profile | None:
        women = self.women.get(country.pk) or []
        return women.pop(0) if women else None

    # --- mentors and the panel ---

    def seed_mentors(self) -> list[MentorProfile]:
        password = make_password(DEMO_PASSWORD)
        mentors = []
        sophie = User.objects.filter(role_assignments__role=Role.MENTOR).order_by("pk").first()
        specs: list[tuple[User, dict[str, Any]]] = []
        if sophie is not None:
            specs.append((sophie, {**SOPHIE, "kind": MentorKind.INTERPOL_STAFF}))
        for spec in MENTORS:
            user = User.objects.create(
                email=spec["email"],
                password=password,
                given_name=spec["given"][0],
                family_name=spec["family"][0],
                given_name_ar=spec["given"][1],
                family_name_ar=spec["family"][1],
                preferred_language=spec["languages"][0],
            )
            RoleAssignment.objects.create(user=user, role=Role.MENTOR)
            specs.append((user, spec))
        for user, spec in specs:
            country = self.countries.get(spec.get("country", ""))
            agency = (
                Agency.objects.filter(country=country).order_by("pk").first() if country else None
            )
            mentor = MentorProfile.objects.create(
                user=user,
                kind=spec["kind"],
                bio=spec["bio"],
                languages=spec["languages"],
                agency=agency,
                country=country,
                capacity=2,
                leads_leadership=bool(spec.get("leadership")),
                availability_note="Two hours a month, by video call.",
            )
            mentor.expertise.set(
                [self.thematic[c] for c in spec["expertise"] if c in self.thematic]
            )
            mentor.work_areas.set(
                [self.work_areas[c] for c in spec["areas"] if c in self.work_areas]
            )
            mentors.append(mentor)
        self.counts["mentors"] = len(mentors)
        return mentors

    def seed_panel(self) -> list[User]:
        panelist = User.objects.create(
            email="panel@example.org",
            password=make_password(DEMO_PASSWORD),
            given_name="Mona",
            family_name="Barakat",
            given_name_ar="منى",
            family_name_ar="بركات",
            preferred_language="ar",
        )
        mentor = User.objects.filter(email="mentor@example.org").first()
        return [user for user in (self.staff, mentor, panelist) if user is not None]

    # --- cohorts ---

    def _cohort(
        self,
        *,
        code: str,
        names: Text,
        descriptions: Text,
        starts_on: date,
        ends_on: date,
        places: dict[Country, int],
        panel: list[User],
    ) -> Cohort:
        now = timezone.now()
        cohort = Cohort.objects.create(
            code=code,
            name=names[0],
            name_en=names[0],
            name_fr=names[1],
            name_ar=names[2],
            description=descriptions[0],
            description_en=descriptions[0],
            description_fr=descriptions[1],
            description_ar=descriptions[2],
            status=CohortStatus.DRAFT,
            starts_on=starts_on,
            ends_on=ends_on,
            applications_open_at=now - timedelta(days=1),
            applications_close_at=now + timedelta(days=30),
            min_years_of_service=3,
            required_meetings=8,
            created_by=self.staff,
        )
        for country, count in places.items():
            CohortPlace.objects.create(cohort=cohort, country=country, places=count)
        for order, (name, guidance, weight, max_score) in enumerate(CRITERIA):
            RubricCriterion.objects.create(
                cohort=cohort,
                name=name[0],
                name_en=name[0],
                name_fr=name[1],
                name_ar=name[2],
                guidance=guidance[0],
                weight=weight,
                max_score=max_score,
                order=order,
            )
        cohort.panel.set(panel)
        audit.record(self.staff, "cohort.created", cohort, demo=True)
        return cohort_services.open_applications(cohort=cohort, by=self.staff)

    def _apply(self, cohort: Cohort, profile: Profile, *, proposed: bool = False) -> Application:
        language = _language_of_profile(profile)
        rng = self.rng
        goal_areas = [
            self.thematic[code]
            for code in rng.sample(sorted(self.thematic), k=min(2, len(self.thematic)))
        ]
        by = self.focal.get(profile.country_id, self.staff) if proposed else profile.user
        return application_services.submit_application(
            cohort=cohort,
            applicant=profile,
            by=by,
            motivation=rng.choice(MOTIVATIONS[language]),
            goals=rng.choice(GOALS[language]),
            years_of_service=rng.randint(4, 18),
            supervisor_name=rng.choice(["Colonel Nasser", "Commissaire Amrani", "Major Daher"]),
            supervisor_email=f"supervisor.{profile.user.email.split('@')[0]}@example.org",
            language=language,
            goal_areas=goal_areas,
            languages=list(profile.languages or ["ar"]),
            wants_leadership=rng.random() < 0.6,
        )

    def _endorse(self, application: Application, *, national: bool = True) -> Application:
        focal = self.focal.get(application.country_id, self.staff)
        application = application_services.record_supervisor_endorsement(
            application=application,
            by=focal,
            statement="A dedicated officer, ready for more responsibility.",
            endorsed_on=self.today,
        )
        if national:
            application = application_services.endorse_nationally(
                application=application, by=focal, note="Endorsed by the national focal point."
            )
        return application

    def _score(self, cohort: Cohort, application: Application, panel: list[User]) -> None:
        criteria = list(RubricCriterion.objects.filter(cohort=cohort).order_by("order"))
        for panelist in panel:
            selection_services.submit_review(
                application=application,
                by=panelist,
                scores={c.pk: self.rng.randint(2, c.max_score) for c in criteria},
                comment="",
            )
            self.counts["reviews"] += 1

    def _mentees_work(
        self, pairing: Pairing, *, at_risk_silence: bool, low: bool, as_history: bool = False
    ) -> None:
        """Plan, meetings and check-ins of a published pair, from its (backdated) start."""
        rng = self.rng
        mentee = pairing.mentee
        mentee_user = mentee.applicant.user
        mentor_user = pairing.mentor.user
        language = _language_of(mentee)
        start = timezone.localdate(pairing.published_at)
        plan = DevelopmentPlan.objects.get(pairing=pairing)
        pair_services.update_plan_summary(
            plan=plan,
            by=mentee_user,
            summary=GOALS[language][0],
        )
        for title, measure, milestones in PLAN_GOALS[language]:
            status = rng.choice(
                [GoalStatus.IN_PROGRESS, GoalStatus.IN_PROGRESS, GoalStatus.ACHIEVED]
            )
            goal = pair_services.add_goal(
                plan=plan,
                by=mentee_user,
                title=title,
                measure=measure,
                target_date=start + timedelta(days=540),
                status=status,
                evidence=measure if status == GoalStatus.ACHIEVED else "",
            )
            for index, milestone in enumerate(milestones):
                due = start + timedelta(days=120 * (index + 1))
                pair_services.add_milestone(
                    goal=goal,
                    by=mentee_user,
                    title=milestone,
                    due_on=due,
                    done_on=due - timedelta(days=5)
                    if due < self.today - timedelta(days=10)
                    else None,
                )
        if rng.random() < 0.6 or pairing.cohort.status == CohortStatus.COMPLETED:
            pair_services.mark_plan_reviewed(plan=plan, by=mentor_user)
        # Meetings every three to five weeks; a quiet pair stopped meeting 70 days ago. The
        # earlier cohort's history is written at once; the cohort in progress's meetings go
        # through the service, as the pair logged them.
        last = self.today - timedelta(days=70 if at_risk_silence else rng.randint(3, 20))
        end = min(last, pairing.cohort.ends_on)
        day = start + timedelta(days=rng.randint(5, 15))
        topics = MEETING_TOPICS[language]
        history: list[Meeting] = []
        while day <= end:
            topic, next_steps = rng.choice(topics)
            fields: dict[str, Any] = {
                "held_on": day,
                "duration_minutes": rng.choice([30, 45, 60, 60, 90]),
                "mode": rng.choice(list(MeetingMode)),
                "topics": topic,
                "next_steps": next_steps,
            }
            by = rng.choice([mentee_user, mentor_user])
            if as_history:
                history.append(
                    Meeting(pairing=pairing, logged_by=by, created_at=_at(day, 18), **fields)
                )
            else:
                pair_services.log_meeting(pairing=pairing, by=by, **fields)
            self.counts["meetings"] += 1
            day += timedelta(days=rng.randint(21, 35))
        Meeting.objects.bulk_create(history)
        # Check-ins due until today are answered (a few days late), the newest by one side
        # only; a pair in trouble answered low. The newest go through the service.
        due_items = list(
            CheckIn.objects.filter(pairing=pairing, due_on__lte=self.today).order_by("due_on")
        )
        for index, item in enumerate(due_items):
            newest = index >= len(due_items) - 2
            if newest and item.respondent_id == mentor_user.pk and rng.random() < 0.5:
                continue
            score_low = low and newest
            satisfaction = rng.choice([1, 2]) if score_low else rng.choice([3, 4, 4, 5])
            progress = 2 if score_low else rng.choice([3, 4, 5])
            submitted = self._at_past(
                min(item.due_on + timedelta(days=rng.randint(0, 6)), self.today), 9
            )
            if newest and not as_history:
                pair_services.submit_check_in(
                    check_in=item,
                    by=mentee_user if item.respondent_id == mentee_user.pk else mentor_user,
                    satisfaction=satisfaction,
                    progress=progress,
                    comment="",
                )
            else:
                CheckIn.objects.filter(pk=item.pk).update(
                    satisfaction=satisfaction, progress=progress
                )
            CheckIn.objects.filter(pk=item.pk).update(submitted_at=submitted)
            self.counts["check_ins"] += 1

    def _match_and_publish(
        self, cohort: Cohort, published_on: date, *, readme_mentor: bool = False
    ) -> list[Pairing]:
        cohort = cohort_services.start_matching(cohort=cohort, by=self.staff)
        matching_services.propose_matches(cohort=cohort, by=self.staff)
        if readme_mentor:
            self._give_the_readme_mentor_a_mentee(cohort)
        pairings = matching_services.publish_matches(cohort=cohort, by=self.staff)
        for index, pairing in enumerate(pairings):
            published = _at(published_on + timedelta(days=index % 3))
            Pairing.objects.filter(pk=pairing.pk).update(
                published_at=published, proposed_at=published - timedelta(days=7)
            )
            pairing.published_at = published
            # The check-ins follow the (backdated) publication.
            CheckIn.objects.filter(pairing=pairing).delete()
            pair_services.schedule_check_ins(pairing)
        return pairings

    def _give_the_readme_mentor_a_mentee(self, cohort: Cohort) -> None:
        """The README's ``mentor@example.org`` mentors someone, so her pair pages can be seen:
        when the matching chose others, she takes the first proposed mentee she may mentor."""
        mentor = MentorProfile.objects.filter(user__email="mentor@example.org").first()
        if mentor is None or Pairing.objects.filter(cohort=cohort, mentor=mentor).exists():
            return
        for pairing in Pairing.objects.filter(cohort=cohort).order_by("pk"):
            try:
                matching_services.assign_by_hand(
                    cohort=cohort, mentee_application=pairing.mentee, mentor=mentor, by=self.staff
                )
            except ValidationError:
                continue
            return

    def _learning_path(self, application: Application) -> None:
        """Three courses of the catalogue's online and leadership courses, those she has
        training records for first (her progress then comes from them)."""
        records = set(
            Nomination.objects.filter(
                officer=application.applicant, status=NominationStatus.SELECTED
            ).values_list("session__course_id", flat=True)
        )
        courses = list(Course.objects.filter(ONLINE_AND_LEADERSHIP).order_by("code"))
        courses.sort(key=lambda course: (course.pk not in records, course.code))
        for course in courses[:3]:
            path_services.assign_course(application=application, course=course, by=self.staff)
            self.counts["path_items"] += 1

    # --- the earlier cohort: alumnae ---

    def seed_earlier_cohort(self, panel: list[User]) -> Cohort:
        cohort = self._cohort(
            code="cohort-2023",
            names=(
                f"Women in policing {self._year(2023, 10)}–{self._year(2025, 9)}",
                f"Femmes dans la police {self._year(2023, 10)}-{self._year(2025, 9)}",
                f"النساء في الشرطة {self._year(2023, 10)}–{self._year(2025, 9)}",
            ),
            descriptions=(
                "The programme's first cohort: two years of mentoring and upskilling.",
                "La première cohorte du programme : deux ans de mentorat et de formation.",
                "الدفعة الأولى من البرنامج: سنتان من الإرشاد وتطوير المهارات.",
            ),
            starts_on=self._on(2023, 10, 1),
            ends_on=self._on(2025, 9, 30),
            places={country: 2 for country in self.active},
            panel=panel,
        )
        alumni_space = _alumni_space()
        if alumni_space is not None:
            Cohort.objects.filter(pk=cohort.pk).update(hub_space=alumni_space)
            cohort.hub_space = alumni_space
        applications = []
        for country in self.active:
            for _ in range(2):
                profile = self._next_woman(country)
                if profile is None:
                    continue
                application = self._endorse(self._apply(cohort, profile))
                applications.append(application)
        cohort = cohort_services.start_selection(cohort=cohort, by=self.staff)
        for application in applications:
            selection_services.offer_place(application=application, by=self.staff)
            selection_services.respond_to_offer(
                application=application, by=application.applicant.user, accept=True
            )
        pairings = self._match_and_publish(cohort, self._on(2023, 11, 6))
        cohort = cohort_services.start_running(cohort=cohort, by=self.staff)
        for pairing in pairings:
            self._mentees_work(pairing, at_risk_silence=False, low=False, as_history=True)
            self._learning_path(pairing.mentee)
        # Two left the programme; the others completed it.
        left = {pairings[1].mentee_id, pairings[6].mentee_id} if len(pairings) > 6 else set()
        ended_on = _at(self._on(2024, 9, 15))
        for pairing in pairings:
            application = Application.objects.get(pk=pairing.mentee_id)
            if application.pk in left:
                reason = "She was posted abroad and could not continue."
                Pairing.objects.filter(pk=pairing.pk).update(
                    status=PairingStatus.ENDED_EARLY, ended_at=ended_on, end_reason=reason
                )
                Application.objects.filter(pk=application.pk).update(
                    status=ApplicationStatus.LEFT, decision_note=reason, updated_at=ended_on
                )
                audit.record(
                    self.staff,
                    "mentoring.mentee_left",
                    application,
                    country=application.country,
                    reason=reason,
                )
                self.counts["left"] += 1
                continue
            completion_services.complete_mentee(
                application=application,
                by=self.staff,
                override_reason="Completed before the learning path was recorded here.",
            )
            self.counts["alumnae"] += 1
        cohort = cohort_services.complete_cohort(cohort=cohort, by=self.staff)
        self._move_back(cohort, opened=self._on(2023, 5, 2), closed=self._on(2023, 6, 30))
        # The certificates were issued when the cohort ended.
        finished = _at(self._on(2025, 9, 30), 12)
        from momentum.training.models import Certificate

        Certificate.objects.filter(mentoring_application__cohort=cohort).update(
            starts_on=cohort.starts_on, ends_on=cohort.ends_on, issued_on=cohort.ends_on
        )
        Application.objects.filter(cohort=cohort, status=ApplicationStatus.COMPLETED).update(
            completed_at=finished, updated_at=finished
        )
        Pairing.objects.filter(cohort=cohort, status=PairingStatus.COMPLETED).update(
            ended_at=finished
        )
        return cohort

    def _move_back(self, cohort: Cohort, *, opened: date, closed: date) -> None:
        """The application window and each application's steps, moved to when they happened
        (the services stamped them today)."""
        Cohort.objects.filter(pk=cohort.pk).update(
            applications_open_at=_at(opened, 8), applications_close_at=_at(closed, 23)
        )
        rng = self.rng
        for application in Application.objects.filter(cohort=cohort).order_by("pk"):
            sent = _at(opened + timedelta(days=rng.randint(1, (closed - opened).days - 20)))
            changes: dict[str, Any] = {"created_at": sent, "updated_at": sent}
            if application.supervisor_endorsed_at:
                changes["supervisor_endorsed_at"] = sent + timedelta(days=rng.randint(2, 6))
                changes["updated_at"] = changes["supervisor_endorsed_at"]
            if application.national_endorsed_at:
                changes["national_endorsed_at"] = sent + timedelta(days=rng.randint(8, 15))
                changes["updated_at"] = changes["national_endorsed_at"]
            if application.offered_at:
                offered = _at(closed + timedelta(days=30))
                changes["offered_at"] = offered
                changes["offer_expires_at"] = offered + timedelta(days=cohort.offer_days)
                changes["updated_at"] = offered
            if application.responded_at:
                changes["responded_at"] = _at(closed + timedelta(days=30 + rng.randint(1, 9)))
                changes["updated_at"] = changes["responded_at"]
            Application.objects.filter(pk=application.pk).update(**changes)

    # --- the cohort in progress ---

    def seed_current_cohort(self, panel: list[User]) -> Cohort:
        cohort = self._cohort(
            code="cohort-2025",
            names=(
                f"Women in policing {self._year(2025, 10)}–{self._year(2027, 9)}",
                f"Femmes dans la police {self._year(2025, 10)}-{self._year(2027, 9)}",
                f"النساء في الشرطة {self._year(2025, 10)}–{self._year(2027, 9)}",
            ),
            descriptions=(
                "Two years of mentoring by INTERPOL staff and senior officers, online and "
                "leadership courses, and international conferences.",
                "Deux ans de mentorat par des membres d'INTERPOL et des officiers supérieurs, "
                "des cours en ligne et de leadership, et des conférences internationales.",
                "سنتان من الإرشاد على يد موظفي الإنتربول وكبار الضباط، ودورات عبر الإنترنت "
                "وفي القيادة، ومؤتمرات دولية.",
            ),
            starts_on=self._on(2025, 10, 1),
            ends_on=self._on(2027, 9, 30),
            places={
                country: (2 if country.is_active else 1) for country in self.countries.values()
            },
            panel=panel,
        )
        plans: list[tuple[Application, str]] = []
        # Per active country: five applicants with the panel (two offered and accepting, one
        # declining so the place passes on, the others not selected or left with the
        # panel), and the early stages spread across the countries.
        early = [
            "submitted",
            "supervisor_endorsed",
            "not_endorsed",
            "withdrawn",
            "submitted",
            "supervisor_endorsed",
        ]
        for index, country in enumerate(self.active):
            for _ in range(4):
                profile = self._next_woman(country)
                if profile is None:
                    break
                proposed = self.rng.random() < 0.2
                plans.append(
                    (self._endorse(self._apply(cohort, profile, proposed=proposed)), "panel")
                )
            profile = self._next_woman(country)
            if profile is not None:
                application = self._apply(cohort, profile)
                state = early[index % len(early)]
                focal = self.focal.get(country.pk, self.staff)
                if state == "supervisor_endorsed":
                    application = self._endorse(application, national=False)
                elif state == "not_endorsed":
                    application = self._endorse(application, national=False)
                    application_services.refuse_national_endorsement(
                        application=application,
                        by=focal,
                        reason="She is needed for the elections' security this year.",
                    )
                elif state == "withdrawn":
                    application_services.withdraw_application(
                        application=application,
                        by=profile.user,
                        reason="A new posting: I will apply to the next cohort.",
                    )
                plans.append((application, state))
        cohort = cohort_services.start_selection(cohort=cohort, by=self.staff)
        with_panel = [a for a, state in plans if state == "panel"]
        for application in with_panel:
            self._score(cohort, application, panel)
        # The conflict: the third panel member declares it on one application (her review is
        # replaced: a conflicted review gives no scores).
        target = with_panel[2]
        selection_services.submit_review(
            application=target,
            by=panel[-1],
            scores={},
            conflict_of_interest=True,
            conflict_note="She served in my unit for three years.",
        )
        # Offers: the two best of each country; in one country the first declines and the
        # place passes on; in another one offer is still open.
        offers = selection_services.offer_to_top(cohort=cohort, by=self.staff, per_country=2)
        offered = sorted(offers.offered, key=lambda a: (a.country.code, a.pk))
        declined_country: int | None = None
        open_country: int | None = None
        for application in offered:
            application = Application.objects.select_related("applicant__user", "country").get(
                pk=application.pk
            )
            if declined_country is None and application.country.code == "MA":
                declined_country = application.country_id
                answer = selection_services.respond_to_offer(
                    application=application,
                    by=application.applicant.user,
                    accept=False,
                    reason="My family cannot follow me to the meetings abroad this year.",
                )
                if answer.passed_to is not None:
                    passed = answer.passed_to
                    selection_services.respond_to_offer(
                        application=passed, by=passed.applicant.user, accept=True
                    )
                continue
            if open_country is None and application.country.code == "LB":
                open_country = application.country_id
                continue  # still thinking about it
            selection_services.respond_to_offer(
                application=application, by=application.applicant.user, accept=True
            )
        # The others with the panel: one per country stays with the panel, the rest are not
        # selected.
        kept: set[int] = set()
        for application in Application.objects.filter(
            cohort=cohort, status=ApplicationStatus.ENDORSED
        ).order_by("country__code", "-score", "pk"):
            if application.country_id not in kept:
                kept.add(application.country_id)
                continue
            selection_services.mark_not_selected(
                application=application,
                by=self.staff,
                reason="The places of your country went to higher-ranked applicants.",
            )
        pairings = self._match_and_publish(cohort, self._on(2025, 11, 17), readme_mentor=True)
        cohort = cohort_services.start_running(cohort=cohort, by=self.staff)
        # At risk: one pair stopped meeting, another answered its latest check-in low.
        for index, pairing in enumerate(pairings):
            self._mentees_work(pairing, at_risk_silence=index in (1, 5), low=index == 3)
            self._learning_path(pairing.mentee)
        self._move_back(cohort, opened=self._on(2025, 5, 5), closed=self._on(2025, 7, 15))
        # The offer still open was sent recently, so it has not expired.
        Application.objects.filter(cohort=cohort, status=ApplicationStatus.OFFERED).update(
            offered_at=timezone.now() - timedelta(days=3),
            offer_expires_at=timezone.now() + timedelta(days=cohort.offer_days - 3),
        )
        return cohort

    def seed_open_cohort(self, panel: list[User]) -> Cohort:
        cohort = self._cohort(
            code="cohort-2027",
            names=(
                f"Women in policing {self._year(2027, 10)}–{self._year(2029, 9)}",
                f"Femmes dans la police {self._year(2027, 10)}-{self._year(2029, 9)}",
                f"النساء في الشرطة {self._year(2027, 10)}–{self._year(2029, 9)}",
            ),
            descriptions=(
                "Applications are open: women officers of the partner countries apply in their "
                "language.",
                "Les candidatures sont ouvertes : les femmes officiers des pays partenaires "
                "postulent dans leur langue.",
                "باب الترشح مفتوح: تتقدّم الضابطات في البلدان الشريكة بطلباتهن بلغتهن.",
            ),
            starts_on=self._on(2027, 10, 1),
            ends_on=self._on(2029, 9, 30),
            places={country: 3 for country in self.countries.values()},
            panel=panel,
        )
        Cohort.objects.filter(pk=cohort.pk).update(
            applications_open_at=timezone.now() - timedelta(days=10),
            applications_close_at=timezone.now() + timedelta(days=60),
        )
        # Two applications already endorsed, so the panel has work waiting (scoring is open
        # while applications are), the third still with her supervisor.
        for index, country in enumerate(self.active[:3]):
            profile = self._next_woman(country)
            if profile is not None:
                application = self._apply(cohort, profile)
                if index < 2:
                    self._endorse(application)
        # They applied two days ago: an endorsement is recorded by its day, which must not
        # come before the application itself.
        Application.objects.filter(cohort=cohort).update(
            created_at=self._at_past(self.today - timedelta(days=2), 9)
        )
        return cohort

    # --- opportunities ---

    def _opportunity(self, **fields: Any) -> Opportunity:
        titles: Text = fields.pop("titles")
        descriptions: Text = fields.pop("descriptions")
        return opportunity_services.save_opportunity(
            by=self.staff,
            data={
                "title_en": titles[0],
                "title_fr": titles[1],
                "title_ar": titles[2],
                "description_en": descriptions[0],
                "description_fr": descriptions[1],
                "description_ar": descriptions[2],
                **fields,
            },
        )

    def seed_opportunities(self, current: Cohort, earlier: Cohort) -> None:
        mentees = list(
            Application.objects.filter(
                status__in=[ApplicationStatus.ACCEPTED, ApplicationStatus.COMPLETED]
            )
            .select_related("country", "applicant__user")
            .order_by("country__code", "-status", "pk")
        )
        conference = self._opportunity(
            kind=OpportunityKind.CONFERENCE,
            titles=(
                f"IAWP annual conference {self._year(2026, 9)}",
                f"Conférence annuelle de l'IAWP {self._year(2026, 9)}",
                f"المؤتمر السنوي للرابطة الدولية للنساء في الشرطة {self._year(2026, 9)}",
            ),
            descriptions=(
                "The International Association of Women Police's annual training conference.",
                "La conférence annuelle de formation de l'Association internationale des "
                "femmes policières.",
                "المؤتمر التدريبي السنوي للرابطة الدولية للنساء في الشرطة.",
            ),
            location="Cardiff, United Kingdom",
            starts_on=self._on(2026, 9, 13),
            ends_on=self._on(2026, 9, 17),
            apply_by=self._on(2026, 6, 30),
            places=8,
            every_country=True,
            is_open=False,
        )
        symposium = self._opportunity(
            kind=OpportunityKind.SYMPOSIUM,
            titles=(
                f"INTERPOL Training Symposium {self._year(2026, 12)}",
                f"Symposium de formation d'INTERPOL {self._year(2026, 12)}",
                f"ندوة الإنتربول للتدريب {self._year(2026, 12)}",
            ),
            descriptions=(
                "The bi-annual symposium of INTERPOL's training community.",
                "Le symposium biennal de la communauté de formation d'INTERPOL.",
                "الندوة التي تُعقد كل سنتين لمجتمع التدريب في الإنتربول.",
            ),
            location="Lyon, France",
            starts_on=self._on(2026, 12, 8),
            ends_on=self._on(2026, 12, 10),
            apply_by=None,
            places=6,
            every_country=True,
            is_open=True,
        )
        panel_slot = self._opportunity(
            kind=OpportunityKind.SPEAKING,
            titles=(
                f"Speaking slot: women leading border units (IAWP {self._year(2026, 9)})",
                f"Intervention : des femmes à la tête d'unités frontalières (IAWP {self._year(2026, 9)})",
                f"مداخلة: نساء يقدن وحدات حدودية (مؤتمر الرابطة {self._year(2026, 9)})",
            ),
            descriptions=(
                "A 15-minute talk on a panel.",
                "Une intervention de 15 minutes.",
                "مداخلة مدتها 15 دقيقة.",
            ),
            location="Cardiff, United Kingdom",
            starts_on=self._on(2026, 9, 15),
            ends_on=self._on(2026, 9, 15),
            places=1,
            every_country=False,
            is_open=False,
        )
        symposium_slot = self._opportunity(
            kind=OpportunityKind.SPEAKING,
            titles=(
                f"Speaking slot: peer mentoring in practice (Training Symposium {self._year(2026, 12)})",
                f"Intervention : le mentorat entre pairs (Symposium de formation {self._year(2026, 12)})",
                f"مداخلة: الإرشاد بين الأقران عمليًا (ندوة التدريب {self._year(2026, 12)})",
            ),
            descriptions=(
                "A 20-minute talk.",
                "Une intervention de 20 minutes.",
                "مداخلة مدتها 20 دقيقة.",
            ),
            location="Lyon, France",
            starts_on=self._on(2026, 12, 9),
            ends_on=self._on(2026, 12, 9),
            places=1,
            every_country=False,
            is_open=True,
        )
        exercise = self._opportunity(
            kind=OpportunityKind.FIELD_EXERCISE,
            titles=(
                "Operational field exercise: border management",
                "Exercice opérationnel de terrain : gestion des frontières",
                "تمرين ميداني عملياتي: إدارة الحدود",
            ),
            descriptions=(
                "A week at a land border with INTERPOL's mobile teams, for alumnae.",
                "Une semaine à une frontière terrestre avec les équipes mobiles d'INTERPOL, pour "
                "les anciennes.",
                "أسبوع على معبر بري مع الفرق المتنقلة للإنتربول، للخريجات.",
            ),
            location="Aqaba, Jordan",
            starts_on=self._on(2027, 3, 14),
            ends_on=self._on(2027, 3, 19),
            places=6,
            every_country=False,
            is_open=False,
        )
        # The conference: staff proposed two per country; the proposed allocation gives
        # every partner country at least one place; travel support followed.
        by_country: dict[int, list[Application]] = defaultdict(list)
        for application in mentees:
            by_country[application.country_id].append(application)
        candidacies = []
        for applications in by_country.values():
            for application in applications[:2]:
                candidacies.append(
                    opportunity_services.propose_candidate(
                        opportunity=conference,
                        by=self.staff,
                        application=application,
                        needs_travel_support=True,
                    )
                )
        proposal = plan_allocation(
            Candidacy.objects.filter(opportunity=conference).select_related("country"),
            places=conference.places,
        )
        opportunity_services.apply_allocation(
            opportunity=conference, by=self.staff, candidacy_ids=proposal.chosen_ids
        )
        travel = [TravelSupport.BOOKED, TravelSupport.BOOKED, TravelSupport.APPROVED]
        for number, candidacy in enumerate(
            Candidacy.objects.filter(opportunity=conference).order_by("country__code", "pk")
        ):
            status = (
                travel[number % len(travel)]
                if candidacy.pk in proposal.chosen_ids
                else TravelSupport.REFUSED
            )
            opportunity_services.set_travel_support(
                candidacy=candidacy, by=self.staff, status=status
            )
        # The symposium: mentees apply (travel requested), a focal point proposes one.
        for applications in by_country.values():
            for application in applications[:1]:
                if application.status != ApplicationStatus.ACCEPTED:
                    continue
                opportunity_services.apply_for_opportunity(
                    opportunity=symposium,
                    by=application.applicant.user,
                    motivation="I would like to present our unit's new induction course.",
                    needs_travel_support=self.rng.random() < 0.7,
                )
        symposium_candidacies = list(
            Candidacy.objects.filter(opportunity=symposium).order_by("country__code", "pk")
        )
        for candidacy in symposium_candidacies[:3]:
            opportunity_services.shortlist_candidacy(candidacy=candidacy, by=self.staff)
        if symposium_candidacies:
            opportunity_services.allocate_candidacy(
                candidacy=symposium_candidacies[0], by=self.staff
            )
            opportunity_services.set_travel_support(
                candidacy=symposium_candidacies[0], by=self.staff, status=TravelSupport.APPROVED
            )
        # The speaking slots: one given, one with candidates.
        accepted = [a for a in mentees if a.status == ApplicationStatus.ACCEPTED]
        if accepted:
            slot = opportunity_services.propose_candidate(
                opportunity=panel_slot, by=self.staff, application=accepted[0]
            )
            opportunity_services.allocate_candidacy(candidacy=slot, by=self.staff)
            for application in accepted[1:3]:
                opportunity_services.propose_candidate(
                    opportunity=symposium_slot, by=self.staff, application=application
                )
        # The field exercise: a shortlist of alumnae.
        for application in Application.objects.filter(
            cohort=earlier, status=ApplicationStatus.COMPLETED
        ).order_by("country__code", "pk")[:5]:
            opportunity_services.shortlist_for_opportunity(
                opportunity=exercise, application=application, by=self.staff
            )
        self.counts["opportunities"] = 5
        self.counts["candidacies"] = Candidacy.objects.count()

    def forget_notifications(self) -> None:
        """The history's notifications are not news (and would all be e-mailed)."""
        Notification.objects.filter(
            kind__startswith="mentoring.", created_at__gte=self.started
        ).delete()


def _language_of_profile(profile: Profile) -> str:
    language = profile.user.preferred_language
    return language if language in MEETING_TOPICS else "en"


def _alumni_space() -> Any:
    """The Knowledge Hub's alumni space, when the hub's demo made one."""
    try:
        from momentum.hub.models import Space, SpaceKind
    except ImportError:  # pragma: no cover - the hub is part of the project
        return None
    return Space.objects.filter(kind=SpaceKind.ALUMNI).order_by("pk").first()


@register_seeder(50, "mentoring")
def seed_mentoring(say: Callable[[str], None]) -> None:
    if Cohort.objects.exists():
        say("Mentoring: cohorts exist already; nothing seeded.")
        return
    seeder = _Seeder(say)
    seeder.seed_mentors()
    panel = seeder.seed_panel()
    earlier = seeder.seed_earlier_cohort(panel)
    current = seeder.seed_current_cohort(panel)
    seeder.seed_open_cohort(panel)
    seeder.seed_opportunities(current, earlier)
    seeder.forget_notifications()
    counts = seeder.counts
    statuses: dict[str, int] = defaultdict(int)
    for status in Application.objects.values_list("status", flat=True):
        statuses[status] += 1
    say(
        f"Mentoring: 3 cohorts, {counts['mentors']} mentors, "
        f"{sum(statuses.values())} applications ("
        + ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
        + f"), {counts['reviews']} panel reviews, {Pairing.objects.count()} pairs, "
        f"{counts['meetings']} meetings, {counts['check_ins']} check-ins answered, "
        f"{counts['path_items']} learning path courses, {counts['candidacies']} candidacies; "
        "panel member: panel@example.org."
    )
