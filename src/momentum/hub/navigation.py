"""The hub app's entries in the navigation. Each subject adds its own in its section."""

from django.utils.translation import gettext_lazy as _  # noqa: F401

from momentum.core.navigation import NavItem, register  # noqa: F401

# --- spaces and membership ---

# --- threads and posts ---

# --- resources ---

# --- search ---

# --- notifications ---

# --- moderation ---

# --- api, indicators and demo ---
