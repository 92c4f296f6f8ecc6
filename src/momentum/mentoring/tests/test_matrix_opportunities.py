"""Who may use the routes of opportunities and their allocation (see
tests/test_authorization_matrix.py).

The records: Leila (the officer of Jordan) is a mentee of a running cohort; a conference open
for applications has a Moroccan mentee as candidate (so Leila may still apply).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.mentoring.tests.factories import candidacy, mentee, opportunity, pair_for

# fmt: off
#                                            anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "mentoring:opportunities":              (302, 200, 200, 200, 200, 403, 403, 403, 403, 403),
    "mentoring:opportunity_new":            (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "mentoring:opportunity":                (302, 200, 200, 200, 200, 403, 403, 403, 403, 403),
    "mentoring:opportunity_edit":           (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "mentoring:opportunity_apply":          (302, 200, 403, 403, 403, 403, 403, 403, 403, 403),
    "mentoring:opportunity_propose":        (302, 403, 200, 200, 200, 403, 403, 403, 403, 403),
    "mentoring:opportunity_allocation":     (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "mentoring:allocation_apply":           (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "mentoring:candidacy_shortlist":        (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "mentoring:candidacy_allocate":         (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "mentoring:candidacy_unallocate":       (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "mentoring:candidacy_travel":           (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
}
# fmt: on


@dataclass(frozen=True)
class World:
    opportunity: int
    candidacy: int


ROUTES = {
    "mentoring:opportunities": ("get", lambda w: "/en/mentoring/opportunities/"),
    "mentoring:opportunity_new": ("get", lambda w: "/en/mentoring/opportunities/new/"),
    "mentoring:opportunity": ("get", lambda w: f"/en/mentoring/opportunities/{w.opportunity}/"),
    "mentoring:opportunity_edit": (
        "get",
        lambda w: f"/en/mentoring/opportunities/{w.opportunity}/edit/",
    ),
    "mentoring:opportunity_apply": (
        "get",
        lambda w: f"/en/mentoring/opportunities/{w.opportunity}/apply/",
    ),
    "mentoring:opportunity_propose": (
        "get",
        lambda w: f"/en/mentoring/opportunities/{w.opportunity}/propose/",
    ),
    "mentoring:opportunity_allocation": (
        "get",
        lambda w: f"/en/mentoring/opportunities/{w.opportunity}/allocation/",
    ),
    "mentoring:allocation_apply": (
        "post",
        lambda w: f"/en/mentoring/opportunities/{w.opportunity}/allocation/apply/",
    ),
    "mentoring:candidacy_shortlist": (
        "post",
        lambda w: f"/en/mentoring/candidacies/{w.candidacy}/shortlist/",
    ),
    "mentoring:candidacy_allocate": (
        "post",
        lambda w: f"/en/mentoring/candidacies/{w.candidacy}/allocate/",
    ),
    "mentoring:candidacy_unallocate": (
        "post",
        lambda w: f"/en/mentoring/candidacies/{w.candidacy}/unallocate/",
    ),
    "mentoring:candidacy_travel": (
        "post",
        lambda w: f"/en/mentoring/candidacies/{w.candidacy}/travel/",
    ),
}


@pytest.fixture
def world(officer, morocco) -> World:  # type: ignore[no-untyped-def]
    pairing = pair_for(officer)
    conference = opportunity()
    moroccan = candidacy(conference, mentee(pairing.cohort, morocco))
    return World(opportunity=conference.pk, candidacy=moroccan.pk)


def _data(name: str, world: World) -> dict[str, object]:
    if name == "mentoring:allocation_apply":
        return {"data": {"candidacy": [world.candidacy]}}
    if name == "mentoring:candidacy_travel":
        return {"data": {"travel_support": "approved"}}
    return {}


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world), **_data(name, world))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
