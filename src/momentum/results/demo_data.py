"""The demo results framework: the impact, the programme's four goals as outcomes, outputs
with every registered indicator, reported indicators, two closed half-years with their
snapshots, the open half-year, and reported values in every state. Dates are relative to
today; everything goes through the services (audited, as the platform would have made it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from momentum.core import indicators as registry
from momentum.core import services as jobs
from momentum.core.demo import DEMO_PASSWORD, register_seeder
from momentum.core.models import Country, Goal, Programme
from momentum.people.models import Role, RoleAssignment, User
from momentum.results.models import (
    Indicator,
    IndicatorKind,
    Level,
    Logframe,
    LogframeStatus,
    Period,
    PeriodStatus,
    Result,
    UnitKind,
)
from momentum.results.services import figures as figure_services
from momentum.results.services import logframe as logframe_services
from momentum.results.services import periods as period_services
from momentum.results.services import values as value_services

Text = tuple[str, str, str]  # English, French, Arabic

IMPACT: Text = (
    "Law-enforcement agencies of the partner countries counter transnational organised crime "
    "more effectively, with women and men serving on equal terms.",
    "Les services répressifs des pays partenaires luttent plus efficacement contre la "
    "criminalité organisée transnationale, avec des femmes et des hommes à égalité.",
    "تكافح أجهزة إنفاذ القانون في البلدان الشريكة الجريمة المنظمة العابرة للحدود بفعالية أكبر، "
    "مع عمل النساء والرجال على قدم المساواة.",
)

# Baselines and end-of-programme targets of the computed indicators (by registry code).
TARGETS: dict[str, tuple[str, str]] = {
    "people.officers_registered": ("0", "700"),
    "training.officers_trained": ("0", "500"),
    "training.certificates_issued": ("0", "600"),
    "training.women_among_participants": ("18", "40"),
    "training.women_among_leadership_participants": ("15", "50"),
    "training.knowledge_gain": ("0", "15"),
    "training.satisfied_participants": ("0", "85"),
    "mentoring.mentees": ("0", "60"),
    "mentoring.completion_rate": ("0", "80"),
    "mentoring.mentees_with_opportunity": ("0", "20"),
    "mentoring.countries_with_mentee_at_conference": ("0", "7"),
    "hub.members": ("0", "400"),
    "hub.active_members": ("0", "120"),
    "hub.resource_downloads": ("0", "1000"),
}

NARRATIVE = {
    "en": "Activities ran as planned in the six active partner countries. Women's share of "
    "places rose again; the focal points' figures on specialised units were all approved.",
    "fr": "Les activités se sont déroulées comme prévu dans les six pays partenaires actifs. "
    "La part des places occupées par des femmes a de nouveau progressé ; les chiffres des "
    "points focaux sur les unités spécialisées ont tous été approuvés.",
    "ar": "جرت الأنشطة كما هو مخطط لها في البلدان الشريكة الستة النشطة. وارتفعت مجددًا نسبة "
    "الأماكن التي شغلتها النساء، ووُوفق على جميع أرقام جهات الاتصال بشأن الوحدات المتخصصة.",
}

REPORTED: tuple[tuple[int, str, Text, str], ...] = (
    (
        4,
        "R4.1",
        (
            "National training curriculum revised to include gender-sensitive policing",
            "Programme national de formation révisé pour inclure la police sensible au genre",
            "مراجعة المنهج الوطني للتدريب ليشمل العمل الشرطي المراعي للنوع الاجتماعي",
        ),
        UnitKind.QUALITATIVE,
    ),
    (
        3,
        "R3.1",
        (
            "Share of women in specialised units (%)",
            "Part des femmes dans les unités spécialisées (%)",
            "نسبة النساء في الوحدات المتخصصة (%)",
        ),
        UnitKind.PERCENTAGE,
    ),
    (
        1,
        "R1.1",
        (
            "INTERPOL databases connected at new border points",
            "Bases de données d'INTERPOL raccordées à de nouveaux points frontaliers",
            "قواعد بيانات الإنتربول الموصولة في نقاط حدودية جديدة",
        ),
        UnitKind.COUNT,
    ),
)


def _half_years(today: date) -> list[tuple[str, date, date]]:
    """The current half-year and the two before it."""
    year, first_half = today.year, today.month <= 6
    periods = []
    for _step in range(3):
        if first_half:
            periods.append((f"{year} H1", date(year, 1, 1), date(year, 6, 30)))
            year, first_half = year - 1, False
        else:
            periods.append((f"{year} H2", date(year, 7, 1), date(year, 12, 31)))
            first_half = True
    return list(reversed(periods))


def _goal_text(goal: Goal, language: str) -> str:
    """The goal's text in a language (modeltranslation's columns)."""
    return str(getattr(goal, f"text_{language}", "") or goal.text)


def _second_staff() -> User:
    user, created = User.objects.get_or_create(
        email="results.officer@example.org",
        defaults={
            "given_name": "Amal",
            "family_name": "Nasser",
            "given_name_ar": "أمل",
            "family_name_ar": "ناصر",
            "password": make_password(DEMO_PASSWORD),
        },
    )
    if created:
        RoleAssignment.objects.create(user=user, role=Role.STAFF)
    return user


@register_seeder(90, "results")
def seed_results(say: Callable[[str], None]) -> None:
    programme = Programme.objects.order_by("pk").first()
    staff = User.objects.filter(email="staff@example.org").first()
    if programme is None or staff is None:
        return
    approver = _second_staff()
    logframe = Logframe.objects.create(programme=programme)
    impact = Result.objects.create(
        logframe=logframe,
        level=Level.IMPACT,
        code="I",
        order=0,
        name_en=IMPACT[0],
        name_fr=IMPACT[1],
        name_ar=IMPACT[2],
    )
    outputs: dict[int, Result] = {}
    for goal in Goal.objects.filter(programme=programme).order_by("number"):
        outcome = Result.objects.create(
            logframe=logframe,
            parent=impact,
            level=Level.OUTCOME,
            code=f"O{goal.number}",
            order=goal.number * 10,
            **{f"name_{code}": _goal_text(goal, code) for code in ("en", "fr", "ar")},
        )
        outputs[goal.number] = Result.objects.create(
            logframe=logframe,
            parent=outcome,
            level=Level.OUTPUT,
            code=f"OP{goal.number}.1",
            order=goal.number * 10 + 1,
            name_en=f"Output {goal.number}.1: activities of the programme under this outcome",
            name_fr=f"Produit {goal.number}.1 : activités du programme pour ce résultat",
            name_ar=f"المخرج {goal.number}.1: أنشطة البرنامج في إطار هذه النتيجة",
        )
    baseline_day = programme.starts_on or date(2022, 1, 1)
    for order, registered in enumerate(registry.all_indicators()):
        goal_number = registered.goal or 2
        baseline, target = TARGETS.get(registered.code, ("0", "100"))
        with_language = {}
        from django.utils import translation

        for language in ("en", "fr", "ar"):
            with translation.override(language):
                with_language[f"name_{language}"] = str(registered.name)
                with_language[f"definition_{language}"] = str(registered.definition)
        indicator = Indicator.objects.create(
            result=outputs.get(goal_number, outputs[2]),
            code=f"C{order + 1:02d}",
            kind=IndicatorKind.COMPUTED,
            registry_code=registered.code,
            unit=registered.unit,
            baseline_value=Decimal(baseline),
            baseline_date=baseline_day,
            baseline_source="Programme inception report",
            order=order,
            means_of_verification_en="Momentum platform records",
            means_of_verification_fr="Registres de la plateforme Momentum",
            means_of_verification_ar="سجلات منصة مومنتوم",
            **with_language,
        )
        logframe_services.set_target(indicator=indicator, by=staff, raw=target)
    reported: list[Indicator] = []
    for goal_number, code, (en, fr, ar), unit in REPORTED:
        indicator = Indicator.objects.create(
            result=outputs[goal_number],
            code=code,
            kind=IndicatorKind.REPORTED,
            unit=unit,
            name_en=en,
            name_fr=fr,
            name_ar=ar,
            baseline_date=baseline_day,
            baseline_value=None if unit == UnitKind.QUALITATIVE else Decimal("5"),
            baseline_text="No revision" if unit == UnitKind.QUALITATIVE else "",
            baseline_source="Needs assessment",
            order=100,
            means_of_verification_en="Focal points' reports with evidence",
            means_of_verification_fr="Rapports des points focaux avec justificatifs",
            means_of_verification_ar="تقارير جهات الاتصال مع الأدلة",
        )
        if unit == UnitKind.QUALITATIVE:
            logframe_services.set_target(
                indicator=indicator, by=staff, raw="Curriculum revised in every partner country"
            )
        else:
            logframe_services.set_target(
                indicator=indicator, by=staff, raw="25" if unit == UnitKind.PERCENTAGE else "14"
            )
        reported.append(indicator)
    logframe_services.submit_logframe(logframe=logframe, by=staff)
    logframe_services.approve_logframe(logframe=logframe, by=approver)
    assert Logframe.objects.get(pk=logframe.pk).status == LogframeStatus.APPROVED

    countries = list(Country.objects.filter(status="active").order_by("code"))
    focal = {
        country.code: User.objects.filter(email=f"focal.{country.code.lower()}@example.org").first()
        for country in countries
    }
    today = timezone.localdate()
    periods = [
        period_services.create_period(
            logframe=logframe, by=staff, name=name, starts_on=start, ends_on=end
        )
        for name, start, end in _half_years(today)
    ]
    share = reported[1]
    count = reported[2]
    for index, period in enumerate(periods):
        closed = index < 2
        for number, country in enumerate(countries):
            reporter = focal[country.code] or staff
            value = value_services.save_value(
                indicator=share,
                period=period,
                country=country,
                by=reporter,
                raw=str(12 + number + index * 2),
                submit=closed or number % 4 != 0,
            )
            if closed or number % 4 == 1:
                value_services.approve_value(value=value, by=staff)
            elif number % 4 == 2:
                value_services.return_value(
                    value=value,
                    by=staff,
                    comment="Please attach the human-resources table the figure comes from.",
                )
            # number % 4 == 3 stays submitted; 0 stays a draft.
        if closed:
            value = value_services.save_value(
                indicator=count,
                period=period,
                country=None,
                by=staff,
                raw=str(3 + index * 4),
                submit=True,
            )
            value_services.approve_value(value=value, by=approver)
            for outcome in Result.objects.filter(logframe=logframe, level=Level.OUTCOME):
                period_services.save_narrative(
                    period=period, result=outcome, by=staff, texts=NARRATIVE
                )
            _close(period, staff)
    # The open period: a value not available (with its reason), and a qualitative draft.
    value_services.save_value(
        indicator=count,
        period=periods[2],
        country=None,
        by=staff,
        not_available=True,
        reason="The border agencies' figures for this half-year come in the next quarter.",
    )
    if countries and focal[countries[0].code]:
        value_services.save_value(
            indicator=reported[0],
            period=periods[2],
            country=countries[0],
            by=focal[countries[0].code],
            text="Draft module on gender-sensitive policing reviewed by the academy.",
        )
    # The open period's figures as the background refresh would have stored them.
    figure_services.refresh_live_figures(period=periods[2])
    say(
        f"Results: a logframe of {Indicator.objects.filter(result__logframe=logframe).count()} "
        f"indicators, periods {', '.join(period.name for period in periods)} (two closed)."
    )


def _close(period: Period, by: User) -> None:
    """Close a period at once (the demo does not wait for a worker)."""
    job = jobs.create_job(kind=period_services.SNAPSHOT_JOB_KIND, by=by, period=period.pk)
    Period.objects.filter(pk=period.pk).update(status=PeriodStatus.CLOSING, job=job)
    figure_services.run_snapshot(job)
