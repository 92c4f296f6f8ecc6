"""What every authorization matrix shares: the personas, in the matrices' column order, and how
a request is sent as one of them (see tests/test_authorization_matrix.py)."""

from __future__ import annotations

from typing import Any

PERSONAS = (
    "anonymous",
    "officer",
    "focal_point",
    "outsider",
    "staff",
    "donor",
    "trainer",
    "mentor",
    "moderator",
    "board_member",
)


def request_as(
    client: Any, request: Any, persona: str, method: str, url: str, **options: Any
) -> Any:
    """Send ``method url`` signed in as ``persona`` (its fixture), or anonymously; ``options``
    go to the test client (``data``, ``content_type``…)."""
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    return getattr(client, method)(url, **options)
