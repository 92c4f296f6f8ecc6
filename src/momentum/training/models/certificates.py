from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.training.models.nominations import Nomination


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class Certificate(models.Model):
    """Proof that someone completed a course. Issued once per completion, never reissued;
    revoked with a reason. The public verification page reads ``code``."""

    code = models.CharField(_("verification code"), max_length=20, unique=True)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    # One certificate per completed participation (null for other kinds, e.g. mentoring).
    nomination = models.OneToOneField(
        Nomination, on_delete=models.PROTECT, null=True, blank=True, related_name="certificate"
    )
    # What the certificate says, frozen at issue (names and titles in the three languages).
    holder_name = models.CharField(max_length=200)
    holder_name_ar = models.CharField(max_length=200, blank=True)
    title = models.JSONField(default=dict)  # {"en": …, "fr": …, "ar": …}
    starts_on = models.DateField()
    ends_on = models.DateField()
    hours = models.PositiveSmallIntegerField()
    language = models.CharField(max_length=2)
    issued_on = models.DateField(default=timezone.localdate)
    expires_on = models.DateField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.TextField(blank=True)
    pdf = models.FileField(upload_to="certificates/%Y/", blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.code

    @property
    def status(self) -> CertificateStatus:
        if self.revoked_at is not None:
            return CertificateStatus.REVOKED
        if self.expires_on is not None and self.expires_on < timezone.localdate():
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    def get_status_display(self) -> str:
        return str(self.status.label)

    def title_in(self, language: str) -> str:
        return str(self.title.get(language) or self.title.get("en") or "")
