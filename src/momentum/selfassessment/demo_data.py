"""The demo's gender self-assessments: two cycles of Jordan's Public Security Directorate (the
earlier completed, the current one under way with survey answers, findings and an action plan
in progress), completed cycles in Lebanon and Tunisia (so observers see an overview over three
agencies), a cycle under way in Morocco (too few survey answers to show) and one just invited
in Algeria."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from momentum.core.demo import register_seeder
from momentum.core.models import Agency
from momentum.people.models import Profile, Role, RoleAssignment, Sex, User
from momentum.selfassessment import services
from momentum.selfassessment.models import (
    Action,
    ActionStatus,
    Cycle,
    Dimension,
    Finding,
    QuestionKind,
    Rating,
    SurveyLink,
    Theme,
)

FINDINGS = {
    "performance": (
        "Crimes are recorded by the victim's sex, but not by age, and the figures are not used in planning.",
        "Les infractions sont enregistrées selon le sexe de la victime, mais pas selon l'âge, et les chiffres ne servent pas à la planification.",
        "تُسجَّل الجرائم حسب جنس الضحية لا حسب عمرها، ولا تُستخدم الأرقام في التخطيط.",
    ),
    "personnel": (
        "Women are 7 % of officers and 2 % of senior ranks; few serve in operational units.",
        "Les femmes représentent 7 % des officiers et 2 % des grades supérieurs ; peu servent dans les unités opérationnelles.",
        "تشكّل النساء 7٪ من الضباط و2٪ من الرتب العليا، وقلّة منهن يعملن في الوحدات العملياتية.",
    ),
    "culture": (
        "Leaders support the family protection department, but gender is absent from basic training.",
        "Les dirigeants soutiennent le département de protection de la famille, mais le genre est absent de la formation initiale.",
        "تدعم القيادة إدارة حماية الأسرة، لكن النوع الاجتماعي غائب عن التدريب الأساسي.",
    ),
}

# title (en, fr, ar), dimension, owner, days from today, status, indicator
ACTIONS = [
    (
        (
            "Record victims' age with their sex in the crime database",
            "Enregistrer l'âge des victimes avec leur sexe dans la base de données",
            "تسجيل عمر الضحايا إلى جانب جنسهم في قاعدة بيانات الجرائم",
        ),
        "crime-statistics",
        "Criminal Information Department",
        -40,
        ActionStatus.DONE,
        "",
    ),
    (
        (
            "Add a gender module to basic training for all recruits",
            "Ajouter un module genre à la formation initiale de toutes les recrues",
            "إضافة وحدة عن النوع الاجتماعي إلى التدريب الأساسي لجميع المجندين",
        ),
        "training",
        "Police Training Academy",
        5,
        ActionStatus.IN_PROGRESS,
        "training.participants",
    ),
    (
        (
            "Open changing rooms for women in the four largest stations",
            "Ouvrir des vestiaires pour les femmes dans les quatre plus grands commissariats",
            "فتح غرف لتبديل الملابس للنساء في أكبر أربعة مراكز",
        ),
        "facilities",
        "Logistics Directorate",
        60,
        ActionStatus.PLANNED,
        "",
    ),
    (
        (
            "Publish the policy against sexual harassment with a confidential reporting line",
            "Publier la politique contre le harcèlement sexuel avec une ligne de signalement confidentielle",
            "نشر سياسة مكافحة التحرش الجنسي مع خط سرّي للإبلاغ",
        ),
        "harassment",
        "Human Resources Directorate",
        20,
        ActionStatus.IN_PROGRESS,
        "",
    ),
    (
        (
            "Mentor women officers towards senior ranks",
            "Accompagner les femmes officiers vers les grades supérieurs",
            "إرشاد الضابطات نحو الرتب العليا",
        ),
        "retention-progression",
        "Gender focal point",
        120,
        ActionStatus.PLANNED,
        "mentoring.mentees",
    ),
    (
        (
            "Survey public trust in women's and men's eyes every year",
            "Mesurer chaque année la confiance du public chez les femmes et les hommes",
            "قياس ثقة الجمهور لدى النساء والرجال كل عام",
        ),
        "public-trust",
        "Community Police",
        30,
        ActionStatus.DROPPED,
        "",
    ),
]

JUSTIFICATIONS = (
    "Seen in the documents and the interviews of the working group.",
    "Constaté dans les documents et les entretiens du groupe de travail.",
    "ثابت في الوثائق والمقابلات التي أجراها فريق العمل.",
)


class _Seeder:
    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.rng = random.Random(20110601)  # fixed: the demo is the same everywhere
        self.now = timezone.now()
        self.year = timezone.localdate().year
        self.staff = User.objects.filter(role_assignments__role=Role.STAFF).first()
        self.dimensions = list(Dimension.objects.prefetch_related("questions").order_by("order"))
        self.themes = {theme.code: theme for theme in Theme.objects.all()}
        self.counts: dict[str, int] = {"cycles": 0, "ratings": 0, "survey": 0}

    def _agency(self, country: str, acronym: str) -> Agency | None:
        return Agency.objects.filter(country__code=country, acronym=acronym).first()

    def _group(self, country: str, size: int, skip: int = 0) -> list[User]:
        """Women officers first (the lead is the agency's gender focal point), then men."""
        profiles = (
            Profile.objects.filter(country__code=country, user__is_active=True)
            .select_related("user")
            .order_by("user__email")
        )
        women = [p.user for p in profiles if p.sex == Sex.FEMALE][skip : skip + 2]
        men = [p.user for p in profiles if p.sex == Sex.MALE][skip : skip + size - len(women)]
        return (women + men)[:size]

    def _focal(self, country: str) -> User | None:
        assignment = (
            RoleAssignment.objects.filter(role=Role.FOCAL_POINT, country__code=country)
            .select_related("user")
            .first()
        )
        return assignment.user if assignment else self.staff

    def _cycle(
        self, country: str, acronym: str, year: int, days_ago: int, skip: int = 0
    ) -> Cycle | None:
        agency = self._agency(country, acronym)
        focal = self._focal(country)
        group = self._group(country, 3, skip)
        if agency is None or focal is None or len(group) < 2:
            return None
        cycle = services.invite_working_group(
            agency=agency, year=year, lead=group[0], members=group[1:], by=focal
        )
        Cycle.objects.filter(pk=cycle.pk).update(created_at=self.now - timedelta(days=days_ago))
        self.counts["cycles"] += 1
        return cycle

    def _work(self, cycle: Cycle, dimensions: list[Dimension], level: int, when: datetime) -> None:
        """Answers and ratings of the group for ``dimensions``, around ``level`` (0 to 5)."""
        group = [cycle.lead, *cycle.members.all()]
        for dimension in dimensions:
            for person in group:
                values: dict[int, Any] = {}
                for question in dimension.questions.all():
                    if question.kind == QuestionKind.YES_PARTLY_NO:
                        values[question.pk] = self.rng.choice(["yes", "partly", "partly", "no"])
                    elif question.kind == QuestionKind.HEADCOUNT:
                        values[question.pk] = {
                            "junior": {"female": 410, "male": 5200, "total": 5610},
                            "mid": {"female": 120, "male": 2300, "total": 2420},
                            "senior": {"female": 9, "male": 460, "total": 469},
                        }
                    elif person == cycle.lead:
                        values[question.pk] = JUSTIFICATIONS[self.rng.randrange(3)]
                services.save_answers(cycle=cycle, by=person, values=values)
            score = max(0, min(5, level + self.rng.choice([-1, 0, 0, 1])))
            services.rate_dimension(
                cycle=cycle,
                dimension=dimension,
                score=score,
                justification=JUSTIFICATIONS[self.rng.randrange(3)],
                by=cycle.lead,
            )
            self.counts["ratings"] += 1
        Rating.objects.filter(cycle=cycle).update(rated_at=when)

    def _survey(self, cycle: Cycle, answers: int, links: int, when: datetime) -> None:
        tokens = services.create_survey_links(cycle=cycle, count=links, by=cycle.invited_by)
        statements = [d for d in self.dimensions if getattr(d, "survey_statement_en", "")]
        for token in tokens[:answers]:
            services.submit_survey(
                token=token,
                answers=[
                    services.SurveyAnswer(d, self.rng.choice([2, 3, 3, 4, 4, 5]))
                    for d in statements
                ],
            )
            self.counts["survey"] += 1
        SurveyLink.objects.filter(cycle=cycle).update(created_at=when - timedelta(days=2))
        SurveyLink.objects.filter(cycle=cycle, answered_at__isnull=False).update(answered_at=when)

    def _complete(self, cycle: Cycle, when: datetime) -> None:
        services.complete_cycle(cycle=cycle, by=cycle.lead)
        Cycle.objects.filter(pk=cycle.pk).update(completed_at=when)

    def seed(self) -> None:
        if self.staff is None or not self.dimensions:
            return
        days = timedelta(days=1)
        # Jordan: last year's cycle completed, this year's under way.
        earlier = self._cycle("JO", "PSD", self.year - 1, 400)
        if earlier is not None:
            self._work(earlier, self.dimensions, 2, self.now - 330 * days)
            self._survey(earlier, 8, 12, self.now - 340 * days)
            self._complete(earlier, self.now - 320 * days)
        current = self._cycle("JO", "PSD", self.year, 60)
        if current is not None:
            self._work(current, self.dimensions[:11], 3, self.now - 10 * days)
            self._survey(current, 7, 20, self.now - 12 * days)
            for code, texts in FINDINGS.items():
                Finding.objects.create(
                    cycle=current,
                    theme=self.themes[code],
                    text=texts[self.rng.randrange(3)],
                    written_by=current.lead,
                    created_at=self.now - 8 * days,
                )
            by_code = {d.code: d for d in self.dimensions}
            for titles, dimension, owner, offset, status, indicator in ACTIONS:
                Action.objects.create(
                    cycle=current,
                    dimension=by_code[dimension],
                    title=titles[self.rng.randrange(3)],
                    owner=owner,
                    due_on=timezone.localdate() + offset * days,
                    status=status,
                    completion_evidence="Database field added; see the user guide."
                    if status == ActionStatus.DONE
                    else "",
                    indicator=indicator,
                    created_at=self.now - 7 * days,
                    updated_at=self.now - 2 * days,
                )
        # Lebanon and Tunisia: completed cycles, so observers see an overview of three agencies.
        for country, acronym, level in (("LB", "ISF", 2), ("TN", "GN", 3)):
            cycle = self._cycle(country, acronym, self.year - 1, 300)
            if cycle is not None:
                self._work(cycle, self.dimensions, level, self.now - 220 * days)
                self._complete(cycle, self.now - 200 * days)
        # Morocco under way, with too few survey answers to show; Algeria just invited.
        morocco = self._cycle("MA", "DGSN", self.year, 30)
        if morocco is not None:
            self._work(morocco, self.dimensions[:4], 2, self.now - 5 * days)
            self._survey(morocco, 3, 15, self.now - 4 * days)
        self._cycle("DZ", "GN", self.year, 3)
        self.say(
            "Gender self-assessment: {cycles} cycles, {ratings} ratings, {survey} survey "
            "answers.".format(**self.counts)
        )


@register_seeder(66, "selfassessment")
def seed_selfassessment(say: Callable[[str], None]) -> None:
    _Seeder(say).seed()
