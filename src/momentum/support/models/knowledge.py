"""The knowledge base: answers to common questions, in three languages.

An article is written in one language (its source); each translation is its own row pointing
at the source and remembering which version of it it translates, so a change of the source
marks its translations stale until they are brought up to date."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.support.models.requests import Category


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> ArticleQuerySet:
        return self.filter(published=True)

    def stale(self) -> ArticleQuerySet:
        return self.filter(source__isnull=False, source_version__lt=F("source__version"))

    def visible_to(self, user: Any) -> ArticleQuerySet:
        if getattr(user, "is_authenticated", False) and user.is_programme_staff:
            return self.all()
        return self.published()


class Article(models.Model):
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=[("ar", _("Arabic")), ("fr", _("French")), ("en", _("English"))],
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    category = models.ForeignKey(
        Category, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("category")
    )
    source = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
    )
    version = models.PositiveIntegerField(default=1)
    source_version = models.PositiveIntegerField(null=True, blank=True)
    published = models.BooleanField(_("published"), default=True)
    helpful_yes = models.PositiveIntegerField(default=0)
    helpful_no = models.PositiveIntegerField(default=0)
    search_key = models.TextField(blank=True, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("knowledge-base article")
        verbose_name_plural = _("knowledge-base articles")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "language"],
                condition=Q(source__isnull=False),
                name="support_article_one_translation_per_language",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_stale(self) -> bool:
        if self.source_id is None or self.source is None:
            return False
        return (self.source_version or 0) < self.source.version
