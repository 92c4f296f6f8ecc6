"""Writes for threads and posts: start a thread, reply, edit, ask a moderator to review.

Each goes through ``publishing``: the content guard, the new-member hold, the rate limit and the
publishing steps are the same for every way a text enters the hub."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.hub import markdown
from momentum.hub.models import (
    HoldReason,
    Post,
    PostRevision,
    PostStatus,
    Space,
    Thread,
)
from momentum.hub.selectors import access
from momentum.hub.selectors.threads import may_edit, may_reply
from momentum.hub.services import attachments, publishing
from momentum.hub.services.publishing import Submission

TITLE_MAX = 200
BODY_MAX = 20_000


def _clean_text(*, title: str | None, body: str) -> tuple[str, str]:
    errors: dict[str, ValidationError] = {}
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        errors["body"] = ValidationError(_("Write your message."), code="required")
    elif len(body) > BODY_MAX:
        errors["body"] = ValidationError(
            _("A message may have at most %(count)s characters.") % {"count": BODY_MAX},
            code="too_long",
        )
    clean_title = " ".join((title or "").split())
    if title is not None:
        if not clean_title:
            errors["title"] = ValidationError(_("Give the thread a title."), code="required")
        elif len(clean_title) > TITLE_MAX:
            errors["title"] = ValidationError(
                _("A title may have at most %(count)s characters.") % {"count": TITLE_MAX},
                code="too_long",
            )
    if errors:
        raise ValidationError(errors)
    return clean_title, body


def _own_draft(draft: Post | None, *, by: Any, thread: Thread | None, opening: bool) -> Post | None:
    """A blocked post of ``by``'s that a new submission replaces, or None."""
    if draft is None:
        return None
    if (
        draft.author_id != by.pk
        or draft.status != PostStatus.BLOCKED
        or draft.is_opening != opening
        or (thread is not None and draft.thread_id != thread.pk)
    ):
        return None
    return draft


@transaction.atomic
def start_thread(
    *,
    space: Space,
    by: Any,
    title: str,
    body: str,
    files: Sequence[UploadedFile] = (),
    draft: Post | None = None,
) -> Submission:
    """Open a thread in ``space`` with its first message.

    Refuses (PermissionDenied) someone who may not post in the space; (ValidationError) an empty
    title or message, a refused file and a post sent too soon after the last. ``draft``: the
    author's blocked opening post this one replaces."""
    if not access.can_post(by, space):
        raise PermissionDenied(_("Only members may start a thread in this space."))
    title, body = _clean_text(title=title, body=body)
    publishing.check_rate_limit(by)
    checked = attachments.check_files(files)
    draft = _own_draft(draft, by=by, thread=None, opening=True)
    if draft is not None and draft.space_id == space.pk:
        post = draft
        thread = post.thread
        thread.title = title
        now = timezone.now()
        thread.created_at = thread.last_posted_at = now
        thread.save(update_fields=["title", "created_at", "last_posted_at"])
        post.body, post.created_at = body, now
        attachments.replace_attachments(post=post, files=checked)
    else:
        thread = Thread.objects.create(space=space, title=title, author=by, status=PostStatus.HELD)
        post = Post(thread=thread, space=space, author=by, is_opening=True, body=body)
        post.save()
        attachments.save_attachments(post=post, files=checked)
    post.thread = thread
    return publishing.submit(
        post, by=by, title=title, attachment_texts=[file.text for file in checked]
    )


