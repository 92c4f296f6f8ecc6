"""Template tags of the Knowledge Hub.

How to show an author (every hub page does it the same way, with no query per name):

1. In the view, build the mapping once for everyone the page names::

       from momentum.hub.selectors.members import display_names
       displays = display_names({post.author for post in posts}, get_language())
       # users as objects (already loaded, e.g. select_related("author")) or as ids

   and put it in the context as ``displays``.
2. In the template::

       {% load hub %}
       {% hub_author post.author_id displays %}
       {% hub_author post.author_id displays photo=True %}   {# with the small photo #}

   It renders ``<bdi dir="auto" class="hub-author">name</bdi>``: the full name in the
   reader's script or the initials, as the person chose, and the photo only if they agreed.
   A user missing from the mapping is shown as "A former member".
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def hub_author(user: Any, displays: dict[int, Any] | None, photo: bool = False) -> SafeString:
    """An author as they chose to appear (see the module's docstring)."""
    user_id = getattr(user, "pk", user)
    display = (displays or {}).get(user_id) if user_id is not None else None
    if display is None:
        return format_html('<bdi dir="auto" class="hub-author">{}</bdi>', _("A former member"))
    suffix = (
        format_html(' <span class="hub-author__from">({})</span>', display.writes_from)
        if display.writes_from
        else ""
    )
    if photo and display.photo_url:
        return format_html(
            '<bdi dir="auto" class="hub-author"><img class="hub-author__photo" src="{}" alt=""'
            ' width="24" height="24" loading="lazy"> {}</bdi>{}',
            display.photo_url,
            display.name,
            suffix,
        )
    return format_html('<bdi dir="auto" class="hub-author">{}</bdi>{}', display.name, suffix)


@register.filter
def space_name(space: Any) -> str:
    """The space's name in the active language (modeltranslation falls back to English)."""
    return str(space.name) if space is not None else ""
