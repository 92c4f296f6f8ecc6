from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_url(context: dict[str, Any], language: str) -> str:
    """The current page in another language (its /ar/, /fr/ or /en/ twin)."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return f"/{language}/"
    path = request.get_full_path()
    # The addresses are the same in every language but for their prefix (no pattern is
    # translated), so the twin is the path with its prefix swapped — without resolving the path
    # again, which every page would pay three times. A path that does not resolve (a 404 page)
    # keeps its twin reachable the same way.
    for code, _name in settings.LANGUAGES:
        if path.startswith(f"/{code}/"):
            return f"/{language}/{path[len(code) + 2 :]}"
    return translate_url(path, language)


@register.simple_tag
def main_navigation(menus: Any) -> str:
    """The navigation bar of ``menus`` (``core.navigation.menus_for``). The same menus in the
    same language always give the same markup, so it is rendered once per process for each
    (the key holds every label, address and current mark it shows: it never crosses readers
    whose menus differ)."""
    if not menus:
        return ""
    signature = tuple(
        (
            menu.key,
            None if menu.label is None else str(menu.label),
            tuple((str(link.label), link.url, link.current) for link in menu.links),
        )
        for menu in menus
    )
    return _navigation_markup(get_language(), signature)


@lru_cache(maxsize=512)
def _navigation_markup(language: str | None, signature: tuple[Any, ...]) -> SafeString:
    # Rendered by the template, which escapes every label (the result is already safe markup).
    return SafeString(
        render_to_string(
            "core/_main_navigation.html",
            {
                "menus": [
                    {
                        "is_menu": label is not None,
                        "label": label,
                        "current": any(current for _l, _u, current in links),
                        "links": [
                            {"label": text, "url": url, "current": current}
                            for text, url, current in links
                        ],
                    }
                    for _key, label, links in signature
                ]
            },
        )
    )


@register.simple_tag(takes_context=True)
def page_url(context: dict[str, Any], page: int) -> str:
    """A link to another page of a paginated list, keeping the filters."""
    query = context.get("query", "")
    return f"?{query}&page={page}" if query else f"?page={page}"


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.filter
def join_words(items: Any) -> str:
    """Join names with the list separator of the active language (Arabic uses «،»)."""
    from django.utils.translation import get_language

    separator = "، " if (get_language() or "").startswith("ar") else ", "
    return separator.join(str(item) for item in items)


@register.filter
def name_for_reader(person: Any) -> str:
    """A person's name in the script of the page: Arabic script on Arabic pages when known."""
    from django.utils.translation import get_language

    if hasattr(person, "display_name"):
        return str(person.display_name(get_language()))
    return str(person)


@register.filter
def zone_name(zone: str) -> str:
    """A time zone as its city in the page's language (``Asia/Beirut`` → "بيروت" in Arabic)."""
    from momentum.core.zones import zone_label

    return zone_label(str(zone or "UTC"))


@register.filter
def record_type(label: str) -> str:
    """An audit entry's record type (``mentoring.application``) as the model's name in the
    page's language ("طلب"); the label itself when the model no longer exists."""
    from django.apps import apps

    if not label:
        return ""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return label
    return str(model._meta.verbose_name)
