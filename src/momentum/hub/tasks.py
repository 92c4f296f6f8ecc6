"""The hub app's background tasks. Each subject appends its own in its section."""

from __future__ import annotations

from django_tasks import task  # noqa: F401

# --- spaces and membership ---

# --- threads and posts ---

# --- resources ---

# --- search ---

# --- notifications ---

# --- moderation ---

# --- api, indicators and demo ---
