"""The mentoring app's JSON API. Each subject module adds its router below."""

from ninja import Router

router = Router(tags=["mentoring"])

# --- cohorts and applications ---

# --- panel and selection ---

# --- mentors and matching ---

# --- the pair's work ---

# --- learning path and opportunities ---

# --- completion and alumni ---

# --- api, indicators and demo ---
