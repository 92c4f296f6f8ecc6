"""Who may do what on the Advisory Board. Pages, the API and exports ask these predicates.

Staff run the board's business; board members read all of it and answer for their country
(the services check which country a member may answer for); everybody else, the donor
included, sees the board only through the indicators."""

from __future__ import annotations

from typing import Any

import rules


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def sees_board_business(user: Any) -> bool:
    from momentum.people.models import Role

    if not _signed_in(user):
        return False
    return bool(user.is_programme_staff) or Role.BOARD_MEMBER in user.roles


@rules.predicate
def is_board_staff(user: Any) -> bool:
    return _signed_in(user) and bool(user.is_programme_staff)


@rules.predicate
def is_board_member(user: Any) -> bool:
    from momentum.people.models import Role

    return _signed_in(user) and Role.BOARD_MEMBER in user.roles


@rules.predicate
def sees_board(user: Any) -> bool:
    return sees_board_business(user)


rules.add_perm("governance.view_board", sees_board)
rules.add_perm("governance.manage_board", is_board_staff)
rules.add_perm("governance.answer_for_country", is_board_member)
