"""Motions on agenda items, one vote per country, and the decision they give."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.governance.models.meetings import AgendaItem, in_language


class Majority(models.TextChoices):
    SIMPLE = "simple", _("More yes than no")
    TWO_THIRDS = "two_thirds", _("Two thirds of the votes cast")


class MotionStatus(models.TextChoices):
    OPEN = "open", _("Vote open")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    REJECTED = "rejected", _("Rejected")
    NOT_TAKEN = "not_taken", _("Not taken")


class Motion(models.Model):
    """A motion on an agenda item. Once closed it is the board's decision, recorded in three
    languages with the authoritative one marked."""

    agenda_item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="motion")
    text_ar = models.TextField(_("text (Arabic)"), blank=True)
    text_fr = models.TextField(_("text (French)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    authoritative_language = models.CharField(
        _("authoritative language"),
        max_length=2,
        choices=[("ar", _("Arabic")), ("fr", _("French")), ("en", _("English"))],
        default="en",
    )
    majority = models.CharField(
        _("majority"), max_length=20, choices=Majority.choices, default=Majority.SIMPLE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MotionStatus.choices, default=MotionStatus.OPEN
    )
    closes_at = models.DateTimeField(_("vote closes"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_reason = models.TextField(_("why"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        ordering = ["agenda_item__meeting", "agenda_item__position"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def text(self) -> str:
        return in_language(self, "text")

    @property
    def authoritative_text(self) -> str:
        return in_language(self, "text", self.authoritative_language)


class VoteChoice(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    ABSTAIN = "abstain", _("Abstain")


class Vote(models.Model):
    """A country's one vote, named: who cast it, and for which country."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="votes")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(_("vote"), max_length=10, choices=VoteChoice.choices)
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    as_proxy = models.BooleanField(default=False)
    cast_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["motion", "country__code"]
        constraints = [
            models.UniqueConstraint(fields=["motion", "country"], name="vote_one_per_country"),
        ]

    def __str__(self) -> str:
        return f"{self.country.code}: {self.choice}"
