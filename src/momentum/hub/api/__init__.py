"""The hub app's JSON API. Each subject module adds its router below."""

from ninja import Router

router = Router(tags=["hub"])

# --- spaces and membership ---

# --- threads and posts ---

# --- resources ---

# --- search ---

# --- notifications ---

# --- moderation ---

# --- api, indicators and demo ---
from momentum.hub.api import search as _search_api  # noqa: E402
from momentum.hub.api import spaces as _spaces_api  # noqa: E402
from momentum.hub.api import threads as _threads_api  # noqa: E402

router.add_router("", _spaces_api.router)
router.add_router("", _threads_api.router)
router.add_router("", _search_api.router)
