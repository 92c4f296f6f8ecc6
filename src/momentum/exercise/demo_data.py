"""Demo: the border-management field exercise "Joint operation Crossroads", played three weeks
ago at six border crossing points in six partner countries, with teams drawn from the alumni
shortlist and officers certified in border courses, an injects list partly played, the
evaluators' observations, the sites' screening queues, and the after-action report published in
Arabic, French and English. Dates are relative to the day the demo is seeded.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone

from momentum.core.demo import register_seeder

SITES = [
    # country, name, kind
    ("JO", "Queen Alia International Airport", "air"),
    ("MA", "Tanger Med port", "sea"),
    ("TN", "Ras Jedir land crossing", "land"),
    ("EG", "Cairo International Airport", "air"),
    ("LB", "Masnaa land crossing", "land"),
    ("DZ", "Port of Algiers", "sea"),
]

OBJECTIVES = [
    (
        "O1",
        "database_checks",
        "Check every traveller's document against SLTD through FIND or MIND, and handle a hit "
        "by the standard procedure.",
    ),
    (
        "O2",
        "information_sharing",
        "Confirm a hit with the NCB and the issuing country within 30 minutes through I-24/7.",
    ),
    (
        "O3",
        "document_screening",
        "Recognise a forged or altered travel document from its machine-readable zone.",
    ),
    (
        "O4",
        "victim_protection",
        "Identify a possible victim of trafficking and refer her or him to protection services.",
    ),
    (
        "O5",
        "public_information",
        "Answer a media enquiry without revealing operational information.",
    ),
]

# kind, objective, actor, title, message, expected action
INJECTS = [
    (
        "traveller",
        "O1",
        "screener",
        "A passport reported stolen",
        "A traveller presents a passport whose number is in SLTD as stolen.",
        "Hold the document, refer the traveller to secondary inspection, inform the site lead.",
    ),
    (
        "tip_off",
        "O2",
        "analyst",
        "A tip-off from a neighbouring NCB",
        "The NCB of a neighbouring country warns of a facilitator travelling today.",
        "Check the name against the notices and share any match with the NCB.",
    ),
    (
        "outage",
        "O1",
        "site_lead",
        "The FIND connection is down",
        "The fixed connection to INTERPOL's databases stops answering at the main hall.",
        "Switch to the MIND copy and record the checks made offline.",
    ),
    (
        "traveller",
        "O3",
        "screener",
        "A document with a broken check digit",
        "A traveller's passport has a machine-readable zone whose check digit does not match.",
        "Examine the document and refer the traveller.",
    ),
    (
        "traveller",
        "O4",
        "screener",
        "A young woman travelling with a man who answers for her",
        "A young woman does not speak; the man with her holds both passports.",
        "Speak to her separately with a female officer and call the referral contact.",
    ),
    (
        "media",
        "O5",
        "site_lead",
        "A journalist asks about the operation",
        "A reporter asks how many people were stopped at the crossing today.",
        "Refer the journalist to the press office; give no figures.",
    ),
]

RATINGS = ["P", "S", "S", "M", "P", "S", "U", "P"]

STRENGTHS = [
    "Screeners checked every document against SLTD without being reminded.",
    "The site lead switched to the offline copy within five minutes.",
    "The NCB answered the hit confirmation quickly.",
    "The female officer took the young woman aside calmly and kindly.",
]
IMPROVEMENTS = [
    "The offline copy was two days old: update MIND every day.",
    "Hits were shared by phone instead of I-24/7.",
    "No female officer was on the night shift.",
    "The press line was not known to the site lead.",
]


def _at(day: Any, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


class _Seeder:
    def __init__(self, say: Callable[[str], None]) -> None:
        from momentum.people.models import Role, User

        self.say = say
        self.rng = random.Random(1872)
        self.staff = list(
            User.objects.filter(role_assignments__role=Role.STAFF).distinct().order_by("email")
        )
        trainers = list(
            User.objects.filter(role_assignments__role=Role.TRAINER).distinct().order_by("email")
        )
        # The INTERPOL team: a controller (staff) and two evaluators (trainers, or staff).
        self.interpol = (self.staff[:1] + trainers[:2]) if self.staff else []
        self.today = timezone.localdate()

    def seed(self) -> None:
        from momentum.core.models import Country
        from momentum.exercise.services import planning

        if not self.staff:
            self.say("Field exercise: no staff, skipped.")
            return
        lead = self.staff[0]
        exercise = planning.create_exercise(
            title="Joint operation Crossroads",
            description=(
                "A capacity-building field exercise on border management at six border crossing "
                "points, coordinated by INTERPOL's capacity-building team."
            ),
            by=lead,
        )
        start = self.today - timedelta(days=24)
        plan = [
            ("initial_planning", -120, -119, "Lyon"),
            ("main_planning", -75, -74, "Amman"),
            ("final_planning", -40, -39, "Tunis"),
            ("deployment", -26, -25, ""),
            ("operational", -24, -22, ""),
            ("debrief", -15, -15, "Rabat"),
        ]
        for kind, first, last, place in plan:
            planning.set_phase(
                exercise=exercise,
                kind=kind,
                starts_on=start + timedelta(days=first + 24),
                ends_on=start + timedelta(days=last + 24),
                location=place,
                by=lead,
            )
        courses = self._border_courses()
        objectives = {
            code: planning.add_objective(
                exercise=exercise,
                code=code,
                text=text,
                capability=capability,
                course_ids=[c.pk for c in courses],
                by=lead,
            )
            for code, capability, text in OBJECTIVES
        }
        shifts = [
            planning.add_shift(
                exercise=exercise,
                name=name,
                starts_at=_at(start + timedelta(days=day), hour),
                ends_at=_at(start + timedelta(days=day), hour) + timedelta(hours=10),
                by=lead,
            )
            for day, name, hour in ((0, "Day 1", 7), (1, "Day 2", 7), (2, "Day 3", 7))
        ]
        countries = {c.code: c for c in Country.objects.filter(code__in=[s[0] for s in SITES])}
        sites = [
            planning.add_site(
                exercise=exercise,
                name=name,
                kind=kind,
                country=countries[code],
                shifts=shifts,
                by=lead,
            )
            for code, name, kind in SITES
            if code in countries
        ]
        self._teams(exercise, sites, shifts, list(objectives.values()))
        planning.send_invitations(exercise=exercise, by=lead)
        for site in sites:
            planning.open_screening_queue(site=site, by=lead, size=10, seed=7 + site.pk)
        self._screen(sites)
        planning.set_status(exercise=exercise, status="running", by=lead)
        injects = self._injects(exercise, sites, objectives, start, lead)
        observations = self._observations(exercise, sites, objectives)
        planning.set_status(exercise=exercise, status="closed", by=lead)
        self._report(exercise, lead, objectives)
        self.say(
            f"Field exercise: {len(sites)} sites, {exercise.members.count()} people, "
            f"{injects} injects fired, {observations} observations, report published."
        )

    def _border_courses(self) -> list[Any]:
        from momentum.training.selectors import courses

        return [
            c for c in courses() if c.thematic_area and c.thematic_area.code == "border-security"
        ]

    def _teams(
        self, exercise: Any, sites: list[Any], shifts: list[Any], objectives: list[Any]
    ) -> None:
        from momentum.exercise.selectors import candidates
        from momentum.exercise.services import planning

        lead = self.staff[0]
        # The INTERPOL team: a controller and evaluators, on no site.
        team = self.interpol
        for number, person in enumerate(team):
            planning.place_member(
                exercise=exercise,
                user=person,
                role="controller" if number == 0 else "evaluator",
                source="interpol",
                objectives=objectives if number else (),
                by=lead,
            )
        found = candidates(exercise)
        roles = ["site_lead", "screener", "analyst", "screener"]
        used: set[int] = set()
        for site in sites:
            # Officers of the site's country first, then anyone not yet placed.
            people = [c for c in found if c.profile.country_id == site.country_id]
            people += [c for c in found if c.profile.country_id != site.country_id]
            chosen = [c for c in people if c.profile.user_id not in used][: len(roles)]
            for number, candidate in enumerate(chosen):
                used.add(candidate.profile.user_id)
                planning.place_member(
                    exercise=exercise,
                    user=candidate.profile.user,
                    role=roles[number],
                    source=candidate.source,
                    site=site,
                    shift=shifts[number % len(shifts)],
                    by=lead,
                )

    def _screen(self, sites: list[Any]) -> None:
        """Each site's screeners work part of their queue in the simulator."""
        from momentum.screening.selectors.queues import plays_of
        from momentum.screening.services.queues import decide, open_next

        for site in sites:
            for member in site.members.filter(role="screener").select_related("user"):
                play = plays_of(member.user).filter(queue_id=site.screening_queue_id).first()
                if play is None:
                    continue
                for _n in range(6):
                    check = open_next(play=play, by=member.user)
                    if check is None:
                        break
                    expected = check.item.presentation.expected
                    decision = expected if self.rng.random() < 0.8 else "no_hit"
                    decide(check=check, decision=decision, note="", by=member.user)

    def _injects(
        self, exercise: Any, sites: list[Any], objectives: dict[str, Any], start: Any, lead: Any
    ) -> int:
        from momentum.exercise.services import injects

        fired = 0
        for site_number, site in enumerate(sites):
            for number, (kind, code, actor, title, message, expected) in enumerate(INJECTS):
                when = _at(
                    start + timedelta(days=number // 2), 9 + 3 * (number % 2) + site_number % 3
                )
                inject = injects.add_inject(
                    site=site,
                    objective=objectives[code],
                    kind=kind,
                    title=title,
                    message=message,
                    expected_action=expected,
                    actor=actor,
                    scheduled_at=when,
                    by=lead,
                )
                # Partly played: the last inject of every other site was never fired.
                if number == len(INJECTS) - 1 and site_number % 2:
                    continue
                if number == 2 and site_number == 0:
                    injects.cancel_inject(inject=inject, by=lead, version=inject.version)
                    continue
                inject = injects.fire_inject(inject=inject, by=lead, now=when)
                fired += 1
                if self.rng.random() < 0.8:
                    injects.record_action(
                        inject=inject, note="Done as expected.", by=lead, version=inject.version
                    )
        return fired

    def _observations(self, exercise: Any, sites: list[Any], objectives: dict[str, Any]) -> int:
        from momentum.exercise.services.observations import record_observation

        evaluators = self.interpol[1:] or self.interpol
        count = 0
        for site_number, site in enumerate(sites):
            evaluator = evaluators[site_number % len(evaluators)]
            for number, objective in enumerate(objectives.values()):
                rating = RATINGS[(site_number + number) % len(RATINGS)]
                record_observation(
                    objective=objective,
                    site=site,
                    evaluator=evaluator,
                    rating=rating,
                    justification=f"Observed at {site.name} during the operational phase.",
                    strengths=STRENGTHS[(site_number + number) % len(STRENGTHS)],
                    improvements=(
                        IMPROVEMENTS[(site_number + number) % len(IMPROVEMENTS)]
                        if rating != "P"
                        else ""
                    ),
                    evidence_note="Notes taken at the primary line.",
                )
                count += 1
        return count

    def _report(self, exercise: Any, lead: Any, objectives: dict[str, Any]) -> None:
        from momentum.exercise.pdf import render_report_pdfs
        from momentum.exercise.services import report as services

        report = services.draft_report(exercise=exercise, by=lead)
        report = services.edit_report(
            report=report,
            summary=(
                "Six border crossing points played the scenario over three days. Checks against "
                "SLTD became routine; sharing hits through I-24/7 and the protection of possible "
                "victims need further training."
            ),
            findings={},
            by=lead,
            version=report.version,
        )
        plan = [
            ("O1", "Update the MIND copy every day at each border post.", "closed"),
            ("O2", "Train site leads to share hits through I-24/7.", "in_progress"),
            ("O4", "Put a female officer on every shift at the primary line.", "open"),
        ]
        for code, action, status in plan:
            item = services.add_item(
                report=report,
                objective=objectives[code],
                action=action,
                owner="National border police",
                contact="NCB liaison officer",
                starts_on=self.today - timedelta(days=10),
                ends_on=self.today + timedelta(days=90),
                by=lead,
            )
            if status != "open":
                services.set_item_status(item=item, status=status, by=lead, version=item.version)
            if code == "O2":
                services.raise_to_board(item=item, by=lead)
        job = services.publish_report(report=report, by=lead)
        render_report_pdfs(job.pk)


@register_seeder(72, "exercise")
def seed_exercise(say: Callable[[str], None]) -> None:
    _Seeder(say).seed()
