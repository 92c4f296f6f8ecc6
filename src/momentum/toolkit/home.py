"""What waits on the home page: for authors, sections to write or update and comments on
their chapters; for staff, chapters waiting for review and translations needed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.translation import ngettext

from momentum.core import home

if TYPE_CHECKING:
    from momentum.people.models import User


@home.register
def next_steps(user: User) -> list[home.NextStep]:
    from momentum.toolkit.models import (
        Chapter,
        ChapterStatus,
        Comment,
        Publication,
        Section,
        SectionText,
    )
    from momentum.toolkit.rules import chapters_of, is_an_author
    from momentum.toolkit.selectors import translation_work

    steps: list[home.NextStep] = []
    if is_an_author(user):
        mine = chapters_of(user)
        unwritten = (
            Section.objects.filter(chapter__in=mine)
            .exclude(texts__language=F("source_language"), texts__revision__gt=0)
            .count()
        )
        to_update = (
            SectionText.objects.filter(translator=user)
            .exclude(language=F("section__source_language"))
            .filter(Q(revision=0) | Q(source_revision__lt=_source_revision()))
            .count()
        )
        if to_update:
            steps.append(
                home.NextStep(
                    ngettext(
                        "%(count)s toolkit translation given to you is missing or out of date.",
                        "%(count)s toolkit translations given to you are missing or out of date.",
                        to_update,
                    )
                    % {"count": to_update},
                    reverse("toolkit:index"),
                    count=to_update,
                    priority=36,
                    app="toolkit",
                )
            )
        if unwritten:
            steps.append(
                home.NextStep(
                    ngettext(
                        "%(count)s section of your toolkit chapters is still to write.",
                        "%(count)s sections of your toolkit chapters are still to write.",
                        unwritten,
                    )
                    % {"count": unwritten},
                    reverse("toolkit:index"),
                    count=unwritten,
                    priority=35,
                    app="toolkit",
                )
            )
        comments = Comment.objects.filter(section__chapter__in=mine, resolved=False).exclude(
            author=user
        )
        by_chapter = comments.values("section__chapter").annotate(n=Count("pk")).order_by()
        for row in by_chapter[:3]:
            steps.append(
                home.NextStep(
                    ngettext(
                        "%(count)s comment waits on a chapter you write.",
                        "%(count)s comments wait on a chapter you write.",
                        row["n"],
                    )
                    % {"count": row["n"]},
                    reverse("toolkit:chapter", args=[row["section__chapter"]]),
                    count=row["n"],
                    priority=40,
                    app="toolkit",
                )
            )
    if user.has_perm("toolkit.manage"):
        waiting = Chapter.objects.filter(status=ChapterStatus.IN_REVIEW).count()
        if waiting:
            steps.append(
                home.NextStep(
                    ngettext(
                        "%(count)s toolkit chapter waits for your review.",
                        "%(count)s toolkit chapters wait for your review.",
                        waiting,
                    )
                    % {"count": waiting},
                    reverse("toolkit:index"),
                    count=waiting,
                    priority=30,
                    app="toolkit",
                )
            )
        stale = sum(
            len(tasks)
            for publication in Publication.objects.all()[:5]
            for tasks in translation_work(publication).values()
        )
        if stale:
            steps.append(
                home.NextStep(
                    ngettext(
                        "%(count)s toolkit translation is missing or out of date.",
                        "%(count)s toolkit translations are missing or out of date.",
                        stale,
                    )
                    % {"count": stale},
                    reverse("toolkit:index"),
                    count=stale,
                    priority=60,
                    app="toolkit",
                )
            )
    return steps


def _source_revision() -> Any:
    from django.db.models import OuterRef, Subquery

    from momentum.toolkit.models import SectionText

    return Subquery(
        SectionText.objects.filter(
            section=OuterRef("section"), language=OuterRef("section__source_language")
        ).values("revision")[:1]
    )
