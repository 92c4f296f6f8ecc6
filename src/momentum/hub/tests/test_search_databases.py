"""The same searches give the same results, in the same order, on SQLite and PostgreSQL (CI
runs the suite on both): the matching is LIKE on folded keys and the ranking plain SQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.hub.selectors.search import search
from momentum.hub.services.search_index import index_resource
from momentum.hub.tests.factories import (
    PostFactory,
    ResourceFactory,
    SpaceFactory,
    ThreadFactory,
    index_as_published,
)

pytestmark = pytest.mark.django_db

CORPUS = [
    ("Sécurité des frontières", "Les contrôles de sécurité à l'aéroport"),
    ("Border security", "Checks at the airport, 2024"),
    ("أمن الحدود", "مكافحة الاتجار بالبشر عام ٢٠٢٤"),
    ("Notes", "La sécurité et la formation des équipes"),
    ("تدريب", "وبالتدريب المستمر نحمي الأسرة"),
    ("100% de réussite", "un_mot avec souligné"),
]
EXPECTED = {
    "securite": ["Sécurité des frontières", "Notes"],
    "sécurité aeroport": ["Sécurité des frontières"],
    "2024": ["Border security", "أمن الحدود"],  # both in the text: the newer first
    "الحدود": ["أمن الحدود"],
    "مكافحه": ["أمن الحدود"],
    "التدريب": ["تدريب"],
    "الاسره": ["تدريب"],
    "security": ["Border security"],
    # In a title first; then in a text, newest first (the resource was added last); a short
    # word matches whole words only ("des" does not count).
    "de": ["100% de réussite", "Guide", "Sécurité des frontières"],
    "100%": ["100% de réussite"],  # "%" is not a wildcard
    "un_mot": ["100% de réussite"],  # nor is "_"
    "guide": ["Guide"],
    "nothing": [],
}


@pytest.fixture
def corpus():
    space = SpaceFactory()
    now = timezone.now()
    for age, (title, body) in enumerate(CORPUS):
        thread = ThreadFactory(space=space, title=title, opening__body=body)
        index_as_published(thread.posts.get(), now - timedelta(days=age))
    PostFactory(thread=thread, body="A reply without the words")
    index_resource(ResourceFactory(title_en="Guide", title_fr="Guide", title_ar="دليل"))


def _titles(user, query: str) -> list[str]:
    titles = []
    for entry in search(user, query):
        if entry.post is not None:
            titles.append(entry.post.thread.title)
        elif entry.resource is not None:
            titles.append(entry.resource.title_en or "")
    return titles


@pytest.mark.parametrize("query", sorted(EXPECTED))
def test_each_query_gives_the_expected_results_in_order(officer, corpus, query):
    assert _titles(officer, query) == EXPECTED[query]
