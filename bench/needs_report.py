"""The needs assessment's speed: the regional report (snapshot and three PDFs, all seven
countries with charts) as the worker builds it, and the questionnaire page with 100 questions.

    .venv/bin/python bench/needs_report.py [--repeat 15]

Production settings (``MOMENTUM_TESTING=false``, second factor not required so the test client
can sign in) on a throwaway SQLite database in a temporary ``MOMENTUM_VAR_DIR``: migrates,
seeds the programme, the people and the needs-assessment demo (seven countries, the sourced
figures, the round's submissions), then measures

- the report build (``run_report``: the data snapshot, then a PDF per language), as the worker
  runs it, with the time of each step;
- ``GET /ar/needs/submissions/<pk>/`` for a questionnaire of 100 questions, as Jordan's focal
  point: the median server time of ``--repeat`` requests (its queries are bounded by the
  tests, ``needs/tests/test_pages.py``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _configure(var_dir: str) -> None:
    os.environ["MOMENTUM_VAR_DIR"] = var_dir
    os.environ["MOMENTUM_TESTING"] = "false"
    os.environ["MOMENTUM_MFA_REQUIRED"] = "false"
    os.environ.pop("MOMENTUM_DATABASE_URL", None)
    os.environ.pop("MOMENTUM_DEMO", None)
    os.environ.setdefault("MOMENTUM_LOG_LEVEL", "ERROR")
    os.environ["DJANGO_SETTINGS_MODULE"] = "momentum.settings"
    import django

    django.setup()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        _configure(var_dir)
        from django.core.management import call_command
        from django.test import Client

        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        from momentum.core.demo_data import seed_programme
        from momentum.core.models import Country, Job
        from momentum.needs import questionnaire_spec
        from momentum.needs.demo_data import seed_needs
        from momentum.needs.models import Report, Round, Submission
        from momentum.needs.services import reports
        from momentum.people.demo_data import seed_people
        from momentum.people.models import Role, User

        quiet = lambda line: None  # noqa: E731
        seed_programme(quiet)
        seed_people(quiet)
        started = time.perf_counter()
        seed_needs(quiet)
        print(f"needs demo seeded (with one report) in {time.perf_counter() - started:.1f} s")

        # --- the report, as the worker builds it ---
        round = Round.objects.get()
        staff = User.objects.filter(role_assignments__role=Role.STAFF).first()
        report = Report.objects.create(round=round, number=99, created_by=staff)
        job = Job.objects.create(kind=reports.JOB_KIND, created_by=staff)
        from momentum.needs import services as _services  # noqa: F401

        timings: dict[str, float] = {}
        started = time.perf_counter()
        report.snapshot = reports.build_snapshot(round)
        timings["snapshot"] = time.perf_counter() - started
        for language in reports.LANGUAGES:
            step = time.perf_counter()
            reports.render_report_pdf(report, language)
            timings[f"pdf {language}"] = time.perf_counter() - step
        total = time.perf_counter() - started
        countries = len(report.snapshot["countries"])
        print(
            f"report: {countries} countries, "
            + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
        )
        started = time.perf_counter()
        reports.run_report(job=job, report=report)
        whole = time.perf_counter() - started
        print(
            "report build as the worker runs it (snapshot + 3 PDFs stored): "
            f"{whole:.1f} s (steps above: {total:.1f} s)"
        )

        # --- a questionnaire page of 100 questions ---
        jordan = Country.objects.get(code="JO")
        form = questionnaire_spec.build("bench-100", extra_questions=100 - 24)
        from momentum.needs.selectors import questions_for

        count = len(questions_for(form.pk))
        bench_round = Round.objects.create(year=1999, title_en="Bench", questionnaire=form)
        submission = Submission.objects.create(
            round=bench_round, questionnaire=form, country=jordan
        )
        focal = User.objects.filter(
            role_assignments__role=Role.FOCAL_POINT, role_assignments__country=jordan
        ).first()
        client = Client(HTTP_HOST="localhost")
        client.force_login(focal)
        url = f"/ar/needs/submissions/{submission.pk}/"
        response = client.get(url, secure=True)
        assert response.status_code == 200, response.status_code
        second = client.get(url, secure=True)
        assert second.status_code == 200, second.status_code
        durations = []
        for _ in range(args.repeat):
            step = time.perf_counter()
            client.get(url, secure=True)
            durations.append((time.perf_counter() - step) * 1000)
        load = os.getloadavg()[0]
        print(
            f"(load average {load:.1f} on {os.cpu_count()} cores) "
            f"questionnaire page, {count} questions: "
            f"median {statistics.median(durations):.0f} ms of {args.repeat} requests"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
