"""Who may use the support office's routes (see tests/test_authorization_matrix.py).

The records: Leila's (the Jordanian officer's) request with a file, a visitor's request
followed by its private link, a published article. Everyone signed in may ask and read her
own requests; only staff answer and see the queue; focal points do not see their officers'
requests (a question may be personal); the donor sees the report's aggregates only."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.support.models import Attachment, HeldMail, HeldReason
from momentum.support.services import knowledge
from momentum.support.services import requests as services
from momentum.support.tests.factories import category

# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "support:ask":                  (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "support:mine":                 (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "support:request":              (302, 200, 404, 404, 200, 404, 404, 404, 404, 404),
    "support:answer":               (302, 302, 404, 404, 403, 404, 404, 404, 404, 404),
    "support:rate":                 (302, 302, 404, 404, 403, 404, 404, 404, 404, 404),
    "support:attachment":           (302, 200, 404, 404, 200, 404, 404, 404, 404, 404),
    "support:queue":                (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "support:reply":                (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "support:note":                 (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "support:assign":               (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "support:status":               (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "support:merge":                (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "support:held_mail":            (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "support:release_held":         (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "support:report":               (302, 403, 403, 403, 200, 200, 403, 403, 403, 403),
    "support:contact":              (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "support:follow":               (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "support:follow_answer":        (302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    "support:follow_rate":          (302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    "support:knowledge":            (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "support:suggest":              (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "support:article":              (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "support:article_vote":         (302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    "support:article_new":          (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "support:article_edit":         (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "support_inbound_mail":         (403, 403, 403, 403, 403, 403, 403, 403, 403, 403),
    "api:list_support_categories":  (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:list_support_requests":    (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:get_support_request":      (401, 200, 404, 404, 200, 404, 404, 404, 404, 404),
    "api:open_support_request":     (401, 201, 201, 201, 201, 201, 201, 201, 201, 201),
}
# fmt: on


@dataclass(frozen=True)
class World:
    reference: str
    attachment: int
    token: str
    article: int
    held: int


ROUTES: dict[str, tuple[str, Any, dict[str, Any]]] = {
    "support:ask": ("get", lambda w: "/en/support/ask/", {}),
    "support:mine": ("get", lambda w: "/en/support/requests/", {}),
    "support:request": ("get", lambda w: f"/en/support/requests/{w.reference}/", {}),
    "support:answer": (
        "post",
        lambda w: f"/en/support/requests/{w.reference}/answer/",
        {"data": {"body": "Hi"}},
    ),
    "support:rate": (
        "post",
        lambda w: f"/en/support/requests/{w.reference}/rate/",
        {"data": {"rating": "good"}},
    ),
    "support:attachment": ("get", lambda w: f"/en/support/files/{w.attachment}/", {}),
    "support:queue": ("get", lambda w: "/en/support/queue/", {}),
    "support:reply": (
        "post",
        lambda w: f"/en/support/requests/{w.reference}/reply/",
        {"data": {"body": "Hello", "then": "waiting"}},
    ),
    "support:note": (
        "post",
        lambda w: f"/en/support/requests/{w.reference}/note/",
        {"data": {"body": "Note"}},
    ),
    "support:assign": ("post", lambda w: f"/en/support/requests/{w.reference}/assign/", {}),
    "support:status": (
        "post",
        lambda w: f"/en/support/requests/{w.reference}/status/",
        {"data": {"status": "open"}},
    ),
    "support:merge": (
        "post",
        lambda w: f"/en/support/requests/{w.reference}/merge/",
        {"data": {"into": "SUP-NOTHERE"}},
    ),
    "support:held_mail": ("get", lambda w: "/en/support/held-mail/", {}),
    "support:release_held": (
        "post",
        lambda w: f"/en/support/held-mail/{w.held}/",
        {"data": {"action": "dismiss"}},
    ),
    "support:report": ("get", lambda w: "/en/support/report/", {}),
    "support:contact": ("get", lambda w: "/en/support/contact/", {}),
    "support:follow": ("get", lambda w: f"/en/support/follow/{w.token}/", {}),
    "support:follow_answer": (
        "post",
        lambda w: f"/en/support/follow/{w.token}/answer/",
        {"data": {"body": "Thanks"}},
    ),
    "support:follow_rate": (
        "post",
        lambda w: f"/en/support/follow/{w.token}/rate/",
        {"data": {"rating": "good"}},
    ),
    "support:knowledge": ("get", lambda w: "/en/support/questions/", {}),
    "support:suggest": ("get", lambda w: "/en/support/questions/suggest/?subject=visa", {}),
    "support:article": ("get", lambda w: f"/en/support/questions/{w.article}/", {}),
    "support:article_vote": (
        "post",
        lambda w: f"/en/support/questions/{w.article}/vote/",
        {"data": {"helpful": "yes"}},
    ),
    "support:article_new": ("get", lambda w: "/en/support/questions/new/", {}),
    "support:article_edit": ("get", lambda w: f"/en/support/questions/{w.article}/edit/", {}),
    "support_inbound_mail": (
        "post",
        lambda w: "/support/inbound-mail/",
        {"data": b"", "content_type": "message/rfc822"},
    ),
    "api:list_support_categories": ("get", lambda w: "/api/v1/support/categories", {}),
    "api:list_support_requests": ("get", lambda w: "/api/v1/support/requests", {}),
    "api:get_support_request": ("get", lambda w: f"/api/v1/support/requests/{w.reference}", {}),
    "api:open_support_request": (
        "post",
        lambda w: "/api/v1/support/requests",
        {
            "data": json.dumps({"category": "travel", "subject": "Visa", "description": "?"}),
            "content_type": "application/json",
        },
    ),
}


@pytest.fixture
def world(officer, staff) -> World:  # type: ignore[no-untyped-def]
    travel = category(staff=staff)
    mine = services.open_request(by=officer, category=travel, subject="Visa", description="?")
    attachment = Attachment(
        request=mine, message=mine.messages.first(), name="a.txt", content_type="text/plain", size=2
    )
    attachment.file.save("a.txt", ContentFile(b"hi"), save=False)
    attachment.save()
    visitor = services.open_public_request(
        name="Karim",
        email="karim@example.net",
        language="fr",
        country=None,
        category=travel,
        subject="Question",
        description="?",
    )
    article = knowledge.save_article(by=staff, language="en", title="Visa", body="Letters.")
    held = HeldMail.objects.create(reason=HeldReason.NO_REFERENCE, sender="x@example.net", raw=b"")
    return World(mine.reference, attachment.pk, visitor.access_token, article.pk, held.pk)


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_persona_gets_the_expected_answer(request, world, name):
    # One world per route; each persona's request is undone afterwards, so an answer or a
    # decision by one does not change what the next one sees.
    method, url, options = ROUTES[name]
    wrong = []
    for persona, expected in zip(PERSONAS, MATRIX[name], strict=True):
        with transaction.atomic():
            response = request_as(Client(), request, persona, method, url(world), **options)
            if response.streaming:
                # Read to the end: the test client closes the file then (closing it again
                # would close PostgreSQL's test connection).
                b"".join(response.streaming_content)
            transaction.set_rollback(True)
        if response.status_code != expected:
            wrong.append(f"{persona}: expected {expected}, got {response.status_code}")
        elif (
            persona == "anonymous"
            and response.status_code == 302
            and not name.startswith(("support:follow", "support:article_vote"))
            and "/accounts/login/" not in response["Location"]
        ):
            wrong.append(f"{persona}: sent to {response['Location']}, not to sign in")
    assert not wrong, f"{name}:\n" + "\n".join(wrong)
