"""Training's JSON API: courses, sessions, nominations, certificate verification."""

from ninja import Router

router = Router(tags=["training"])

# --- catalogue ---
# --- sessions ---
# --- nominations and selection ---
# --- certificates ---
