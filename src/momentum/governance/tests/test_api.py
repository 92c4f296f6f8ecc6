"""The API answers through the same services and rules as the pages."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db


def _post(client, url, data):  # type: ignore[no-untyped-def]
    return client.post(url, json.dumps(data), content_type="application/json")


def test_a_member_answers_a_procedure_through_the_api_once(client_for, board_member, small_board):
    client = client_for(board_member)
    url = f"/api/v1/governance/procedures/{small_board.procedure.pk}/answers"

    first = _post(client, url, {"choice": "object", "text": "No budget."})
    second = _post(client, url, {"choice": "approve"})

    assert first.status_code == 201
    assert first.json()["country"] == "JO"
    assert second.status_code == 422
    assert "already answered" in second.json()["error"]["message"]


def test_a_member_votes_through_the_api(client_for, board_member, small_board):
    response = _post(
        client_for(board_member),
        f"/api/v1/governance/decisions/{small_board.motion.pk}/votes",
        {"choice": "abstain"},
    )

    assert response.status_code == 201
    assert response.json() == {"country": "JO", "choice": "abstain", "as_proxy": False}


def test_lists_in_bounded_queries(client_for, staff, small_board, django_assert_max_num_queries):
    client = client_for(staff)
    for url in (
        "/api/v1/governance/meetings",
        "/api/v1/governance/decisions",
        "/api/v1/governance/procedures",
        "/api/v1/governance/recommendations",
    ):
        with django_assert_max_num_queries(12):
            response = client.get(url)
        assert response.status_code == 200
        assert response.json(), url


def test_the_routes_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert "/api/v1/governance/procedures/{procedure_id}/answers" in paths
    assert "/api/v1/governance/recommendations" in paths
