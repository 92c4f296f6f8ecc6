"""A new version of a resource's file: checked, numbered, noted, audited; the newest is served."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from momentum.core.models import AuditEntry
from momentum.hub.models import MemberRole, ResourceVersion
from momentum.hub.tests.factories import ResourceFactory, SpaceFactory, member, versioned

pytestmark = pytest.mark.django_db


def _upload(
    name: str = "guide-2025.txt", body: bytes = b"New contacts list."
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, "text/plain")


def test_staff_upload_a_new_version_with_a_note(client, staff):
    resource = ResourceFactory()
    versioned(resource, number=1)
    client.force_login(staff)

    response = client.post(
        f"/en/hub/resources/{resource.pk}/versions/new/",
        {"file": _upload(), "note": "New contacts"},
    )

    assert response.status_code == 302
    newest = resource.versions.order_by("-number").first()
    assert (newest.number, newest.name, newest.note) == (2, "guide-2025.txt", "New contacts")
    resource.refresh_from_db()
    assert resource.version == 2
    entry = AuditEntry.objects.get(verb="hub.resource.version_added")
    assert entry.details["number"] == 2
    download = client.get(f"/en/hub/resources/{resource.pk}/download/")
    assert b"".join(download.streaming_content) == b"New contacts list."


def test_the_first_version_of_a_link_is_number_one(client, staff):
    resource = ResourceFactory(url="https://example.org/")
    client.force_login(staff)

    client.post(f"/en/hub/resources/{resource.pk}/versions/new/", {"file": _upload()})

    assert resource.versions.get().number == 1


def test_a_refused_file_adds_no_version(client, staff):
    resource = ResourceFactory()
    client.force_login(staff)

    response = client.post(
        f"/en/hub/resources/{resource.pk}/versions/new/",
        {"file": _upload("page.txt", b"<html><script>x()</script></html>")},
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not ResourceVersion.objects.exists()


def test_a_missing_file_is_refused(client, staff):
    resource = ResourceFactory()
    client.force_login(staff)

    response = client.post(f"/en/hub/resources/{resource.pk}/versions/new/", {"note": "x"})

    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_a_space_moderator_uploads_versions_of_its_resources(client, officer):
    space = SpaceFactory()
    member(space, officer, role=MemberRole.MODERATOR)
    resource = ResourceFactory(space=space)
    client.force_login(officer)

    response = client.post(f"/en/hub/resources/{resource.pk}/versions/new/", {"file": _upload()})

    assert response.status_code == 302
    assert resource.versions.count() == 1


def test_readers_may_not_upload_versions(client, officer):
    resource = ResourceFactory()
    client.force_login(officer)

    response = client.post(f"/en/hub/resources/{resource.pk}/versions/new/", {"file": _upload()})

    assert response.status_code == 403
    assert not ResourceVersion.objects.exists()
