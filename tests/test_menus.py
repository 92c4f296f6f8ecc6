"""Every persona's menus and "what to do next" lead only to pages that open.

The demo is seeded once for the suite (``conftest``). Each persona's menus are read from the
navigation registry, so the entries of any app added later are walked too; and every registered
entry must be reached by at least one persona, so an entry nobody sees (or that would only ever
answer 403) is caught.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from momentum.core.home import next_steps_for
from momentum.core.navigation import all_items, allowed_items
from momentum.people.models import User

pytestmark = pytest.mark.django_db

# The README's demo accounts, one of each role, and the panel member who holds no role.
PERSONAS = [
    "staff@example.org",
    "focal.jo@example.org",
    "focal.ps@example.org",
    "board.jo@example.org",
    "trainer@example.org",
    "mentor@example.org",
    "moderator@example.org",
    "donor@example.org",
    "panel@example.org",
    "officer1.jo@example.org",
    "officer2.ma@example.org",
]


@pytest.fixture
def demo(seeded_demo: Any) -> None:
    """The demo programme (seeded once for the suite: ``conftest``)."""


def _client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _mentee_emails() -> list[str]:
    """Officers taking part in the mentoring programme (they have steps of their own)."""
    from momentum.mentoring.models import Pairing, PairingStatus

    pairing = (
        Pairing.objects.filter(status=PairingStatus.ACTIVE)
        .select_related("mentee__applicant__user")
        .order_by("pk")
        .first()
    )
    return [pairing.mentee.applicant.user.email] if pairing else []


def _personas() -> list[User]:
    emails = [*PERSONAS, *_mentee_emails()]
    users = list(User.objects.filter(email__in=emails))
    assert len(users) == len(set(emails)), "a demo persona is missing"
    return users


def test_no_menu_entry_of_any_persona_answers_403(demo):
    reached: set[tuple[str, str]] = set()
    for user in _personas():
        client = _client_for(user)
        home = client.get(reverse("home"))
        assert home.status_code == 200
        for item in allowed_items(user):
            url = reverse(item.url_name)
            # The menu shows the entry, and the entry opens.
            assert f'href="{url}"' in home.content.decode(), (user.email, url)
            response = client.get(url, follow=True)
            assert response.status_code == 200, (user.email, url, response.status_code)
            reached.add((item.url_name, str(item.permission)))
    never_reached = {(item.url_name, str(item.permission)) for item in all_items()} - reached
    assert not never_reached, f"menu entries no demo persona sees: {sorted(never_reached)}"


def test_no_menu_shows_an_entry_its_persona_may_not_open(demo):
    """The other way round: the links in the main navigation are exactly the allowed ones."""
    for user in _personas():
        content = _client_for(user).get(reverse("home")).content.decode()
        nav = re.search(r'<nav class="main-nav".*?</nav>', content, re.S)
        assert nav is not None
        shown = set(re.findall(r'href="([^"]+)"', nav.group(0)))
        assert shown == {reverse(item.url_name) for item in allowed_items(user)}, user.email


def test_every_next_step_of_every_persona_opens(demo):
    seen_any = 0
    for user in _personas():
        client = _client_for(user)
        for language in ("en", "ar"):
            with translation.override(language):
                steps = next_steps_for(user)
            for step in steps:
                response = client.get(step.url, follow=True)
                assert response.status_code == 200, (user.email, step.url, response.status_code)
            seen_any += len(steps)
    assert seen_any > 0


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("staff@example.org", "/training/sessions/"),
        ("panel@example.org", "/mentoring/cohorts/"),
        ("mentor@example.org", "/mentoring/pairs/"),
        ("moderator@example.org", "/hub/moderation/"),
    ],
)
def test_each_role_finds_its_work_on_its_home_page(demo, email, expected):
    user = User.objects.get(email=email)
    content = _client_for(user).get(reverse("home")).content.decode()
    section = re.search(r'<section class="next-steps".*?</section>', content, re.S)
    assert section is not None
    assert expected in section.group(0), email


# --- Arabic all the way down -----------------------------------------------------------------

# Latin-script words that Arabic pages may show: the platform's name, codes, formats and the
# names of INTERPOL's databases (proper names, written so in Arabic too).
ALLOWED_LATIN = {
    "Momentum",
    "INTERPOL",
    "API",
    "PDF",
    "CSV",
    "XLSX",
    "XML",
    "IATI",
    "UTC",
    "ICS",
    "QR",
    "TOTP",
    "FIND",
    "MIND",
    "SLTD",
    "iARMS",
}


_SKIPPED = re.compile(
    r"<(script|style|code|bdi|head|option|textarea)\b.*?</\1>"  # codes, user content, names
    r"|<[^>]+\b(dir=\"(auto|ltr)\"|lang=\"(en|fr)\")[^>]*>.*?</[a-z0-9]+>"  # marked as not Arabic
    r"|<[^>]+>",  # the tags themselves (attributes are not visible text)
    re.S,
)
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]{2,}")


def _latin_words(html: str) -> set[str]:
    text = _SKIPPED.sub(" ", html)
    return {word for word in _LATIN_WORD.findall(text) if word not in ALLOWED_LATIN}


def test_arabic_pages_show_no_latin_text_but_names_and_user_content(demo):
    found: dict[str, set[str]] = {}
    for user in _personas():
        client = _client_for(user)
        client.cookies["django_language"] = "ar"
        with translation.override("ar"):
            urls = [reverse("home"), *(reverse(item.url_name) for item in allowed_items(user))]
        for url in urls:
            words = _latin_words(client.get(url, follow=True).content.decode())
            if words:
                found[url] = found.get(url, set()) | words
    assert not found, "; ".join(f"{url}: {sorted(words)}" for url, words in found.items())
