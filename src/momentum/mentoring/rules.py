"""Who may do what in the mentoring app. Pages, the API and exports all ask these predicates."""

from __future__ import annotations

import rules  # noqa: F401

# --- cohorts and applications ---

# --- panel and selection ---

# --- mentors and matching ---

# --- the pair's work ---

# --- learning path and opportunities ---

# --- completion and alumni ---

# --- api, indicators and demo ---
