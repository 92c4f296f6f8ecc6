"""Who may do what in the hub app. Pages, the API and exports all ask these predicates."""

from __future__ import annotations

import rules  # noqa: F401
