"""Who may do what in the mentoring app. Pages, the API and exports all ask these predicates."""

from __future__ import annotations

import rules  # noqa: F401
