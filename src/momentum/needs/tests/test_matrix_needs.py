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
from momentum.needs.models import (
    Contributor,
    Figure,
    Initiative,
    Question,
    Report,
    ReportStatus,
    Section,
    SubmissionDocument,
    TrainingOffer,
    Visit,
    VisitDocument,
    VisitParticipant,
)
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
    # inventories: Jordan's (Morocco's focal point is told nothing of it; the board reads)
    "needs:inventories":                   (302, 403, 200, 200, 200, 403, 403, 403, 403, 200),
    "needs:inventory":                     (302, 403, 200, 404, 200, 403, 403, 403, 403, 200),
    "needs:offer_new":                     (302, 403, 200, 404, 200, 403, 403, 403, 403, 403),
    "needs:offer_edit":                    (302, 403, 200, 404, 200, 403, 403, 403, 403, 403),
    "needs:offer_delete":                  (302, 403, 302, 404, 302, 403, 403, 403, 403, 403),
    "needs:initiative_new":                (302, 403, 200, 404, 200, 403, 403, 403, 403, 403),
    "needs:initiative_edit":               (302, 403, 200, 404, 200, 403, 403, 403, 403, 403),
    "needs:initiative_delete":             (302, 403, 302, 404, 302, 403, 403, 403, 403, 403),
    "needs:inventory_import":              (302, 403, 200, 404, 200, 403, 403, 403, 403, 403),
    "needs:inventory_template":            (302, 403, 200, 200, 200, 403, 403, 403, 403, 200),
    # Jordan's draft figure: its focal point validates it (staff publish; others see no draft)
    "needs:figure_validate":               (302, 403, 302, 404, 403, 404, 403, 403, 403, 404),
    # the questionnaire builder: staff only
    "needs:section_new":                   (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "needs:question_new":                  (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "needs:question_edit":                 (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "needs:section_move":                  (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "needs:question_move":                 (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "needs:question_delete":               (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    # colleagues answering Jordan's draft (its focal point asks; staff read)
    "needs:submission_colleagues":         (302, 404, 200, 404, 200, 404, 404, 404, 404, 404),
    "needs:submission_colleague_remove":   (302, 404, 302, 404, 403, 404, 404, 404, 404, 404),
    # the visit to Jordan: its participants and documents
    "needs:visit_participants":            (302, 404, 200, 404, 200, 404, 404, 404, 404, 200),
    "needs:visit_participant_remove":      (302, 404, 403, 404, 302, 404, 404, 404, 404, 403),
    "needs:visit_documents":               (302, 404, 200, 404, 200, 404, 404, 404, 404, 200),
    "needs:visit_document_file":           (302, 404, 200, 404, 200, 404, 404, 404, 404, 200),
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
    offer: int
    initiative: int
    participant: int
    visit_document: int
    contributor: int
    section: int
    question: int
    figure: int


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
    "needs:inventories": ("get", lambda w: "/en/needs/inventories/", None),
    "needs:inventory": ("get", lambda w: f"/en/needs/inventories/{w.jordan}/", None),
    "needs:offer_new": ("get", lambda w: f"/en/needs/inventories/{w.jordan}/offer/new/", None),
    "needs:offer_edit": ("get", lambda w: f"/en/needs/inventories/offer/{w.offer}/", None),
    "needs:offer_delete": (
        "post",
        lambda w: f"/en/needs/inventories/offer/{w.offer}/delete/",
        None,
    ),
    "needs:initiative_new": (
        "get",
        lambda w: f"/en/needs/inventories/{w.jordan}/initiatives/new/",
        None,
    ),
    "needs:initiative_edit": (
        "get",
        lambda w: f"/en/needs/inventories/initiatives/{w.initiative}/",
        None,
    ),
    "needs:initiative_delete": (
        "post",
        lambda w: f"/en/needs/inventories/initiatives/{w.initiative}/delete/",
        None,
    ),
    "needs:inventory_import": (
        "get",
        lambda w: f"/en/needs/inventories/{w.jordan}/import/",
        None,
    ),
    "needs:inventory_template": (
        "get",
        lambda w: "/en/needs/inventories/template/offer.xlsx",
        None,
    ),
    "needs:figure_validate": ("post", lambda w: f"/en/needs/figures/{w.figure}/validate/", None),
    "needs:section_new": (
        "get",
        lambda w: f"/en/needs/questionnaires/{w.questionnaire}/sections/new/",
        None,
    ),
    "needs:question_new": ("get", lambda w: f"/en/needs/sections/{w.section}/questions/new/", None),
    "needs:question_edit": ("get", lambda w: f"/en/needs/questions/{w.question}/", None),
    "needs:section_move": ("post", lambda w: f"/en/needs/sections/{w.section}/move/", None),
    "needs:question_move": ("post", lambda w: f"/en/needs/questions/{w.question}/move/", None),
    "needs:question_delete": ("post", lambda w: f"/en/needs/questions/{w.question}/delete/", None),
    "needs:submission_colleagues": (
        "get",
        lambda w: f"/en/needs/submissions/{w.submission}/colleagues/",
        None,
    ),
    "needs:submission_colleague_remove": (
        "post",
        lambda w: f"/en/needs/submission-colleagues/{w.contributor}/remove/",
        None,
    ),
    "needs:visit_participants": (
        "get",
        lambda w: f"/en/needs/visits/{w.visit}/participants/",
        None,
    ),
    "needs:visit_participant_remove": (
        "post",
        lambda w: f"/en/needs/visit-participants/{w.participant}/remove/",
        None,
    ),
    "needs:visit_documents": ("get", lambda w: f"/en/needs/visits/{w.visit}/documents/", None),
    "needs:visit_document_file": (
        "get",
        lambda w: f"/en/needs/visit-documents/{w.visit_document}/",
        None,
    ),
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
    offer = TrainingOffer.objects.create(
        country=jordan,
        course="Interviewing victims",
        provider="Police Academy",
        frequency="yearly",
        duration_days=5,
        language="Arabic",
        participants_a_year=40,
        women_a_year=12,
    )
    initiative = Initiative.objects.create(
        country=jordan, what="Women police network", run_by="PSD", since=2019
    )
    participant = VisitParticipant.objects.create(visit=visit, name="Rana", sex="female")
    visit_document = VisitDocument(visit=visit, title="Minutes", uploaded_by=staff)
    visit_document.file.save("minutes.pdf", ContentFile(b"%PDF-1.4 minutes"), save=True)
    from momentum.people.tests.factories import officer as make_officer

    contributor = Contributor.objects.create(
        submission=submission, user=make_officer(jordan), invited_by=staff
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
        offer=offer.pk,
        initiative=initiative.pk,
        participant=participant.pk,
        visit_document=visit_document.pk,
        contributor=contributor.pk,
        figure=Figure.objects.create(
            country=jordan, indicator="women_headcount", value=4000, year=2024
        ).pk,
        section=Section.objects.filter(questionnaire_id=round.questionnaire_id).first().pk,  # type: ignore[union-attr]
        question=Question.objects.get(
            section__questionnaire_id=round.questionnaire_id, name="notes"
        ).pk,
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
