"""Cross-app fixtures: the personas the root ``conftest.py`` does not define.

Nothing here is autouse: the browser tests under ``tests/browser/`` share this directory.
"""

from __future__ import annotations

import pytest


def _person(role: str, country=None, **fields):  # type: ignore[no-untyped-def]
    from momentum.people.tests.factories import person_with_role

    return person_with_role(role, country, **fields)


@pytest.fixture
def trainer(db):  # type: ignore[no-untyped-def]
    from momentum.people.models import Role

    return _person(Role.TRAINER, email="trainer@example.org")


@pytest.fixture
def mentor(db):  # type: ignore[no-untyped-def]
    from momentum.people.models import Role

    return _person(Role.MENTOR, email="mentor@example.org")


@pytest.fixture
def moderator(db):  # type: ignore[no-untyped-def]
    from momentum.people.models import Role

    return _person(Role.MODERATOR, email="moderator@example.org")


@pytest.fixture
def board_member(jordan):  # type: ignore[no-untyped-def]
    """A member of the Advisory Board for Jordan."""
    from momentum.people.models import Role

    return _person(Role.BOARD_MEMBER, jordan, email="board.jo@example.org")
