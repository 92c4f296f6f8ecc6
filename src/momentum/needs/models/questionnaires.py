"""Questionnaires: versions, sections and questions of every kind, with skip logic.

A questionnaire that a submission uses is frozen: editing it makes a new version (same
``code``, ``version`` + 1), so an answer always refers to the question as it was asked.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


class Questionnaire(models.Model):
    code = models.SlugField(_("code"), max_length=60)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    title = models.CharField(_("title"), max_length=200)  # + title_en/_fr/_ar
    frozen = models.BooleanField(_("frozen"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="needs_questionnaire_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class Section(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveSmallIntegerField(default=0)
    name = models.SlugField(_("name"), max_length=60)
    title = models.CharField(_("title"), max_length=200)  # + title_en/_fr/_ar

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["questionnaire", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    NUMBER = "number", _("Number")
    YES_NO = "yes_no", _("Yes or no")
    SCALE = "scale", _("Scale")
    TEXT = "text", _("Text")
    DATE = "date", _("Date")
    HEADCOUNT = "headcount", _("Headcount grid")


class GridRows(models.TextChoices):
    RANK_LEVEL = "rank_level", _("Sex × rank level")
    AREA_OF_WORK = "area_of_work", _("Sex × area of work")


class SkipOperator(models.TextChoices):
    IS = "is", _("is")
    INCLUDES = "includes", _("includes")


class NeedMeasure(models.TextChoices):
    IMPORTANCE = "importance", _("Importance of the need")
    GAP = "gap", _("Gap in the current offer")


class Question(models.Model):
    """One question. ``choices`` holds ``[{"value", "en", "fr", "ar"}]`` for the choice kinds
    (and the rows of a headcount grid by area of work); the skip logic shows the question only
    when ``show_if`` is answered (``is`` for one value, ``includes`` for a multiple choice)."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.SlugField(_("name"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    label = models.CharField(_("question"), max_length=500)  # + label_en/_fr/_ar
    hint = models.CharField(_("hint"), max_length=500, blank=True)  # + hint_en/_fr/_ar
    # What the person reads when their answer is refused (+ _en/_fr/_ar).
    message = models.CharField(_("validation message"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    min_value = models.DecimalField(
        _("smallest value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("largest value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    grid_rows = models.CharField(
        _("grid rows"), max_length=20, choices=GridRows.choices, blank=True
    )
    # The need this question scores (importance or gap), by area of work, for the priority matrix.
    area_of_work = models.ForeignKey(
        "core.AreaOfWork", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    need_measure = models.CharField(
        _("measures for the priority matrix"),
        max_length=20,
        choices=NeedMeasure.choices,
        blank=True,
    )
    show_if = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="dependants"
    )
    show_operator = models.CharField(
        max_length=10, choices=SkipOperator.choices, default=SkipOperator.IS, blank=True
    )
    show_value = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["section__order", "order", "pk"]

    def __str__(self) -> str:
        return self.label

    def choice_label(self, value: str, language: str | None = None) -> str:
        language = language or translation.get_language() or "en"
        for choice in self.choices:
            if str(choice.get("value")) == str(value):
                return str(choice.get(language) or choice.get("en") or value)
        return str(value)

    def localized_choices(self) -> list[tuple[str, str]]:
        language = (translation.get_language() or "en")[:2]
        return [
            (str(choice["value"]), str(choice.get(language) or choice.get("en") or choice["value"]))
            for choice in self.choices
        ]

    @property
    def scale_range(self) -> list[int]:
        low = int(self.min_value if self.min_value is not None else 1)
        high = int(self.max_value if self.max_value is not None else 5)
        return list(range(low, high + 1))

    def describe(self) -> dict[str, Any]:
        """What defines the question, for comparing two questionnaires (import round trip)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "labels": [getattr(self, f"label_{code}") or "" for code in ("en", "fr", "ar")],
            "hints": [getattr(self, f"hint_{code}") or "" for code in ("en", "fr", "ar")],
            "messages": [getattr(self, f"message_{code}") or "" for code in ("en", "fr", "ar")],
            "required": self.required,
            "choices": self.choices,
            "unit": self.unit,
            "bounds": [
                None if self.min_value is None else float(self.min_value),
                None if self.max_value is None else float(self.max_value),
            ],
            "grid_rows": self.grid_rows,
            "show_if": [
                self.show_if.name if self.show_if_id and self.show_if else "",
                self.show_operator if self.show_if_id else "",
                self.show_value if self.show_if_id else "",
            ],
        }
