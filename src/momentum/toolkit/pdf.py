"""The booklet of an edition (and of a curriculum) as a PDF, laid out by WeasyPrint with the
packaged Noto fonts through training's PDF helper: a cover that says which sections lack a
translation, a table of contents whose page numbers come from ``target-counter``, running
headers with the chapter's title, sources as footnotes, right to left in Arabic."""

from __future__ import annotations

from typing import Any

from momentum.toolkit.markup import render_text
from momentum.toolkit.models import Curriculum, Edition, SectionKind


def booklet_context(snapshot: dict[str, Any], language: str) -> dict[str, Any]:
    from momentum.toolkit.services.editions import missing_in

    kinds = dict(SectionKind.choices)
    parts = []
    for part in snapshot.get("parts", []):
        chapters = []
        for chapter in part["chapters"]:
            sections = []
            for section in chapter["sections"]:
                text = section["texts"].get(language)
                if text is None:
                    continue
                sections.append(
                    {
                        "anchor": f"s{section['id']}",
                        "kind": kinds.get(section["kind"], ""),
                        "title": text["title"],
                        "html": render_text(text["body"]),
                        "sources": text["sources"],
                        "outdated": not text["current"],
                    }
                )
            chapters.append(
                {
                    "anchor": f"c{chapter['id']}",
                    "title": chapter["title"].get(language, ""),
                    "sections": sections,
                }
            )
        parts.append({"title": part["title"].get(language, ""), "chapters": chapters})
    return {
        "title": snapshot.get("title", {}).get(language, ""),
        "parts": parts,
        "missing": missing_in(snapshot, language),
    }


def render_snapshot(snapshot: dict[str, Any], language: str, **extra: Any) -> bytes:
    from momentum.training.pdf import render_pdf

    return render_pdf(
        "toolkit/booklet_pdf.html", {**booklet_context(snapshot, language), **extra}, language
    )


def render_booklet(edition: Edition, language: str) -> bytes:
    return render_snapshot(
        edition.snapshot, language, number=edition.number, published_at=edition.published_at
    )


def render_curriculum(curriculum: Curriculum, language: str) -> bytes:
    from momentum.training.pdf import render_pdf

    modules = [
        {
            "title": module.text("title", language),
            "objectives": render_text(module.text("objectives", language)),
            "methods": render_text(module.text("methods", language)),
            "assessment": render_text(module.text("assessment", language)),
            "duration": module.duration_minutes,
        }
        for module in curriculum.modules.all()
    ]
    return render_pdf(
        "toolkit/curriculum_pdf.html",
        {
            "title": curriculum.title(language),
            "summary": render_text(getattr(curriculum, f"summary_{language}") or ""),
            "modules": modules,
        },
        language,
    )
