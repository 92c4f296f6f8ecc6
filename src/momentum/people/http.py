from __future__ import annotations

from momentum.core.http import HtmxHttpRequest
from momentum.people.models import User


class AuthenticatedRequest(HtmxHttpRequest):
    """A request behind ``login_required``: its user is a signed-in ``User``."""

    user: User
