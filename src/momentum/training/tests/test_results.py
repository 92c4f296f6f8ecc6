"""Test results of a session and of a course: per participant, by sex and by country, score
distributions and each question's facility index, with charts; scoped to the reader."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.people.models import Sex
from momentum.people.tests.factories import ProfileFactory
from momentum.training import analytics, models
from momentum.training.models import Answer, NominationStatus, SessionStatus
from momentum.training.tests.factories import NominationFactory, SessionFactory, make_question

pytestmark = pytest.mark.django_db


def _attempt(nomination: Any, kind: str, score: str, rights: dict[Any, bool]) -> None:
    attempt = models.TestAttempt.objects.create(
        nomination=nomination,
        kind=kind,
        language="en",
        submitted_at=timezone.now(),
        score=Decimal(score),
    )
    for question, right in rights.items():
        Answer.objects.create(attempt=attempt, question=question, is_correct=right)


@pytest.fixture
def known(trainer, jordan, morocco) -> dict[str, Any]:
    """Four participants (two of Jordan, two of Morocco; two women, two men) and a waitlisted
    one whose scores must not count."""
    session = SessionFactory(trainers=[trainer], status=SessionStatus.COMPLETED)
    q1 = make_question(session.course, "single")
    q2 = make_question(session.course, "true_false")

    def participant(country: Any, sex: str, **fields: Any) -> Any:
        return NominationFactory(
            session=session, officer=ProfileFactory(country=country, sex=sex), **fields
        )

    a = participant(jordan, Sex.FEMALE)
    b = participant(jordan, Sex.MALE)
    c = participant(morocco, Sex.FEMALE)
    d = participant(morocco, Sex.MALE)
    e = participant(jordan, Sex.FEMALE, status=NominationStatus.WAITLISTED)
    _attempt(a, "pre", "50", {q1: True, q2: False})
    _attempt(a, "post", "100", {q1: True, q2: True})
    _attempt(b, "pre", "0", {q1: False, q2: False})
    _attempt(b, "post", "50", {q1: False, q2: True})
    _attempt(c, "pre", "100", {q1: True, q2: True})
    _attempt(c, "post", "100", {q1: True, q2: True})
    _attempt(d, "pre", "50", {q1: False, q2: True})
    _attempt(e, "pre", "0", {q1: False, q2: False})
    _attempt(e, "post", "0", {q1: False, q2: False})
    return {"session": session, "a": a, "b": b, "c": c, "d": d, "e": e, "q1": q1, "q2": q2}


def url(session: Any) -> str:
    return f"/en/training/sessions/{session.pk}/results/"


def _means(groups: list[analytics.GroupMeans]) -> dict[str, tuple[Any, ...]]:
    return {
        group.key: (
            group.participants,
            group.pre_mean,
            group.post_mean,
            group.gain_mean,
            group.normalised_gain_mean,
        )
        for group in groups
    }


def test_means_by_sex_are_exact(known):
    nominations = analytics.results_scope(known["session"].trainers.get(), session=known["session"])

    assert _means(analytics.means_by_sex(nominations)) == {
        # A (50 → 100, g = 1) and C (100 → 100, g undefined)
        "female": (2, Decimal("75.0"), Decimal("100.0"), Decimal("25.0"), Decimal("1.00")),
        # B (0 → 50, g = 0.5) and D (50, no post-test)
        "male": (2, Decimal("25.0"), Decimal("50.0"), Decimal("50.0"), Decimal("0.50")),
    }


def test_means_by_country_are_exact(known):
    nominations = analytics.results_scope(known["session"].trainers.get(), session=known["session"])
    countries = analytics.countries_of(nominations)

    groups = analytics.means_by_country(nominations, countries)

    assert _means(groups) == {
        "JO": (2, Decimal("25.0"), Decimal("75.0"), Decimal("50.0"), Decimal("0.75")),
        "MA": (2, Decimal("75.0"), Decimal("100.0"), Decimal("0.0"), None),
    }
    assert [group.label for group in groups] == ["Jordan", "Morocco"]
    overall = analytics.overall_means(nominations)
    assert (overall.participants, overall.pre_count, overall.post_count) == (4, 4, 3)
    assert overall.both_count == 3


def test_distributions_count_scores_in_ten_point_bins(known):
    nominations = analytics.results_scope(known["session"].trainers.get(), session=known["session"])

    distribution = analytics.distribution(nominations)

    def bins(**counts: int) -> list[int]:
        result = [0] * 10
        for index, count in counts.items():
            result[int(index.removeprefix("b"))] = count
        return result

    assert distribution.for_kind("sex", "post") == {"female": bins(b9=2), "male": bins(b5=1)}
    assert distribution.for_kind("sex", "pre") == {
        "female": bins(b5=1, b9=1),
        "male": bins(b0=1, b5=1),
    }
    assert distribution.for_kind("country", "post") == {"JO": bins(b5=1, b9=1), "MA": bins(b9=1)}


def test_each_questions_facility_index_on_both_tests(known):
    nominations = analytics.results_scope(known["session"].trainers.get(), session=known["session"])

    items = analytics.facility(nominations, known["session"].course)

    assert [(item.number, item.question) for item in items] == [
        (1, known["q1"]),
        (2, known["q2"]),
    ]
    assert [(item.pre_facility, item.post_facility) for item in items] == [
        (Decimal("50.0"), Decimal("66.7")),
        (Decimal("50.0"), Decimal("100.0")),
    ]


def test_the_page_shows_each_participants_scores_and_gains(client_for, staff, known):
    response = client_for(staff).get(url(known["session"]))

    rows = {result.nomination.pk: result for result in response.context["results"]}
    assert set(rows) == {known[key].pk for key in "abcd"}
    assert rows[known["a"].pk].gain == Decimal("50")
    assert rows[known["a"].pk].normalised_gain == Decimal("1.00")
    assert rows[known["c"].pk].normalised_gain is None
    assert rows[known["d"].pk].post is None
    content = response.content.decode()
    assert content.count("<td") > 0
    assert 'data-label="Normalised gain">—</td>' in content  # C's undefined normalised gain


def test_charts_are_inline_accessible_svg_without_inline_style(client_for, staff, known):
    content = client_for(staff).get(url(known["session"])).content.decode()

    charts = re.findall(r"<svg\b.*?</svg>", content, re.S)
    assert len(charts) == 5
    for chart in charts:
        assert 'role="img"' in chart
        assert re.search(r'aria-labelledby="([\w-]+)"[^>]*><title id="\1">', chart)
        assert " style=" not in chart  # the Content Security Policy forbids inline styles
        assert "<style" not in chart
    assert "<?xml" not in content
    assert "Mean pre- and post-test scores by sex</title>" in content


def test_arabic_labels_are_drawn_as_shapes_not_text(client_for, staff, known):
    content = client_for(staff).get(f"/ar/training/sessions/{known['session'].pk}/results/")

    charts = re.findall(r"<svg\b.*?</svg>", content.content.decode(), re.S)
    assert charts
    assert all("<text" not in chart for chart in charts)


def test_the_distributions_switch_to_the_pre_test(client_for, staff, known):
    response = client_for(staff).get(url(known["session"]), {"test": "pre"})

    assert response.context["kind"] == "pre"
    table = response.context["distribution_by_sex"]
    assert table["rows"][0] == ("0–9", [0, 1])  # female: none; male: B's 0


def test_a_focal_point_sees_only_their_countrys_rows_and_figures(client_for, focal_point, known):
    response = client_for(focal_point).get(url(known["session"]))

    assert response.status_code == 200
    assert {result.nomination.pk for result in response.context["results"]} == {
        known["a"].pk,
        known["b"].pk,
    }
    assert [group.key for group in response.context["by_country"]] == ["JO"]
    assert _means(response.context["by_sex"]) == {
        "female": (1, Decimal("50.0"), Decimal("100.0"), Decimal("50.0"), Decimal("1.00")),
        "male": (1, Decimal("0.0"), Decimal("50.0"), Decimal("50.0"), Decimal("0.50")),
    }
    facility = response.context["facility"]
    assert [(item.pre_answers, item.post_answers) for item in facility] == [(2, 2), (2, 2)]
    content = response.content.decode()
    assert "You see the participants of your own country only" in content
    for key in "cd":
        assert known[key].officer.user.full_name not in content


def test_another_countrys_focal_point_sees_only_theirs(client_for, outsider, known):
    response = client_for(outsider).get(url(known["session"]))

    assert {result.nomination.pk for result in response.context["results"]} == {
        known["c"].pk,
        known["d"].pk,
    }


def test_the_sessions_trainer_sees_every_participant(client_for, trainer, known):
    response = client_for(trainer).get(url(known["session"]))

    assert len(response.context["results"]) == 4
    assert "your own country only" not in response.content.decode()


@pytest.mark.parametrize("persona", ["officer", "donor", "mentor", "board_member"])
def test_others_may_not_see_results(client_for, request, known, persona):
    assert (
        client_for(request.getfixturevalue(persona)).get(url(known["session"])).status_code == 403
    )


def test_another_sessions_trainer_may_not_see_results(client_for, known):
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    other = person_with_role(Role.TRAINER, None, email="other.trainer@example.org")

    assert client_for(other).get(url(known["session"])).status_code == 403


def test_a_session_without_tests_says_so(client_for, staff):
    session = SessionFactory(status=SessionStatus.CONFIRMED)
    NominationFactory(session=session)

    response = client_for(staff).get(url(session))

    assert "No test has been taken yet." in response.content.decode()
    assert "<svg" not in response.content.decode()


def _participants_with_scores(
    session: Any, country: Any, number: int, questions: list[Any]
) -> None:
    for index in range(number):
        nomination = NominationFactory(session=session, officer=ProfileFactory(country=country))
        _attempt(nomination, "pre", str(index % 100), dict.fromkeys(questions, index % 2 == 0))
        _attempt(nomination, "post", str(100 - index % 50), dict.fromkeys(questions, True))


def test_the_results_page_costs_the_same_queries_for_10_or_60_participants(
    client_for, trainer, jordan, morocco
):
    session = SessionFactory(trainers=[trainer], status=SessionStatus.COMPLETED)
    questions = [make_question(session.course) for _ in range(3)]
    client = client_for(trainer)
    _participants_with_scores(session, jordan, 5, questions)
    _participants_with_scores(session, morocco, 5, questions)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url(session)).status_code == 200
    _participants_with_scores(session, jordan, 25, questions)
    _participants_with_scores(session, morocco, 25, questions)
    with CaptureQueriesContext(connection) as sixty:
        response = client.get(url(session))

    # Django's session and user, the user's roles, the session with its course, its trainers,
    # the countries, the overall means, the means by sex, by country, the distribution, the
    # answers per question, the questions, the count for the pages, a page of participants.
    # (Whether she sits on a mentoring panel, for the menu, is read with the user.)
    assert len(sixty) == len(ten) == 14
    assert response.context["overall"].participants == 60


def test_course_results_gather_the_courses_sessions(client_for, staff, known, jordan):
    course = known["session"].course
    later = SessionFactory(course=course, status=SessionStatus.COMPLETED)
    f = NominationFactory(session=later, officer=ProfileFactory(country=jordan))
    _attempt(f, "pre", "20", {known["q1"]: False})
    cancelled = SessionFactory(course=course, status=SessionStatus.CANCELLED)
    g = NominationFactory(session=cancelled, officer=ProfileFactory(country=jordan))
    _attempt(g, "pre", "90", {known["q1"]: True})

    response = client_for(staff).get(f"/en/training/courses/{course.pk}/results/")

    assert response.status_code == 200
    assert {result.nomination.pk for result in response.context["results"]} == {
        known[key].pk for key in "abcd"
    } | {f.pk}
    assert response.context["overall"].pre_count == 5
    assert response.context["show_sessions"] is True


def test_course_results_are_for_staff_and_focal_points(client_for, known, focal_point, trainer):
    course_url = f"/en/training/courses/{known['session'].course.pk}/results/"

    response = client_for(focal_point).get(course_url)
    assert {result.nomination.pk for result in response.context["results"]} == {
        known["a"].pk,
        known["b"].pk,
    }
    assert client_for(trainer).get(course_url).status_code == 403


def test_a_chart_is_drawn_once_then_read_from_the_cache(monkeypatch):
    from momentum.training import charts

    drawn: list[str] = []
    real = charts._draw_bar_chart

    def counting(**kwargs):
        drawn.append(kwargs["chart_id"])
        return real(**kwargs)

    monkeypatch.setattr(charts, "_draw_bar_chart", counting)
    data = {
        "chart_id": "gain",
        "title": "Gain",
        "categories": ["JO", "MA"],
        "series": [charts.Series("Pre", [40, 55])],
        "y_label": "%",
    }

    first = charts.bar_chart(**data)
    again = charts.bar_chart(**data)
    changed = charts.bar_chart(**{**data, "series": [charts.Series("Pre", [40, 56])]})

    assert first == again
    assert changed != first
    assert drawn == ["gain", "gain"]  # the repeat came from the cache, new data were drawn


def test_cached_course_figures_follow_a_new_test(client_for, staff, known, jordan):
    course_url = f"/en/training/courses/{known['session'].course.pk}/results/"
    client = client_for(staff)
    assert client.get(course_url).context["overall"].pre_count == 4

    later = SessionFactory(course=known["session"].course, status=SessionStatus.COMPLETED)
    _attempt(
        NominationFactory(session=later, officer=ProfileFactory(country=jordan)),
        "pre",
        "20",
        {known["q1"]: False},
    )

    response = client.get(course_url)
    assert response.context["overall"].pre_count == 5
    assert response.context["page"].paginator.count == 5


def test_cached_figures_are_kept_per_language_and_per_reader(client_for, staff, focal_point, known):
    course = known["session"].course
    english = client_for(staff).get(f"/en/training/courses/{course.pk}/results/")
    arabic = client_for(staff).get(f"/ar/training/courses/{course.pk}/results/")
    focal = client_for(focal_point).get(f"/en/training/courses/{course.pk}/results/")

    assert [group.label for group in english.context["by_sex"]] == ["Female", "Male"]
    assert [group.label for group in arabic.context["by_sex"]] != ["Female", "Male"]
    assert english.context["charts"]["sex"] != arabic.context["charts"]["sex"]
    assert "Mean pre- and post-test scores by sex" in english.context["charts"]["sex"]
    assert [group.key for group in english.context["by_country"]] == ["JO", "MA"]
    assert [group.key for group in focal.context["by_country"]] == ["JO"]
    assert focal.context["page"].paginator.count == 2
