"""The toolkit's booklet: a PDF of at least 100 pages, built as the worker builds it.

    .venv/bin/python bench/toolkit_booklet.py [--language ar] [--chapters 13]

Builds a synthetic edition snapshot (three parts, ``--chapters`` chapters each, four sections
of six paragraphs per chapter, with sources as footnotes and a table of contents), renders it
with ``momentum.toolkit.pdf.render_snapshot`` (WeasyPrint with the packaged Noto fonts) and
prints the pages and the seconds. The target: under 30 s for 100 pages. No database is needed.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

PARAGRAPH = {
    "en": (
        "Officers who receive a report of domestic violence listen to the victim in a private "
        "room, record what happened in her or his own words, explain the next steps and the "
        "protection available, and refer the person to the family protection unit. Supervisors "
        "check that the record is complete and that the referral was followed up within a week."
    ),
    "fr": (
        "Les agents qui reçoivent une plainte pour violence domestique écoutent la victime dans "
        "une pièce à part, consignent les faits avec ses propres mots, expliquent les étapes "
        "suivantes et la protection disponible, et orientent la personne vers l'unité de "
        "protection de la famille. Les superviseurs vérifient que le dossier est complet."
    ),
    "ar": (
        "يستمع الضباط الذين يتلقون بلاغاً عن العنف الأسري إلى الضحية في غرفة منفصلة، ويسجلون ما "
        "حدث بكلماتها أو بكلماته، ويشرحون الخطوات التالية والحماية المتاحة، ويحيلون الشخص إلى "
        "وحدة حماية الأسرة. ويتحقق المشرفون من اكتمال السجل ومن متابعة الإحالة خلال أسبوع، "
        "ويُدرج ذلك في التقرير الشهري لمديرية الأمن العام."
    ),
}


def snapshot(chapters_per_part: int) -> dict[str, object]:
    languages = ("ar", "fr", "en")
    number = 0
    parts = []
    for part in range(1, 4):
        chapters = []
        for chapter in range(1, chapters_per_part + 1):
            sections = []
            for section in range(1, 5):
                number += 1
                texts = {}
                for language in languages:
                    body = "\n\n".join(
                        [PARAGRAPH[language]] * 5 + ["- " + PARAGRAPH[language][:90]] * 3
                    )
                    texts[language] = {
                        "title": f"{part}.{chapter}.{section} — {PARAGRAPH[language][:40]}",
                        "body": body,
                        "sources": [f"UNODC, Handbook on gender and policing, {2015 + section}"],
                        "revision": 1,
                        "current": True,
                        "key": "",
                    }
                sections.append(
                    {"id": number, "kind": "tool", "source_language": "en", "texts": texts}
                )
            chapters.append(
                {
                    "id": part * 100 + chapter,
                    "title": {
                        code: f"{part}.{chapter} {PARAGRAPH[code][:30]}" for code in languages
                    },
                    "sections": sections,
                }
            )
        parts.append({"title": {code: f"{part}" for code in languages}, "chapters": chapters})
    return {
        "title": {
            "ar": "دليل العمل الشرطي المراعي للنوع الاجتماعي",
            "fr": "Boîte à outils",
            "en": "Toolkit",
        },
        "parts": parts,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="ar", choices=["ar", "fr", "en"])
    parser.add_argument("--chapters", type=int, default=13)
    parser.add_argument("--out", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        os.environ["MOMENTUM_VAR_DIR"] = var_dir
        os.environ["MOMENTUM_TESTING"] = "false"
        os.environ.pop("MOMENTUM_DATABASE_URL", None)
        os.environ.setdefault("MOMENTUM_LOG_LEVEL", "ERROR")
        os.environ["DJANGO_SETTINGS_MODULE"] = "momentum.settings"
        import django

        django.setup()
        from pypdf import PdfReader

        from momentum.toolkit.pdf import render_snapshot

        data = snapshot(args.chapters)
        started, cpu = time.perf_counter(), time.process_time()
        pdf = render_snapshot(data, args.language, number=1)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        if args.out:
            Path(args.out).write_bytes(pdf)
    print(
        f"booklet ({args.language}): {pages} pages in {seconds:.1f} s "
        f"({cpu_seconds:.1f} s of processor time)"
    )
    return 0 if pages < 100 or seconds < 30 else 1


if __name__ == "__main__":
    raise SystemExit(main())
