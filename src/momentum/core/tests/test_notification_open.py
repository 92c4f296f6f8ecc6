"""Opening a notification marks it read and goes to its page, on this site only; nobody opens
another person's notification."""

from __future__ import annotations

import pytest

from momentum.core.models import Notification
from momentum.core.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db


def _open(notification: Notification, language: str = "en") -> str:
    return f"/{language}/notifications/{notification.pk}/open/"


def test_opening_marks_read_and_goes_to_the_page_in_the_same_language(client_for, officer):
    notification = NotificationFactory(recipient=officer, url="/hub/threads/12/#post-40")

    response = client_for(officer).get(_open(notification, "ar"))

    assert response.status_code == 302
    assert response["Location"] == "/ar/hub/threads/12/#post-40"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_opening_again_keeps_the_first_reading_time(client_for, officer):
    notification = NotificationFactory(recipient=officer)
    client = client_for(officer)
    client.get(_open(notification))
    notification.refresh_from_db()
    first = notification.read_at

    client.get(_open(notification))

    notification.refresh_from_db()
    assert notification.read_at == first


@pytest.mark.parametrize("persona", ["focal_point", "staff", "outsider"])
def test_another_persons_notification_is_404_and_stays_unread(
    client_for, officer, persona, request
):
    notification = NotificationFactory(recipient=officer)

    response = client_for(request.getfixturevalue(persona)).get(_open(notification))

    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.parametrize(
    "url",
    [
        "//evil.example/login",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "http:/evil.example",
    ],
)
def test_never_sends_anyone_off_site(client_for, officer, url):
    notification = NotificationFactory(recipient=officer, url=url)

    response = client_for(officer).get(_open(notification))

    assert response.status_code == 302
    assert response["Location"] == "/en/notifications/"


def test_without_an_address_goes_to_the_list(client_for, officer):
    notification = NotificationFactory(recipient=officer, url="")

    response = client_for(officer).get(_open(notification))

    assert response["Location"] == "/en/notifications/"


def test_missing_notification_is_404(client_for, officer):
    assert client_for(officer).get("/en/notifications/999999/open/").status_code == 404
