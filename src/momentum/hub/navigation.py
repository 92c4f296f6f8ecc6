"""The hub app's entries in the navigation. Each subject adds its own in its section."""

from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

# --- spaces and membership ---
register(NavItem(_("Knowledge Hub"), "hub:spaces", permission="hub.use_hub", order=60, group="hub"))

# --- threads and posts ---

# --- resources ---
register(NavItem(_("Library"), "hub:resources", permission="hub.use_hub", order=61, group="hub"))

# --- search ---
register(
    NavItem(_("Search the hub"), "hub:search", permission="hub.use_hub", order=62, group="hub")
)

# --- notifications ---

# --- moderation ---
register(
    NavItem(_("Moderation"), "hub:moderation", permission="hub.moderate_hub", order=63, group="hub")
)

# --- api, indicators and demo ---
