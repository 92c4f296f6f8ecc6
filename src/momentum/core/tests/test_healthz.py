"""/healthz: what a load balancer or a monitor polls, without signing in."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


def test_healthy_platform_answers_200_with_every_check_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "tasks": "ok", "workers": "ok"},
    }


def test_health_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_health_needs_no_sign_in_and_no_language_prefix(client):
    response = client.get("/healthz", follow=False)

    assert response.status_code == 200
    assert "Location" not in response


def test_unavailable_task_table_answers_503(client):
    with mock.patch.object(
        DBTaskResult.objects, "exists", side_effect=OperationalError("no such table")
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "tasks": "unavailable", "workers": "ok"},
    }


def test_unavailable_database_answers_503(client):
    broken = mock.MagicMock()
    broken.cursor.side_effect = OperationalError("connection refused")
    with (
        mock.patch("momentum.core.views.connection", broken),
        mock.patch.object(
            DBTaskResult.objects, "exists", side_effect=OperationalError("connection refused")
        ),
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"
    assert response.json()["checks"]["tasks"] == "unavailable"


def test_health_only_answers_get(client):
    assert client.post("/healthz").status_code == 405
