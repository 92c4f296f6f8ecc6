"""The notification list: one's own notifications, newest first, in the page's language,
unread ones marked, 30 a page, and "mark all as read"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.core.models import Notification
from momentum.core.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db

URL = "/en/notifications/"


def test_shows_only_ones_own_notifications(client_for, officer, focal_point):
    NotificationFactory(recipient=officer, message={"en": "Karim replied in “Border checks”"})
    NotificationFactory(recipient=focal_point, message={"en": "Someone mentioned the focal point"})

    content = client_for(officer).get(URL).content.decode()

    assert "Karim replied in “Border checks”" in content
    assert "Someone mentioned the focal point" not in content


def test_newest_first(client_for, officer):
    now = timezone.now()
    NotificationFactory(
        recipient=officer, message={"en": "Older news"}, created_at=now - timedelta(days=2)
    )
    NotificationFactory(recipient=officer, message={"en": "Newer news"}, created_at=now)

    content = client_for(officer).get(URL).content.decode()

    assert content.index("Newer news") < content.index("Older news")


def test_message_is_in_the_language_of_the_page(client_for, officer):
    NotificationFactory(
        recipient=officer,
        message={"en": "Karim replied", "fr": "Karim a répondu", "ar": "ردّ كريم"},
    )

    french = client_for(officer).get("/fr/notifications/").content.decode()
    arabic = client_for(officer).get("/ar/notifications/").content.decode()

    assert "Karim a répondu" in french and "Karim replied" not in french
    assert "ردّ كريم" in arabic


def test_unread_ones_are_marked_and_open_through_the_marking_link(client_for, officer):
    unread = NotificationFactory(recipient=officer, message={"en": "Unread news"})
    read = NotificationFactory(
        recipient=officer,
        message={"en": "Read news"},
        url="/hub/threads/7/",
        read_at=timezone.now(),
    )

    content = client_for(officer).get("/fr/notifications/").content.decode()

    assert content.count("notification--unread") == 1
    assert f'href="/fr/notifications/{unread.pk}/open/"' in content
    # A read one links straight to its page, with the language prefix.
    assert 'href="/fr/hub/threads/7/"' in content
    assert f"/notifications/{read.pk}/open/" not in content


def test_thirty_a_page(client_for, officer):
    NotificationFactory.create_batch(31, recipient=officer)
    client = client_for(officer)

    first = client.get(URL).content.decode()
    second = client.get(URL + "?page=2").content.decode()

    assert first.count('<li class="notification') == 30
    assert second.count('<li class="notification') == 1


@pytest.mark.parametrize("rows", [3, 40])
def test_queries_do_not_grow_with_notifications(
    client_for, officer, rows, django_assert_max_num_queries
):
    NotificationFactory.create_batch(rows, recipient=officer)
    client = client_for(officer)

    # the session, the user, the paginator's count, the page, the unread count, the user's
    # roles (for the menu); one spare for a menu entry's own check
    with django_assert_max_num_queries(7):
        response = client.get(URL)

    assert response.status_code == 200


def test_mark_all_as_read_marks_only_ones_own(client_for, officer, focal_point):
    mine = NotificationFactory.create_batch(3, recipient=officer)
    theirs = NotificationFactory(recipient=focal_point)

    response = client_for(officer).post("/en/notifications/read/")

    assert response.status_code == 302
    assert response["Location"] == URL
    assert not Notification.objects.filter(
        pk__in=[n.pk for n in mine], read_at__isnull=True
    ).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_as_read_refuses_get(client_for, officer):
    NotificationFactory(recipient=officer)

    response = client_for(officer).get("/en/notifications/read/")

    assert response.status_code == 405
    assert Notification.objects.unread().count() == 1


def test_button_shown_only_when_something_is_unread(client_for, officer):
    client = client_for(officer)
    assert "Mark all as read" not in client.get(URL).content.decode()

    NotificationFactory(recipient=officer)

    assert "Mark all as read" in client.get(URL).content.decode()


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
