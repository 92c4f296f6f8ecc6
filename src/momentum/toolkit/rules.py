"""Who may do what in the toolkit and its curricula. Pages, the API and the menu ask these.

Staff run the toolkit. Invited authors (board members, focal points, experts) write the
chapters they were given. Countries' representatives (focal points and board members) read the
drafts and comment on them. Published editions are read by all of these, and by the public when
staff choose so.
"""

from __future__ import annotations

from typing import Any

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404

from momentum.core import memberships


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_an_author(user: Any) -> bool:
    """Whether the user was given any chapter (read with the signed-in user)."""
    return memberships.holds(user, "toolkit_author")


def chapters_of(user: Any) -> set[int]:
    """The chapters the user was given; asked once per request's user."""
    if not _signed_in(user):
        return set()
    if not hasattr(user, "_toolkit_chapters"):
        from momentum.toolkit.models import ChapterAuthor

        user._toolkit_chapters = set(
            ChapterAuthor.objects.filter(user=user).values_list("chapter_id", flat=True)
        )
    return set(user._toolkit_chapters)


@rules.predicate
def is_staff(user: Any) -> bool:
    return _signed_in(user) and bool(user.is_programme_staff)


@rules.predicate
def is_representative(user: Any) -> bool:
    from momentum.people.models import Role

    return _signed_in(user) and bool({Role.FOCAL_POINT, Role.BOARD_MEMBER} & user.roles)


@rules.predicate
def is_author(user: Any) -> bool:
    return is_an_author(user)


@rules.predicate
def is_chapter_author(user: Any, chapter: Any) -> bool:
    return chapter is not None and chapter.pk in chapters_of(user)


may_write = is_staff | is_representative | is_author

rules.add_perm("toolkit.see_in_menu", may_write)
rules.add_perm("toolkit.view_drafts", may_write)
rules.add_perm("toolkit.comment", may_write)
rules.add_perm("toolkit.edit_chapter", is_staff | is_chapter_author)
rules.add_perm("toolkit.submit_chapter", is_staff | is_chapter_author)
rules.add_perm("toolkit.manage", is_staff)
rules.add_perm("toolkit.view_curricula", may_write)
rules.add_perm("toolkit.manage_curricula", is_staff)


def may_read_editions(user: Any, publication: Any) -> bool:
    return bool(publication.public_reading) or user.has_perm("toolkit.view_drafts")


def get_chapter_for(user: Any, pk: int, *, write: bool = False) -> Any:
    """The chapter, if the user may read drafts (404 otherwise); ``write`` also asks that she
    may edit it (403 otherwise)."""
    from momentum.toolkit.models import Chapter

    if not user.has_perm("toolkit.view_drafts"):
        raise PermissionDenied
    try:
        chapter = Chapter.objects.select_related("part__publication").get(pk=pk)
    except Chapter.DoesNotExist as missing:
        raise Http404 from missing
    if write and not user.has_perm("toolkit.edit_chapter", chapter):
        raise PermissionDenied
    return chapter


def get_section_for(user: Any, pk: int, *, write: bool = False) -> Any:
    from momentum.toolkit.models import Section

    if not user.has_perm("toolkit.view_drafts"):
        raise PermissionDenied
    try:
        section = Section.objects.select_related("chapter__part__publication").get(pk=pk)
    except Section.DoesNotExist as missing:
        raise Http404 from missing
    if write and not user.has_perm("toolkit.edit_chapter", section.chapter):
        raise PermissionDenied
    return section


def get_edition_for(user: Any, pk: int) -> Any:
    """A published edition, for those who may read it; hidden (404) from the others."""
    from momentum.toolkit.models import Edition

    try:
        edition = Edition.objects.select_related("publication").get(pk=pk)
    except Edition.DoesNotExist as missing:
        raise Http404 from missing
    if not may_read_editions(user, edition.publication):
        raise Http404
    return edition


def get_curriculum_for(user: Any, pk: int) -> Any:
    from momentum.toolkit.models import Curriculum

    try:
        curriculum = Curriculum.objects.get(pk=pk)
    except Curriculum.DoesNotExist as missing:
        raise Http404 from missing
    if not user.has_perm("toolkit.view_curricula"):
        raise PermissionDenied
    return curriculum
