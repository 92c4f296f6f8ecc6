"""The search index: one entry per published opening post, reply and resource, kept by the
services and rebuilt by ``hub_reindex``."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from momentum.hub.models import EntryKind, PostStatus, SearchEntry, Tag
from momentum.hub.services.search_index import (
    index_post,
    index_resource,
    reindex_all,
    unindex_post,
    unindex_resource,
)
from momentum.hub.tests.factories import PostFactory, ResourceFactory, SpaceFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def test_an_opening_post_is_indexed_as_its_thread_with_the_title():
    space = SpaceFactory(main_language="ar")
    thread = ThreadFactory(space=space, title="دور الأسرة", opening__body="**Bold** words")

    entry = index_post(thread.posts.get())

    assert entry is not None
    assert entry.kind == EntryKind.THREAD
    assert entry.space == space
    assert entry.language == "ar"
    assert entry.title_key == " ~اسر ~دور اسره الاسره دور "
    # The words of the title and the text, with their stems (Latin words of an Arabic space
    # stemmed in both languages); the Markdown markup is not indexed.
    assert entry.words_key == " bold words ~bold ~word ~اسر ~دور اسره الاسره دور "


def test_a_reply_is_indexed_without_a_title():
    reply = PostFactory(body="Une réponse", thread__space__main_language="fr")

    entry = index_post(reply)

    assert entry is not None
    assert (entry.kind, entry.title_key) == (EntryKind.REPLY, "")
    assert entry.words_key == " reponse une ~repons "  # a stop word has no stem


def test_indexing_again_updates_the_entry():
    reply = PostFactory(body="first")
    index_post(reply)
    reply.body = "second"

    index_post(reply)

    assert SearchEntry.objects.get().words_key.split() == ["second", "~second"]


def test_a_post_that_is_not_published_leaves_the_index():
    reply = PostFactory(body="text")
    index_post(reply)
    reply.status = PostStatus.HIDDEN

    assert index_post(reply) is None
    assert not SearchEntry.objects.exists()


def test_unindexing_removes_the_entries():
    reply = PostFactory()
    resource = ResourceFactory()
    index_post(reply)
    index_resource(resource)

    unindex_post(reply)
    unindex_resource(resource)

    assert not SearchEntry.objects.exists()


def test_a_resource_is_indexed_with_its_three_titles_descriptions_and_tags():
    resource = ResourceFactory(
        title_en="Guide", title_fr="Guide de sécurité", title_ar="دليل", language="fr"
    )
    resource.tags.add(Tag.objects.create(name="Frontières", slug="frontieres"))

    entry = index_resource(resource)

    assert entry is not None
    assert entry.kind == EntryKind.RESOURCE
    assert entry.language == "fr"
    assert entry.space is None
    assert "securite" in entry.title_key
    assert "دليل" in entry.title_key
    assert " frontieres " in entry.words_key
    assert " voyage " in entry.words_key


def test_reindex_rebuilds_the_index_from_what_is_published():
    published = ThreadFactory()
    ThreadFactory(status=PostStatus.HELD)
    PostFactory(thread=published)
    ResourceFactory()
    ResourceFactory(is_published=False)
    SearchEntry.objects.create(kind=EntryKind.REPLY, words_key=" stale ")

    assert reindex_all() == 3

    assert sorted(SearchEntry.objects.values_list("kind", flat=True)) == [
        EntryKind.REPLY,
        EntryKind.RESOURCE,
        EntryKind.THREAD,
    ]


def test_the_command_reindexes(capsys):
    ThreadFactory()

    call_command("hub_reindex")

    assert "1 search entries written." in capsys.readouterr().out
    assert SearchEntry.objects.count() == 1
