"""Who may do what at the support office. Pages, the API and exports all ask these rules.

Anyone signed in may ask and read her own requests; programme staff answer. Focal points do
not see their officers' requests: a question may be about a personal matter, and the asker
can always copy her focal point herself. Donors and board members see the report's aggregates
(cells under five hidden) like the other results."""

from __future__ import annotations

from typing import Any

import rules

from momentum.people.models import Role
from momentum.people.rules import is_programme_staff
from momentum.support.models import Request


@rules.predicate
def is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def is_asker(user: Any, request: Request | None) -> bool:
    return request is not None and request.requester_id == getattr(user, "pk", None)


@rules.predicate
def is_observer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and Role.DONOR in user.roles)


rules.add_perm("support.ask", is_signed_in)
rules.add_perm("support.view_request", is_programme_staff | is_asker)
rules.add_perm("support.answer", is_programme_staff)
rules.add_perm("support.manage_knowledge", is_programme_staff)
rules.add_perm("support.view_report", is_programme_staff | is_observer)
