"""The mentoring app's background tasks. Each subject appends its own in its section."""

from __future__ import annotations

from django_tasks import task  # noqa: F401

# --- cohorts and applications ---

# --- panel and selection ---

# --- mentors and matching ---

# --- the pair's work ---

# --- learning path and opportunities ---

# --- completion and alumni ---

# --- api, indicators and demo ---
