from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.training.models.nominations import Nomination


class AttendanceMark(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


# Marks that count as attending a day.
ATTENDING = frozenset({AttendanceMark.PRESENT, AttendanceMark.LATE})


class Attendance(models.Model):
    """A participant's attendance on one day of a session."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="attendance")
    day = models.DateField(_("day"))
    mark = models.CharField(_("attendance"), max_length=10, choices=AttendanceMark.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "day"], name="one_mark_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.nomination} {self.day}: {self.mark}"
