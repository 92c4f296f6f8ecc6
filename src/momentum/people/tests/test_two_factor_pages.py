"""The two-factor pages a person meets (overview, authenticator-app set-up and removal, recovery
codes, the sign-in code step, re-authentication) are the platform's own: its cards and buttons,
a short explanation, one Arabic term for two-factor authentication, and allauth's forms still
working behind them."""

from __future__ import annotations

import html as html_module
import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.test import Client

from momentum.people.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
SECRET = "JBSWY3DPEHPK3PXP"
# The project's Arabic term, and the different one allauth's own catalogue uses on its pages.
ARABIC_TERM = "المصادقة الثنائية"
ALLAUTH_ARABIC_TERMS = ["توثيق ذو عاملين", "كود المصدق", "شفرة"]


def _code_now(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def _signed_in(client: Client, user: User, language: str = "ar") -> Client:
    """Signed in, the password confirmed again just now, as allauth asks before a change to
    the second factors."""
    client.force_login(user)
    response = client.post(f"/{language}/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302, response.content
    return client


def _with_totp(user: User) -> User:
    TOTP.activate(user, SECRET)
    RecoveryCodes.activate(user)
    return user


def _assert_platform_wording(html: str) -> None:
    assert ARABIC_TERM in html
    for term in ALLAUTH_ARABIC_TERMS:
        assert term not in html, term


def test_the_overview_explains_why_in_arabic_with_the_projects_term(client_for, officer):
    response = client_for(officer).get("/ar/accounts/2fa/")

    html = response.content.decode()
    assert response.status_code == 200
    _assert_platform_wording(html)
    assert "رمزًا من ستة أرقام" in html  # the explanation: a six-digit code after the password
    assert 'class="card"' in html
    assert 'href="/ar/accounts/2fa/totp/activate/"' in html
    assert "/ar/accounts/2fa/recovery-codes/" not in html  # nothing to show before a second factor


def test_the_overview_with_the_app_on_offers_to_turn_it_off_and_the_recovery_codes(
    client_for, officer
):
    response = client_for(_with_totp(officer)).get("/ar/accounts/2fa/")

    html = response.content.decode()
    assert 'href="/ar/accounts/2fa/totp/deactivate/"' in html
    assert 'href="/ar/accounts/2fa/recovery-codes/"' in html
    assert 'href="/ar/accounts/2fa/recovery-codes/download/"' in html
    assert 'class="status status--ok"' in html


def test_the_setup_page_shows_the_steps_the_qr_code_and_the_key_in_arabic(client, officer):
    response = _signed_in(client, officer).get("/ar/accounts/2fa/totp/activate/")

    html = response.content.decode()
    assert response.status_code == 200
    _assert_platform_wording(html)
    secret = response.context["form"].secret
    assert f'<p class="secret" id="authenticator_secret">{secret}</p>' in html
    assert 'class="qr-code" src="data:image/svg+xml;base64,' in html
    assert 'action="/ar/accounts/2fa/totp/activate/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="code"' in html and 'autocomplete="one-time-code"' in html
    assert html.count("<li>\n      <h2>") == 3  # install, scan, type the code
    assert "<script>" not in html and "style=" not in html  # the Content-Security-Policy


def test_a_correct_code_turns_the_authenticator_app_on_and_shows_the_recovery_codes(
    client, officer
):
    _signed_in(client, officer)
    secret = client.get("/ar/accounts/2fa/totp/activate/").context["form"].secret

    response = client.post("/ar/accounts/2fa/totp/activate/", {"code": _code_now(secret)})

    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=officer, type=Authenticator.Type.TOTP).exists()
    codes = client.get(response["Location"])
    html = codes.content.decode()
    assert codes.status_code == 200
    assert 'class="recovery-codes"' in html
    unused = RecoveryCodes(
        Authenticator.objects.get(user=officer, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()
    assert all(f"<code>{code}</code>" in html for code in unused)


def test_a_wrong_code_is_refused_in_the_platforms_words_and_kept_in_the_field(client, officer):
    _signed_in(client, officer)
    client.get("/ar/accounts/2fa/totp/activate/")

    response = client.post("/ar/accounts/2fa/totp/activate/", {"code": "000000"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert "هذا الرمز غير صحيح" in html
    assert "كود خاطئ" not in html  # allauth's own message
    assert 'value="000000"' in html and 'aria-invalid="true"' in html
    assert not Authenticator.objects.filter(user=officer).exists()


def test_the_sign_in_code_step_in_arabic_lets_the_right_code_in(client, officer):
    _with_totp(officer)
    login = client.post("/ar/accounts/login/", {"login": officer.email, "password": PASSWORD})
    assert login["Location"] == "/ar/accounts/2fa/authenticate/"

    page = client.get(login["Location"])
    _assert_platform_wording(page.content.decode())
    assert 'action="/ar/accounts/2fa/authenticate/"' in page.content.decode()
    response = client.post(login["Location"], {"code": _code_now(SECRET)})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_a_recovery_code_opens_the_sign_in_code_step_too(client, officer):
    _with_totp(officer)
    client.post("/ar/accounts/login/", {"login": officer.email, "password": PASSWORD})
    code = RecoveryCodes(
        Authenticator.objects.get(user=officer, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()[0]

    response = client.post("/ar/accounts/2fa/authenticate/", {"code": code})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_re_authentication_by_code_in_arabic_then_turning_the_app_off(client_for, officer):
    client = client_for(_with_totp(officer))  # signed in long ago: no recent confirmation

    asked = client.get("/ar/accounts/2fa/totp/deactivate/")
    assert asked["Location"].startswith("/ar/accounts/reauthenticate/")
    password_page = client.get(asked["Location"]).content.decode()
    # The other way to confirm, in the platform's words: a code from the app.
    by_code = re.search(r'href="(/ar/accounts/2fa/reauthenticate/[^"]*)"', password_page)
    assert by_code is not None
    assert "استخدام رمز من تطبيق المصادقة أو رمز استرداد" in password_page
    url = html_module.unescape(by_code.group(1))
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    _assert_platform_wording(html)
    assert 'action="/ar/accounts/2fa/reauthenticate/"' in html and 'name="code"' in html
    confirmed = client.post(url, {"code": _code_now(SECRET)})
    assert confirmed["Location"] == "/ar/accounts/2fa/totp/deactivate/"

    form = client.get("/ar/accounts/2fa/totp/deactivate/")
    assert 'class="button--danger"' in form.content.decode()
    turned_off = client.post("/ar/accounts/2fa/totp/deactivate/")

    assert turned_off["Location"] == "/ar/accounts/2fa/"
    assert not Authenticator.objects.filter(user=officer, type=Authenticator.Type.TOTP).exists()


def test_re_authentication_by_password_in_arabic_before_the_setup(client_for, officer):
    client = client_for(officer)

    asked = client.get("/ar/accounts/2fa/totp/activate/")
    assert asked["Location"].startswith("/ar/accounts/reauthenticate/")
    page = client.get(asked["Location"])
    html = page.content.decode()
    _assert_platform_wording(html)
    assert 'name="password"' in html and 'action="/ar/accounts/reauthenticate/"' in html
    confirmed = client.post(
        asked["Location"], {"password": PASSWORD, "next": "/ar/accounts/2fa/totp/activate/"}
    )

    assert confirmed["Location"] == "/ar/accounts/2fa/totp/activate/"


def test_recovery_codes_download_as_text(client, officer):
    _signed_in(client, _with_totp(officer))

    response = client.get("/ar/accounts/2fa/recovery-codes/download/")

    codes = RecoveryCodes(
        Authenticator.objects.get(user=officer, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().split() == codes


def test_making_new_recovery_codes_warns_then_replaces_the_old_ones(client, officer):
    _with_totp(officer)
    _signed_in(client, officer)
    authenticator = Authenticator.objects.get(user=officer, type=Authenticator.Type.RECOVERY_CODES)
    before = RecoveryCodes(authenticator).get_unused_codes()

    page = client.get("/ar/accounts/2fa/recovery-codes/generate/")
    assert 'class="button--danger"' in page.content.decode()  # the current codes will stop working
    response = client.post("/ar/accounts/2fa/recovery-codes/generate/")

    assert response["Location"] == "/ar/accounts/2fa/recovery-codes/"
    authenticator = Authenticator.objects.get(user=officer, type=Authenticator.Type.RECOVERY_CODES)
    assert RecoveryCodes(authenticator).get_unused_codes() != before


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_setup_page_speaks_the_readers_language(client, officer, language):
    response = _signed_in(client, officer, language).get(f"/{language}/accounts/2fa/totp/activate/")

    expected = {"fr": "authentification à deux facteurs", "en": "two-factor authentication"}
    assert expected[language] in response.content.decode().lower()


def _with_a_key(user: User, name: str = "حاسوب العمل") -> Authenticator:
    return Authenticator.objects.create(
        user=user,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": name, "credential": {"clientExtensionResults": {"credProps": {"rk": True}}}},
    )


def test_the_keys_are_listed_in_arabic_and_can_be_renamed_and_removed(client, officer):
    _with_totp(officer)
    key = _with_a_key(officer)
    _signed_in(client, officer)

    listed = client.get("/ar/accounts/2fa/webauthn/").content.decode()
    assert "<bdi>حاسوب العمل</bdi>" in listed
    assert "مفتاح مرور" in listed  # a passkey, in the glossary's words
    assert f'href="/ar/accounts/2fa/webauthn/keys/{key.pk}/remove/"' in listed
    edit = f"/ar/accounts/2fa/webauthn/keys/{key.pk}/edit/"
    assert "إعادة تسمية المفتاح" in client.get(edit).content.decode()
    renamed = client.post(edit, {"name": "المفتاح الأزرق"})
    assert renamed["Location"] == "/ar/accounts/2fa/webauthn/"
    key.refresh_from_db()
    assert key.data["name"] == "المفتاح الأزرق"

    page = client.get(f"/ar/accounts/2fa/webauthn/keys/{key.pk}/remove/").content.decode()
    assert "«المفتاح الأزرق»" in page and 'class="button--danger"' in page
    removed = client.post(f"/ar/accounts/2fa/webauthn/keys/{key.pk}/remove/")

    assert removed["Location"] == "/ar/accounts/2fa/webauthn/"
    assert not Authenticator.objects.filter(pk=key.pk).exists()


def test_another_persons_key_is_not_found(client, officer, outsider):
    key = _with_a_key(outsider)
    _with_totp(officer)
    _signed_in(client, officer)

    assert client.get(f"/ar/accounts/2fa/webauthn/keys/{key.pk}/remove/").status_code == 404
    assert client.post(f"/ar/accounts/2fa/webauthn/keys/{key.pk}/remove/").status_code == 404
    assert Authenticator.objects.filter(pk=key.pk).exists()


def test_the_add_key_page_keeps_allauths_fields_in_the_platforms_words(client, officer):
    response = _signed_in(client, officer).get("/ar/accounts/2fa/webauthn/add/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="name"' in html and 'name="credential"' in html
    assert 'id="mfa_webauthn_add"' in html and 'id="js_data"' in html
    assert "اسم للتمييز بين مفاتيحك" in html
