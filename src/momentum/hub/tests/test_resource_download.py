"""Downloading a resource: the newest file as an attachment with a safe name, or the link's
page; each download counted; nothing for those who may not read it."""

from __future__ import annotations

import pytest

from momentum.hub.models import Download, JoinPolicy
from momentum.hub.tests.factories import ResourceFactory, SpaceFactory, versioned

pytestmark = pytest.mark.django_db


def _download(client, resource):  # type: ignore[no-untyped-def]
    response = client.get(f"/en/hub/resources/{resource.pk}/download/")
    if response.streaming:
        # Reading the whole file closes it (the test client then ends the request).
        response.body = b"".join(response.streaming_content)
    return response


def test_the_newest_version_is_served_as_an_attachment_and_counted(client, officer):
    resource = ResourceFactory()
    versioned(resource, number=1, name="old.txt", body=b"old")
    versioned(resource, number=2, name="new.txt", body=b"new")
    client.force_login(officer)

    response = _download(client, resource)

    assert response.status_code == 200
    assert response.body == b"new"
    assert response["Content-Disposition"] == 'attachment; filename="new.txt"'
    assert response["Content-Type"].startswith("text/plain")
    assert response["X-Content-Type-Options"] == "nosniff"
    resource.refresh_from_db()
    assert resource.download_count == 1
    assert Download.objects.get().user == officer


def test_an_arabic_file_name_is_sent_the_rfc_5987_way(client, officer):
    resource = ResourceFactory()
    versioned(resource, name="دليل الحدود.txt")
    client.force_login(officer)

    response = _download(client, resource)

    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''")
    assert "%D8%AF%D9%84%D9%8A%D9%84" in disposition  # دليل, percent-encoded
    assert " " not in disposition.split("''", 1)[1]


def test_quotes_in_a_file_name_cannot_break_the_header(client, officer):
    resource = ResourceFactory()
    versioned(resource, name='guide"; filename="evil.html.txt')
    client.force_login(officer)

    disposition = _download(client, resource)["Content-Disposition"]

    assert disposition == 'attachment; filename="guide\\"; filename=\\"evil.html.txt"'


def test_every_download_is_counted(client, officer, staff):
    resource = ResourceFactory()
    versioned(resource)
    for user in (officer, staff, officer):
        client.force_login(user)
        _download(client, resource)

    resource.refresh_from_db()
    assert resource.download_count == 3
    assert Download.objects.filter(resource=resource).count() == 3


def test_a_link_redirects_to_its_page_and_is_counted(client, officer):
    resource = ResourceFactory(url="https://example.org/guide")
    client.force_login(officer)

    response = _download(client, resource)

    assert response.status_code == 302
    assert response["Location"] == "https://example.org/guide"
    resource.refresh_from_db()
    assert resource.download_count == 1


def test_a_stored_address_that_is_not_http_is_never_followed(client, officer):
    resource = ResourceFactory(url="javascript:alert(1)")  # written around the service
    client.force_login(officer)

    assert _download(client, resource).status_code == 404


def test_non_members_of_a_private_space_get_404_and_nothing_is_counted(client, officer):
    resource = ResourceFactory(space=SpaceFactory(join_policy=JoinPolicy.INVITATION))
    versioned(resource)
    client.force_login(officer)

    assert _download(client, resource).status_code == 404
    resource.refresh_from_db()
    assert resource.download_count == 0
    assert not Download.objects.exists()


def test_a_resource_without_file_or_link_has_nothing_to_download(client, officer):
    resource = ResourceFactory()
    client.force_login(officer)

    assert _download(client, resource).status_code == 404


def test_donors_may_not_download(client, donor):
    resource = ResourceFactory()
    versioned(resource)
    client.force_login(donor)

    assert _download(client, resource).status_code == 404
