from __future__ import annotations

import pytest

from momentum.support.tests.factories import category as make_category


@pytest.fixture
def travel(staff):  # type: ignore[no-untyped-def]
    return make_category(staff=staff)


@pytest.fixture
def arabic_officer(officer):  # type: ignore[no-untyped-def]
    officer.preferred_language = "ar"
    officer.save(update_fields=["preferred_language"])
    return officer
