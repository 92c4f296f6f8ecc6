from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Agency, AreaOfWork, Country, ThematicArea


class MentorKind(models.TextChoices):
    INTERPOL_STAFF = "interpol_staff", _("INTERPOL staff")
    SENIOR_OFFICER = "senior_officer", _("Senior officer")


class MentorProfile(models.Model):
    """A mentor: INTERPOL staff or a senior officer, with what they offer and how many mentees
    they take at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    kind = models.CharField(_("mentor"), max_length=20, choices=MentorKind.choices)
    bio = models.TextField(_("about the mentor"), blank=True)
    expertise = models.ManyToManyField(
        ThematicArea, blank=True, related_name="+", verbose_name=_("expertise")
    )
    work_areas = models.ManyToManyField(
        AreaOfWork, blank=True, related_name="+", verbose_name=_("areas of work")
    )
    languages = models.JSONField(_("working languages"), default=list)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agency"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    capacity = models.PositiveSmallIntegerField(_("mentees at once"), default=2)
    leads_leadership = models.BooleanField(_("mentors on the leadership track"), default=False)
    is_available = models.BooleanField(_("available for new mentees"), default=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    availability_note = models.CharField(_("availability"), max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        ordering = ["user__family_name", "user__given_name"]

    def __str__(self) -> str:
        return str(self.user)
