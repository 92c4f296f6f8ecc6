"""The API answers and submits through the same services as the pages, scoped like them."""

from __future__ import annotations

import json

import pytest

from momentum.needs.models import SubmissionStatus
from momentum.needs.services.submissions import start_submission
from momentum.needs.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(jordan, focal_point):  # type: ignore[no-untyped-def]
    return start_submission(by=focal_point, round=factories.assessment_round(), country=jordan)


def _send(client, method, url, body):  # type: ignore[no-untyped-def]
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def test_a_focal_point_saves_then_submits_through_the_api(client_for, focal_point, submission):
    client = client_for(focal_point)
    url = f"/api/v1/needs/submissions/{submission.pk}"

    saved = _send(
        client,
        "put",
        f"{url}/answers",
        {
            "version": submission.version,
            "answers": {"has_unit": "yes", "unit_size": 900, "notes": "ok"},
        },
    )
    assert saved.status_code == 200
    assert saved.json()["errors"] == {"unit_size": "Between 1 and 500 officers."}

    done = _send(
        client,
        "post",
        f"{url}/submit",
        {"version": saved.json()["version"], "answers": factories.VALID_ANSWERS},
    )
    assert done.json()["status"] == SubmissionStatus.SUBMITTED
    assert client.get(url).json()["answers"]["notes"] == "وحدة صغيرة"


def test_a_stale_version_is_a_conflict(client_for, focal_point, submission):
    client = client_for(focal_point)
    url = f"/api/v1/needs/submissions/{submission.pk}/answers"
    _send(client, "put", url, {"version": submission.version, "answers": {"notes": "a"}})

    response = _send(client, "put", url, {"version": submission.version, "answers": {"notes": "b"}})

    assert response.status_code == 409
    assert (
        "saved this questionnaire while you were answering" in response.json()["error"]["message"]
    )


def test_the_submission_list_is_scoped_and_bounded(
    client_for, outsider, submission, morocco, django_assert_max_num_queries
):
    factories.submission(submission.round, morocco)
    client = client_for(outsider)
    client.get("/api/v1/needs/submissions")

    with django_assert_max_num_queries(6):
        listed = client.get("/api/v1/needs/submissions").json()

    assert [item["country"] for item in listed["items"]] == ["MA"]


def test_the_api_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert {"/api/v1/needs/submissions/{pk}/answers", "/api/v1/needs/figures"} <= paths.keys()
