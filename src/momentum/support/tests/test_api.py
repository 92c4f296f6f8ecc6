"""The support office's API: the caller's own requests, bounded queries, never a note."""

from __future__ import annotations

import pytest

from momentum.support.models import Status
from momentum.support.services import requests as services

pytestmark = pytest.mark.django_db


def test_an_officer_lists_her_requests_in_bounded_queries(
    client_for, officer, outsider, travel, django_assert_max_num_queries
):
    for i in range(8):
        services.open_request(by=officer, category=travel, subject=f"Visa {i}", description="?")
    services.open_request(by=outsider, category=travel, subject="Not hers", description="?")
    client = client_for(officer)

    # session, user, roles, count, page of requests with category and country.
    with django_assert_max_num_queries(6):
        body = client.get("/api/v1/support/requests").json()

    assert body["count"] == 8
    assert "Not hers" not in {item["subject"] for item in body["items"]}


def test_a_request_read_through_the_api_shows_replies_but_no_note(
    client_for, officer, staff, travel
):
    request = services.open_request(by=officer, category=travel, subject="Visa", description="?")
    services.add_note(request=request, by=staff, body="Internal only")
    services.reply(request=request, by=staff, body="Here you are", then=Status.WAITING)

    body = client_for(officer).get(f"/api/v1/support/requests/{request.reference}").json()

    assert [message["kind"] for message in body["messages"]] == ["asker", "reply"]
    assert "Internal only" not in str(body)
    assert body["status"] == "waiting"


def test_asking_through_the_api_refuses_an_unknown_category(client_for, officer, travel):
    client = client_for(officer)

    refused = client.post(
        "/api/v1/support/requests",
        {"category": "nothing", "subject": "a", "description": "b"},
        content_type="application/json",
    )
    accepted = client.post(
        "/api/v1/support/requests",
        {"category": "travel", "subject": "Visa", "description": "Letter"},
        content_type="application/json",
    )

    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "invalid"
    assert accepted.status_code == 201
    assert accepted.json()["reference"].startswith("SUP-")
