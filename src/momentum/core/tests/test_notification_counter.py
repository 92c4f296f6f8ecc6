"""The unread counter in the header: loaded and refreshed by htmx from a tiny fragment that
costs one query, shown only to people signed in."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.core.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db

URL = "/en/notifications/count/"


def test_counts_only_ones_own_unread_notifications(client_for, officer, focal_point):
    NotificationFactory.create_batch(3, recipient=officer)
    NotificationFactory(recipient=officer, read_at=timezone.now())
    NotificationFactory.create_batch(5, recipient=focal_point)

    content = client_for(officer).get(URL).content.decode()

    assert '<span class="visually-hidden">: 3 unread notifications</span>' in content
    assert ">3</span>" in content


def test_one_unread_notification_reads_as_a_sentence_in_the_singular(client_for, officer):
    NotificationFactory(recipient=officer)

    content = client_for(officer).get(URL).content.decode()

    assert '<span class="visually-hidden">: 1 unread notification</span>' in content


def test_nothing_unread_shows_no_number(client_for, officer):
    content = client_for(officer).get(URL).content.decode()

    assert '<span class="visually-hidden">: 0 unread notifications</span>' in content
    assert "notification-counter__count" not in content


def test_a_large_count_is_shown_as_99_plus(client_for, officer):
    NotificationFactory.create_batch(120, recipient=officer)

    content = client_for(officer).get(URL).content.decode()

    assert ">99+</span>" in content
    assert '<span class="visually-hidden">: 120 unread notifications</span>' in content


def test_the_fragment_is_not_a_whole_page_and_keeps_polling(client_for, officer):
    content = client_for(officer).get(URL).content.decode()

    assert "<html" not in content
    assert 'hx-trigger="every 60s"' in content
    assert 'hx-swap="outerHTML"' in content


@pytest.mark.parametrize("rows", [1, 50])
def test_the_count_costs_one_query(client_for, officer, rows, django_assert_num_queries):
    NotificationFactory.create_batch(rows, recipient=officer)
    client = client_for(officer)

    # the session, the user, the count
    with django_assert_num_queries(3):
        client.get(URL)


def test_header_has_the_counter_for_people_signed_in(client_for, officer):
    content = client_for(officer).get("/en/people/me/").content.decode()

    assert 'class="notification-counter" href="/en/notifications/"' in content
    assert 'hx-get="/en/notifications/count/"' in content
    assert 'hx-trigger="load, every 60s"' in content


def test_the_counter_in_the_header_costs_no_query(client_for, officer):
    client = client_for(officer)
    NotificationFactory.create_batch(3, recipient=officer)

    with CaptureQueriesContext(connection) as queries:
        client.get("/en/people/me/")

    assert not [q for q in queries.captured_queries if "core_notification" in q["sql"]]


def test_anonymous_pages_have_no_counter(client):
    response = client.get("/en/accounts/login/")

    assert response.status_code == 200
    assert "notification-counter" not in response.content.decode()


def test_anonymous_fragment_request_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
