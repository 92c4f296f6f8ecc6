"""Staff's selection board: per country its places and offers, then the applications with
the panel ranked by score, with every panel member's total and conflicts marked."""

from __future__ import annotations

from decimal import Decimal

import pytest

from momentum.core.tests.factories import CountryFactory
from momentum.mentoring.models import ApplicationStatus, CohortPlace, CohortStatus
from momentum.mentoring.tests.factories import (
    CohortFactory,
    endorsed_application,
    panelist_for,
    review_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(jordan, morocco):  # type: ignore[no-untyped-def]
    return CohortFactory(status=CohortStatus.SELECTION, places={jordan: 3, morocco: 2})


def _url(cohort):  # type: ignore[no-untyped-def]
    return f"/en/mentoring/cohorts/{cohort.pk}/selection/"


def test_applications_are_ranked_by_score_within_each_country(
    client_for, staff, cohort, jordan, morocco
):
    alice, bina = panelist_for(cohort), panelist_for(cohort)
    low = endorsed_application(cohort, jordan)
    high = endorsed_application(cohort, jordan)
    unscored = endorsed_application(cohort, jordan)
    moroccan = endorsed_application(cohort, morocco)
    review_of(low, alice, [1, 2])
    review_of(high, alice, [5, 9])
    review_of(high, bina, [4, 8])
    review_of(moroccan, bina, [3, 3])

    response = client_for(staff).get(_url(cohort))

    board = response.context["board"]
    jo, ma = board.countries
    assert (jo.country, ma.country) == (jordan, morocco)
    assert [row.application for row in jo.candidates] == [high, low, unscored]
    assert [row.rank for row in jo.candidates] == [1, 2, 3]
    assert [row.application for row in ma.candidates] == [moroccan]


def test_ties_go_to_more_reviews_then_the_earliest(client_for, staff, cohort, jordan):
    first = endorsed_application(cohort, jordan, score=Decimal("70"), reviews_count=1)
    more = endorsed_application(cohort, jordan, score=Decimal("70"), reviews_count=2)
    later = endorsed_application(cohort, jordan, score=Decimal("70"), reviews_count=1)

    board = client_for(staff).get(_url(cohort)).context["board"]

    assert [row.application for row in board.countries[0].candidates] == [more, first, later]


def test_each_panelists_total_and_conflicts_are_shown(client_for, staff, cohort, jordan):
    alice = panelist_for(cohort, given_name="Alice", family_name="Archer")
    bina = panelist_for(cohort, given_name="Bina", family_name="Bashir")
    application = endorsed_application(cohort, jordan)
    review_of(application, alice, [4, 7])
    review_of(application, bina, conflict=True)

    response = client_for(staff).get(_url(cohort))

    content = response.content.decode()
    row = response.context["board"].countries[0].candidates[0]
    cells = {cell.panelist: cell for cell in row.cells}
    assert cells[alice].total == Decimal("76.67")
    assert cells[bina].conflict
    assert "76.67" in content
    assert "Conflict" in content
    assert "Alice Archer" in content and "Bina Bashir" in content
    progress = {line.panelist: line for line in response.context["board"].progress}
    assert (progress[alice].reviewed, progress[alice].to_review) == (1, 0)
    assert progress[bina].conflicts == 1


def test_places_offered_and_accepted_per_country(client_for, staff, cohort, jordan):
    endorsed_application(cohort, jordan, status=ApplicationStatus.OFFERED)
    endorsed_application(cohort, jordan, status=ApplicationStatus.ACCEPTED)
    endorsed_application(cohort, jordan, status=ApplicationStatus.DECLINED)
    endorsed_application(cohort, jordan)

    response = client_for(staff).get(_url(cohort))

    jo = response.context["board"].countries[0]
    assert (jo.places, jo.offered, jo.accepted, jo.free) == (3, 1, 1, 1)
    assert len(jo.candidates) == 1
    assert len(jo.decided) == 3
    assert "3 places: 1 offered, 1 accepted, 1 free." in response.content.decode()


def test_a_full_country_shows_no_offer_button(client_for, staff, jordan, morocco):
    cohort = CohortFactory(status=CohortStatus.SELECTION, places={jordan: 1, morocco: 1})
    endorsed_application(cohort, jordan, status=ApplicationStatus.OFFERED)
    waiting = endorsed_application(cohort, jordan)

    content = client_for(staff).get(_url(cohort)).content.decode()

    assert "1 place: 1 offered, 0 accepted, 0 free." in content
    assert f"/applications/{waiting.pk}/offer/" not in content
    assert "No free place" in content


def test_a_panel_member_is_sent_to_the_panel_page(client_for, cohort):
    panelist = panelist_for(cohort)

    response = client_for(panelist).get(_url(cohort))

    assert response.status_code == 302
    assert response["Location"] == f"/en/mentoring/cohorts/{cohort.pk}/panel/"


def test_a_focal_point_is_refused(client_for, focal_point, cohort):
    assert client_for(focal_point).get(_url(cohort)).status_code == 403


def test_no_offer_buttons_before_selection(client_for, staff, jordan):
    cohort = CohortFactory(status=CohortStatus.OPEN)
    endorsed_application(cohort, jordan)

    content = client_for(staff).get(_url(cohort)).content.decode()

    assert "Places are offered once selection has started" in content
    assert "Offer a place" not in content


CODES = ("JO", "MA", "TN", "LB", "EG", "IQ", "PS")


def _fill(cohort, panel, count):  # type: ignore[no-untyped-def]
    countries = [CountryFactory(code=code) for code in CODES]
    for country in countries:
        CohortPlace.objects.get_or_create(cohort=cohort, country=country, defaults={"places": 3})
    for index in range(count):
        application = endorsed_application(cohort, countries[index % len(countries)])
        for number, panelist in enumerate(panel):
            if (index + number) % 4 == 0:
                review_of(application, panelist, conflict=True, aggregate=False)
            else:
                review_of(application, panelist, [index % 6, number], aggregate=False)


# session, user, roles, the cohort (+ areas, places, criteria), the places with their
# countries, the panel, the applications, their reviews, the reviews' scores, and the
# layout's menu and notifications.
BOARD_QUERIES = 13


def test_the_board_answers_in_the_same_number_of_queries_whatever_the_rows(
    client_for, staff, cohort, django_assert_num_queries
):
    panel = [panelist_for(cohort) for _ in range(3)]
    client = client_for(staff)
    _fill(cohort, panel, 2)
    client.get(_url(cohort))
    with django_assert_num_queries(BOARD_QUERIES):
        client.get(_url(cohort))
    _fill(cohort, panel, 40)

    with django_assert_num_queries(BOARD_QUERIES):
        response = client.get(_url(cohort))

    board = response.context["board"]
    assert len(board.countries) == 7
    assert board.candidates == 42
