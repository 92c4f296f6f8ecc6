"""GET /api/v1/people and /api/v1/people/{id}: scoped exactly like the officer pages."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.people.models import RankLevel, Role, Sex
from momentum.people.tests.factories import officer as make_officer
from momentum.people.tests.factories import person_with_role

pytestmark = pytest.mark.django_db

URL = "/api/v1/people"


def _ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {person["id"] for person in response.json()["items"]}


@pytest.fixture
def moroccan(morocco):
    return make_officer(
        morocco, user__given_name="Youssef", user__family_name="Alaoui", sex=Sex.MALE
    )


# Scope ---------------------------------------------------------------------------------------


def test_staff_see_every_countrys_officers(client_for, staff, officer, moroccan):
    assert _ids(client_for(staff).get(URL)) == {officer.profile.pk, moroccan.profile.pk}


def test_focal_point_sees_only_own_countrys_officers(client_for, focal_point, officer, moroccan):
    assert _ids(client_for(focal_point).get(URL)) == {officer.profile.pk}


def test_focal_point_asking_for_another_country_gets_nothing_from_it(
    client_for, focal_point, officer, moroccan
):
    response = client_for(focal_point).get(URL, {"country": "MA"})

    assert _ids(response) == set()
    assert response.json()["count"] == 0


def test_outsider_focal_point_sees_only_morocco(client_for, outsider, officer, moroccan):
    client = client_for(outsider)

    assert _ids(client.get(URL)) == {moroccan.profile.pk}
    assert _ids(client.get(URL, {"country": "JO"})) == set()


def test_the_api_lists_exactly_what_the_officer_page_lists(
    client_for, focal_point, officer, moroccan, jordan
):
    for _ in range(3):
        make_officer(jordan)
    client = client_for(focal_point)

    page = {profile.pk for profile in client.get("/en/people/officers/").context["page"]}

    assert _ids(client.get(URL)) == page


@pytest.mark.parametrize("persona", ["donor", "officer"])
def test_roles_without_officer_lists_get_403_in_the_json_error_shape(
    client_for, persona, request, officer
):
    user = request.getfixturevalue(persona)

    response = client_for(user).get(URL)

    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "error": {"code": "forbidden", "message": "You do not have permission to do this."}
    }


@pytest.mark.parametrize("role", [Role.TRAINER, Role.MENTOR, Role.MODERATOR, Role.BOARD_MEMBER])
def test_other_roles_get_403(client_for, jordan, officer, role):
    user = person_with_role(role, jordan if role == Role.BOARD_MEMBER else None)

    assert client_for(user).get(URL).status_code == 403


def test_anonymous_gets_401_in_the_json_error_shape(client, officer):
    response = client.get(URL)

    assert response.status_code == 401
    assert response.json() == {
        "error": {"code": "unauthorized", "message": "Sign in or send a valid access token."}
    }


# What each person looks like -------------------------------------------------------------------


def test_a_person_has_names_in_both_scripts_and_professional_data(client_for, staff, officer):
    area = AreaOfWorkFactory(code="border-management")
    officer.profile.areas_of_work.add(area)

    [person] = client_for(staff).get(URL).json()["items"]

    profile = officer.profile
    assert person == {
        "id": profile.pk,
        "email": officer.email,
        "given_name": "Leila",
        "family_name": "Haddad",
        "given_name_ar": "ليلى",
        "family_name_ar": "حداد",
        "sex": profile.sex,
        "country": "JO",
        "agency": profile.agency.name,
        "rank": {
            "id": profile.rank_id,
            "name": "Inspector",
            "name_ar": "مفتش شرطة",
            "name_fr": "Inspecteur de police",
            "name_en": "Inspector",
            "level": "junior",
        },
        "rank_level": "junior",
        "areas_of_work": ["border-management"],
        "languages": ["ar", "en"],
    }


def test_a_rank_is_named_in_the_language_of_the_request_and_may_be_missing(
    client_for, staff, officer, jordan
):
    make_officer(jordan, rank=None, user__family_name="Zein")

    people = client_for(staff).get(URL, HTTP_ACCEPT_LANGUAGE="ar").json()["items"]

    assert [person["rank"] and person["rank"]["name"] for person in people] == ["مفتش شرطة", None]


def test_people_are_ordered_by_family_then_given_name(client_for, staff, jordan):
    for given, family in [("Omar", "Saleh"), ("Amina", "Benali"), ("Karim", "Benali")]:
        make_officer(jordan, user__given_name=given, user__family_name=family)

    items = client_for(staff).get(URL).json()["items"]

    assert [(p["family_name"], p["given_name"]) for p in items] == [
        ("Benali", "Amina"),
        ("Benali", "Karim"),
        ("Saleh", "Omar"),
    ]


# Pagination ------------------------------------------------------------------------------------


def test_pages_hold_fifty_people_and_count_them_all(client_for, staff, jordan):
    for _ in range(53):
        make_officer(jordan)
    client = client_for(staff)

    first = client.get(URL).json()
    second = client.get(URL, {"page": 2}).json()

    assert first["count"] == second["count"] == 53
    assert len(first["items"]) == 50
    assert len(second["items"]) == 3
    assert not {p["id"] for p in first["items"]} & {p["id"] for p in second["items"]}


def test_a_page_past_the_end_is_empty(client_for, staff, officer):
    body = client_for(staff).get(URL, {"page": 9}).json()

    assert body == {"items": [], "count": 1}


@pytest.mark.parametrize("page", ["0", "-1", "two"])
def test_an_invalid_page_is_422_in_the_json_error_shape(client_for, staff, page):
    response = client_for(staff).get(URL, {"page": page})

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["details"][0]["loc"] == ["query", "page"]


# Filters ------------------------------------------------------------------------------------


def test_filter_by_country_code_in_any_case(client_for, staff, officer, moroccan):
    client = client_for(staff)

    assert _ids(client.get(URL, {"country": "MA"})) == {moroccan.profile.pk}
    assert _ids(client.get(URL, {"country": "jo"})) == {officer.profile.pk}


def test_unknown_country_gives_an_empty_list(client_for, staff, officer):
    assert _ids(client_for(staff).get(URL, {"country": "ZZ"})) == set()


def test_filter_by_sex(client_for, staff, jordan):
    woman = make_officer(jordan, sex=Sex.FEMALE)
    make_officer(jordan, sex=Sex.MALE)

    assert _ids(client_for(staff).get(URL, {"sex": "female"})) == {woman.profile.pk}


def test_filter_by_rank_level(client_for, staff, jordan):
    senior = make_officer(jordan, rank_level=RankLevel.SENIOR)
    make_officer(jordan, rank_level=RankLevel.JUNIOR)

    assert _ids(client_for(staff).get(URL, {"rank_level": "senior"})) == {senior.profile.pk}


@pytest.mark.parametrize(("parameter", "value"), [("sex", "other"), ("rank_level", "general")])
def test_an_unknown_filter_value_is_422_not_an_empty_list(
    client_for, staff, officer, parameter, value
):
    response = client_for(staff).get(URL, {parameter: value})

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["query", parameter]


@pytest.mark.parametrize("query", ["اسماء", "أسماء الخوري", "الخورى", "KHOURY", "asma"])
def test_q_finds_a_name_in_either_script_and_any_spelling(client_for, staff, jordan, query):
    asma = make_officer(
        jordan,
        user__given_name="Asma",
        user__family_name="Khoury",
        user__given_name_ar="أسماء",
        user__family_name_ar="الخوري",
    )
    make_officer(
        jordan,
        user__given_name="Omar",
        user__family_name="Saleh",
        user__given_name_ar="عمر",
        user__family_name_ar="صالح",
    )

    assert _ids(client_for(staff).get(URL, {"q": query})) == {asma.profile.pk}


def test_filters_combine(client_for, staff, jordan, morocco):
    wanted = make_officer(jordan, sex=Sex.FEMALE, rank_level=RankLevel.MID)
    make_officer(jordan, sex=Sex.MALE, rank_level=RankLevel.MID)
    make_officer(morocco, sex=Sex.FEMALE, rank_level=RankLevel.MID)

    response = client_for(staff).get(URL, {"country": "JO", "sex": "female", "rank_level": "mid"})

    assert _ids(response) == {wanted.profile.pk}


def test_filters_never_widen_a_focal_points_scope(client_for, focal_point, officer, moroccan):
    response = client_for(focal_point).get(URL, {"sex": "male", "q": "Alaoui"})

    assert _ids(response) == set()


# Query budget --------------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [5, 60])
def test_people_queries_do_not_grow_with_rows(client_for, staff, jordan, rows):
    areas = [AreaOfWorkFactory(), AreaOfWorkFactory()]
    for _ in range(rows):
        make_officer(jordan).profile.areas_of_work.set(areas)
    client = client_for(staff)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)

    assert response.json()["count"] == rows
    # session, user, roles, count, page of profiles (user, country, agency joined),
    # areas of work (prefetched)
    assert len(queries) == 6, [query["sql"] for query in queries]


@pytest.mark.parametrize("rows", [5, 60])
def test_focal_point_people_queries_do_not_grow_with_rows(client_for, focal_point, jordan, rows):
    for _ in range(rows):
        make_officer(jordan)
    client = client_for(focal_point)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"country": "JO"})

    assert response.json()["count"] == rows
    # session, user, roles, the country asked for, count, page of profiles, areas of work
    assert len(queries) == 7, [query["sql"] for query in queries]


# One person ---------------------------------------------------------------------------------


def test_staff_get_any_person(client_for, staff, moroccan):
    response = client_for(staff).get(f"{URL}/{moroccan.profile.pk}")

    assert response.status_code == 200
    assert response.json()["email"] == moroccan.email


def test_focal_point_gets_a_person_of_own_country(client_for, focal_point, officer):
    response = client_for(focal_point).get(f"{URL}/{officer.profile.pk}")

    assert response.status_code == 200
    assert response.json()["id"] == officer.profile.pk


def test_officer_gets_own_profile(client_for, officer):
    assert client_for(officer).get(f"{URL}/{officer.profile.pk}").status_code == 200


@pytest.mark.parametrize("persona", ["outsider", "donor", "officer"])
def test_a_person_outside_the_callers_scope_is_404_in_the_json_error_shape(
    client_for, persona, request, jordan
):
    other = make_officer(jordan)
    user = request.getfixturevalue(persona)

    response = client_for(user).get(f"{URL}/{other.profile.pk}")

    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not found."}}


def test_focal_point_gets_404_for_another_countrys_officer(client_for, focal_point, moroccan):
    assert client_for(focal_point).get(f"{URL}/{moroccan.profile.pk}").status_code == 404


def test_a_missing_person_is_404_like_one_out_of_scope(client_for, staff):
    response = client_for(staff).get(f"{URL}/987654")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_anonymous_gets_401_for_one_person(client, officer):
    response = client.get(f"{URL}/{officer.profile.pk}")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_one_person_queries_are_bounded(client_for, focal_point, officer):
    client = client_for(focal_point)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{URL}/{officer.profile.pk}").status_code == 200

    # session, user, roles, the profile (user, country, agency joined), its areas of work
    assert len(queries) == 5, [query["sql"] for query in queries]
