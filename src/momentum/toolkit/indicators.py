"""The toolkit's indicators, computed from its records: chapters published per language (in
each publication's latest edition, counting a chapter when all its sections read in that
language with a current translation), curricula turned into courses, and the countries whose
representatives contributed (wrote a chapter or commented on one)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import Breakdown, Indicator, register


def _latest_editions() -> list[Any]:
    from django.db.models import Max, OuterRef, Subquery

    from momentum.toolkit.models import Edition

    latest = (
        Edition.objects.filter(publication=OuterRef("publication"))
        .values("publication")
        .annotate(top=Max("number"))
        .values("top")
    )
    return list(Edition.objects.filter(number=Subquery(latest)).only("snapshot"))


def chapters_published(language: str) -> int:
    count = 0
    for edition in _latest_editions():
        for part in edition.snapshot.get("parts", []):
            for chapter in part["chapters"]:
                texts = [section["texts"].get(language) for section in chapter["sections"]]
                if texts and all(text is not None and text["current"] for text in texts):
                    count += 1
    return count


def _chapters_in(language: str) -> Any:
    def compute(**filters: Any) -> Breakdown:
        return Breakdown(total=chapters_published(language))

    return compute


def _curricula_courses(**filters: Any) -> Breakdown:
    from momentum.toolkit.models import Curriculum

    return Breakdown(total=Curriculum.objects.filter(course_id__isnull=False).count())


def contributions_by_country() -> dict[str, int]:
    """Contributions (chapters given to write, comments) of each country's representatives."""
    from django.db.models import Count

    from momentum.people.models import Role, RoleAssignment
    from momentum.toolkit.models import ChapterAuthor, Comment

    by_country: dict[str, int] = {}
    for row in (
        Comment.objects.filter(country__isnull=False)
        .values("country__code")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        by_country[row["country__code"]] = by_country.get(row["country__code"], 0) + row["n"]
    authors = ChapterAuthor.objects.values("user")
    for row in (
        RoleAssignment.objects.filter(
            user__in=authors,
            role__in=[Role.FOCAL_POINT, Role.BOARD_MEMBER],
            country__isnull=False,
        )
        .values("country__code")
        .annotate(n=Count("user", distinct=True))
        .order_by()
    ):
        by_country[row["country__code"]] = by_country.get(row["country__code"], 0) + row["n"]
    return by_country


def _contributing_countries(**filters: Any) -> Breakdown:
    by_country = contributions_by_country()
    return Breakdown(total=len(by_country), by_country=by_country)


_LANGUAGE_NAMES = {
    "ar": (
        _("Toolkit chapters published in Arabic"),
        _("Chapters of the toolkit's latest edition that read wholly in Arabic."),
    ),
    "fr": (
        _("Toolkit chapters published in French"),
        _("Chapters of the toolkit's latest edition that read wholly in French."),
    ),
    "en": (
        _("Toolkit chapters published in English"),
        _("Chapters of the toolkit's latest edition that read wholly in English."),
    ),
}

for _code, (_name, _definition) in _LANGUAGE_NAMES.items():
    register(
        Indicator(
            code=f"toolkit.chapters_published_{_code}",
            name=_name,
            definition=_definition,
            compute=_chapters_in(_code),
            app="toolkit",
            goal=4,
        )
    )
register(
    Indicator(
        code="toolkit.curricula_courses",
        name=_("Curricula turned into courses"),
        definition=_("Curricula on gender-sensitive policing that became a training course."),
        compute=_curricula_courses,
        app="toolkit",
        goal=4,
    )
)
register(
    Indicator(
        code="toolkit.contributing_countries",
        name=_("Countries whose representatives contributed to the toolkit"),
        definition=_(
            "Partner countries whose focal points or board members wrote a chapter or "
            "commented on one; the breakdown counts their contributions."
        ),
        compute=_contributing_countries,
        app="toolkit",
        goal=4,
    )
)
