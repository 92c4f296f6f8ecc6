"""The public contact form: a visitor gets a reference and a private link; a program that
fills the hidden field saves nothing; a flood from one address is stopped with a sentence."""

from __future__ import annotations

import pytest

from momentum.support.models import Request

pytestmark = pytest.mark.django_db


def _form(travel, **extra):  # type: ignore[no-untyped-def]
    return {
        "name": "Karim Benali",
        "email": "karim@example.net",
        "category": travel.pk,
        "subject": "Comment participer ?",
        "description": "Je voudrais être proposé.",
        **extra,
    }


def test_a_visitor_gets_a_reference_and_a_private_link(
    client, travel, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/support/contact/", _form(travel))

    request = Request.objects.get()
    content = response.content.decode()
    assert request.reference in content
    assert f"/fr/support/follow/{request.access_token}/" in content
    assert request.language == "fr"
    assert mailoutbox[-1].to == ["karim@example.net"]
    assert request.access_token in mailoutbox[-1].body
    follow = client.get(f"/fr/support/follow/{request.access_token}/").content.decode()
    assert "Comment participer ?" in follow


def test_the_honeypot_saves_nothing(client, travel):
    response = client.post("/en/support/contact/", _form(travel, website="http://spam.example"))

    assert response.status_code == 200
    assert not Request.objects.exists()


def test_a_flood_from_one_address_is_stopped_with_a_sentence(client, travel, settings):
    settings.SUPPORT_REQUESTS_PER_HOUR = 3
    for _ in range(3):
        client.post("/en/support/contact/", _form(travel))

    response = client.post("/en/support/contact/", _form(travel, email="other@example.net"))

    assert Request.objects.count() == 3
    assert "Too many requests were sent from this address" in response.content.decode()
    assert "Comment participer ?" in response.content.decode()


def test_the_contact_page_loads_nothing_from_elsewhere(client):
    content = client.get("/ar/support/contact/").content.decode()

    assert "http://" not in content.replace('href="http://', "")
    assert "https://" not in content
    assert 'dir="rtl"' in content
