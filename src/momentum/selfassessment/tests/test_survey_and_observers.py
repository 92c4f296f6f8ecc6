"""The anonymous personnel survey (one answer per link, results from five answers), the
observers' overview (nothing under three agencies), the indicators and the pages' queries."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from momentum.core.indicators import get
from momentum.core.tests.factories import AgencyFactory, CountryFactory
from momentum.people.tests.factories import officer as make_officer
from momentum.selfassessment import selectors, services
from momentum.selfassessment.models import SurveyResponse
from momentum.selfassessment.tests.factories import cycle_for, framework, rate_all

pytestmark = pytest.mark.django_db


def _answers(agreement: int) -> list[services.SurveyAnswer]:
    return [
        services.SurveyAnswer(dimension, agreement) for dimension in selectors.survey_dimensions()
    ]


@pytest.fixture
def cycle(officer, focal_point):
    return cycle_for(officer, by=focal_point)


def test_the_survey_is_answered_without_signing_in_once_per_link(client, cycle, focal_point):
    (token,) = services.create_survey_links(cycle=cycle, count=1, by=focal_point)
    statements = selectors.survey_dimensions()
    data = {f"d{dimension.pk}": "4" for dimension in statements}

    first = client.post(f"/en/selfassessment/survey/{token}/", data)
    second = client.post(
        f"/en/selfassessment/survey/{token}/", {**data, f"d{statements[0].pk}": "1"}
    )

    assert "Thank you" in first.content.decode()
    assert "cannot be used again" in second.content.decode()
    assert SurveyResponse.objects.count() == len(statements) == 7
    assert set(SurveyResponse.objects.values_list("agreement", flat=True)) == {4}
    assert client.get("/en/selfassessment/survey/not-a-token/").status_code == 404


def test_a_second_answer_from_the_same_link_is_refused(cycle, focal_point):
    (token,) = services.create_survey_links(cycle=cycle, count=1, by=focal_point)
    services.submit_survey(token=token, answers=_answers(3))

    with pytest.raises(ValidationError, match="already been used"):
        services.submit_survey(token=token, answers=_answers(5))


def test_survey_results_are_shown_only_from_five_answers(cycle, focal_point):
    tokens = services.create_survey_links(cycle=cycle, count=6, by=focal_point)
    for token, agreement in zip(tokens[:4], (1, 2, 4, 5), strict=True):
        services.submit_survey(token=token, answers=_answers(agreement))

    hidden = selectors.survey_result(cycle)
    services.submit_survey(token=tokens[4], answers=_answers(3))
    shown = selectors.survey_result(cycle)

    assert (hidden.answered, hidden.links, hidden.shown, hidden.means) == (4, 6, False, {})
    assert shown.shown and shown.answered == 5
    assert set(shown.means.values()) == {3.0}  # (1 + 2 + 4 + 5 + 3) / 5


def test_the_cycle_page_says_why_the_survey_is_hidden(client, cycle, focal_point):
    client.force_login(focal_point)

    page = client.get(f"/en/selfassessment/{cycle.pk}/").content.decode()

    assert "at least five people" in page


def _completed_agencies(count: int, staff) -> None:
    for index in range(count):
        country = CountryFactory(code=f"Q{index}")
        AgencyFactory(country=country, acronym=f"A{index}")
        lead = make_officer(country)
        cycle = cycle_for(lead, by=staff)
        rate_all(cycle, lead, score=index + 1)
        services.complete_cycle(cycle=cycle, by=lead)


def test_observers_see_nothing_until_three_agencies_have_completed_a_cycle(client, donor, staff):
    framework()
    _completed_agencies(2, staff)
    client.force_login(donor)

    with_two = client.get("/en/selfassessment/overview/").content.decode()
    api_two = client.get("/api/v1/selfassessment/overview").json()
    assert "too few to show" in with_two
    assert api_two == {"agencies": 2, "shown": False, "dimensions": []}


def test_observers_see_means_over_three_agencies_without_any_agency_named(client, donor, staff):
    framework()
    _completed_agencies(3, staff)
    client.force_login(donor)

    page = client.get("/en/selfassessment/overview/").content.decode()
    api = client.get("/api/v1/selfassessment/overview").json()

    assert api["shown"] and api["agencies"] == 3
    assert {row["mean_rating"] for row in api["dimensions"]} == {2.0}  # (1 + 2 + 3) / 3
    assert {row["agencies_rated_three_or_more"] for row in api["dimensions"]} == {1}
    assert "Agency A0" not in page and "Agency A1" not in page


def test_the_indicators_count_agencies_ratings_and_actions_by_country(officer, focal_point, staff):
    framework()
    cycle = cycle_for(officer, by=focal_point)
    rate_all(cycle, officer, score=3)
    services.rate_dimension(
        cycle=cycle, dimension=framework()[0], score=2, justification="Less.", by=officer
    )
    services.complete_cycle(cycle=cycle, by=officer)
    action = services.add_action(
        cycle=cycle,
        by=officer,
        dimension=framework()[0],
        title="Record age",
        owner="Stats",
        due_on="2026-12-31",
    )
    services.update_action(
        action=action,
        by=officer,
        version=action.version,
        status="done",
        completion_evidence="Done.",
    )

    agencies = get("selfassessment.agencies_completed").value()
    rated = get("selfassessment.dimensions_rated_three_or_more").value()
    done = get("selfassessment.actions_completed").value(country__code="JO")

    assert (agencies.total, agencies.by_country) == (1, {"JO": 1})
    assert (rated.total, rated.by_country) == (15, {"JO": 15})
    assert done.total == 1
    assert get("selfassessment.actions_completed").value(country__code="MA").total == 0


def test_the_pages_cost_the_same_queries_whatever_the_number_of_records(
    client, officer, focal_point
):
    cycle = cycle_for(officer, by=focal_point)
    client.force_login(officer)

    def count(url: str) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = [
        "/en/selfassessment/",
        f"/en/selfassessment/{cycle.pk}/",
        f"/en/selfassessment/{cycle.pk}/actions/",
        f"/en/selfassessment/{cycle.pk}/dimensions/{framework()[9].pk}/",
    ]
    before = [count(url) for url in urls]
    rate_all(cycle, officer)
    for index in range(12):
        services.add_action(
            cycle=cycle,
            by=officer,
            dimension=framework()[index],
            title=f"Action {index}",
            owner="Office",
            due_on="2027-01-31",
        )
        services.add_finding(cycle=cycle, theme=framework()[index].theme, text="Seen.", by=officer)
    cycle_for(officer, by=focal_point, year=2027)
    after = [count(url) for url in urls]

    # list: session, user, roles, cycles, dimension count; cycle page: the cycle, members,
    # framework (3), ratings, radar, findings, actions, survey (2); dimension page alike.
    assert after == before
    assert max(after) <= 25
