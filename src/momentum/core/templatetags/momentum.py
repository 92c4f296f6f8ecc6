from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_url(context: dict[str, Any], language: str) -> str:
    """The current page in another language (its /ar/, /fr/ or /en/ twin)."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return f"/{language}/"
    return translate_url(request.get_full_path(), language)


@register.simple_tag(takes_context=True)
def page_url(context: dict[str, Any], page: int) -> str:
    """A link to another page of a paginated list, keeping the filters."""
    query = context.get("query", "")
    return f"?{query}&page={page}" if query else f"?page={page}"


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key) if mapping else None
