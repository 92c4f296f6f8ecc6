"""Colleagues a focal point asks to answer sections of her country's questionnaire: they save
their sections only, never submit; the focal point validates and submits the whole."""

from __future__ import annotations

from typing import Any

import pytest

from momentum.needs.models import Answer, Contributor, SubmissionStatus
from momentum.needs.services import submissions as services
from momentum.needs.tests import factories
from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_sections(jordan: Any) -> Any:
    """Jordan's draft of a questionnaire with two sections: "training" and "personnel"."""
    form = factories.questionnaire()
    training = factories.section(form, "training", order=1)
    personnel = factories.section(form, "personnel", order=2)
    factories.question(training, "courses", "text")
    factories.question(personnel, "women", "number", min_value=0)
    round = factories.assessment_round(form)
    submission = factories.submission(round, jordan)
    return submission, training, personnel


def _ask(client: Any, submission: Any, email: str, *sections: Any) -> Any:
    return client.post(
        f"/en/needs/submissions/{submission.pk}/colleagues/",
        {"email": email, "sections": [section.pk for section in sections]},
    )


def test_a_colleague_saves_her_sections_only(client_for, focal_point, jordan, two_sections):
    submission, training, _personnel = two_sections
    colleague = make_officer(jordan)

    response = _ask(client_for(focal_point), submission, colleague.email, training)
    assert response.status_code == 302

    client = client_for(colleague)
    page = client.get(f"/en/needs/submissions/{submission.pk}/").content.decode()
    assert 'name="q-courses"' in page and 'name="q-women"' not in page
    assert "Validate and submit for review" not in page
    client.post(
        f"/en/needs/submissions/{submission.pk}/",
        {"version": submission.version, "q-courses": "دورة التحقيق", "q-women": "12"},
    )

    answers = dict(Answer.objects.values_list("question__name", "value"))
    assert answers == {"courses": "دورة التحقيق"}


def test_a_colleague_cannot_submit_the_questionnaire(client_for, focal_point, jordan, two_sections):
    submission, training, _personnel = two_sections
    colleague = make_officer(jordan)
    _ask(client_for(focal_point), submission, colleague.email, training)

    response = client_for(colleague).post(
        f"/en/needs/submissions/{submission.pk}/",
        {"version": submission.version, "action": "submit", "q-courses": "x"},
    )

    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT


def test_the_focal_point_validates_and_submits_with_her_colleagues_answers(
    client_for, focal_point, jordan, two_sections
):
    submission, training, _personnel = two_sections
    colleague = make_officer(jordan)
    _ask(client_for(focal_point), submission, colleague.email, training)
    submission.refresh_from_db()
    services.save_answers(
        by=colleague, submission=submission, answers={"courses": "x"}, version=None
    )
    client = client_for(focal_point)
    assert (
        "Validate and submit for review"
        in client.get(f"/en/needs/submissions/{submission.pk}/").content.decode()
    )

    submission.refresh_from_db()
    client.post(
        f"/en/needs/submissions/{submission.pk}/",
        {"version": submission.version, "action": "submit", "q-courses": "x", "q-women": "3"},
    )

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.events.filter(kind="submitted", actor=focal_point).exists()


def test_an_officer_of_another_country_cannot_be_asked(
    client_for, focal_point, morocco, two_sections
):
    submission, training, _personnel = two_sections
    stranger = make_officer(morocco)

    response = _ask(client_for(focal_point), submission, stranger.email, training)

    assert response.status_code == 422
    assert "Only a colleague with an account in Jordan" in response.content.decode()
    assert not Contributor.objects.exists()


def test_an_unknown_address_is_told_to_invite_first(client_for, focal_point, two_sections):
    submission, training, _personnel = two_sections

    response = _ask(client_for(focal_point), submission, "nobody@example.org", training)

    assert response.status_code == 422
    assert "invite your colleague to the platform first" in response.content.decode()


def test_the_colleague_is_told_on_her_home_page_and_loses_access_when_withdrawn(
    client_for, focal_point, jordan, two_sections
):
    submission, training, _personnel = two_sections
    colleague = make_officer(jordan)
    _ask(client_for(focal_point), submission, colleague.email, training)
    home = client_for(colleague).get("/en/").content.decode()
    assert f"/en/needs/submissions/{submission.pk}/" in home

    contributor = Contributor.objects.get()
    client_for(focal_point).post(f"/en/needs/submission-colleagues/{contributor.pk}/remove/")

    response = client_for(colleague).get(f"/en/needs/submissions/{submission.pk}/")
    assert response.status_code == 404


def test_the_colleagues_page_costs_the_same_queries_for_1_or_6_colleagues(
    client_for, focal_point, jordan, two_sections, django_assert_max_num_queries
):
    submission, training, personnel = two_sections
    client = client_for(focal_point)
    _ask(client, submission, make_officer(jordan).email, training)
    url = f"/en/needs/submissions/{submission.pk}/colleagues/"
    client.get(url)
    with django_assert_max_num_queries(16) as few:
        client.get(url)
    budget = len(few.captured_queries)  # read now: the next requests reset the log
    for _index in range(5):
        _ask(client, submission, make_officer(jordan).email, training, personnel)
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.content.decode().count("/remove/") == 6


def test_a_submission_with_two_colleagues_is_listed_once_for_its_focal_point(
    client_for, focal_point, jordan, two_sections
):
    from momentum.needs.selectors import submissions_visible_to

    submission, training, personnel = two_sections
    client = client_for(focal_point)
    _ask(client, submission, make_officer(jordan).email, training)
    _ask(client, submission, make_officer(jordan).email, personnel)

    assert list(submissions_visible_to(focal_point)) == [submission]
