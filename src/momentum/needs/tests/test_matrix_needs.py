"""Who may use the needs assessment's routes (see tests/test_authorization_matrix.py).

The records: this year's round; its visit to Jordan; Jordan's submission, a draft, with a
document attached; a published regional report with its PDFs. The outsider is Morocco's focal
point; the board member sits for Jordan (drafts are not the board's: 404).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.needs.models import Report, ReportStatus, SubmissionDocument, Visit
from momentum.needs.tests import factories

# fmt: off
#                                           anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "needs:rounds":                        (302, 403, 200, 200, 200, 403, 403, 403, 403, 200),
    "needs:round":                         (302, 403, 200, 200, 200, 403, 403, 403, 403, 200),
    "needs:visit_new":                     (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "needs:submission_start":              (302, 403, 302, 403, 302, 403, 403, 403, 403, 403),
    "needs:visit":                         (302, 404, 200, 404, 200, 404, 404, 404, 404, 200),
    "needs:visit_ics":                     (302, 404, 200, 404, 200, 404, 404, 404, 404, 200),
    "needs:questionnaires":                (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "needs:questionnaire":                 (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "needs:questionnaire_export":          (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "needs:questionnaire_new_version":     (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "needs:submission":                    (302, 404, 200, 404, 200, 404, 404, 404, 404, 404),
    "needs:submission_review":             (302, 404, 403, 404, 302, 404, 404, 404, 404, 404),
    "needs:submission_document":           (302, 404, 302, 404, 403, 404, 404, 404, 404, 404),
    "needs:submission_file":               (302, 404, 200, 404, 200, 404, 404, 404, 404, 404),
    "needs:matrix":                        (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "needs:matrix_mark":                   (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "needs:figures":                       (302, 403, 200, 200, 200, 200, 403, 403, 403, 200),
    "needs:reports":                       (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "needs:report_build":                  (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "needs:report":                        (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "needs:report_advance":                (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "needs:report_pdf":                    (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "needs:public_report":                 (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "needs:public_report_pdf":             (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:needs_rounds":                    (401, 403, 200, 200, 200, 403, 403, 403, 403, 200),
    "api:needs_questionnaire":             (401, 404, 200, 404, 200, 404, 404, 404, 404, 404),
    "api:needs_submissions":               (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:needs_submission":                (401, 404, 200, 404, 200, 404, 404, 404, 404, 404),
    "api:needs_submission_answers":        (401, 404, 200, 404, 403, 404, 404, 404, 404, 404),
    "api:needs_submission_submit":         (401, 404, 200, 404, 403, 404, 404, 404, 404, 404),
    "api:needs_figures":                   (401, 403, 200, 200, 200, 200, 403, 403, 403, 200),
}
# fmt: on


@dataclass(frozen=True)
class World:
    round: int
    questionnaire: int
    visit: int
    submission: int
    version: int
    document: int
    report: int
    slug: str
    area: int
    jordan: int


def _json(world: World) -> dict[str, Any]:
    return {
        "data": json.dumps({"version": world.version, "answers": {"notes": "x"}}),
        "content_type": "application/json",
    }


Request = tuple[str, Callable[[World], str], Callable[[World], dict[str, Any]] | None]
ROUTES: dict[str, Request] = {
    "needs:rounds": ("get", lambda w: "/en/needs/", None),
    "needs:round": ("get", lambda w: f"/en/needs/rounds/{w.round}/", None),
    "needs:visit_new": ("get", lambda w: f"/en/needs/rounds/{w.round}/visits/new/", None),
    "needs:submission_start": (
        "post",
        lambda w: f"/en/needs/rounds/{w.round}/start/{w.jordan}/",
        None,
    ),
    "needs:visit": ("get", lambda w: f"/en/needs/visits/{w.visit}/", None),
    "needs:visit_ics": ("get", lambda w: f"/en/needs/visits/{w.visit}/invitation.ics", None),
    "needs:questionnaires": ("get", lambda w: "/en/needs/questionnaires/", None),
    "needs:questionnaire": ("get", lambda w: f"/en/needs/questionnaires/{w.questionnaire}/", None),
    "needs:questionnaire_export": (
        "get",
        lambda w: f"/en/needs/questionnaires/{w.questionnaire}/xlsform.xlsx",
        None,
    ),
    "needs:questionnaire_new_version": (
        "post",
        lambda w: f"/en/needs/questionnaires/{w.questionnaire}/new-version/",
        None,
    ),
    "needs:submission": ("get", lambda w: f"/en/needs/submissions/{w.submission}/", None),
    "needs:submission_review": (
        "post",
        lambda w: f"/en/needs/submissions/{w.submission}/review/",
        None,
    ),
    "needs:submission_document": (
        "post",
        lambda w: f"/en/needs/submissions/{w.submission}/documents/",
        None,
    ),
    "needs:submission_file": ("get", lambda w: f"/en/needs/documents/{w.document}/", None),
    "needs:matrix": ("get", lambda w: f"/en/needs/rounds/{w.round}/matrix/", None),
    "needs:matrix_mark": (
        "post",
        lambda w: f"/en/needs/rounds/{w.round}/matrix/{w.jordan}/{w.area}/",
        None,
    ),
    "needs:figures": ("get", lambda w: "/en/needs/figures/", None),
    "needs:reports": ("get", lambda w: "/en/needs/reports/", None),
    "needs:report_build": ("post", lambda w: f"/en/needs/rounds/{w.round}/report/", None),
    "needs:report": ("get", lambda w: f"/en/needs/reports/{w.report}/", None),
    "needs:report_advance": ("post", lambda w: f"/en/needs/reports/{w.report}/advance/", None),
    "needs:report_pdf": ("get", lambda w: f"/en/needs/reports/{w.report}/ar.pdf", None),
    "needs:public_report": ("get", lambda w: f"/en/needs/public/{w.slug}/", None),
    "needs:public_report_pdf": ("get", lambda w: f"/en/needs/public/{w.slug}/fr.pdf", None),
    "api:needs_rounds": ("get", lambda w: "/api/v1/needs/rounds", None),
    "api:needs_questionnaire": (
        "get",
        lambda w: f"/api/v1/needs/questionnaires/{w.questionnaire}",
        None,
    ),
    "api:needs_submissions": ("get", lambda w: "/api/v1/needs/submissions", None),
    "api:needs_submission": ("get", lambda w: f"/api/v1/needs/submissions/{w.submission}", None),
    "api:needs_submission_answers": (
        "put",
        lambda w: f"/api/v1/needs/submissions/{w.submission}/answers",
        _json,
    ),
    "api:needs_submission_submit": (
        "post",
        lambda w: f"/api/v1/needs/submissions/{w.submission}/submit",
        _json,
    ),
    "api:needs_figures": ("get", lambda w: "/api/v1/needs/figures", None),
}


@pytest.fixture
def world(jordan, morocco, staff) -> World:  # type: ignore[no-untyped-def]
    from momentum.core.tests.factories import AreaOfWorkFactory

    round = factories.assessment_round()
    visit = Visit.objects.create(
        round=round, country=jordan, starts_on="2026-03-01", ends_on="2026-03-03"
    )
    submission = factories.submission(round, jordan)
    document = SubmissionDocument(submission=submission, title="Annual report", uploaded_by=staff)
    document.file.save("annual.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
    report = Report.objects.create(
        round=round,
        created_by=staff,
        status=ReportStatus.PUBLISHED,
        public_slug="2026-v1-abc",
        snapshot={"countries": [], "methodology": {}, "round": {"title": {}}},
    )
    for language in ("ar", "fr", "en"):
        getattr(report, f"pdf_{language}").save(
            f"report-{language}.pdf", ContentFile(b"%PDF-1.4"), save=True
        )
    return World(
        round=round.pk,
        questionnaire=round.questionnaire_id or 0,
        visit=visit.pk,
        submission=submission.pk,
        version=submission.version,
        document=document.pk,
        report=report.pk,
        slug=report.public_slug or "",
        area=AreaOfWorkFactory().pk,
        jordan=jordan.pk,
    )


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url, options = ROUTES[name]

    response = request_as(
        client, request, persona, method, url(world), **(options(world) if options else {})
    )

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if name.startswith("api:") and response.status_code >= 400:
        assert set(response.json()["error"]) >= {"code", "message"}
    elif persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)  # read served files to the end
