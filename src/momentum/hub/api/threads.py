"""The API of threads and posts: a space's threads, a thread with its posts, and starting a
thread or replying through the same publishing pipeline as the pages (content guard, watched
words, new-member holds, rate limit).

A submission answers 201 when the post is published, 202 when it waits for a moderator, and
422 when the content guard blocks it: the explanations, in the caller's language, with the
masked excerpts, and the id of the kept draft (send it back as ``draft`` with the corrected
text, or ask a moderator to review it on the page).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as RefusalError
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema, Status

from momentum.hub.api.common import (
    AuthorOut,
    ErrorOut,
    author_out,
    in_callers_language,
    page_number,
    refusal,
    require_hub,
)
from momentum.hub.models import Attachment, HoldReason, Post, PostStatus, Space, Thread
from momentum.hub.selectors import access
from momentum.hub.selectors import threads as thread_selectors
from momentum.hub.selectors.members import Display, display_names
from momentum.hub.selectors.spaces import published_threads
from momentum.hub.services import publishing
from momentum.hub.services import threads as services
from momentum.hub.services.publishing import Submission

router = Router()

THREADS_PER_PAGE = 30


# --- schemas ----------------------------------------------------------------------------------


class ThreadOut(Schema):
    id: int
    space: int
    title: str
    author: AuthorOut
    status: PostStatus
    is_pinned: bool
    is_locked: bool
    created_at: datetime
    last_posted_at: datetime
    reply_count: int


class ThreadPageOut(Schema):
    count: int
    page: int
    pages: int
    items: list[ThreadOut]


class AttachmentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    url: str


class PostOut(Schema):
    id: int
    thread: int
    is_opening: bool
    author: AuthorOut
    body: str = Field(..., description="The text as written, in Markdown")
    body_html: str = Field(..., description="The sanitised HTML rendering of the text")
    status: PostStatus
    hold_reason: HoldReason | None
    quote_of: int | None
    created_at: datetime
    published_at: datetime | None
    edited_at: datetime | None
    attachments: list[AttachmentOut]
    messages: list[str] = Field(
        default_factory=list,
        description="For the caller's own blocked or held post: the content guard's explanations",
    )


class PostPageOut(Schema):
    count: int
    page: int
    pages: int
    items: list[PostOut]


class ThreadDetailOut(ThreadOut):
    can_reply: bool
    posts: PostPageOut


class ThreadIn(Schema):
    title: str = Field(..., max_length=200)
    body: str = Field(..., description="Markdown; @handle mentions a member")
    draft: int | None = Field(None, description="The id of your blocked post this one replaces")


class ReplyIn(Schema):
    body: str = Field(..., description="Markdown; @handle mentions a member")
    quote_of: int | None = Field(None, description="The id of a post of the thread it quotes")
    draft: int | None = Field(None, description="The id of your blocked post this one replaces")


class SubmissionOut(Schema):
    """What became of a submitted post."""

    thread: int
    post: PostOut
    status: PostStatus
    messages: list[str] = Field(
        default_factory=list, description="Why it waits for a moderator, when it does"
    )


class PageQuery(Schema):
    page: int = 1


_SUBMISSION_RESPONSES = {
    201: SubmissionOut,
    202: SubmissionOut,
    400: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}


# --- what an answer holds ---------------------------------------------------------------------


def _thread_out(thread: Thread, displays: dict[int, Display]) -> dict[str, Any]:
    return {
        "id": thread.pk,
        "space": thread.space_id,
        "title": thread.title,
        "author": author_out(displays.get(thread.author_id)),
        "status": thread.status,
        "is_pinned": thread.is_pinned,
        "is_locked": thread.is_locked,
        "created_at": thread.created_at,
        "last_posted_at": thread.last_posted_at,
        "reply_count": thread.reply_count,
    }


def _attachment_out(attachment: Attachment) -> dict[str, Any]:
    return {
        "id": attachment.pk,
        "name": attachment.name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "url": reverse("hub:attachment", args=[attachment.pk]),
    }


def _post_out(user: Any, post: Post, displays: dict[int, Display]) -> dict[str, Any]:
    own_waiting = post.author_id == user.pk and post.status != PostStatus.PUBLISHED
    return {
        "id": post.pk,
        "thread": post.thread_id,
        "is_opening": post.is_opening,
        "author": author_out(displays.get(post.author_id)),
        "body": post.body,
        "body_html": post.body_html,
        "status": post.status,
        "hold_reason": post.hold_reason or None,
        "quote_of": post.quote_of_id,
        "created_at": post.created_at,
        "published_at": post.published_at,
        "edited_at": post.edited_at,
        "attachments": [_attachment_out(each) for each in post.attachments.all()],
        "messages": publishing.findings_messages(post) if own_waiting else [],
    }


def _readable_space(user: Any, space_id: int) -> Space:
    """The space, if the caller may read it: 404 if they may not know of it, 403 if they may
    only see it (to ask to join)."""
    space = access.get_space_for(user, space_id)
    if not access.can_read(user, space):
        raise PermissionDenied
    return space


# --- reading ----------------------------------------------------------------------------------


@router.get(
    "/hub/spaces/{space_id}/threads",
    response={200: ThreadPageOut, 403: ErrorOut, 404: ErrorOut},
)
def list_hub_threads(request: HttpRequest, space_id: int, query: Query[PageQuery]) -> Any:
    """The space's published threads, pinned first, then by last activity; 30 a page.

    Queries: the space, the count, the page of threads, the authors' settings."""
    require_hub(request)
    user = request.user
    space = _readable_space(user, space_id)
    paginator = Paginator(published_threads(space).select_related("author"), THREADS_PER_PAGE)
    page = paginator.get_page(page_number(query.page))
    threads = list(page.object_list)
    with in_callers_language(request) as language:
        displays = display_names({thread.author for thread in threads}, language)
        items = [_thread_out(thread, displays) for thread in threads]
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "items": items,
    }


