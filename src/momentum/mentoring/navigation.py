"""The mentoring app's entries in the navigation. Each subject adds its own in its section."""

from django.utils.translation import gettext_lazy as _  # noqa: F401

from momentum.core.navigation import NavItem, register  # noqa: F401

# --- cohorts and applications ---

# --- panel and selection ---

# --- mentors and matching ---

# --- the pair's work ---

# --- learning path and opportunities ---

# --- completion and alumni ---

# --- api, indicators and demo ---
