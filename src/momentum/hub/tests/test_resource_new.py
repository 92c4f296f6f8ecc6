"""Adding a resource: staff anywhere, a space's moderators in their space; checked files only,
web addresses only, tags created as needed, audited and indexed for search."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from momentum.core.models import AuditEntry
from momentum.hub.models import (
    MemberRole,
    Resource,
    ResourceVersion,
    SearchEntry,
    Tag,
)
from momentum.hub.selectors.search import search
from momentum.hub.tests.factories import SpaceFactory, member

pytestmark = pytest.mark.django_db
URL = "/en/hub/resources/new/"


def _data(**overrides):  # type: ignore[no-untyped-def]
    data = {
        "title_en": "Document checks",
        "title_fr": "Contrôle des documents",
        "title_ar": "فحص الوثائق",
        "description_en": "A checklist for the first line.",
        "kind": "guide",
        "language": "en",
        "tags": "Forgery, Passports، Forgery",
        "url": "",
        "note": "First edition",
        "file": SimpleUploadedFile("checks.txt", b"Look at the photo first.", "text/plain"),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_staff_add_a_resource_with_its_file_tags_audit_and_search_entry(client, staff):
    client.force_login(staff)

    response = client.post(URL, _data())

    resource = Resource.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/hub/resources/{resource.pk}/"
    assert (resource.title_en, resource.title_fr, resource.title_ar) == (
        "Document checks",
        "Contrôle des documents",
        "فحص الوثائق",
    )
    assert sorted(tag.name for tag in resource.tags.all()) == ["Forgery", "Passports"]
    assert Tag.objects.count() == 2
    version = ResourceVersion.objects.get()
    assert (version.number, version.name, version.content_type) == (1, "checks.txt", "text/plain")
    assert version.note == "First edition"
    assert AuditEntry.objects.filter(verb="hub.resource.created", target_id=str(resource.pk))
    assert SearchEntry.objects.filter(resource=resource).exists()
    assert [entry.resource_id for entry in search(staff, "وثائق")] == [resource.pk]


def test_existing_tags_are_reused(client, staff):
    Tag.objects.create(name="Forgery", slug="forgery")
    client.force_login(staff)

    client.post(URL, _data(tags="forgery"))

    assert Tag.objects.count() == 1
    assert Resource.objects.get().tags.get().name == "Forgery"


def test_a_link_needs_a_web_address(client, staff):
    client.force_login(staff)

    response = client.post(URL, _data(kind="link", file=None, url=""))

    assert response.status_code == 200
    assert response.context["form"].errors["url"]
    assert not Resource.objects.exists()


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "ftp://files.example.org/guide.pdf", "data:text/html,x"]
)
def test_only_http_addresses_are_accepted(client, staff, address):
    client.force_login(staff)

    response = client.post(URL, _data(kind="link", file=None, url=address))

    assert response.status_code == 200
    assert response.context["form"].errors["url"]
    assert not Resource.objects.exists()


def test_a_web_page_is_added_without_a_file(client, staff):
    client.force_login(staff)

    client.post(URL, _data(kind="link", file=None, url="https://example.org/guide"))

    resource = Resource.objects.get()
    assert resource.url == "https://example.org/guide"
    assert not resource.versions.exists()


def test_a_file_that_is_not_what_it_claims_is_refused(client, staff):
    client.force_login(staff)
    disguised = SimpleUploadedFile("guide.pdf", b"MZ\x90\x00\x03binary", "application/pdf")

    response = client.post(URL, _data(file=disguised))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Resource.objects.exists()
    assert not ResourceVersion.objects.exists()


def test_a_file_over_the_limit_is_refused(client, staff, settings):
    settings.HUB_RESOURCE_MAX_BYTES = 10
    client.force_login(staff)

    response = client.post(URL, _data())

    assert response.status_code == 200
    assert "limit" in str(response.context["form"].errors)
    assert not Resource.objects.exists()


def test_a_title_in_one_language_is_enough_but_none_is_refused(client, staff):
    client.force_login(staff)

    refused = client.post(URL, _data(title_en="", title_fr="", title_ar=""))
    accepted = client.post(URL, _data(title_en="", title_fr="", title_ar="دليل"))

    assert refused.status_code == 200
    assert accepted.status_code == 302
    assert Resource.objects.get().title_ar == "دليل"


def test_a_space_moderator_adds_resources_to_their_space_only(client, officer):
    own = SpaceFactory()
    other = SpaceFactory()
    member(own, officer, role=MemberRole.MODERATOR)
    client.force_login(officer)

    whole_hub = client.post(URL, _data())
    elsewhere = client.post(URL, _data(space=other.pk))
    in_own = client.post(URL, _data(space=own.pk))

    assert whole_hub.status_code == 200
    assert elsewhere.status_code == 200
    assert in_own.status_code == 302
    assert Resource.objects.get().space == own


def test_members_who_do_not_moderate_may_not_add(client, officer):
    member(SpaceFactory(), officer)
    client.force_login(officer)

    assert client.get(URL).status_code == 403
    assert client.post(URL, _data()).status_code == 403
    assert not Resource.objects.exists()


def test_the_form_offers_every_field_with_a_label(client, staff):
    client.force_login(staff)

    page = client.get(URL).content.decode()

    for field in ("title_en", "title_fr", "title_ar", "tags", "url", "file", "space"):
        assert f'for="id_{field}"' in page
    assert 'enctype="multipart/form-data"' in page
