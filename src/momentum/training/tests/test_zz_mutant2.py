import pytest
from django.db import transaction
from momentum.core import audit
from momentum.training.models import NominationStatus
from momentum.training.services import nominations as s
from momentum.training.tests import test_concurrent_selection as t

@transaction.atomic
def old_withdraw(*, nomination, by, reason=""):
    nomination = s._locked(nomination)
    s._decide(nomination, NominationStatus.WITHDRAWN, by, reason)
    s._free_seat(nomination)
    import time; time.sleep(0.2)
    first = s._first_waitlisted(nomination)
    if first is None:
        return None
    return s._promote(first, freed=nomination, by=by)

@pytest.mark.django_db(transaction=True)
def test_mutant(staff, jordan, monkeypatch):
    monkeypatch.setattr(s, "withdraw_participant", old_withdraw)
    t.test_a_withdrawal_amid_selections_neither_overbooks_nor_deadlocks.__wrapped__(staff, jordan) if hasattr(t.test_a_withdrawal_amid_selections_neither_overbooks_nor_deadlocks, "__wrapped__") else t.test_a_withdrawal_amid_selections_neither_overbooks_nor_deadlocks(staff, jordan)
