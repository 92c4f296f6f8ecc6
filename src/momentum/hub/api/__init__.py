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
