"""The board's members: one representative and one alternate per country, each with a term."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country


class Seat(models.TextChoices):
    REPRESENTATIVE = "representative", _("Representative")
    ALTERNATE = "alternate", _("Alternate")


class MemberSex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class BoardMemberQuerySet(models.QuerySet["BoardMember"]):
    def current(self, on: date | None = None) -> BoardMemberQuerySet:
        """Members whose term covers ``on`` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(term_start__lte=on).filter(
            Q(term_end__isnull=True) | Q(term_end__gte=on)
        )

    def visible_to(self, user: Any) -> BoardMemberQuerySet:
        from momentum.governance.rules import sees_board_business

        return self if sees_board_business(user) else self.none()


class BoardMember(models.Model):
    """A person's term on the board for one country, as representative or alternate. Past
    terms are kept: a new term is a new row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="board_terms",
        verbose_name=_("person"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    seat = models.CharField(_("seat"), max_length=20, choices=Seat.choices)
    institution = models.CharField(_("institution"), max_length=200)
    function = models.CharField(_("function"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=MemberSex.choices)
    languages = models.CharField(
        _("languages"), max_length=20, blank=True, help_text=_("Codes separated by commas.")
    )
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"), null=True, blank=True)
    nomination_letter = models.FileField(
        _("nomination letter"), upload_to="governance/nominations/", blank=True
    )
    commitment_accepted_at = models.DateTimeField(_("commitment accepted"), null=True, blank=True)
    commitment_language = models.CharField(
        _("language of the commitment"), max_length=2, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = BoardMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("board member")
        verbose_name_plural = _("board members")
        ordering = ["country__code", "seat", "-term_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=models.F("term_start")),
                name="board_member_term_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.country.code}, {self.get_seat_display()})"

    def is_current(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.term_start <= on and (self.term_end is None or self.term_end >= on)
