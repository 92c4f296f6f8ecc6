"""Who may use the routes of mentors and matching (see tests/test_authorization_matrix.py).

The records: a cohort at the matching stage with Leila (the officer of Jordan) accepted and not
yet paired, and another mentee in an active pair; the mentor persona has a mentor profile, and
another mentor has one too. Staff run everything; a mentor sees and edits only her own profile.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.mentoring.models import ApplicationStatus, PairingStatus
from momentum.mentoring.tests.factories import (
    ApplicationFactory,
    MentorProfileFactory,
    PairingFactory,
    matching_cohort,
    mentee,
)

# fmt: off
#                                          anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "mentoring:mentors":                  (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "mentoring:mentor_new":               (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "mentoring:my_mentor_profile":        (302, 403, 403, 403, 403, 403, 403, 302, 403, 403),
    "mentoring:mentor":                   (302, 404, 404, 404, 200, 404, 404, 200, 404, 404),
    "mentoring:mentor_edit":              (302, 404, 404, 404, 200, 404, 404, 200, 404, 404),
    "mentoring:matching":                 (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "mentoring:matching_run":             (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "mentoring:matching_weights":         (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "mentoring:matching_assign":          (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "mentoring:matching_publish":         (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "mentoring:matching_end_pair":        (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
}
# fmt: on


@dataclass(frozen=True)
class World:
    cohort: int
    leila_application: int
    own_mentor: int
    other_mentor: int
    active_pair: int


ROUTES = {
    "mentoring:mentors": ("get", lambda w: "/en/mentoring/mentors/"),
    "mentoring:mentor_new": ("get", lambda w: "/en/mentoring/mentors/new/"),
    "mentoring:my_mentor_profile": ("get", lambda w: "/en/mentoring/mentors/me/"),
    "mentoring:mentor": ("get", lambda w: f"/en/mentoring/mentors/{w.own_mentor}/"),
    "mentoring:mentor_edit": ("get", lambda w: f"/en/mentoring/mentors/{w.own_mentor}/edit/"),
    "mentoring:matching": ("get", lambda w: f"/en/mentoring/cohorts/{w.cohort}/matching/"),
    "mentoring:matching_run": (
        "post",
        lambda w: f"/en/mentoring/cohorts/{w.cohort}/matching/run/",
    ),
    "mentoring:matching_weights": (
        "post",
        lambda w: f"/en/mentoring/cohorts/{w.cohort}/matching/weights/",
    ),
    "mentoring:matching_assign": (
        "post",
        lambda w: f"/en/mentoring/cohorts/{w.cohort}/matching/assign/",
    ),
    "mentoring:matching_publish": (
        "post",
        lambda w: f"/en/mentoring/cohorts/{w.cohort}/matching/publish/",
    ),
    "mentoring:matching_end_pair": (
        "post",
        lambda w: f"/en/mentoring/matching/pairs/{w.active_pair}/end-early/",
    ),
}


@pytest.fixture
def world(officer, mentor, jordan) -> World:  # type: ignore[no-untyped-def]
    cohort = matching_cohort()
    leila = ApplicationFactory(
        cohort=cohort, applicant=officer.profile, status=ApplicationStatus.ACCEPTED
    )
    own = MentorProfileFactory(user=mentor, capacity=3)
    other = MentorProfileFactory(capacity=3)
    active = PairingFactory(mentee=mentee(cohort, jordan), mentor=other)
    return World(
        cohort=cohort.pk,
        leila_application=leila.pk,
        own_mentor=own.pk,
        other_mentor=other.pk,
        active_pair=active.pk,
    )


def _body(name: str, world: World) -> dict[str, object]:
    if name == "mentoring:matching_weights":
        return {"data": {"goals": 50, "area_of_work": 20, "leadership": 20, "preferences": 10}}
    if name == "mentoring:matching_assign":
        return {"data": {"mentee": world.leila_application, "mentor": world.own_mentor}}
    if name == "mentoring:matching_end_pair":
        return {"data": {"reason": "The mentor moved to another post."}}
    return {}


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world), **_body(name, world))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_a_mentor_sees_and_edits_only_her_own_profile(client_for, mentor, world):
    client = client_for(mentor)

    assert client.get(f"/en/mentoring/mentors/{world.other_mentor}/").status_code == 404
    assert client.get(f"/en/mentoring/mentors/{world.other_mentor}/edit/").status_code == 404
    refused = client.post(
        f"/en/mentoring/mentors/{world.other_mentor}/edit/", {"bio": "Not mine", "version": 1}
    )
    assert refused.status_code == 404
    assert client.get("/en/mentoring/mentors/me/")["Location"] == (
        f"/en/mentoring/mentors/{world.own_mentor}/"
    )


@pytest.mark.django_db
def test_staff_decisions_change_the_records(client_for, staff, world):
    """The 302s above are the decisions taken, not refusals: the pair ended, Leila got a mentor."""
    from momentum.mentoring.models import Pairing

    client = client_for(staff)
    client.post(ROUTES["mentoring:matching_end_pair"][1](world), {"reason": "Moved away."})
    client.post(
        ROUTES["mentoring:matching_assign"][1](world),
        {"mentee": world.leila_application, "mentor": world.own_mentor},
    )

    assert Pairing.objects.get(pk=world.active_pair).status == PairingStatus.ENDED_EARLY
    assert Pairing.objects.filter(
        mentee_id=world.leila_application, mentor_id=world.own_mentor, set_by_hand=True
    ).exists()
