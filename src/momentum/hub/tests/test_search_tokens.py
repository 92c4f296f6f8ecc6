"""How many entries hold each token (``SearchToken``): kept by the indexing service as entries
are written, edited, hidden and removed, counted again by a rebuild, and what a search reads
to choose the word it reads first (the rarest) without counting rows itself."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import Count

from momentum.hub.models import MemberRole, SearchToken, SearchWord, SpaceKind
from momentum.hub.selectors.search import search
from momentum.hub.services import moderation
from momentum.hub.services.search_index import (
    count_tokens,
    index_post,
    index_resource,
    rebuild_words,
    reindex_all,
    unindex_resource,
)
from momentum.hub.tests.factories import (
    PostFactory,
    ResourceFactory,
    SpaceFactory,
    ThreadFactory,
    member,
)
from momentum.people.models import Role
from momentum.people.tests.factories import person_with_role

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return dict(
        SearchToken.objects.filter(entries__gt=0).values_list("token", "entries").order_by()
    )


def _true_counts() -> dict[str, int]:
    return dict(
        SearchWord.objects.values("token")
        .annotate(entries=Count("*"))
        .order_by()
        .values_list("token", "entries")
    )


def test_indexing_counts_each_token_once_per_entry_holding_it() -> None:
    space = SpaceFactory(main_language="en")
    thread = ThreadFactory(space=space, title="Visa checks", opening__body="visa visa visa")
    index_post(thread.posts.get())
    index_post(PostFactory(thread=thread, body="More visa checks"))
    index_post(PostFactory(thread=thread, body="Stamps"))

    counts = _counts()

    assert counts == _true_counts()
    assert counts["visa"] == 2
    assert counts["checks"] == 2
    assert counts["stamps"] == 1


def test_editing_changes_only_the_counts_of_the_tokens_gained_or_lost() -> None:
    reply = PostFactory(body="border checks")
    index_post(reply)
    index_post(PostFactory(thread=reply.thread, body="border"))
    reply.body = "border stamps"

    index_post(reply)
    index_post(reply)  # indexing again changes nothing

    counts = _counts()
    assert counts == _true_counts()
    assert counts["border"] == 2
    assert counts["stamps"] == 1
    assert "checks" not in counts


def test_hiding_a_reply_or_a_thread_counts_their_tokens_out(officer: Any, jordan: Any) -> None:
    space = SpaceFactory(kind=SpaceKind.COUNTRY, country=jordan)
    member(space, officer)
    moderator = person_with_role(Role.TRAINER, None, email="space.moderator@example.org")
    member(space, moderator, role=MemberRole.MODERATOR)
    thread = ThreadFactory(space=space, author=officer, title="Notes", opening__body="harbour")
    opening = thread.posts.get()
    index_post(opening)
    reply = PostFactory(thread=thread, body="harbour patrols")
    index_post(reply)
    other = ThreadFactory(space=space, title="Other", opening__body="harbour")
    index_post(other.posts.get())
    assert _counts()["harbour"] == 3

    moderation.hide_post(post=reply, by=moderator, reason="Personal data.")
    assert _counts() == _true_counts()
    assert _counts()["harbour"] == 2
    assert "patrols" not in _counts()

    moderation.hide_post(post=opening, by=moderator, reason="Operational.")
    assert _counts() == _true_counts()
    assert _counts()["harbour"] == 1
    assert "notes" not in _counts()


def test_unpublishing_a_resource_counts_its_tokens_out() -> None:
    resource = ResourceFactory(title_en="Visa guide", title_fr="", title_ar="")
    index_resource(resource)
    assert _counts()["guide"] == 1

    unindex_resource(resource)

    assert _counts() == _true_counts() == {}


def test_an_entry_deleted_outside_the_services_leaves_counts_no_lower_than_the_truth(
    officer: Any,
) -> None:
    space = SpaceFactory()
    kept = PostFactory(thread__space=space, body="harbour kept")
    index_post(kept)
    deleted = PostFactory(thread__space=space, body="harbour gone")
    index_post(deleted)

    deleted.delete()  # the entry and its words go by cascade, past the services

    truth = _true_counts()
    assert all(_counts().get(token, 0) >= held for token, held in truth.items())
    assert [entry.post_id for entry in search(officer, "harbour")] == [kept.pk]
    count_tokens()
    assert _counts() == truth


def test_rebuilding_counts_the_tokens_again() -> None:
    index_post(PostFactory(body="border checks"))
    index_resource(ResourceFactory(title_en="Border guide"))
    expected = _counts()
    SearchToken.objects.update(entries=99)
    SearchToken.objects.create(token="stale", entries=4)

    rebuild_words()
    assert _counts() == expected == _true_counts()

    SearchToken.objects.all().delete()
    reindex_all()  # every published post this time, the threads' opening posts too
    assert _counts() == _true_counts()
    assert _counts()["border"] == 2


def test_the_word_read_first_is_the_rarer_by_the_counts(officer: Any) -> None:
    space = SpaceFactory(main_language="en")
    both = PostFactory(thread__space=space, body="harbour patrols")
    index_post(both)
    for _ in range(3):
        index_post(PostFactory(thread__space=space, body="harbour"))

    found = search(officer, "harbour patrols")
    assert [entry.post_id for entry in found] == [both.pk]
    assert found.read_first is not None and found.read_first.word == "patrols"

    # However many rows each word has (well past any bound a count of rows would stop at),
    # the word read first follows the table.
    SearchToken.objects.filter(token__in=["harbour", "~harbour"]).update(entries=4000)
    SearchToken.objects.filter(token__in=["patrols", "~patrol"]).update(entries=9000)
    found = search(officer, "patrols harbour")
    assert [entry.post_id for entry in found] == [both.pk]
    assert found.read_first is not None and found.read_first.word == "harbour"


def test_a_spelling_counted_zero_is_not_read(officer: Any) -> None:
    post = PostFactory(body="harbour")
    index_post(post)
    assert [entry.post_id for entry in search(officer, "harbour")] == [post.pk]

    SearchToken.objects.update(entries=0)

    assert search(officer, "harbour").count() == 0


@pytest.mark.parametrize("read_whole_max", [0, 1_000_000], ids=["looked up", "read whole"])
def test_the_other_word_finds_the_same_entries_looked_up_or_read_whole(
    officer: Any, monkeypatch: pytest.MonkeyPatch, read_whole_max: int
) -> None:
    """Another word of the query is checked row by row, or its rows are read once when they
    are few: the same entries either way, whole words and stems alike, titles too."""
    monkeypatch.setattr("momentum.hub.selectors.search.READ_WHOLE_MAX", read_whole_max)
    space = SpaceFactory(main_language="en")
    whole = PostFactory(thread__space=space, body="harbour patrols at dawn")
    stem = PostFactory(thread__space=space, body="harbour patrol boats")
    titled = ThreadFactory(space=space, title="Patrolling", opening__body="the harbour")
    for post in (whole, stem, titled.posts.get()):
        index_post(post)
    for _ in range(3):
        index_post(PostFactory(thread__space=space, body="harbour only"))

    found = [entry.post_id for entry in search(officer, "harbour patrols")]

    # A whole-word match ranks first; the stem finds the others (newest first).
    assert found[0] == whole.pk
    assert set(found) == {whole.pk, stem.pk, titled.posts.get().pk}
