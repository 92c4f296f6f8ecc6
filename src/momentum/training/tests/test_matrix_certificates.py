"""Who may use the routes of certificates, transcripts and exports (see
tests/test_authorization_matrix.py).

The records: a completed session taught by the trainer, in which Leila (the officer of Jordan)
completed and holds a certificate.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.training.services.certificates import issue_certificate_if_complete
from momentum.training.tests.factories import completed_participation

# 404 hides that a certificate or a transcript exists from those who may not see it. The
# verification page and its API are public. A focal point of another country may export the
# session: they get their own country's rows only (none here).
#
# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "training:issue_certificates":   (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "training:my_certificate":       (302, 302, 404, 404, 404, 404, 404, 404, 404, 404),
    "training:session_export":       (302, 403, 200, 200, 200, 403, 403, 403, 403, 403),
    "training:certificate_pdf":      (302, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "training:revoke_certificate":   (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "training:verify":               (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "verify":                        (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "training:transcript":           (302, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "training:transcript_pdf":       (302, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "training:my_training":          (302, 200, 403, 403, 403, 403, 403, 403, 403, 403),
    "api:get_certificate":           (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
}
# fmt: on


@dataclass(frozen=True)
class World:
    session: int
    certificate: int
    code: str
    profile: int


ROUTES = {
    "training:issue_certificates": (
        "post",
        lambda w: f"/en/training/sessions/{w.session}/certificates/issue/",
    ),
    "training:my_certificate": ("get", lambda w: f"/en/training/sessions/{w.session}/certificate/"),
    "training:session_export": ("get", lambda w: f"/en/training/sessions/{w.session}/export.xlsx"),
    "training:certificate_pdf": (
        "get",
        lambda w: f"/en/training/certificates/{w.certificate}/pdf/",
    ),
    "training:revoke_certificate": (
        "get",
        lambda w: f"/en/training/certificates/{w.certificate}/revoke/",
    ),
    "training:verify": ("get", lambda w: f"/en/training/verify/{w.code}/"),
    "verify": ("get", lambda w: f"/en/verify/{w.code}/"),
    "training:transcript": ("get", lambda w: f"/en/training/officers/{w.profile}/transcript/"),
    "training:transcript_pdf": (
        "get",
        lambda w: f"/en/training/officers/{w.profile}/transcript.pdf",
    ),
    "training:my_training": ("get", lambda w: "/en/training/my-training/"),
    "api:get_certificate": ("get", lambda w: f"/api/v1/certificates/{w.code}"),
}


@pytest.fixture
def world(officer, trainer) -> World:  # type: ignore[no-untyped-def]
    nomination = completed_participation(officer.profile)
    nomination.session.trainers.add(trainer)
    certificate = issue_certificate_if_complete(nomination=nomination)
    assert certificate is not None
    return World(
        session=nomination.session_id,
        certificate=certificate.pk,
        code=certificate.code,
        profile=officer.profile.pk,
    )


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if name.startswith("api:") and response.status_code >= 400:
        assert set(response.json()) == {"error"}
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
