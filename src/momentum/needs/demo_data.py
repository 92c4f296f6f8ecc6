"""The demo needs assessment: this year's round with a visit to each of the seven countries
(held, confirmed and planned), the questionnaire, submissions in every state (approved,
submitted, returned with comments, draft, not started), both inventories, the priority matrix
with marked priorities (one turned into a draft course), the published figures on women in the
police (from the sourced public data, with draft and validated ones), recommendations, and a
published regional report in three languages.

Everything goes through the services (audit log, history and notifications are what the
platform would have made); the history's notifications are removed afterwards.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from importlib import resources
from typing import Any

from django.utils import timezone

from momentum.core.demo import register_seeder
from momentum.core.models import AreaOfWork, Country, Notification
from momentum.needs import questionnaire_spec
from momentum.needs.models import (
    Figure,
    FigureStatus,
    Frequency,
    Initiative,
    Recommendation,
    Round,
    RoundStatus,
    SourceKind,
    SubmissionStatus,
    TrainingOffer,
    VisitStatus,
)
from momentum.needs.services import figures as figure_services
from momentum.needs.services import priorities as priority_services
from momentum.needs.services import reports as report_services
from momentum.needs.services import rounds as round_services
from momentum.needs.services import submissions as submission_services
from momentum.people.models import Role, User

# Submissions' final states, by country (EG: not started, the country is not yet active).
STATES = {
    "DZ": SubmissionStatus.ACCEPTED,
    "JO": SubmissionStatus.ACCEPTED,
    "MA": SubmissionStatus.ACCEPTED,
    "LB": SubmissionStatus.SUBMITTED,
    "PS": SubmissionStatus.RETURNED,
    "TN": SubmissionStatus.DRAFT,
}

# Demo answers (synthetic): rank levels' headcounts, the needs' importance and gap.
GRIDS = {
    "DZ": {"total": 200000, "junior": (14000, 120000), "mid": (4000, 40000), "senior": (600, 9000)},
    "JO": {"total": 60000, "junior": (2600, 40000), "mid": (900, 12000), "senior": (120, 3000)},
    "MA": {"total": 78146, "junior": (4700, 52000), "mid": (1000, 16000), "senior": (195, 3500)},
    "LB": {"total": 30000, "junior": (900, 20000), "mid": (150, 6000), "senior": (20, 1500)},
    "PS": {"total": 9000, "junior": (330, 6500), "mid": (60, 1600), "senior": (6, 300)},
    "TN": {"total": 50000, "junior": (3000, 35000), "mid": (900, 8000), "senior": (100, 2000)},
}
NEEDS = {
    "DZ": (5, 4, 3, 3, 4),
    "JO": (4, 3, 5, 4, 3),
    "MA": (5, 3, 4, 2, 3),
    "LB": (3, 5, 4, 5, 2),
    "PS": (4, 4, 3, 5, 5),
    "TN": (5, 5, 2, 3, 4),
}
GAPS = {
    "DZ": (4, 3, 5, 4, 2),
    "JO": (3, 4, 5, 3, 2),
    "MA": (2, 4, 4, 3, 3),
    "LB": (5, 4, 3, 5, 3),
    "PS": (3, 5, 4, 4, 4),
    "TN": (4, 3, 2, 5, 3),
}


def _answers(code: str) -> dict[str, Any]:
    grid: dict[str, Any] = GRIDS[code]
    answers: dict[str, Any] = {
        "has_academy": "yes",
        "academy_name": {
            "DZ": "École supérieure de police",
            "JO": "أكاديمية الشرطة الملكية",
            "MA": "Institut royal de police",
            "LB": "معهد قوى الأمن الداخلي",
            "PS": "الكلية الجامعية للعلوم الشرطية",
            "TN": "École nationale de police",
        }[code],
        "courses_a_year": {"DZ": 120, "JO": 90, "MA": 140, "LB": 45, "PS": 30, "TN": 80}[code],
        "languages": ["ar", "fr"] if code in ("DZ", "MA", "TN", "LB") else ["ar", "en"],
        "gender_unit": "yes" if code in ("JO", "MA", "PS") else "no",
        "support": ["network", "training"] if code in ("JO", "MA") else ["training"],
        "network_members": 49 if code == "JO" else 300 if code == "MA" else None,
        "main_obstacle": "promotion" if code in ("JO", "MA", "TN") else "deployment",
        "environment": 3,
        "personnel_by_rank": {
            "total": grid["total"],
            "cells": {
                level: {"female": grid[level][0], "male": grid[level][1]}
                for level in ("junior", "mid", "senior")
            },
        },
    }
    for index, area in enumerate(questionnaire_spec.NEED_AREAS):
        key = area.replace("-", "_")
        answers[f"importance_{key}"] = NEEDS[code][index]
        answers[f"gap_{key}"] = GAPS[code][index]
    return answers


def _past(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@register_seeder(62, "needs")
def seed_needs(say: Callable[[str], None]) -> None:
    if Round.objects.exists():
        say("Needs assessment: a round exists already; nothing seeded.")
        return
    staff = User.objects.filter(role_assignments__role=Role.STAFF).first()
    if staff is None:
        say("Needs assessment: no staff account; nothing seeded.")
        return
    countries = {country.code: country for country in Country.objects.all()}
    year = timezone.localdate().year
    questionnaire = questionnaire_spec.build()
    round = round_services.open_round(
        by=staff,
        year=year,
        titles={
            "en": f"Needs assessment {year}",
            "fr": f"Évaluation des besoins {year}",
            "ar": f"تقييم الاحتياجات {year}",
        },
        status=RoundStatus.OPEN,
        questionnaire=questionnaire,
        answer_by=timezone.localdate() + datetime.timedelta(days=45),
    )
    # --- visits: held (past), confirmed (soon) and planned (later) ---
    plans = {
        "DZ": (150, VisitStatus.DONE),
        "JO": (130, VisitStatus.DONE),
        "MA": (110, VisitStatus.DONE),
        "LB": (90, VisitStatus.DONE),
        "PS": (70, VisitStatus.DONE),
        "TN": (-20, VisitStatus.CONFIRMED),
        "EG": (-60, VisitStatus.PLANNED),
    }
    for code, (days_ago, status) in plans.items():
        country = countries.get(code)
        if country is None:
            continue
        starts = _past(days_ago)
        round_services.plan_visit(
            by=staff,
            round=round,
            country=country,
            starts_on=starts,
            ends_on=starts + datetime.timedelta(days=2),
            status=status,
            location=f"{country.name_en}",  # type: ignore[attr-defined]
            agencies="National police directorate\nPolice academy\nINTERPOL National Central Bureau",
            team="Capacity Building and Training Directorate: two training officers, one gender adviser",
            agenda="Day 1: training needs by area of work\nDay 2: the academy's offer\nDay 3: women's participation, figures and initiatives",
            minutes="The delegation met the academy's director and the NCB; priorities noted for the matrix."
            if status == VisitStatus.DONE
            else "",
            participants=[
                ("Head of the police academy", "Police academy", "male"),
                ("Head of training, NCB", "INTERPOL National Central Bureau", "female"),
                ("Gender focal point", "National police directorate", "female"),
            ]
            if status == VisitStatus.DONE
            else [],
        )
    # --- submissions in every state ---
    focal_points = {
        assignment_country: user
        for user in User.objects.filter(role_assignments__role=Role.FOCAL_POINT).prefetch_related(
            "role_assignments"
        )
        for assignment_country in user.countries_for(Role.FOCAL_POINT)
    }
    for code, state in STATES.items():
        country = countries.get(code)
        focal = focal_points.get(country.pk) if country else None
        if country is None or focal is None:
            continue
        submission = submission_services.start_submission(by=focal, round=round, country=country)
        answers = _answers(code)
        if state == SubmissionStatus.DRAFT:
            partial = {
                name: value for name, value in answers.items() if not name.startswith("personnel")
            }
            submission_services.save_answers(
                by=focal, submission=submission, answers=partial, version=None
            )
            continue
        submission_services.submit(by=focal, submission=submission, answers=answers, version=None)
        if state == SubmissionStatus.ACCEPTED:
            submission_services.accept(by=staff, submission=submission)
        elif state == SubmissionStatus.RETURNED:
            submission_services.return_for_revision(
                by=staff,
                submission=submission,
                note="Thank you. Please check the headcount by rank level against the directorate's annual figures.",
                comments={
                    "personnel_by_rank": "The senior level seems low: does it include civilian staff?"
                },
            )
    # --- a colleague answering part of Tunisia's draft; the visits' minutes as documents ---
    _demo_colleague_and_documents(staff=staff, round=round, countries=countries)
    # --- inventories ---
    areas = {area.code: area for area in AreaOfWork.objects.all()}
    offers = [
        (
            "JO",
            "Basic course for new recruits",
            "Royal Police Academy",
            "investigations",
            "junior",
            Frequency.TWICE_A_YEAR,
            120,
            "Arabic",
            900,
            110,
        ),
        (
            "JO",
            "Human trafficking investigations",
            "Royal Police Academy",
            "human-trafficking",
            "mid",
            Frequency.YEARLY,
            5,
            "Arabic",
            40,
            9,
        ),
        (
            "MA",
            "Border control and document fraud",
            "Institut royal de police",
            "border-management",
            "junior",
            Frequency.YEARLY,
            10,
            "French",
            120,
            14,
        ),
        (
            "MA",
            "Criminal intelligence analysis",
            "Institut royal de police",
            "criminal-analysis",
            "mid",
            Frequency.ON_DEMAND,
            15,
            "French",
            30,
            6,
        ),
        (
            "DZ",
            "Cybercrime and digital evidence",
            "École supérieure de police",
            "osint",
            "mid",
            Frequency.YEARLY,
            10,
            "French",
            60,
            8,
        ),
        (
            "TN",
            "Leadership for commanders",
            "École nationale de police",
            "investigations",
            "senior",
            Frequency.YEARLY,
            5,
            "Arabic",
            25,
            3,
        ),
        (
            "LB",
            "Border management basics",
            "ISF Institute",
            "border-management",
            "junior",
            Frequency.TWICE_A_YEAR,
            8,
            "Arabic",
            80,
            6,
        ),
        (
            "PS",
            "Investigating gender-based violence",
            "Palestinian Police College",
            "investigations",
            "mid",
            Frequency.YEARLY,
            5,
            "Arabic",
            35,
            12,
        ),
    ]
    TrainingOffer.objects.bulk_create(
        TrainingOffer(
            country=countries[code],
            course=course,
            provider=provider,
            area_of_work=areas.get(area),
            level=level,
            frequency=frequency,
            duration_days=days,
            language=language,
            participants_a_year=participants,
            women_a_year=women,
        )
        for code, course, provider, area, level, frequency, days, language, participants, women in offers
        if code in countries
    )
    initiatives = [
        (
            "JO",
            "Gender focal points across the directorate's units",
            "Public Security Directorate",
            "UN Women",
            2018,
        ),
        ("MA", "Network of women police officers", "DGSN", "", 2019),
        ("PS", "Family protection units", "Palestinian Civil Police", "EUPOL COPPS", 2008),
        ("TN", "Women in decision-making posts: mentoring", "Ministry of Interior", "", 2021),
        ("DZ", "Recruitment campaign for women officers", "DGSN", "", 2015),
        ("LB", "Women's first intake into the ISF", "Internal Security Forces", "", 2012),
    ]
    Initiative.objects.bulk_create(
        Initiative(country=countries[code], what=what, run_by=run_by, funder=funder, since=since)
        for code, what, run_by, funder, since in initiatives
        if code in countries
    )
    # --- figures: the sourced public data (published), and figures at every status ---
    text = (
        resources.files("momentum.needs")
        .joinpath("fixtures/women-in-police.csv")
        .read_text("utf-8")
    )
    figure_services.import_published_figures(by=staff, text=text)
    extra = [
        (
            "TN",
            "women_leadership",
            30,
            2018,
            "realites.com.tn",
            "https://realites.com.tn/fr/le-ministere-de-linterieur-compte-30-femmes-hauts-cadres/amp",
            SourceKind.OFFICIAL,
            FigureStatus.PUBLISHED,
            "Women in decision-making posts",
        ),
        (
            "JO",
            "women_trainees",
            110,
            year,
            "Needs-assessment questionnaire",
            "",
            SourceKind.OFFICIAL,
            FigureStatus.VALIDATED,
            "Demo: from the approved questionnaire",
        ),
        (
            "LB",
            "women_trainers",
            6,
            year,
            "Needs-assessment visit",
            "",
            SourceKind.ESTIMATED,
            FigureStatus.DRAFT,
            "Demo: an estimate noted during the visit",
        ),
    ]
    for code, indicator, value, figure_year, citation, url, kind, figure_status, note in extra:
        if code in countries:
            Figure.objects.create(
                country=countries[code],
                indicator=indicator,
                value=value,
                year=figure_year,
                source_citation=citation,
                source_url=url,
                source_kind=kind,
                status=figure_status,
                note=note,
            )
    # --- the priority matrix: two priorities, one become a draft course ---
    from momentum.needs.selectors import need_scores

    scores = need_scores(round)
    ranked = sorted(scores.items(), key=lambda item: -item[1])[:2]
    for marked, ((code, area_code), score) in enumerate(ranked):
        priority = priority_services.mark_priority(
            by=staff,
            round=round,
            country=countries[code],
            area_of_work=areas[area_code],
            score=score,
        )
        if marked == 0:
            priority_services.make_draft_course(by=staff, priority=priority)
    # --- recommendations and the published report ---
    for order, (en, fr, ar) in enumerate(
        [
            (
                "Publish annual figures on women in the police, by rank level.",
                "Publier chaque année les chiffres des femmes dans la police, par niveau hiérarchique.",
                "نشر أرقام سنوية عن النساء في الشرطة حسب المستوى الوظيفي.",
            ),
            (
                "Open leadership courses to mid-level women officers in every partner country.",
                "Ouvrir les formations au leadership aux policières de niveau intermédiaire dans chaque pays partenaire.",
                "فتح دورات القيادة أمام الشرطيات من المستوى المتوسط في كل بلد شريك.",
            ),
            (
                "Name a gender focal point in every national police academy.",
                "Désigner un point focal genre dans chaque académie nationale de police.",
                "تعيين جهة اتصال معنية بالنوع الاجتماعي في كل أكاديمية شرطة وطنية.",
            ),
        ],
        start=1,
    ):
        Recommendation.objects.create(round=round, order=order, text_en=en, text_fr=fr, text_ar=ar)
    report, _job = report_services.start_report(by=staff, round=round, background=False)
    report_services.advance_report(by=staff, report=report)
    report_services.advance_report(by=staff, report=report)
    _demo_next_questionnaire_version(staff=staff, round=round)
    Notification.objects.filter(kind__startswith="needs.").delete()
    say(
        f"Needs assessment: round {year} with {round.visits.count()} visits, submissions "
        + ", ".join(f"{code} {state}" for code, state in STATES.items())
        + f", {len(offers)} training offers, {len(initiatives)} initiatives, "
        f"{Figure.objects.count()} figures, a published regional report in three languages."
    )


def _demo_colleague_and_documents(*, staff: Any, round: Round, countries: dict[str, Any]) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from momentum.needs.models import Submission, VisitStatus

    tunisia = countries.get("TN")
    submission = Submission.objects.filter(round=round, country=tunisia).first()
    if tunisia is not None and submission is not None:
        colleague = (
            User.objects.filter(
                role_assignments__role=Role.OFFICER, role_assignments__country=tunisia
            )
            .order_by("pk")
            .first()
        )
        focal = (
            User.objects.filter(
                role_assignments__role=Role.FOCAL_POINT, role_assignments__country=tunisia
            )
            .order_by("pk")
            .first()
        )
        # The personnel figures are the section Tunisia's draft still lacks: a colleague at
        # the NCB is asked to fill it in.
        figures = submission.questionnaire.sections.filter(name="figures").first()
        if colleague is not None and focal is not None and figures is not None:
            submission_services.invite_colleague(
                by=focal,
                submission=submission,
                colleague=colleague,
                section_ids=[figures.pk],
            )
    for visit in round.visits.filter(status=VisitStatus.DONE).select_related("country"):
        round_services.attach_visit_document(
            by=staff,
            visit=visit,
            title=f"Minutes of the visit — {visit.country.name_en}",  # type: ignore[attr-defined]
            upload=SimpleUploadedFile(
                "minutes.txt",
                (
                    f"Needs-assessment visit, {visit.starts_on:%d %B %Y}.\n"
                    "Met: the academy's director, the NCB's head of training, the directorate's "
                    "gender focal point.\nAgreed: the academy sends its training offer as a "
                    "spreadsheet; the NCB answers the questionnaire's personnel section.\n"
                ).encode(),
                content_type="text/plain",
            ),
        )


def _demo_next_questionnaire_version(*, staff: Any, round: Round) -> None:
    """Next year's questionnaire under construction: a new, unfrozen version of the frozen one
    with a question added in the builder."""
    from momentum.needs.services import builder as builder_services
    from momentum.needs.services import questionnaires as questionnaire_services

    if round.questionnaire is None:
        return
    draft = questionnaire_services.new_version(by=staff, questionnaire=round.questionnaire)
    section = draft.sections.filter(name="gender").first()
    if section is None:
        return
    builder_services.save_question(
        by=staff,
        section=section,
        fields={
            "name": "childcare",
            "kind": "yes_no",
            "label_en": "Does the police offer childcare to its officers?",
            "label_fr": "La police propose-t-elle une garde d'enfants à ses agents ?",
            "label_ar": "هل يوفر جهاز الشرطة رعاية للأطفال لضباطه وضابطاته؟",
            "hint_en": "",
            "hint_fr": "",
            "hint_ar": "",
            "message_en": "",
            "message_fr": "",
            "message_ar": "",
            "required": False,
            "choices": [],
            "unit": "",
            "min_value": None,
            "max_value": None,
            "grid_rows": "",
            "area_of_work": None,
            "need_measure": "",
            "show_operator": "is",
            "show_value": "",
        },
    )