@router.get(
    "/hub/threads/{thread_id}", response={200: ThreadDetailOut, 403: ErrorOut, 404: ErrorOut}
)
def get_hub_thread(request: HttpRequest, thread_id: int, query: Query[PageQuery]) -> Any:
    """A thread with one page of its posts (50 a page, the opening post first): the published
    ones, and the caller's own waiting or blocked ones (every post for its moderators).

    Queries do not grow with the thread: the thread, the count, the page of posts, their
    attachments, the authors' settings."""
    require_hub(request)
    user = request.user
    thread = access.get_thread_for(user, thread_id)
    page = thread_selectors.thread_page(user, thread, page_number(query.page))
    posts = list(page.object_list)
    with in_callers_language(request) as language:
        authors = {post.author for post in posts} | {thread.author}
        displays = display_names(authors, language)
        body = _thread_out(thread, displays)
        body["can_reply"] = thread_selectors.may_reply(user, thread)
        body["posts"] = {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "items": [_post_out(user, post, displays) for post in posts],
        }
    return body


# --- writing ----------------------------------------------------------------------------------


def _own_draft(user: Any, pk: int | None) -> Post | None:
    if not pk:
        return None
    return (
        Post.objects.select_related("thread", "space")
        .filter(pk=pk, author_id=user.pk, status=PostStatus.BLOCKED)
        .first()
    )


def _answer(request: HttpRequest, submission: Submission) -> Status[dict[str, Any]]:
    user = request.user
    post = submission.post
    with in_callers_language(request) as language:
        if submission.blocked:
            findings = [
                {**finding, "message": message} for finding, message in _explained(submission)
            ]
            return Status(
                422,
                {
                    "error": {
                        "code": "blocked",
                        "message": " ".join(submission.messages()),
                        "details": {"draft": post.pk, "findings": findings},
                    }
                },
            )
        displays = display_names([post.author], language)
        waiting: list[str] = []
        if submission.held:
            waiting = submission.messages()
            if post.hold_reason and post.hold_reason != HoldReason.WATCHED_TERM:
                waiting.append(str(HoldReason(post.hold_reason).label))
        body = {
            "thread": post.thread_id,
            "post": _post_out(user, post, displays),
            "status": post.status,
            "messages": waiting,
        }
    return Status(202 if submission.held else 201, body)


def _explained(submission: Submission) -> list[tuple[dict[str, Any], str]]:
    """Each identifier the guard found (kind, masked excerpt, line) with its explanation."""
    return [
        (
            {"kind": str(finding.kind), "excerpt": finding.excerpt, "line": finding.line},
            finding.message,
        )
        for finding in submission.result.findings
        if finding.blocks
    ]


@router.post("/hub/spaces/{space_id}/threads", response=_SUBMISSION_RESPONSES)
def create_hub_thread(request: HttpRequest, space_id: int, payload: ThreadIn) -> Any:
    """Start a thread, as on the page: 201 published, 202 waiting for a moderator, 422 blocked
    by the content guard (nothing published), 429 when sent too soon after the last post."""
    require_hub(request)
    user = request.user
    space = access.get_space_for(user, space_id)
    if not user.has_perm("hub.post_in_space", space):
        raise PermissionDenied
    try:
        with in_callers_language(request):
            submission = services.start_thread(
                space=space,
                by=user,
                title=payload.title,
                body=payload.body,
                draft=_own_draft(user, payload.draft),
            )
    except RefusalError as error:
        with in_callers_language(request):
            return refusal(error)
    return _answer(request, submission)


@router.post("/hub/threads/{thread_id}/posts", response=_SUBMISSION_RESPONSES)
def create_hub_reply(request: HttpRequest, thread_id: int, payload: ReplyIn) -> Any:
    """Reply in a thread (optionally quoting one of its posts), as on the page; the same
    answers as starting a thread, and 400 for a locked thread."""
    require_hub(request)
    user = request.user
    thread = access.get_thread_for(user, thread_id)
    quoted = None
    if payload.quote_of:
        quoted = (
            Post.objects.select_related("space", "thread")
            .filter(pk=payload.quote_of, thread=thread, status=PostStatus.PUBLISHED)
            .first()
        )
    try:
        with in_callers_language(request):
            submission = services.reply_to_thread(
                thread=thread,
                by=user,
                body=payload.body,
                quote_of=quoted,
                draft=_own_draft(user, payload.draft),
            )
    except RefusalError as error:
        with in_callers_language(request):
            return refusal(error)
    return _answer(request, submission)
