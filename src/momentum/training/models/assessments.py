"""Knowledge tests: a question bank per course, pre- and post-test attempts, answers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from momentum.training.models.catalogue import Course
from momentum.training.models.nominations import Nomination


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")


class Question(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"))
    kind = models.CharField(_("kind"), max_length=12, choices=QuestionKind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["course", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("answer"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "order", "pk"]

    def __str__(self) -> str:
        return self.text


class TestKind(models.TextChoices):
    PRE = "pre", _("Pre-test")
    POST = "post", _("Post-test")


class TestAttempt(models.Model):
    """One participant's pre- or post-test. Submitted once; scored automatically (0 to 100)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="attempts")
    kind = models.CharField(_("test"), max_length=4, choices=TestKind.choices)
    language = models.CharField(max_length=2)
    submitted_at = models.DateTimeField(_("submitted"))
    score = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("test attempt")
        verbose_name_plural = _("test attempts")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "kind"], name="one_attempt_per_test")
        ]

    def __str__(self) -> str:
        return f"{self.nomination} {self.kind}: {self.score}"


class PracticalAssessment(models.Model):
    """A participant's best score in a practical assessment recorded by another activity
    (e.g. a screening-simulator queue given for the session). Counts towards completion when
    the course asks for a minimum practical score."""

    nomination = models.OneToOneField(
        Nomination, on_delete=models.CASCADE, related_name="practical_assessment"
    )
    source = models.CharField(_("assessed by"), max_length=120)
    score = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2)
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("practical assessment")
        verbose_name_plural = _("practical assessments")

    def __str__(self) -> str:
        return f"{self.nomination} {self.source}: {self.score}"


class Answer(models.Model):
    attempt = models.ForeignKey(TestAttempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    choices = models.ManyToManyField(Choice, blank=True, related_name="+")
    is_correct = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.attempt}: {self.question_id}"
