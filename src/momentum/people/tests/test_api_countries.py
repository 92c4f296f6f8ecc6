"""GET /api/v1/countries: the partner countries, named in the three languages."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.core.models import CountryStatus
from momentum.core.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/countries"


def test_countries_have_their_names_in_arabic_french_and_english(client_for, officer, morocco):
    response = client_for(officer).get(URL)

    assert response.status_code == 200
    assert response.json() == [
        {
            "code": "JO",
            "name": "Jordan",
            "name_ar": "الأردن",
            "name_fr": "Jordanie",
            "name_en": "Jordan",
            "status": "active",
        },
        {
            "code": "MA",
            "name": "Morocco",
            "name_ar": "المغرب",
            "name_fr": "Maroc",
            "name_en": "Morocco",
            "status": "active",
        },
    ]


def test_a_country_not_yet_active_says_so(client_for, staff):
    CountryFactory(
        code="EG",
        name_en="Egypt",
        name_fr="Égypte",
        name_ar="مصر",
        status=CountryStatus.NOT_YET_ACTIVE,
    )

    [egypt] = client_for(staff).get(URL).json()

    assert egypt["status"] == "not_yet_active"
    assert egypt["name_fr"] == "Égypte"


def test_countries_are_sorted_by_code(client_for, staff):
    for code in ["TN", "DZ", "LB"]:
        CountryFactory(code=code)

    codes = [country["code"] for country in client_for(staff).get(URL).json()]

    assert codes == ["DZ", "LB", "TN"]


@pytest.mark.parametrize("persona", ["officer", "focal_point", "outsider", "staff", "donor"])
def test_every_signed_in_role_may_list_countries(client_for, persona, request):
    user = request.getfixturevalue(persona)

    assert client_for(user).get(URL).status_code == 200


def test_anonymous_gets_401_in_the_json_error_shape(client, jordan):
    response = client.get(URL)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("countries", [2, 12])
def test_countries_query_count_does_not_grow(client_for, staff, countries):
    for number in range(countries):
        CountryFactory(code=f"Q{chr(65 + number)}")
    client = client_for(staff)

    with CaptureQueriesContext(connection) as queries:
        assert len(client.get(URL).json()) == countries

    # session, user, countries
    assert len(queries) == 3, [query["sql"] for query in queries]


@pytest.mark.parametrize(
    ("accept", "name"), [("fr", "Jordanie"), ("ar", "الأردن"), ("en", "Jordan")]
)
def test_name_follows_the_callers_language(client_for, officer, accept, name):
    response = client_for(officer).get(URL, HTTP_ACCEPT_LANGUAGE=accept)

    assert response.json()[0]["name"] == name
