"""The logframe: impact → outcomes → outputs, each result with its indicators and targets."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LogframeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")


class Logframe(models.Model):
    """A programme's results framework; it moves draft → submitted → approved as a whole."""

    programme = models.OneToOneField(
        "core.Programme", on_delete=models.CASCADE, related_name="logframe"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=LogframeStatus.choices, default=LogframeStatus.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # Why the last approver sent it back: shown on the logframe page until it is submitted again.
    return_comment = models.TextField(_("what should change"), blank=True)
    # Bumped on every change: a transition asked from a stale page is refused.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("logframe")
        verbose_name_plural = _("logframes")

    def __str__(self) -> str:
        return str(self.programme)


class Level(models.TextChoices):
    IMPACT = "impact", _("Impact")
    OUTCOME = "outcome", _("Outcome")
    OUTPUT = "output", _("Output")


class Result(models.Model):
    """One result of the chain: the impact, an outcome (a goal of the programme) or an output."""

    logframe = models.ForeignKey(Logframe, on_delete=models.CASCADE, related_name="results")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    code = models.CharField(_("code"), max_length=20)
    name = models.TextField(_("result"))  # translated: name_ar, name_fr, name_en
    order = models.PositiveSmallIntegerField(default=0)
    # Bumped on every change: an edit made from a stale page is refused.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["logframe", "code"], name="result_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class IndicatorKind(models.TextChoices):
    COMPUTED = "computed", _("Computed from the platform's records")
    REPORTED = "reported", _("Reported per country and period")


class UnitKind(models.TextChoices):
    COUNT = "count", _("Count")
    PERCENTAGE = "percentage", _("Percentage")
    MEAN = "mean", _("Mean")
    QUALITATIVE = "qualitative", _("Qualitative")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Disaggregation(models.TextChoices):
    SEX_COUNTRY = "sex_country", _("By sex and by country")
    COUNTRY = "country", _("By country")
    NONE = "none", _("None")


class Indicator(models.Model):
    """An indicator of a result: computed by a registered indicator, or reported by people."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=30)
    name = models.TextField(_("indicator"))  # translated
    definition = models.TextField(_("definition"), blank=True)  # translated
    kind = models.CharField(_("kind"), max_length=10, choices=IndicatorKind.choices)
    registry_code = models.CharField(_("registered indicator"), max_length=100, blank=True)
    unit = models.CharField(_("unit"), max_length=12, choices=UnitKind.choices)
    direction = models.CharField(
        _("direction"), max_length=6, choices=Direction.choices, default=Direction.HIGHER
    )
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_text = models.CharField(_("baseline (qualitative)"), max_length=300, blank=True)
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    baseline_source = models.CharField(_("baseline source"), max_length=300, blank=True)
    means_of_verification = models.TextField(_("means of verification"), blank=True)
    disaggregation = models.CharField(
        _("disaggregation"),
        max_length=12,
        choices=Disaggregation.choices,
        default=Disaggregation.SEX_COUNTRY,
    )
    # Set when the wording of an approved indicator changed: the logframe went back to draft.
    changed_since_approval = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["result__order", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["result", "code"], name="indicator_code_unique"),
            models.CheckConstraint(
                condition=~models.Q(kind="computed") | ~models.Q(registry_code=""),
                name="computed_indicator_has_registry_code",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_computed(self) -> bool:
        return self.kind == IndicatorKind.COMPUTED

    @property
    def is_numeric(self) -> bool:
        return self.unit != UnitKind.QUALITATIVE

    def wording(self) -> dict[str, Any]:
        """What the indicator says, in the three languages: frozen into each snapshot."""
        return {
            "code": self.code,
            "registry_code": self.registry_code,
            "unit": self.unit,
            "direction": self.direction,
            **{
                f"{field}_{language}": getattr(self, f"{field}_{language}", "") or ""
                for field in ("name", "definition")
                for language in ("ar", "fr", "en")
            },
        }


class Target(models.Model):
    """A target of an indicator: for a period or (no period) the end of the programme;
    overall or (with a country) for one country."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    period = models.ForeignKey(
        "results.Period", on_delete=models.CASCADE, null=True, blank=True, related_name="targets"
    )
    country = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    value = models.DecimalField(_("target"), max_digits=12, decimal_places=2, null=True, blank=True)
    text = models.CharField(_("target (qualitative)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["indicator", "period__starts_on", "country__code"]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.value if self.value is not None else self.text}"
