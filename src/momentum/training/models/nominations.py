from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.people.models import Profile, Role
from momentum.training.models.sessions import Session


class NominationStatus(models.TextChoices):
    NOMINATED = "nominated", _("Nominated")
    SELECTED = "selected", _("Selected")
    WAITLISTED = "waitlisted", _("On the waiting list")
    DECLINED = "declined", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class NominationQuerySet(models.QuerySet["Nomination"]):
    def visible_to(self, user: Any) -> NominationQuerySet:
        """Staff: all. Focal point: their country's. Trainer: the sessions they teach.
        Officer: their own."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_programme_staff:
            return self.all()
        visible = Q(officer__user=user)
        countries = user.countries_for(Role.FOCAL_POINT)
        if countries:
            visible |= Q(country_id__in=countries)
        if Role.TRAINER in user.roles:
            visible |= Q(session__trainers=user)
        return self.filter(visible).distinct()

    def taking_part(self) -> NominationQuerySet:
        return self.filter(status=NominationStatus.SELECTED)


class Nomination(models.Model):
    """A focal point puts an officer forward for a session; staff decide."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="nominations")
    officer = models.ForeignKey(
        Profile, on_delete=models.PROTECT, related_name="nominations", verbose_name=_("officer")
    )
    # The officer's country when nominated: the quota it counts against.
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    justification = models.TextField(_("why this officer"))
    motivation = models.TextField(_("motivation statement"), blank=True)
    supervisor_name = models.CharField(_("supervisor's name"), max_length=200, blank=True)
    supervisor_endorsement = models.TextField(_("supervisor's endorsement"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=NominationStatus.choices,
        default=NominationStatus.NOMINATED,
    )
    waitlist_position = models.PositiveIntegerField(null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["session", "country__code", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "officer"], name="one_nomination_per_officer"
            )
        ]
        indexes = [models.Index(fields=["session", "country", "status"])]

    def __str__(self) -> str:
        return f"{self.officer} → {self.session}"
