"""Sessions in the database, read with a query built once (see ``core.compiled``).

Every signed-in request reads its session; Django's store builds that query anew each time.
Expiry is checked on the row read, as Django's own query does in SQL.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import router
from django.db.models import QuerySet
from django.utils import timezone

from momentum.core.compiled import CompiledQuery


def _session(key: str) -> QuerySet[Session]:
    return Session.objects.filter(session_key=key)


# Session keys are 32 lower-case letters and digits: this one cannot be.
_SESSION = CompiledQuery(_session, "-stand-in-for-a-session-key-")


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Any:
        found = _SESSION.run(Session, self.session_key, using=router.db_for_read(Session))
        if found and found[0].expire_date > timezone.now():
            return found[0]
        self._session_key = None
        return None
