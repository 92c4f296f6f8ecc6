from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.hub.models.spaces import Space


class PostStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    HELD = "held", _("Waiting for a moderator")
    BLOCKED = "blocked", _("Blocked by the content guard")
    REVIEW_REQUESTED = "review_requested", _("A moderator was asked to review")
    HIDDEN = "hidden", _("Hidden by a moderator")
    REJECTED = "rejected", _("Not approved")


class HoldReason(models.TextChoices):
    WATCHED_TERM = "watched_term", _("It contains a watched word or phrase")
    NEW_MEMBER = "new_member", _("The first posts of new members are reviewed")
    GUARD_REVIEW = "guard_review", _("The author asked a moderator to review the guard's decision")


class Thread(models.Model):
    """A conversation in a space. Its first post is the opening message."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="hub_threads"
    )
    # The thread is visible once its opening post is published; held/blocked until then.
    status = models.CharField(
        _("status"), max_length=20, choices=PostStatus.choices, default=PostStatus.PUBLISHED
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_posted_at = models.DateTimeField(default=timezone.now)
    # Published replies (the opening post not counted), kept by the services.
    reply_count = models.PositiveIntegerField(default=0)
    search_key = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-is_pinned", "-last_posted_at", "-pk"]
        indexes = [models.Index(fields=["space", "status", "is_pinned", "last_posted_at"])]

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    """A message in a thread, in Markdown. ``body_html`` is the sanitised rendering."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="hub_posts"
    )
    is_opening = models.BooleanField(default=False)
    quote_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="quoted_by"
    )
    body = models.TextField(_("message"))
    body_html = models.TextField(blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=PostStatus.choices, default=PostStatus.PUBLISHED
    )
    hold_reason = models.CharField(max_length=20, choices=HoldReason.choices, blank=True)
    # What the content guard found (kinds and masked excerpts), for the author and moderators.
    guard_findings = models.JSONField(default=list, blank=True)
    review_message = models.TextField(_("message to the moderators"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Bumped on every edit: an edit made from a stale form is refused, never silently lost.
    version = models.PositiveIntegerField(default=1)
    search_key = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["thread", "created_at", "pk"]
        indexes = [
            models.Index(fields=["thread", "status", "created_at"]),
            # The thread page's order (hub.selectors.threads.thread_page): a page of posts is
            # read from this index instead of sorting every post of a long thread.
            models.Index(
                "thread",
                models.F("is_opening").desc(),
                "created_at",
                "id",
                name="hub_post_thread_page_order",
            ),
            models.Index(fields=["space", "status"]),
            models.Index(fields=["author", "published_at"]),
        ]

    def __str__(self) -> str:
        return f"post {self.pk} in {self.thread_id}"

    @property
    def is_published(self) -> bool:
        return self.status == PostStatus.PUBLISHED


class PostRevision(models.Model):
    """A post's text before an edit: the edit history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200, blank=True)  # the thread's title, for an opening post
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")
        ordering = ["post", "number"]
        constraints = [
            models.UniqueConstraint(fields=["post", "number"], name="one_revision_number_per_post")
        ]

    def __str__(self) -> str:
        return f"{self.post_id} v{self.number}"


class Mention(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hub_mentions"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="one_mention_per_post")
        ]

    def __str__(self) -> str:
        return f"@{self.user_id} in {self.post_id}"


class Attachment(models.Model):
    """A file attached to a post, checked by content, images without metadata. Served only to
    those who may read the post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="hub/attachments/%Y/%m/")
    name = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["post", "pk"]

    def __str__(self) -> str:
        return self.name
