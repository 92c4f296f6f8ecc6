"""The unsubscribe page: a signed token says who and what; a GET only asks (mail scanners
follow links), the button or an RFC 8058 one-click POST stops the e-mails; a bad token gets a
clear error."""

from __future__ import annotations

import pytest
from django.core import signing
from django.test import Client

from momentum.core.models import AuditEntry
from momentum.core.notifications import UNSUBSCRIBE_SALT, unsubscribe_token
from momentum.hub.models import DigestFrequency, MemberSettings
from momentum.hub.services.members import settings_for

pytestmark = pytest.mark.django_db


def _url(token: str, language: str = "en") -> str:
    return f"/{language}/hub/unsubscribe/{token}/"


@pytest.fixture
def wants_everything(officer):  # type: ignore[no-untyped-def]
    hub_settings = settings_for(officer)
    MemberSettings.objects.filter(pk=hub_settings.pk).update(
        email_on_mention=True, email_on_reply=True, digest=DigestFrequency.DAILY
    )
    return officer


def _settings(user) -> MemberSettings:  # type: ignore[no-untyped-def]
    return MemberSettings.objects.get(user=user)


def test_get_asks_for_confirmation_and_changes_nothing(client, wants_everything):
    response = client.get(_url(unsubscribe_token(wants_everything.pk, "hub.mention")))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Do you want to stop receiving e-mails when someone mentions you" in content
    assert 'method="post"' in content
    assert _settings(wants_everything).email_on_mention is True
    assert not AuditEntry.objects.filter(verb="hub.unsubscribe").exists()


def test_the_confirmation_button_stops_the_emails(wants_everything):
    client = Client(enforce_csrf_checks=True)
    url = _url(unsubscribe_token(wants_everything.pk, "hub.reply"))
    page = client.get(url)
    csrf = page.cookies["csrftoken"].value

    response = client.post(url, {"csrfmiddlewaretoken": csrf})

    assert response.status_code == 302
    assert response["Location"] == url
    assert _settings(wants_everything).email_on_reply is False
    assert _settings(wants_everything).email_on_mention is True  # only what the link names
    after = client.get(url).content.decode()
    assert "you will no longer receive" in after
    assert "Yes, stop these e-mails" not in after


def test_the_button_without_its_csrf_token_is_refused(wants_everything):
    client = Client(enforce_csrf_checks=True)

    response = client.post(_url(unsubscribe_token(wants_everything.pk, "hub.reply")))

    assert response.status_code == 403
    assert _settings(wants_everything).email_on_reply is True


def test_one_click_post_unsubscribes_at_once_without_csrf(wants_everything):
    client = Client(enforce_csrf_checks=True)  # a mail program: no cookie, no CSRF token

    response = client.post(
        _url(unsubscribe_token(wants_everything.pk, "hub.mention")),
        {"List-Unsubscribe": "One-Click"},
    )

    assert response.status_code == 200
    assert _settings(wants_everything).email_on_mention is False


def test_the_digest_link_stops_the_digest(wants_everything):
    Client(enforce_csrf_checks=True).post(
        _url(unsubscribe_token(wants_everything.pk, "hub.digest")),
        {"List-Unsubscribe": "One-Click"},
    )

    assert _settings(wants_everything).digest == DigestFrequency.NEVER


def test_unsubscribing_is_recorded(client, wants_everything):
    client.post(
        _url(unsubscribe_token(wants_everything.pk, "hub.digest")),
        {"List-Unsubscribe": "One-Click"},
    )

    entry = AuditEntry.objects.get(verb="hub.unsubscribe")
    assert entry.actor == wants_everything
    assert entry.details == {"topic": "hub.digest", "changed": True, "one_click": True}


def test_following_the_link_twice_is_harmless(client, wants_everything):
    url = _url(unsubscribe_token(wants_everything.pk, "hub.mention"))
    client.post(url, {"List-Unsubscribe": "One-Click"})

    response = client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert _settings(wants_everything).email_on_mention is False


def test_a_person_without_hub_settings_yet_can_unsubscribe(client, officer):
    assert not MemberSettings.objects.filter(user=officer).exists()

    client.post(
        _url(unsubscribe_token(officer.pk, "hub.mention")), {"List-Unsubscribe": "One-Click"}
    )

    assert _settings(officer).email_on_mention is False


def test_the_page_is_in_the_language_of_the_link(client, wants_everything):
    content = client.get(
        _url(unsubscribe_token(wants_everything.pk, "hub.mention"), "ar")
    ).content.decode()

    assert '<html lang="ar" dir="rtl">' in content


def _tampered(token: str) -> str:
    value, signature = token.rsplit(":", 1)
    return f"{value}:{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}"


def test_a_tampered_token_gets_a_clear_error_and_changes_nothing(client, wants_everything):
    token = _tampered(unsubscribe_token(wants_everything.pk, "hub.mention"))

    response = client.post(_url(token), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 400
    assert "This unsubscribe link is incomplete or was changed" in response.content.decode()
    assert _settings(wants_everything).email_on_mention is True


def test_a_token_cannot_be_rewritten_for_another_person(client, wants_everything, focal_point):
    token = unsubscribe_token(wants_everything.pk, "hub.mention")
    # Someone swaps the signed value for another person's, keeping the signature.
    other = signing.dumps({"u": focal_point.pk, "t": "hub.mention"}, salt=UNSUBSCRIBE_SALT)
    forged = other.rsplit(":", 1)[0] + ":" + token.rsplit(":", 1)[1]

    response = client.post(_url(forged), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 400
    assert not MemberSettings.objects.filter(user=focal_point, email_on_mention=False).exists()


def test_a_person_signed_in_as_someone_else_only_stops_the_links_owner(
    client_for, wants_everything, focal_point
):
    theirs = settings_for(focal_point)

    client_for(focal_point).post(
        _url(unsubscribe_token(wants_everything.pk, "hub.mention")),
        {"List-Unsubscribe": "One-Click"},
    )

    assert _settings(wants_everything).email_on_mention is False
    theirs.refresh_from_db()
    assert theirs.email_on_mention is True


@pytest.mark.parametrize(
    "make_token",
    [
        lambda pk: "nonsense",
        lambda pk: signing.dumps({"u": pk, "t": "hub.mention"}, salt="another.purpose"),
        lambda pk: signing.dumps({"u": pk, "t": "mentoring.check_in_due"}, salt=UNSUBSCRIBE_SALT),
        lambda pk: signing.dumps([pk, "hub.mention"], salt=UNSUBSCRIBE_SALT),
        lambda pk: signing.dumps({"u": str(pk), "t": "hub.mention"}, salt=UNSUBSCRIBE_SALT),
    ],
    ids=["garbage", "other-salt", "unknown-topic", "not-a-dict", "pk-not-a-number"],
)
def test_tokens_for_another_purpose_or_topic_are_refused(client, wants_everything, make_token):
    response = client.post(_url(make_token(wants_everything.pk)), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 400
    assert _settings(wants_everything).email_on_mention is True


def test_a_deactivated_account_link_is_refused(client, officer):
    officer.is_active = False
    officer.save()

    response = client.get(_url(unsubscribe_token(officer.pk, "hub.mention")))

    assert response.status_code == 400
