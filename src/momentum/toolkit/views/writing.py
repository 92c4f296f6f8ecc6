"""Pages where the toolkit is written: the contents with each section's translation status,
a chapter with its paragraphs and comments, the editor, the history, the translations to do."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.people.http import AuthenticatedRequest
from momentum.toolkit import rules, selectors
from momentum.toolkit.forms import (
    AuthorForm,
    CommentForm,
    ConsultationForm,
    SectionForm,
    TextForm,
    TranslatorForm,
)
from momentum.toolkit.markup import rendered_paragraphs
from momentum.toolkit.models import (
    LANGUAGES,
    Chapter,
    ChapterAuthor,
    ChapterStatus,
    Comment,
    Curriculum,
    Publication,
    SectionText,
)
from momentum.toolkit.services import consultation as consultation_services
from momentum.toolkit.services import writing


def _language(request: AuthenticatedRequest) -> str:
    asked = request.GET.get("lang") or get_language() or "en"
    return asked if asked in LANGUAGES else "en"


def _publication_for(request: AuthenticatedRequest, pk: int) -> Publication:
    if not request.user.has_perm("toolkit.view_drafts"):
        raise PermissionDenied
    return get_object_or_404(Publication, pk=pk)


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("toolkit.see_in_menu"):
        raise PermissionDenied
    language = _language(request)
    publications = [
        (publication, publication.title(language), next(iter(publication.editions.all()), None))
        for publication in Publication.objects.prefetch_related("editions")
    ]
    return render(
        request,
        "toolkit/index.html",
        {"publications": publications, "can_curricula": user.has_perm("toolkit.view_curricula")},
    )


@login_required
def publication(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = _publication_for(request, pk)
    language = _language(request)
    return render(
        request,
        "toolkit/publication.html",
        {
            "publication": item,
            "title": item.title(language),
            "language": language,
            "contents": [
                (
                    part.title(language),
                    [(c, c.title(language), rows) for c, rows in chapters],
                )
                for part, chapters in selectors.contents(item)
            ],
            "editions": list(item.editions.all()),
            "can_manage": request.user.has_perm("toolkit.manage"),
            "mine": rules.chapters_of(request.user),
        },
    )


@login_required
def translations(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = _publication_for(request, pk)
    work = selectors.translation_work(item)
    return render(
        request,
        "toolkit/translations.html",
        {
            "publication": item,
            "work": [(code, tasks) for code, tasks in work.items()],
            "by_translator": list(selectors.by_translator(work).items()),
            "labels": selectors.TranslationState.LABELS,
        },
    )


@login_required
def chapter(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    item = rules.get_chapter_for(user, pk)
    language = _language(request)
    rows = selectors.chapter_sections(item)
    comments: dict[tuple[int, int], list[Comment]] = {}
    for comment in Comment.objects.filter(section__chapter=item, language=language).select_related(
        "author"
    ):
        comments.setdefault((comment.section_id, comment.paragraph), []).append(comment)
    sections = []
    for row in rows:
        text = row.texts.get(language)
        paragraphs = rendered_paragraphs(text.body) if text and text.revision else []
        sections.append(
            {
                "row": row,
                "text": text,
                "state": row.states[language],
                "paragraphs": [
                    (paragraph, comments.get((row.section.pk, paragraph.number), []))
                    for paragraph in paragraphs
                ],
            }
        )
    authors = ChapterAuthor.objects.filter(chapter=item).select_related("user")
    return render(
        request,
        "toolkit/chapter.html",
        {
            "chapter": item,
            "title": item.title(language),
            "language": language,
            "languages": LANGUAGES,
            "sections": sections,
            "authors": list(authors),
            "labels": selectors.TranslationState.LABELS,
            "can_edit": user.has_perm("toolkit.edit_chapter", item),
            "can_comment": user.has_perm("toolkit.comment"),
            "can_manage": user.has_perm("toolkit.manage"),
            "can_submit": item.status == ChapterStatus.DRAFT
            and user.has_perm("toolkit.submit_chapter", item),
            "in_review": item.status == ChapterStatus.IN_REVIEW,
            "author_form": AuthorForm(),
            "section_form": SectionForm(),
            "translator_form": TranslatorForm(),
            "comment_form": CommentForm(initial={"language": language}),
        },
    )


@login_required
def edit_text(request: AuthenticatedRequest, pk: int, language: str) -> HttpResponse:
    if language not in LANGUAGES:
        raise Http404
    section = rules.get_section_for(request.user, pk, write=True)
    text = SectionText.objects.filter(section=section, language=language).first()
    source = writing.source_text(section)
    is_source = language == section.source_language
    initial = {
        "title": text.title if text else "",
        "body": text.body if text else "",
        "sources": text.sources if text else "",
        "revision": text.revision if text else 0,
        "source_revision": source.revision if source and not is_source else None,
    }
    form = TextForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            writing.save_text(
                section=section,
                language=language,
                title=data["title"],
                body=data["body"],
                sources=data["sources"],
                expected_revision=data["revision"],
                from_source_revision=data["source_revision"] if not is_source else None,
                by=request.user,
            )
        except writing.ConcurrentEdit as refused:
            add_service_errors(form, refused)
            # The typed text stays in the form; the hidden version moves on, so a second save
            # (after reading the other version) is accepted.
            data = request.POST.copy()
            data["revision"] = str(refused.current_revision)
            form.data = data
            text = SectionText.objects.get(section=section, language=language)
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, _("The text is saved."))
            return redirect(
                f"{reverse('toolkit:chapter', args=[section.chapter_id])}?lang={language}"
            )
    diff = selectors.source_diff_since(section, text) if text and not is_source else None
    return render(
        request,
        "toolkit/edit_text.html",
        {
            "section": section,
            "language": language,
            "form": form,
            "current": text,
            "source": source if not is_source else None,
            "source_diff": diff,
        },
    )


@login_required
def history(request: AuthenticatedRequest, pk: int, language: str) -> HttpResponse:
    section = rules.get_section_for(request.user, pk)
    text = get_object_or_404(SectionText, section=section, language=language)
    revisions = list(selectors.revisions_of(text)[:50])
    by_number = {revision.number: revision for revision in revisions}
    from momentum.toolkit.markup import word_diff

    entries = [
        (
            revision,
            word_diff(by_number[revision.number - 1].body, revision.body)
            if revision.number - 1 in by_number
            else None,
        )
        for revision in revisions
    ]
    return render(
        request,
        "toolkit/history.html",
        {"section": section, "text": text, "language": language, "entries": entries},
    )


@login_required
@require_POST
def comment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    section = rules.get_section_for(request.user, pk)
    form = CommentForm(request.POST)
    url = reverse("toolkit:chapter", args=[section.chapter_id])
    if not form.is_valid():
        messages.error(request, _("Choose a paragraph and write your comment."))
        return redirect(url)
    data = form.cleaned_data
    try:
        writing.add_comment(
            section=section,
            language=data["language"],
            paragraph=data["paragraph"],
            text=data["text"],
            by=request.user,
        )
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("Your comment is added."))
    return redirect(f"{url}?lang={data['language']}#s{section.pk}-p{data['paragraph']}")


def _chapter_action(request: AuthenticatedRequest, pk: int, action: str) -> HttpResponse:
    item = rules.get_chapter_for(request.user, pk)
    done = {
        "submit": (writing.submit_chapter, _("The chapter is sent for review.")),
        "approve": (writing.approve_chapter, _("The chapter is approved.")),
        "return": (writing.return_chapter, _("The chapter is returned to its authors.")),
    }
    service, message = done[action]
    try:
        service(chapter=item, by=request.user)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, message)
    return redirect("toolkit:chapter", pk=item.pk)


@login_required
@require_POST
def submit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _chapter_action(request, pk, "submit")


@login_required
@require_POST
def approve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("toolkit.manage"):
        raise PermissionDenied
    return _chapter_action(request, pk, "approve")


@login_required
@require_POST
def return_to_authors(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("toolkit.manage"):
        raise PermissionDenied
    return _chapter_action(request, pk, "return")


@login_required
@require_POST
def add_author(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    from momentum.people.models import User

    if not request.user.has_perm("toolkit.manage"):
        raise PermissionDenied
    item = rules.get_chapter_for(request.user, pk)
    form = AuthorForm(request.POST)
    user = (
        User.objects.filter(email__iexact=form.cleaned_data["email"]).first()
        if form.is_valid()
        else None
    )
    if user is None:
        messages.error(request, _("Nobody has an account with this e-mail."))
    else:
        writing.add_author(chapter=item, user=user, by=request.user)
        messages.success(
            request,
            _("%(name)s may now write this chapter.") % {"name": user.display_name(get_language())},
        )
    return redirect("toolkit:chapter", pk=item.pk)


@login_required
def consult(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("toolkit.manage"):
        raise PermissionDenied
    item = rules.get_chapter_for(request.user, pk)
    return consult_on(request, chapter=item, back=reverse("toolkit:chapter", args=[item.pk]))


def consult_on(
    request: AuthenticatedRequest,
    *,
    back: str,
    chapter: Chapter | None = None,
    curriculum: Curriculum | None = None,
) -> HttpResponse:
    """The form that sends a chapter or a curriculum out for comments."""
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        path = (
            f"/toolkit/chapters/{chapter.pk}/"
            if chapter
            else f"/toolkit/curricula/{curriculum.pk if curriculum else 0}/"
        )
        try:
            consultation_services.open_consultation(
                by=request.user,
                mode=data["mode"],
                deadline=data["deadline"],
                chapter=chapter,
                curriculum=curriculum,
                countries=data["countries"],
                link=path,
            )
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, _("The text is sent for comments."))
            return redirect(back)
    return render(request, "toolkit/consult.html", {"back": back, "form": form})


@login_required
@require_POST
def add_section(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = rules.get_chapter_for(request.user, pk, write=True)
    form = SectionForm(request.POST)
    if form.is_valid():
        section = writing.add_section(
            chapter=item,
            kind=form.cleaned_data["kind"],
            source_language=form.cleaned_data["source_language"],
            by=request.user,
        )
        return redirect("toolkit:edit_text", pk=section.pk, language=section.source_language)
    messages.error(request, _("Choose the kind of section and its language."))
    return redirect("toolkit:chapter", pk=item.pk)


@login_required
@require_POST
def assign_translator(request: AuthenticatedRequest, pk: int, language: str) -> HttpResponse:
    from momentum.people.models import User

    if not request.user.has_perm("toolkit.manage"):
        raise PermissionDenied
    if language not in LANGUAGES:
        raise Http404
    section = rules.get_section_for(request.user, pk)
    form = TranslatorForm(request.POST)
    user = (
        User.objects.filter(email__iexact=form.cleaned_data["email"], is_active=True).first()
        if form.is_valid()
        else None
    )
    if user is None:
        messages.error(request, _("Nobody has an account with this e-mail."))
    else:
        try:
            writing.assign_translator(
                section=section, language=language, translator=user, by=request.user
            )
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(request, _("The translator is assigned."))
    return redirect(f"{reverse('toolkit:chapter', args=[section.chapter_id])}?lang={language}")
