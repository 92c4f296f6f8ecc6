"""The toolkit's JSON API: published editions (their contents per language) and curricula,
for those who may read them (the same rules as the pages)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from momentum.toolkit import rules
from momentum.toolkit.models import LANGUAGES, Curriculum, CurriculumStatus, Edition

router = Router(tags=["toolkit"])


class EditionOut(Schema):
    id: int
    publication: str
    number: int
    published_at: str
    pdfs: list[str]


class SectionOut(Schema):
    id: int
    kind: str
    source_language: str
    title: str
    body: str
    translated: bool


class ChapterOut(Schema):
    id: int
    title: str
    sections: list[SectionOut]


class EditionDetailOut(EditionOut):
    language: str
    chapters: list[ChapterOut]


class ModuleOut(Schema):
    title: str
    duration_minutes: int
    objectives: str
    methods: str
    assessment: str
    sections: list[int]
    resources: list[int]


class CurriculumOut(Schema):
    id: int
    title: str
    status: str
    course_id: int | None
    modules: list[ModuleOut]


def _edition_out(edition: Edition) -> dict[str, Any]:
    return {
        "id": edition.pk,
        "publication": edition.publication.slug,
        "number": edition.number,
        "published_at": edition.published_at.isoformat(),
        "pdfs": [code for code in LANGUAGES if edition.pdf_in(code)],
    }


@router.get("/toolkit/editions", response=list[EditionOut])
@paginate(PageNumberPagination, page_size=50)
def list_toolkit_editions(request: HttpRequest) -> Any:
    """Published editions the caller may read."""
    editions = Edition.objects.select_related("publication").order_by("publication", "-number")
    if not request.user.has_perm("toolkit.view_drafts"):
        editions = editions.filter(publication__public_reading=True)
    return [_edition_out(edition) for edition in editions]


@router.get("/toolkit/editions/{edition_id}", response=EditionDetailOut)
def get_toolkit_edition(request: HttpRequest, edition_id: int, language: str = "en") -> Any:
    """One edition's chapters and sections in ``language`` (the source text where a section
    is not translated, with ``translated`` false)."""
    edition = rules.get_edition_for(request.user, edition_id)
    language = language if language in LANGUAGES else "en"
    chapters = []
    for part in edition.snapshot.get("parts", []):
        for chapter in part["chapters"]:
            sections = []
            for section in chapter["sections"]:
                text = section["texts"].get(language)
                translated = text is not None
                text = text or section["texts"].get(section["source_language"]) or {}
                sections.append(
                    {
                        "id": section["id"],
                        "kind": section["kind"],
                        "source_language": section["source_language"],
                        "title": text.get("title", ""),
                        "body": text.get("body", ""),
                        "translated": translated,
                    }
                )
            chapters.append(
                {
                    "id": chapter["id"],
                    "title": chapter["title"].get(language, ""),
                    "sections": sections,
                }
            )
    return {**_edition_out(edition), "language": language, "chapters": chapters}


def _curriculum_out(curriculum: Curriculum, language: str) -> dict[str, Any]:
    return {
        "id": curriculum.pk,
        "title": curriculum.title(language),
        "status": curriculum.status,
        "course_id": curriculum.course_id,
        "modules": [
            {
                "title": module.text("title", language),
                "duration_minutes": module.duration_minutes,
                "objectives": module.text("objectives", language),
                "methods": module.text("methods", language),
                "assessment": module.text("assessment", language),
                "sections": [section.pk for section in module.sections.all()],
                "resources": list(module.resource_ids),
            }
            for module in curriculum.modules.all()
        ],
    }


@router.get("/toolkit/curricula", response=list[CurriculumOut])
@paginate(PageNumberPagination, page_size=50)
def list_toolkit_curricula(request: HttpRequest, language: str = "en") -> Any:
    if not request.user.has_perm("toolkit.view_curricula"):
        raise PermissionDenied
    language = language if language in LANGUAGES else "en"
    curricula = Curriculum.objects.prefetch_related("modules__sections")
    if not request.user.has_perm("toolkit.manage_curricula"):
        curricula = curricula.filter(status=CurriculumStatus.PUBLISHED)
    return [_curriculum_out(curriculum, language) for curriculum in curricula]


@router.get("/toolkit/curricula/{curriculum_id}", response=CurriculumOut)
def get_toolkit_curriculum(request: HttpRequest, curriculum_id: int, language: str = "en") -> Any:
    curriculum = rules.get_curriculum_for(request.user, curriculum_id)
    language = language if language in LANGUAGES else "en"
    return _curriculum_out(curriculum, language)
