"""A resource's page: its texts in the reader's language, its versions, downloads and tags."""

from __future__ import annotations

import pytest

from momentum.hub.models import JoinPolicy, Tag
from momentum.hub.tests.factories import ResourceFactory, SpaceFactory, member, versioned

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_readers_language(client, officer):
    resource = ResourceFactory(title_en="Checks guide", title_fr="Guide des contrôles")
    client.force_login(officer)

    page = client.get(f"/fr/hub/resources/{resource.pk}/").content.decode()

    assert "Guide des contrôles" in page
    assert "Checks guide" not in page


def test_a_missing_translation_falls_back_to_another_language(client, officer):
    resource = ResourceFactory(
        title_en="",
        title_fr="Guide des contrôles",
        title_ar="",
        description_ar="",
        description_en="",
    )
    client.force_login(officer)

    page = client.get(f"/ar/hub/resources/{resource.pk}/").content.decode()

    assert "Guide des contrôles" in page
    assert "Comment vérifier les documents de voyage." in page


def test_versions_download_count_and_tags_are_listed(client, officer):
    resource = ResourceFactory(download_count=7)
    versioned(resource, number=1, name="guide-v1.txt")
    newest = versioned(resource, number=2, name="guide-v2.txt")
    newest.note = "Updated the contacts"
    newest.save()
    resource.tags.add(Tag.objects.create(name="Forgery", slug="forgery"))
    client.force_login(officer)

    response = client.get(f"/en/hub/resources/{resource.pk}/")

    page = response.content.decode()
    assert [version.number for version in response.context["versions"]] == [2, 1]
    assert page.index("guide-v2.txt") < page.index("guide-v1.txt")
    assert "Updated the contacts" in page
    assert "<dd>7</dd>" in page
    assert "Forgery" in page
    assert f"/en/hub/resources/{resource.pk}/download/" in page


def test_non_members_of_a_private_space_get_404(client, officer):
    resource = ResourceFactory(space=SpaceFactory(join_policy=JoinPolicy.INVITATION))
    client.force_login(officer)

    assert client.get(f"/en/hub/resources/{resource.pk}/").status_code == 404


def test_members_of_a_private_space_read_it(client, officer):
    space = SpaceFactory(join_policy=JoinPolicy.INVITATION)
    member(space, officer)
    resource = ResourceFactory(space=space)
    client.force_login(officer)

    assert client.get(f"/en/hub/resources/{resource.pk}/").status_code == 200


def test_an_unpublished_resource_is_hidden_from_readers(client, officer):
    resource = ResourceFactory(is_published=False)
    client.force_login(officer)

    assert client.get(f"/en/hub/resources/{resource.pk}/").status_code == 404


def test_edit_links_are_shown_to_those_who_may_manage(client, officer, staff):
    resource = ResourceFactory()
    edit = f"/en/hub/resources/{resource.pk}/edit/"

    client.force_login(officer)
    assert edit not in client.get(f"/en/hub/resources/{resource.pk}/").content.decode()
    client.force_login(staff)
    assert edit in client.get(f"/en/hub/resources/{resource.pk}/").content.decode()


def test_the_page_reads_the_same_number_of_queries_for_many_versions(
    client, officer, django_assert_max_num_queries
):
    resource = ResourceFactory()
    versioned(resource, number=1)
    client.force_login(officer)
    # session, user, roles, profile, memberships; the resource with its space, area and
    # country; its tags; its versions
    with django_assert_max_num_queries(10) as few:
        client.get(f"/en/hub/resources/{resource.pk}/")

    for number in range(2, 12):
        versioned(resource, number=number)
        resource.tags.add(Tag.objects.create(name=f"Tag {number}", slug=f"tag-{number}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(f"/en/hub/resources/{resource.pk}/")
    assert len(response.context["versions"]) == 11
