"""On Arabic pages officers are named and sorted by their Arabic-script name; on French and
English pages by their Latin name."""

from __future__ import annotations

import re

import pytest

from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_officers(jordan):
    # Latin order: Abbas before Zayed; Arabic order: زايد (ز) before عباس (ع).
    make_officer(
        jordan,
        user__given_name="Omar",
        user__family_name="Abbas",
        user__given_name_ar="عمر",
        user__family_name_ar="عباس",
    )
    make_officer(
        jordan,
        user__given_name="Rami",
        user__family_name="Zayed",
        user__given_name_ar="رامي",
        user__family_name_ar="زايد",
    )


def _first_column(content: str) -> list[str]:
    return re.findall(r'<a href="/\w\w/people/officers/\d+/"><bdi>([^<]+)</bdi></a>', content)


def test_arabic_pages_name_and_sort_officers_in_arabic_script(
    client_for, focal_point, two_officers
):
    content = client_for(focal_point).get("/ar/people/officers/").content.decode()

    assert _first_column(content) == ["رامي زايد", "عمر عباس"]
    assert "Omar Abbas" in content  # the Latin name beside it


def test_french_pages_name_and_sort_officers_in_latin_script(client_for, focal_point, two_officers):
    content = client_for(focal_point).get("/fr/people/officers/").content.decode()

    assert _first_column(content) == ["Omar Abbas", "Rami Zayed"]


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [("ar", "مفتش شرطة", "Inspector"), ("fr", "Inspecteur de police", "مفتش شرطة")],
)
def test_ranks_are_named_in_the_readers_language(
    client_for, focal_point, two_officers, language, shown, not_shown
):
    content = client_for(focal_point).get(f"/{language}/people/officers/").content.decode()

    assert content.count(shown) == 2
    assert not_shown not in content


def test_an_officers_page_names_the_rank_in_arabic(client_for, focal_point, officer):
    content = (
        client_for(focal_point).get(f"/ar/people/officers/{officer.profile.pk}/").content.decode()
    )

    assert "<dd>مفتش شرطة (" in content
    assert "Inspector" not in content


def test_an_officers_own_home_names_the_rank_in_arabic(client_for, officer):
    content = client_for(officer).get("/ar/").content.decode()

    assert "مفتش شرطة · " in content
    assert "Inspector" not in content
