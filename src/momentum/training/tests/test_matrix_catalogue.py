"""Who may use the catalogue's routes (see tests/test_authorization_matrix.py)."""

from __future__ import annotations

import pytest

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

# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "training:catalogue":            (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
}
# fmt: on

URLS = {"training:catalogue": "/en/training/"}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, name, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.get(URLS[name])
    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
