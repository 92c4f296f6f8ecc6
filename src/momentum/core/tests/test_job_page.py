"""The page of a background job: its creator and staff follow its progress, nobody else."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.core import services
from momentum.core.models import Job, JobStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(focal_point):  # type: ignore[no-untyped-def]
    job = services.create_job(kind="people.bulk_invitation", by=focal_point, total=40)
    services.start_job(job, total=40)
    services.advance_job(job, 10)
    return Job.objects.get(pk=job.pk)


def _url(job: Job) -> str:
    return f"/en/jobs/{job.pk}/"


def test_creator_sees_the_job_page_with_its_progress(client_for, focal_point, job):
    response = client_for(focal_point).get(_url(job))

    assert response.status_code == 200
    content = response.content.decode()
    assert "<html" in content
    assert "10 of 40 rows processed" in content
    assert 'value="25"' in content  # per cent
    assert "Running" in content


def test_staff_see_anyones_job(client_for, staff, job):
    assert client_for(staff).get(_url(job)).status_code == 200


@pytest.mark.parametrize("persona", ["outsider", "officer", "donor"])
def test_others_get_404_as_if_the_job_did_not_exist(client_for, persona, request, job):
    user = request.getfixturevalue(persona)

    assert client_for(user).get(_url(job)).status_code == 404


def test_missing_job_is_404(client_for, staff):
    assert client_for(staff).get("/en/jobs/999999/").status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, job):
    response = client.get(_url(job))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_htmx_poll_gets_only_the_progress_fragment(client_for, focal_point, job):
    response = client_for(focal_point).get(_url(job), HTTP_HX_REQUEST="true")

    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert content.lstrip().startswith('<section id="job-progress"')
    assert "10 of 40 rows processed" in content


def test_unfinished_job_polls_itself(client_for, focal_point, job):
    content = client_for(focal_point).get(_url(job), HTTP_HX_REQUEST="true").content.decode()

    assert f'hx-get="/en/jobs/{job.pk}/"' in content
    assert 'hx-trigger="every 2s"' in content


def test_finished_job_stops_polling_and_shows_its_report(client_for, focal_point, job):
    services.finish_job(
        job,
        report={
            "invited": 3,
            "rows": 4,
            "rejected": [{"row": 2, "email": "bad@", "reason": "Not an e-mail address."}],
        },
    )

    content = client_for(focal_point).get(_url(job)).content.decode()

    assert f'hx-get="/en/jobs/{job.pk}/"' not in content  # the job no longer polls
    assert "Finished" in content
    assert 'value="100"' in content
    assert "3 of 4 rows led to an invitation." in content
    assert "Not an e-mail address." in content


def test_failed_job_shows_its_error(client_for, focal_point, job):
    services.fail_job(job, error="The file is not a spreadsheet.")

    content = client_for(focal_point).get(_url(job)).content.decode()

    assert "Failed" in content
    assert "The file is not a spreadsheet." in content
    assert f'hx-get="/en/jobs/{job.pk}/"' not in content  # the job no longer polls


def test_job_progress_counts_stay_right_when_advanced_concurrently(job):
    # advance_job uses F(): two stale copies of the row both count.
    stale_a = Job.objects.get(pk=job.pk)
    stale_b = Job.objects.get(pk=job.pk)
    services.advance_job(stale_a, 5)
    services.advance_job(stale_b, 5)

    assert Job.objects.get(pk=job.pk).done == 20


def test_percent_is_zero_without_a_total_and_full_when_succeeded(focal_point):
    job = Job(kind="x", created_by=focal_point, total=0, done=0)
    assert job.percent == 0
    job.status = JobStatus.SUCCEEDED
    assert job.percent == 100


def test_job_page_queries_are_bounded(client_for, focal_point, job):
    client = client_for(focal_point)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(job))

    assert response.status_code == 200
    # session, user, the job, roles (navigation); refused menu entries cost no query
    assert len(queries) == 4, "\n".join(query["sql"] for query in queries)


def test_htmx_poll_costs_only_the_session_user_and_job(client_for, focal_point, job):
    client = client_for(focal_point)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(job), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    # session, user, the job: the fragment shows no navigation, so no permission checks
    assert len(queries) == 3, "\n".join(query["sql"] for query in queries)
