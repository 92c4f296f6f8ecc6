"""The knowledge base: frequent questions in the reader's language, an article with "did this
answer your question?", suggestions while an asker types her subject (htmx), and staff's
editing with the stale translations shown."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.people.http import AuthenticatedRequest
from momentum.support import selectors
from momentum.support.forms import ArticleForm
from momentum.support.models import Article
from momentum.support.services import knowledge as services
from momentum.support.views.common import page_of


def knowledge(request: HttpRequest) -> HttpResponse:
    language = translation.get_language() or "en"
    page = page_of(request, selectors.articles_for(request.user, language))
    stale = (
        list(Article.objects.stale().select_related("source")[:50])
        if request.user.has_perm("support.manage_knowledge")
        else []
    )
    return render(request, "support/knowledge.html", {"page": page, "stale": stale})


def article(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_article_for(request.user, pk)
    translations = list(
        Article.objects.filter(source_id=item.source_id or item.pk).exclude(pk=item.pk)
    )
    if item.source is not None:
        translations.insert(0, item.source)
    return render(
        request,
        "support/article.html",
        {
            "article": item,
            "translations": translations,
            "voted": str(item.pk) in request.session.get("support_votes", []),
        },
    )


@require_POST
def article_vote(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_article_for(request.user, pk)
    votes = request.session.get("support_votes", [])
    if str(item.pk) not in votes:
        services.vote(article=item, helpful=request.POST.get("helpful") == "yes")
        request.session["support_votes"] = [*votes[-200:], str(item.pk)]
    messages.success(request, _("Thank you for telling us."))
    return redirect(reverse("support:article", args=[item.pk]))


def suggest(request: HttpRequest) -> HttpResponse:
    """Articles matching what the asker is typing (htmx fragment)."""
    text = (request.GET.get("subject") or "")[:200]
    language = translation.get_language() or "en"
    return render(
        request,
        "support/_suggestions.html",
        {"articles": selectors.suggest_articles(text, language)},
    )


@login_required
def article_edit(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    if not request.user.has_perm("support.manage_knowledge"):
        raise PermissionDenied
    existing = selectors.get_article_for(request.user, pk) if pk else None
    source = None
    source_pk = request.GET.get("translate")
    if existing is None and source_pk and source_pk.isdigit():
        source = selectors.get_article_for(request.user, int(source_pk))
    initial = (
        {
            "language": existing.language,
            "title": existing.title,
            "body": existing.body,
            "category": existing.category_id,
            "published": existing.published,
        }
        if existing
        else {"category": source.category_id if source else None}
    )
    form = ArticleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_article(
                by=request.user,
                article=existing,
                source=source,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The article was saved."))
            return redirect(reverse("support:article", args=[saved.pk]))
    return render(
        request,
        "support/article_form.html",
        {"form": form, "article": existing, "source": source or (existing and existing.source)},
    )
