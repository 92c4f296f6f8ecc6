"""Officers find a course in their language whatever the Arabic spelling or French accents."""

from __future__ import annotations

import pytest

from momentum.training import selectors
from momentum.training.models import Delivery, Track
from momentum.training.services.catalogue import save_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(staff):  # type: ignore[no-untyped-def]
    common = {"track": Track.CRIME_SPECIFIC, "delivery": Delivery.IN_PERSON, "duration_hours": 16}
    programme = save_course(
        by=staff,
        code="gsp-programme",
        title_en="Gender-sensitive policing programme",
        title_fr="Programme de police sensible au genre",
        title_ar="برنامج الشرطة المراعية للنوع الاجتماعي",
        summary_fr="La sécurité des femmes et des hommes.",
        **common,
    )
    osint = save_course(
        by=staff,
        code="osint-201",
        title_en="Open-source investigations",
        title_fr="Enquêtes en sources ouvertes",
        title_ar="التحقيقات في المصادر المفتوحة",
        **common,
    )
    return programme, osint


def _codes(text: str) -> list[str]:
    return [course.code for course in selectors.courses(text=text)]


@pytest.mark.parametrize(
    "text",
    [
        "برنامج",  # as written
        "البرنامج",  # with the article
        "بَرْنَامَج",  # with diacritics
        "بـرنـامـج",  # with tatweel
        "البرنامج الشرطة",  # two words
    ],
)
def test_arabic_spelling_variants_find_the_programme(courses, text):
    assert _codes(text) == ["gsp-programme"]


@pytest.mark.parametrize("text", ["securite", "SÉCURITÉ", "sécurité", "Sécurite"])
def test_french_accents_do_not_matter(courses, text):
    assert _codes(text) == ["gsp-programme"]


def test_a_course_is_found_by_its_code_and_english_words(courses):
    assert _codes("OSINT-201") == ["osint-201"]
    assert _codes("open source") == ["osint-201"]
    assert _codes("enquetes") == ["osint-201"]
    assert _codes("nothing like this") == []


def test_the_catalogue_page_searches_the_same_way(client_for, officer, courses):
    response = client_for(officer).get("/ar/training/", {"q": "البرنامج"})

    assert [course.code for course in response.context["page"]] == ["gsp-programme"]
    assert "برنامج الشرطة المراعية للنوع الاجتماعي" in response.content.decode()
