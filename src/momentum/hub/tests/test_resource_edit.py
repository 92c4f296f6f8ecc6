"""Editing a resource: staff and the moderators of its space; audited field by field; the
search index follows."""

from __future__ import annotations

import pytest

from momentum.core.models import AuditEntry
from momentum.hub.models import JoinPolicy, MemberRole, SearchEntry, Tag
from momentum.hub.selectors.search import search
from momentum.hub.services.search_index import index_resource
from momentum.hub.tests.factories import ResourceFactory, SpaceFactory, member

pytestmark = pytest.mark.django_db


def _data(resource, **overrides):  # type: ignore[no-untyped-def]
    data = {
        "title_en": resource.title_en,
        "title_fr": resource.title_fr,
        "title_ar": resource.title_ar,
        "description_en": resource.description_en,
        "description_fr": resource.description_fr,
        "description_ar": resource.description_ar,
        "kind": resource.kind,
        "language": resource.language,
        "tags": "",
        "url": "https://example.org/guide",
        "is_published": "on",
    }
    if resource.space_id:
        data["space"] = resource.space_id
    data.update(overrides)
    return data


def test_staff_edit_a_resource_and_the_change_is_audited_and_indexed(client, staff):
    resource = ResourceFactory(url="https://example.org/guide")
    index_resource(resource)
    Tag.objects.create(name="Old", slug="old")
    client.force_login(staff)

    response = client.post(
        f"/en/hub/resources/{resource.pk}/edit/",
        _data(resource, title_fr="Guide de l'intégrité", tags="Intégrité, Éthique"),
    )

    resource.refresh_from_db()
    assert response.status_code == 302
    assert resource.title_fr == "Guide de l'intégrité"
    assert sorted(tag.name for tag in resource.tags.all()) == ["Intégrité", "Éthique"]
    entry = AuditEntry.objects.get(verb="hub.resource.changed")
    assert entry.details["changed"] == ["title_fr", "tags"]
    assert [e.resource_id for e in search(staff, "integrite")] == [resource.pk]
    assert SearchEntry.objects.count() == 1


def test_unpublishing_removes_the_resource_from_search(client, staff, officer):
    resource = ResourceFactory(title_en="Ethics", url="https://example.org/guide")
    index_resource(resource)
    client.force_login(staff)
    data = _data(resource)
    del data["is_published"]

    client.post(f"/en/hub/resources/{resource.pk}/edit/", data)

    assert not SearchEntry.objects.exists()
    assert list(search(officer, "ethics")) == []


def test_a_space_moderator_edits_its_resources(client, officer):
    space = SpaceFactory()
    member(space, officer, role=MemberRole.MODERATOR)
    resource = ResourceFactory(space=space, url="https://example.org/guide")
    client.force_login(officer)

    response = client.post(
        f"/en/hub/resources/{resource.pk}/edit/", _data(resource, title_en="Renamed")
    )

    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.title_en == "Renamed"


def test_readers_may_not_edit(client, officer):
    resource = ResourceFactory(url="https://example.org/guide")
    client.force_login(officer)

    assert client.get(f"/en/hub/resources/{resource.pk}/edit/").status_code == 403
    response = client.post(f"/en/hub/resources/{resource.pk}/edit/", _data(resource, title_en="X"))
    assert response.status_code == 403
    resource.refresh_from_db()
    assert resource.title_en != "X"


def test_those_who_may_not_read_it_get_404(client, officer):
    resource = ResourceFactory(space=SpaceFactory(join_policy=JoinPolicy.INVITATION))
    client.force_login(officer)

    assert client.get(f"/en/hub/resources/{resource.pk}/edit/").status_code == 404


def test_the_form_is_filled_with_the_resource(client, staff):
    resource = ResourceFactory(title_ar="دليل الحدود")
    resource.tags.add(Tag.objects.create(name="Borders", slug="borders"))
    client.force_login(staff)

    page = client.get(f"/en/hub/resources/{resource.pk}/edit/").content.decode()

    assert "دليل الحدود" in page
    assert 'value="Borders"' in page
