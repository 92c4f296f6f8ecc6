"""The demo toolkit: three parts whose chapters stand at every step (approved and published,
revised since, in review, drafted with comments in Arabic, out for comments, not yet written)
and every translation state; edition 1 published with its booklets in three languages; a
curriculum that became a course. Jordan's focal point is an invited author."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone, translation

from momentum.core.demo import register_seeder
from momentum.core.models import Country
from momentum.people.models import User
from momentum.toolkit.demo_content import PARTS
from momentum.toolkit.models import Chapter, ConsultationMode, Part, Publication
from momentum.toolkit.services import consultation, curricula, editions, writing


def _write(staff: User, author: User) -> list[Chapter]:
    publication = Publication.objects.create(
        slug="gender-sensitive-policing",
        title_en="Toolkit on gender-sensitive policing",
        title_fr="Boîte à outils pour une police sensible au genre",
        title_ar="دليل العمل الشرطي المراعي للنوع الاجتماعي",
        public_reading=True,
    )
    chapters = []
    for part_order, (part_titles, part_chapters) in enumerate(PARTS, start=1):
        part = Part.objects.create(
            publication=publication,
            order=part_order,
            title_en=part_titles[0],
            title_fr=part_titles[1],
            title_ar=part_titles[2],
        )
        for order, (titles, sections) in enumerate(part_chapters, start=1):
            chapter = Chapter.objects.create(
                part=part, order=order, title_en=titles[0], title_fr=titles[1], title_ar=titles[2]
            )
            writing.add_author(chapter=chapter, user=author, by=staff)
            for kind, source, texts in sections:
                section = writing.add_section(
                    chapter=chapter, kind=kind, source_language=source, by=staff
                )
                ordered = sorted(texts, key=lambda language: language != source)
                for language in ordered:
                    title, body, sources = texts[language]
                    writing.save_text(
                        section=section,
                        language=language,
                        title=title,
                        body=body,
                        sources=sources,
                        expected_revision=0,
                        by=author if source == "ar" else staff,
                    )
            chapters.append(chapter)
    return chapters


def _approve(chapter: Chapter, staff: User, author: User) -> None:
    writing.submit_chapter(chapter=chapter, by=author)
    writing.approve_chapter(chapter=chapter, by=staff)


def _curriculum(staff: User, chapters: list[Chapter]) -> None:
    from momentum.hub.models import Resource

    resource = Resource.objects.order_by("pk").first()
    item = curricula.save_curriculum(
        by=staff,
        title_en="Gender-sensitive first response",
        title_fr="Première réponse sensible au genre",
        title_ar="الاستجابة الأولى المراعية للنوع الاجتماعي",
        summary_en="Three modules for officers who receive the public at a police station.",
        summary_fr="Trois modules pour les agents qui accueillent le public au commissariat.",
        summary_ar="ثلاث وحدات للضباط الذين يستقبلون الجمهور في مركز الشرطة.",
    )
    modules = [
        (
            ("Security needs of women and men", "Besoins de sécurité", "الاحتياجات الأمنية"),
            60,
            chapters[0],
        ),
        (
            ("Receiving a complaint", "Recevoir une plainte", "استقبال الشكوى"),
            120,
            chapters[1],
        ),
        (
            ("Working in mixed teams", "Travailler en équipe mixte", "العمل في فرق مختلطة"),
            90,
            chapters[4],
        ),
    ]
    for (title_en, title_fr, title_ar), minutes, chapter in modules:
        curricula.add_module(
            by=staff,
            curriculum=item,
            duration_minutes=minutes,
            sections=list(chapter.sections.all()),
            resource_ids=[resource.pk] if resource else [],
            title_en=title_en,
            title_fr=title_fr,
            title_ar=title_ar,
            objectives_en="Participants can apply the toolkit's checklist in their station.",
            objectives_fr="Les participants savent appliquer la liste de contrôle de la boîte à outils.",
            objectives_ar="يستطيع المشاركون تطبيق قائمة التحقق الواردة في الدليل في مراكزهم.",
            methods_en="Role play in pairs, then a group discussion.",
            methods_fr="Jeu de rôle en binôme, puis discussion en groupe.",
            methods_ar="لعب أدوار في مجموعات ثنائية، ثم نقاش جماعي.",
            assessment_en="Observed role play with the checklist.",
            assessment_fr="Jeu de rôle observé avec la liste de contrôle.",
            assessment_ar="لعب أدوار تحت الملاحظة باستخدام قائمة التحقق.",
        )
    curricula.publish_curriculum(by=staff, curriculum=item, background=False)
    curricula.create_course(by=staff, curriculum=item, code="gsp-first-response")


@register_seeder(70, "toolkit")
def seed_toolkit(say: Callable[[str], None]) -> None:
    staff = User.objects.get(email="staff@example.org")
    author = User.objects.get(email="focal.jo@example.org")
    board = User.objects.get(email="board.jo@example.org")
    chapters = _write(staff, author)
    why, complaints, station, border, patrols, mentoring = chapters
    # Edition 1: the two foundation chapters and the mixed patrols, approved.
    for chapter in (why, complaints, patrols):
        _approve(chapter, staff, author)
    publication = why.part.publication
    edition, _job = editions.publish_edition(publication=publication, by=staff, background=False)
    # Since then the Arabic source of the complaints checklist was revised: its English
    # translation needs updating, and the chapter is a draft again.
    complaint_section = complaints.sections.get()
    writing.save_text(
        section=complaint_section,
        language="ar",
        title="قائمة تحقق لاستقبال الشكوى",
        body=complaint_section.texts.get(language="ar").body
        + "\n\nقدّم للشاكية رقم هاتف الخط الساخن لإدارة حماية الأسرة.",
        expected_revision=1,
        by=author,
    )
    writing.assign_translator(section=complaint_section, language="fr", translator=board, by=staff)
    # The station checklist waits for review; the border case study has comments in Arabic.
    writing.add_author(chapter=station, user=board, by=staff)
    writing.submit_chapter(chapter=station, by=board)
    border_section = border.sections.get()
    writing.add_comment(
        section=border_section,
        language="ar",
        paragraph=2,
        text="أقترح إضافة الأرقام الشهرية للبلاغات قبل تعيين الضابطات وبعده.",
        by=board,
    )
    # Mentoring is out for comments with the board; the border case study with three countries.
    deadline = timezone.now() + timedelta(days=21)
    with translation.override("ar"):  # the board reads Arabic first
        consultation.open_consultation(
            by=staff,
            mode=ConsultationMode.BOARD,
            deadline=deadline,
            chapter=mentoring,
            link=f"/toolkit/chapters/{mentoring.pk}/",
        )
    consultation.open_consultation(
        by=staff,
        mode=ConsultationMode.COUNTRIES,
        deadline=deadline,
        chapter=border,
        countries=list(Country.objects.filter(code__in=["JO", "MA", "TN"])),
        link=f"/toolkit/chapters/{border.pk}/",
    )
    _curriculum(staff, chapters)
    say(
        f"toolkit: {len(chapters)} chapters in 3 parts, edition {edition.number} with booklets "
        "in three languages, a curriculum that became a course"
    )
