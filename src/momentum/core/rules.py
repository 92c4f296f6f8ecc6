from __future__ import annotations

from typing import Any

import rules


@rules.predicate
def is_programme_staff(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_programme_staff)


rules.add_perm("core.view_audit_log", is_programme_staff)
rules.add_perm("core.export_audit_log", is_programme_staff)
