"""The API's description: /api/v1/openapi.json and the /api/v1/docs page, usable offline."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def test_openapi_lists_every_route(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Momentum API"
    assert {
        "/api/v1/me",
        "/api/v1/countries",
        "/api/v1/people",
        "/api/v1/people/{person_id}",
    } <= set(schema["paths"])
    for path in ["/api/v1/me", "/api/v1/countries", "/api/v1/people", "/api/v1/people/{person_id}"]:
        assert "get" in schema["paths"][path], path


def test_openapi_documents_the_people_filters_and_pagination(client):
    schema = client.get("/api/v1/openapi.json").json()

    parameters = {
        parameter["name"] for parameter in schema["paths"]["/api/v1/people"]["get"]["parameters"]
    }
    assert {"country", "sex", "rank_level", "q", "page"} <= parameters
    assert set(schema["components"]["schemas"]["Sex"]["enum"]) == {"female", "male"}


def test_openapi_declares_both_ways_to_authenticate(client):
    schema = client.get("/api/v1/openapi.json").json()

    schemes = schema["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"}.items() <= schemes["TokenAuth"].items()
    assert schemes["SessionAuth"]["in"] == "cookie"
    assert schemes["SessionAuth"]["name"] == "sessionid"


def test_docs_page_loads_nothing_from_another_origin(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    content = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in content
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", content)
    assert "cdn" not in content.lower()
    assert "http://" not in content and "https://" not in content


def test_docs_page_turns_off_the_online_spec_validator(client):
    """Swagger UI asks validator.swagger.io about the spec unless told not to."""
    content = client.get("/api/v1/docs").content.decode()

    settings_json = re.search(
        r'<script type="application/json" id="swagger-settings">(.*?)</script>', content, re.S
    )
    assert settings_json
    assert json.loads(settings_json.group(1))["validatorUrl"] is None


def test_openapi_documents_the_country_statuses(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert set(schema["components"]["schemas"]["CountryStatus"]["enum"]) == {
        "active",
        "not_yet_active",
    }
