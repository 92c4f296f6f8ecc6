"""Threads and posts: start a thread, read it page by page, reply (with a quote), edit one's
post and read its history, ask a moderator to review a blocked post."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.hub import markdown
from momentum.hub.forms.threads import EditPostForm, ReplyForm, ReviewRequestForm, ThreadForm
from momentum.hub.models import Post, PostStatus, Thread
from momentum.hub.selectors import access
from momentum.hub.selectors import threads as selectors
from momentum.hub.selectors.members import display_names
from momentum.hub.services import publishing
from momentum.hub.services import threads as services
from momentum.hub.services.publishing import Submission
from momentum.people.http import AuthenticatedRequest

WAITING = (PostStatus.HELD, PostStatus.REVIEW_REQUESTED)
WAITING_MESSAGE = gettext_lazy(
    "Your post is waiting for a moderator. Only you and the moderators see it until then."
)


def _require_hub(request: AuthenticatedRequest) -> None:
    if not request.user.has_perm("hub.use_hub"):
        raise PermissionDenied


def thread_url(thread: Thread, *, page: int = 1, post: Post | None = None) -> str:
    url = reverse("hub:thread", args=[thread.pk])
    if page > 1:
        url += f"?page={page}"
    if post is not None:
        url += f"#post-{post.pk}"
    return url


def _own_post(user: Any, pk: Any) -> Post | None:
    """The user's blocked post named by a hidden form field (a draft sent again), or None."""
    if not pk:
        return None
    return (
        Post.objects.select_related("thread", "space")
        .filter(pk=pk, author_id=user.pk, status=PostStatus.BLOCKED)
        .first()
    )


def _after_submission(
    request: AuthenticatedRequest, submission: Submission
) -> HttpResponseRedirect | None:
    """Redirect after a post was published or held; None when blocked (the form is shown
    again with the explanation)."""
    if submission.blocked:
        return None
    post = submission.post
    if submission.held:
        messages.info(request, WAITING_MESSAGE)
        for explanation in submission.messages():
            messages.info(request, explanation)
    else:
        messages.success(request, _("Your post is published."))
    page = selectors.page_of(request.user, post)
    return redirect(thread_url(post.thread, page=page, post=post))


def _blocked_context(submission: Submission | None) -> dict[str, Any]:
    if submission is None or not submission.blocked:
        return {}
    return {
        "blocked": submission,
        "explanations": submission.messages(),
        "review_form": ReviewRequestForm() if not submission.refused else None,
    }


