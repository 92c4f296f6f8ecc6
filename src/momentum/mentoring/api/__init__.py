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
from momentum.mentoring.api import applications as _applications_api  # noqa: E402
from momentum.mentoring.api import cohorts as _cohorts_api  # noqa: E402
from momentum.mentoring.api import pairs as _pairs_api  # noqa: E402

router.add_router("", _cohorts_api.router)
router.add_router("", _applications_api.router)
router.add_router("", _pairs_api.router)
