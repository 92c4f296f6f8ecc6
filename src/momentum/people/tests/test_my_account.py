"""One's own account settings: language and time zone."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db

URL = "/en/people/me/"


def test_the_page_shows_the_current_settings_and_own_profile(client_for, officer):
    response = client_for(officer).get(URL)

    form = response.context["form"]
    assert (form["preferred_language"].value(), form["time_zone"].value()) == ("en", "UTC")
    assert "Inspector · Jordan" in response.content.decode()
    assert "/en/people/me/tokens/" in response.content.decode()


def test_choosing_a_language_saves_it_and_moves_to_that_language(client_for, officer):
    client = client_for(officer)

    response = client.post(URL, {"preferred_language": "fr", "time_zone": "Asia/Amman"})

    assert response.status_code == 302
    assert response["Location"] == "/fr/people/me/"
    officer.refresh_from_db()
    assert (officer.preferred_language, officer.time_zone) == ("fr", "Asia/Amman")
    page = client.get(response["Location"])
    with translation.override("fr"):
        saved = gettext("Your settings were saved.")
    assert [str(message) for message in page.context["messages"]] == [saved]


def test_an_unknown_time_zone_is_refused(client_for, officer):
    response = client_for(officer).post(
        URL, {"preferred_language": "ar", "time_zone": "Mars/Olympus"}
    )

    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    officer.refresh_from_db()
    assert (officer.preferred_language, officer.time_zone) == ("en", "UTC")


def test_times_are_shown_in_the_users_time_zone(client_for, officer):
    from datetime import UTC, datetime

    from django.template.defaultfilters import date as date_filter
    from django.utils import timezone

    from momentum.people import services
    from momentum.people.models import AccessToken

    officer.time_zone = "Asia/Amman"
    officer.save(update_fields=["time_zone"])
    token, _secret = services.create_access_token(user=officer, name="Script")
    created = datetime(2024, 1, 15, 9, 0, tzinfo=UTC)
    AccessToken.objects.filter(pk=token.pk).update(created_at=created)

    html = client_for(officer).get("/en/people/me/tokens/").content.decode()

    def shown_in(zone: str) -> str:
        with timezone.override(zone), translation.override("en"):
            return date_filter(timezone.localtime(created), "SHORT_DATETIME_FORMAT")

    assert shown_in("Asia/Amman") != shown_in("UTC")
    assert shown_in("Asia/Amman") in html


def test_the_time_zone_select_names_cities_in_the_readers_language(client_for, officer) -> None:
    client = client_for(officer)
    html = client.get(URL.replace("/en/", "/ar/")).content.decode()
    assert '<option value="Asia/Beirut">بيروت</option>' in html
    assert '<option value="Africa/Tunis">تونس</option>' in html
    french = client.get(URL.replace("/en/", "/fr/")).content.decode()
    assert '<option value="Asia/Beirut">Beyrouth</option>' in french
    assert ">Asia/Beirut<" not in french
