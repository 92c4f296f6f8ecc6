"""The synthetic world: travellers, their documents, and the databases screened against.

Every record here is synthetic training data, generated from a seed: the platform never holds
real stolen-document records or notices.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class World(models.Model):
    name = models.CharField(_("name"), max_length=120)
    seed = models.PositiveIntegerField(_("seed"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("synthetic world")
        verbose_name_plural = _("synthetic worlds")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class Traveller(models.Model):
    world = models.ForeignKey(World, on_delete=models.CASCADE, related_name="travellers")
    surname = models.CharField(max_length=80)
    given_names = models.CharField(max_length=80)
    surname_ar = models.CharField(max_length=80, blank=True)
    given_names_ar = models.CharField(max_length=80, blank=True)
    birth_date = models.DateField()
    nationality = models.CharField(max_length=3)
    sex = models.CharField(max_length=1)

    def __str__(self) -> str:
        return f"{self.given_names} {self.surname}"


class DocumentKind(models.TextChoices):
    TD3 = "TD3", _("Passport (TD3)")
    TD2 = "TD2", _("Identity card (TD2)")
    TD1 = "TD1", _("Identity card (TD1)")
    MRVA = "MRVA", _("Visa (MRV-A)")
    MRVB = "MRVB", _("Visa (MRV-B)")


class Document(models.Model):
    world = models.ForeignKey(World, on_delete=models.CASCADE, related_name="documents")
    traveller = models.ForeignKey(Traveller, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=4, choices=DocumentKind.choices)
    number = models.CharField(max_length=12)
    issuing_state = models.CharField(max_length=3)
    expiry_date = models.DateField()
    mrz = models.TextField()

    def __str__(self) -> str:
        return f"{self.kind} {self.issuing_state} {self.number}"


class LostStatus(models.TextChoices):
    STOLEN = "stolen", _("Stolen")
    LOST = "lost", _("Lost")
    REVOKED = "revoked", _("Revoked")


class LostDocument(models.Model):
    """A synthetic record of a stolen or lost travel document."""

    world = models.ForeignKey(World, on_delete=models.CASCADE, related_name="lost_documents")
    number = models.CharField(max_length=12)
    canonical = models.CharField(max_length=12)  # OCR-confusable characters folded
    issuing_state = models.CharField(max_length=3)
    kind = models.CharField(max_length=4, choices=DocumentKind.choices)
    status = models.CharField(max_length=10, choices=LostStatus.choices)
    reported_on = models.DateField()

    class Meta:
        indexes = [
            models.Index(fields=["world", "number", "issuing_state"], name="scr_lost_number"),
            models.Index(fields=["world", "canonical"], name="scr_lost_canonical"),
        ]

    def __str__(self) -> str:
        return f"{self.issuing_state} {self.number} ({self.status})"


class NominalRecord(models.Model):
    """A synthetic notice or diffusion about a person, with the name's variants."""

    class Kind(models.TextChoices):
        RED = "red", _("Red notice")
        YELLOW = "yellow", _("Yellow notice")
        BLUE = "blue", _("Blue notice")
        DIFFUSION = "diffusion", _("Diffusion")

    world = models.ForeignKey(World, on_delete=models.CASCADE, related_name="nominal_records")
    reference = models.CharField(max_length=20)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    surname = models.CharField(max_length=80)
    given_names = models.CharField(max_length=80)
    name_ar = models.CharField(max_length=160, blank=True)
    aliases = models.JSONField(default=list, blank=True)  # other spellings, "GIVEN SURNAME"
    birth_date = models.DateField(null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    nationality = models.CharField(max_length=3)
    sex = models.CharField(max_length=1)

    def __str__(self) -> str:
        return self.reference

    def names(self) -> list[str]:
        names = [f"{self.given_names} {self.surname}", *self.aliases]
        if self.name_ar:
            names.append(self.name_ar)
        return names


class NominalKey(models.Model):
    """A blocking key (a name's sound, with the birth year) a nominal record is found by."""

    world = models.ForeignKey(World, on_delete=models.CASCADE, related_name="+")
    record = models.ForeignKey(NominalRecord, on_delete=models.CASCADE, related_name="keys")
    key = models.CharField(max_length=120)

    class Meta:
        indexes = [models.Index(fields=["world", "key"], name="scr_nominal_key")]

    def __str__(self) -> str:
        return self.key


class CaseKind(models.TextChoices):
    CLEAN = "clean", _("No record")
    LOST_EXACT = "lost_exact", _("Stolen or lost document, exact")
    LOST_OCR = "lost_ocr", _("Stolen or lost document, read with an OCR confusion")
    NOMINAL_EXACT = "nominal_exact", _("Person sought, same spelling")
    NOMINAL_VARIANT = "nominal_variant", _("Person sought, another spelling")
    NOMINAL_SWAPPED = "nominal_swapped", _("Person sought, given and family names swapped")
    NOMINAL_DOB_SWAPPED = "nominal_dob_swapped", _("Person sought, day and month of birth swapped")
    NOMINAL_YEAR_ONLY = "nominal_year_only", _("Person sought, year of birth only")
    FORGED_CHECK = "forged_check", _("Forged check digit")
    EXPIRED = "expired", _("Expired document")
    RELATIVE = "relative", _("Relative sharing a sought person's name")


class Expected(models.TextChoices):
    HIT = "hit", _("Hit")
    NO_HIT = "no_hit", _("No hit")
    REFER = "refer", _("Refer")


HIT_KINDS = frozenset(
    {
        CaseKind.LOST_EXACT,
        CaseKind.LOST_OCR,
        CaseKind.NOMINAL_EXACT,
        CaseKind.NOMINAL_VARIANT,
        CaseKind.NOMINAL_SWAPPED,
        CaseKind.NOMINAL_DOB_SWAPPED,
        CaseKind.NOMINAL_YEAR_ONLY,
    }
)
REFER_KINDS = frozenset({CaseKind.FORGED_CHECK, CaseKind.EXPIRED})


def expected_for(kind: str) -> str:
    if kind in HIT_KINDS:
        return Expected.HIT
    if kind in REFER_KINDS:
        return Expected.REFER
    return Expected.NO_HIT


class Presentation(models.Model):
    """A traveller at the counter with a document: the planted case and its ground truth."""

    world = models.ForeignKey(World, on_delete=models.CASCADE, related_name="presentations")
    traveller = models.ForeignKey(Traveller, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    mrz = models.TextField()  # as presented: may carry OCR noise or a forged digit
    case_kind = models.CharField(max_length=24, choices=CaseKind.choices)
    expected = models.CharField(max_length=10, choices=Expected.choices)

    def __str__(self) -> str:
        return f"{self.traveller_id}: {self.case_kind}"