@transaction.atomic
def reply_to_thread(
    *,
    thread: Thread,
    by: Any,
    body: str,
    files: Sequence[UploadedFile] = (),
    quote_of: Post | None = None,
    draft: Post | None = None,
) -> Submission:
    """Add a reply to ``thread``. Refuses a locked thread (moderators excepted) and a member
    who may not post; see ``start_thread`` for the rest."""
    thread = Thread.objects.select_for_update().select_related("space").get(pk=thread.pk)
    if (
        thread.is_locked
        and access.can_post(by, thread.space)
        and not access.can_moderate(by, thread.space)
    ):
        raise ValidationError(_("This thread is locked: it takes no more replies."), code="locked")
    if not may_reply(by, thread):
        raise PermissionDenied(_("Only members may reply in this space."))
    _title, body = _clean_text(title=None, body=body)
    publishing.check_rate_limit(by)
    checked = attachments.check_files(files)
    if quote_of is not None and (
        quote_of.thread_id != thread.pk or not access.can_read_post(by, quote_of)
    ):
        quote_of = None
    post = _own_draft(draft, by=by, thread=thread, opening=False)
    if post is not None:
        post.body, post.quote_of, post.created_at = body, quote_of, timezone.now()
        attachments.replace_attachments(post=post, files=checked)
    else:
        post = Post(thread=thread, space=thread.space, author=by, body=body, quote_of=quote_of)
        post.save()
        attachments.save_attachments(post=post, files=checked)
    post.thread = thread
    return publishing.submit(post, by=by, attachment_texts=[file.text for file in checked])


@transaction.atomic
def edit_post(
    *, post: Post, by: Any, body: str, version: int, title: str | None = None
) -> Submission:
    """Change ``post``'s text (and its thread's title, for an opening post), keeping the earlier
    text as a revision. Refuses an edit made from a form opened before another change
    (``version`` differs) and a text the guard blocks (the published text stays)."""
    post = Post.objects.select_for_update().select_related("thread", "space").get(pk=post.pk)
    if not may_edit(by, post):
        raise PermissionDenied(_("You may only edit your own posts."))
    if post.version != version:
        raise ValidationError(
            _(
                "This post was changed since you opened it. Your text is kept below: compare it "
                "with the current version and send it again."
            ),
            code="stale",
        )
    new_title, body = _clean_text(title=title if post.is_opening else None, body=body)
    thread = post.thread
    old_title, old_body = thread.title, post.body
    if body == old_body and (not post.is_opening or new_title == old_title):
        return Submission(post=post, result=publishing.check_post_text(body=""))
    result = publishing.check_post_text(
        title=new_title if post.is_opening else "",
        body=body,
        attachment_texts=(),
    )
    if result.blocked and post.status in (PostStatus.PUBLISHED, PostStatus.HELD):
        return publishing.resubmit_edit(post, by=by, result=result)
    PostRevision.objects.create(
        post=post,
        number=post.version,
        title=old_title if post.is_opening else "",
        body=old_body,
        edited_by=by,
    )
    now = timezone.now()
    Post.objects.filter(pk=post.pk).update(version=F("version") + 1)
    post.version += 1
    post.body = body
    post.edited_at = now
    if post.is_opening and new_title != old_title:
        Thread.objects.filter(pk=thread.pk).update(title=new_title)
        thread.title = new_title
    if post.status in (PostStatus.BLOCKED, PostStatus.REVIEW_REQUESTED):
        post.created_at = now
    return publishing.resubmit_edit(post, by=by, title=new_title, result=result)


@transaction.atomic
def request_review(*, post: Post, by: Any, message: str = "") -> Post:
    """The author of a blocked post asks a moderator to read it: it joins the moderation
    queue, waiting."""
    post = Post.objects.select_for_update().select_related("thread", "space").get(pk=post.pk)
    if post.author_id != by.pk or not access.can_post(by, post.space):
        raise PermissionDenied(_("You may only ask for a review of your own post."))
    if post.status != PostStatus.BLOCKED:
        raise ValidationError(
            _("Only a post the content guard blocked can be sent for review."), code="not_blocked"
        )
    post.status = PostStatus.REVIEW_REQUESTED
    post.hold_reason = HoldReason.GUARD_REVIEW
    post.review_message = " ".join((message or "").split())[:2000]
    if not post.body_html:
        post.body_html = markdown.render(post.body)
    post.save(update_fields=["status", "hold_reason", "review_message", "body_html"])
    if post.is_opening:
        Thread.objects.filter(pk=post.thread_id).update(status=PostStatus.REVIEW_REQUESTED)
    audit.record(
        by,
        "hub.post.review_requested",
        post,
        country=post.space.country,
        with_message=bool(post.review_message),
    )
    return post
