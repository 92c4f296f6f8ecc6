"""A country's answers to its round's questionnaire, and their review.

Draft → submitted → returned (for revision) → submitted → accepted (locked). Every save
carries the ``version`` it was read at, so two people saving at once cannot overwrite each
other: the second is refused with the first one's name.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.needs.models.questionnaires import Question, Questionnaire
from momentum.needs.models.rounds import Round


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned for revision")
    ACCEPTED = "accepted", _("Approved")


EDITABLE_STATUSES = frozenset({SubmissionStatus.DRAFT, SubmissionStatus.RETURNED})


class Submission(models.Model):
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="submissions")
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="submissions"
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="needs_submissions")
    status = models.CharField(
        _("status"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    last_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_saved_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("country submission")
        verbose_name_plural = _("country submissions")
        ordering = ["round", "country"]
        constraints = [
            models.UniqueConstraint(fields=["round", "country"], name="needs_submission_once")
        ]

    def __str__(self) -> str:
        return f"{self.round} — {self.country}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class Answer(models.Model):
    """One question's answer: a JSON value whose shape follows the question's kind (a string,
    a list of strings, a number, a boolean, an ISO date or a headcount grid)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.JSONField(null=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["submission", "question"], name="needs_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.question.name}={self.value!r}"


class ReviewComment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comments")
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class SubmissionEventKind(models.TextChoices):
    STARTED = "started", _("Started")
    SAVED = "saved", _("Draft saved")
    SUBMITTED = "submitted", _("Validated by the focal point and submitted for review")
    RETURNED = "returned", _("Returned for revision")
    ACCEPTED = "accepted", _("Approved and locked")
    COLLEAGUE_INVITED = "colleague_invited", _("Colleague asked to answer sections")
    ATTACHED = "attached", _("Document attached")


class SubmissionEvent(models.Model):
    """The submission's history, shown on its page (the audit log keeps the same steps)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=SubmissionEventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.submission_id} {self.kind}"


class SubmissionDocument(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="needs/submissions/%Y/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class Contributor(models.Model):
    """A colleague the focal point asked to answer some sections of her country's
    questionnaire. She saves drafts of those sections only; the focal point validates and
    submits the whole."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="contributors"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="needs_contributions",
        verbose_name=_("colleague"),
    )
    sections = models.ManyToManyField(
        "needs.Section", related_name="+", verbose_name=_("sections to answer")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("colleague answering")
        verbose_name_plural = _("colleagues answering")
        ordering = ["submission", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "user"], name="needs_contributor_once")
        ]

    def __str__(self) -> str:
        return f"{self.submission_id} {self.user_id}"
