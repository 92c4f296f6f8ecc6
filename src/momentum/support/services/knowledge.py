"""The knowledge base: articles written in one language and translated into the others. A
change to a source article's text makes its translations stale until they are updated."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.text import search_key
from momentum.support.models import Article, Category


def save_article(
    *,
    by: Any,
    language: str,
    title: str,
    body: str,
    category: Category | None = None,
    article: Article | None = None,
    source: Article | None = None,
    published: bool = True,
) -> Article:
    """Create or edit an article. A translation (``source`` given) records which version of
    its source it translates; editing a source's text raises its version."""
    if not by.has_perm("support.manage_knowledge"):
        raise PermissionDenied
    if source is not None and source.source_id is not None:
        raise ValidationError(_("Translate the source article, not another translation."))
    if source is not None and source.language == language:
        raise ValidationError(_("A translation must be in another language than its source."))
    now = timezone.now()
    with transaction.atomic():
        if article is None:
            article = Article(language=language, source=source)
        elif article.source_id is None and (article.title != title or article.body != body):
            article.version = F("version") + 1  # type: ignore[assignment]
        article.title, article.body, article.category = title.strip(), body.strip(), category
        article.published = published
        article.language = language
        if article.source is not None:
            article.source_version = article.source.version
        article.search_key = search_key(article.title, article.body)
        article.updated_at = now
        try:
            article.save()
        except IntegrityError as error:
            raise ValidationError(
                _("This article already has a translation in that language.")
            ) from error
        article.refresh_from_db()
        audit.record(by, "support.article_saved", article, language=language)
    return article


def vote(*, article: Article, helpful: bool) -> None:
    """ "Did this answer your question?" — counted, never tied to a person."""
    field = "helpful_yes" if helpful else "helpful_no"
    Article.objects.filter(pk=article.pk).update(**{field: F(field) + 1})
