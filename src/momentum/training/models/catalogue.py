from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from momentum.core.models import AreaOfWork, ThematicArea


class Track(models.TextChoices):
    CRIME_SPECIFIC = "crime_specific", _("Crime-specific training")
    INTERPOL_CAPABILITIES = "interpol_capabilities", _("INTERPOL policing capabilities")
    LEADERSHIP = "leadership", _("Leadership")
    GENDER_SENSITIVE = "gender_sensitive", _("Gender-sensitive policing")


class Delivery(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")


class CourseQuerySet(models.QuerySet["Course"]):
    def active(self) -> CourseQuerySet:
        return self.filter(is_active=True)

    def search(self, text: str) -> CourseQuerySet:
        from momentum.core.text import search_terms

        courses = self
        for term in search_terms(text):
            courses = courses.filter(search_key__contains=term)
        return courses


class Course(models.Model):
    """A course of the catalogue. Title, summary and objectives exist in the three languages."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(_("learning objectives"), blank=True)
    track = models.CharField(_("track"), max_length=30, choices=Track.choices)
    thematic_area = models.ForeignKey(
        ThematicArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="courses",
        verbose_name=_("thematic area"),
    )
    target_areas = models.ManyToManyField(
        AreaOfWork, blank=True, related_name="courses", verbose_name=_("target areas of work")
    )
    # Empty means every rank level may take part.
    target_rank_levels = models.JSONField(_("target rank levels"), default=list, blank=True)
    delivery = models.CharField(_("delivery"), max_length=20, choices=Delivery.choices)
    duration_hours = models.PositiveSmallIntegerField(_("duration in hours"))
    prerequisites = models.ManyToManyField(
        "self", symmetrical=False, blank=True, verbose_name=_("prerequisites")
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"), default=80
    )
    min_post_test_score = models.PositiveSmallIntegerField(
        _("minimum post-test score (%)"), default=70
    )
    # A practical assessment (e.g. the screening simulator) the participant must pass too.
    # Empty: none required.
    min_practical_score = models.PositiveSmallIntegerField(
        _("minimum practical assessment score (%)"), null=True, blank=True
    )
    # INTERPOL-accredited courses: certificates valid four years. Empty: no expiry.
    certificate_validity_years = models.PositiveSmallIntegerField(
        _("certificate validity (years)"), null=True, blank=True
    )
    requires_motivation = models.BooleanField(
        _("nominees write a motivation statement"), default=False
    )
    requires_endorsement = models.BooleanField(
        _("nominees need their supervisor's endorsement"), default=False
    )
    is_active = models.BooleanField(_("in the catalogue"), default=True)
    search_key = models.TextField(blank=True, editable=False)

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"