@login_required
def thread_new(request: AuthenticatedRequest, space_pk: int) -> HttpResponse:
    _require_hub(request)
    user = request.user
    space = access.get_space_for(user, space_pk)
    if not user.has_perm("hub.post_in_space", space):
        raise PermissionDenied
    form = ThreadForm(request.POST or None, request.FILES or None)
    submission = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            submission = services.start_thread(
                space=space,
                by=user,
                title=data["title"],
                body=data["body"],
                files=data["attachments"],
                draft=_own_post(user, data.get("draft")),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            response = _after_submission(request, submission)
            if response is not None:
                return response
            form = ThreadForm(initial={**data, "draft": submission.post.pk, "attachments": None})
    context = {"space": space, "form": form, **_blocked_context(submission)}
    return render(request, "hub/threads/new.html", context)


def _prepare_posts(
    user: Any, thread: Thread, posts: list[Post]
) -> tuple[set[int], set[int], dict[int, list[str]]]:
    """Which posts the user may edit and quote, and the guard's explanations of their own
    blocked posts (no further queries: thread and space are already loaded)."""
    editable: set[int] = set()
    quotable: set[int] = set()
    explanations: dict[int, list[str]] = {}
    may_reply = selectors.may_reply(user, thread)
    for post in posts:
        post.thread = thread
        post.space = thread.space
        if selectors.may_edit(user, post):
            editable.add(post.pk)
        if may_reply and post.status == PostStatus.PUBLISHED:
            quotable.add(post.pk)
        if post.status in (PostStatus.BLOCKED, PostStatus.REVIEW_REQUESTED) and (
            post.author_id == user.pk
        ):
            explanations[post.pk] = publishing.findings_messages(post)
    return editable, quotable, explanations


@login_required
def thread_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The thread, 50 posts a page. Queries do not grow with the thread: the thread, the count,
    the page's posts, their attachments, the authors' settings."""
    _require_hub(request)
    user = request.user
    thread = access.get_thread_for(user, pk)
    page = selectors.thread_page(user, thread, request.GET.get("page"))
    posts = list(page.object_list)
    editable, quotable, explanations = _prepare_posts(user, thread, posts)
    may_reply = selectors.may_reply(user, thread)
    context = {
        "thread": thread,
        "space": thread.space,
        "page": page,
        "posts": posts,
        "displays": display_names({post.author for post in posts}, get_language() or "en"),
        "editable": editable,
        "quotable": quotable,
        "explanations": explanations,
        "can_moderate": access.can_moderate(user, thread.space),
        "can_post": access.can_post(user, thread.space),
        "reply_form": ReplyForm() if may_reply else None,
        "statuses": PostStatus,
        "waiting": WAITING,
    }
    return render(request, "hub/threads/detail.html", context)


@login_required
def reply(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The reply form on its own page: to quote a post (``?quote=<post>``), and to show a
    refusal with the text kept."""
    _require_hub(request)
    user = request.user
    thread = access.get_thread_for(user, pk)
    if thread.is_locked and not access.can_moderate(user, thread.space):
        if request.method == "POST":
            messages.error(request, _("This thread is locked: it takes no more replies."))
        return redirect(thread_url(thread))
    if not selectors.may_reply(user, thread):
        raise PermissionDenied
    quoted = _quoted_post(user, thread, request.GET.get("quote") or request.POST.get("quote_of"))
    submission = None
    if request.method == "POST":
        form = ReplyForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                submission = services.reply_to_thread(
                    thread=thread,
                    by=user,
                    body=data["body"],
                    files=data["attachments"],
                    quote_of=quoted,
                    draft=_own_post(user, data.get("draft")),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                response = _after_submission(request, submission)
                if response is not None:
                    return response
                form = ReplyForm(
                    initial={
                        "body": data["body"],
                        "quote_of": quoted.pk if quoted else None,
                        "draft": submission.post.pk,
                    }
                )
    else:
        initial: dict[str, Any] = {}
        if quoted is not None:
            author = display_names([quoted.author_id], get_language() or "en").get(quoted.author_id)
            initial = {
                "body": markdown.quote(quoted.body, author_display=author.name if author else "?"),
                "quote_of": quoted.pk,
            }
        form = ReplyForm(initial=initial)
    context = {
        "thread": thread,
        "space": thread.space,
        "form": form,
        "quoted": quoted,
        **_blocked_context(submission),
    }
    return render(request, "hub/threads/reply.html", context)


def _quoted_post(user: Any, thread: Thread, pk: Any) -> Post | None:
    if not pk or not str(pk).isdigit():
        return None
    post = Post.objects.filter(pk=int(pk), thread=thread, status=PostStatus.PUBLISHED).first()
    if post is None:
        return None
    post.thread, post.space = thread, thread.space
    return post if access.can_read_post(user, post) else None


@login_required
def post_redirect(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A post's permanent address: its thread, on the page that shows it."""
    _require_hub(request)
    post = access.get_post_for(request.user, pk)
    if post.thread.status != PostStatus.PUBLISHED:
        access.get_thread_for(request.user, post.thread_id)
    return redirect(thread_url(post.thread, page=selectors.page_of(request.user, post), post=post))


@login_required
def post_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_hub(request)
    user = request.user
    post = access.get_post_for(user, pk)
    if not selectors.may_edit(user, post):
        raise PermissionDenied
    thread = post.thread
    submission = None
    if request.method == "POST":
        form = EditPostForm(request.POST, is_opening=post.is_opening)
        if form.is_valid():
            data = form.cleaned_data
            try:
                submission = services.edit_post(
                    post=post,
                    by=user,
                    body=data["body"],
                    title=data.get("title"),
                    version=data["version"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if not submission.blocked:
                    if submission.held:
                        messages.info(request, WAITING_MESSAGE)
                    else:
                        messages.success(request, _("Your changes are saved."))
                    page = selectors.page_of(user, submission.post)
                    return redirect(thread_url(thread, page=page, post=submission.post))
    else:
        form = EditPostForm(
            initial={"title": thread.title, "body": post.body, "version": post.version},
            is_opening=post.is_opening,
        )
    context = {
        "thread": thread,
        "space": post.space,
        "post": post,
        "form": form,
        **_blocked_context(submission),
    }
    if submission is not None and submission.blocked and not submission.refused:
        context["blocked_post"] = submission.post
    return render(request, "hub/threads/edit.html", context)


@login_required
def post_history(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The post's earlier versions, for everyone who may read the post."""
    _require_hub(request)
    user = request.user
    post = access.get_post_for(user, pk)
    if post.thread.status != PostStatus.PUBLISHED:
        access.get_thread_for(user, post.thread_id)
    revisions = list(selectors.revisions_of(post))
    for revision in revisions:
        revision.html = markdown.render(revision.body)  # type: ignore[attr-defined]
    context = {
        "thread": post.thread,
        "space": post.space,
        "post": post,
        "revisions": revisions,
        "displays": display_names({post.author_id}, get_language() or "en"),
    }
    return render(request, "hub/threads/history.html", context)


@login_required
@require_POST
def post_request_review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_hub(request)
    user = request.user
    post = access.get_post_for(user, pk)
    form = ReviewRequestForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        post = services.request_review(post=post, by=user, message=message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.info(
            request,
            _(
                "A moderator will read your post. It stays visible only to you and the "
                "moderators until they decide."
            ),
        )
    return redirect(thread_url(post.thread, page=selectors.page_of(user, post), post=post))
