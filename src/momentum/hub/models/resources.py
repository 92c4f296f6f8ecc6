from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country, ThematicArea
from momentum.hub.models.spaces import Space
from momentum.people.models import Language


class ResourceKind(models.TextChoices):
    GUIDE = "guide", _("Guide or manual")
    TOOLKIT = "toolkit", _("Toolkit")
    REPORT = "report", _("Report or study")
    TRAINING_MATERIAL = "training_material", _("Training material")
    POLICY = "policy", _("Policy or standard")
    VIDEO = "video", _("Video")
    LINK = "link", _("Web page")


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True, allow_unicode=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Resource(models.Model):
    """A document or link of the library. Title and description in the three languages
    (title_en/_fr/_ar…); files have versions, the newest one is served."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=30, choices=ResourceKind.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    thematic_area = models.ForeignKey(
        ThematicArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hub_resources",
        verbose_name=_("thematic area"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hub_resources",
        verbose_name=_("country"),
    )
    # A resource shared in a space is read by those who may read the space; none: everyone
    # who uses the hub.
    space = models.ForeignKey(
        Space,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="resources",
        verbose_name=_("space"),
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="resources", verbose_name=_("tags"))
    url = models.URLField(_("address"), blank=True)  # a link; documents have versions
    download_count = models.PositiveIntegerField(_("downloads"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    is_published = models.BooleanField(_("published"), default=True)
    version = models.PositiveIntegerField(default=1)
    search_key = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["kind", "language"])]

    def __str__(self) -> str:
        return self.title


class ResourceVersion(models.Model):
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to="hub/resources/%Y/")
    name = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["resource", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "number"], name="one_version_number_per_resource"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} v{self.number}"


class Download(models.Model):
    """One download of a resource: counts per resource, and by the reader's sex and country
    for the results framework (never listed per person)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="downloads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    downloaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        indexes = [models.Index(fields=["resource", "downloaded_at"])]

    def __str__(self) -> str:
        return f"{self.resource_id} at {self.downloaded_at}"
