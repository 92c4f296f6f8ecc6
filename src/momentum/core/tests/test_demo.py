"""`momentum demo`: the demo programme, its countries and the accounts the README lists."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from momentum.core.demo import DEMO_PASSWORD
from momentum.core.models import Country, CountryStatus, Programme
from momentum.people.models import Profile, Role, RoleAssignment, Sex, User

pytestmark = pytest.mark.django_db

COUNTRY_CODES = ["dz", "eg", "jo", "lb", "ma", "ps", "tn"]
README = Path(settings.PROJECT_DIR) / "README.md"
ARABIC_LETTERS = re.compile(r"^[\u0621-\u064a ]+$")

# The README's table of demo accounts, written out.
README_ACCOUNTS = {
    "staff@example.org": (Role.STAFF, None),
    "trainer@example.org": (Role.TRAINER, None),
    "mentor@example.org": (Role.MENTOR, None),
    "moderator@example.org": (Role.MODERATOR, None),
    "donor@example.org": (Role.DONOR, None),
    **{f"focal.{cc}@example.org": (Role.FOCAL_POINT, cc.upper()) for cc in COUNTRY_CODES},
    **{f"board.{cc}@example.org": (Role.BOARD_MEMBER, cc.upper()) for cc in COUNTRY_CODES},
    **{
        f"officer{number}.{cc}@example.org": (Role.OFFICER, cc.upper())
        for cc in COUNTRY_CODES
        for number in range(1, 30)
    },
}


def _seed(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(seeded_demo: Any) -> str:
    """What seeding the demo printed (the demo is seeded once for the suite: ``conftest``)."""
    return str(seeded_demo.output)


def test_readme_lists_the_accounts_this_test_expects():
    readme = README.read_text(encoding="utf-8")

    for address in [
        "staff@example.org",
        "focal.<cc>@example.org",
        "board.<cc>@example.org",
        "trainer@example.org",
        "mentor@example.org",
        "moderator@example.org",
        "donor@example.org",
        "officer1.<cc>@example.org",
        "officer29.<cc>@example.org",
    ]:
        assert f"`{address}`" in readme
    assert f"({', '.join(COUNTRY_CODES)})" in readme
    assert f"password `{DEMO_PASSWORD}`" in readme


def test_if_empty_twice_in_demo_mode_seeds_once_and_keeps_the_data(settings):
    settings.DEMO = True
    settings.TESTING = False

    _seed("--if-empty")
    users = set(User.objects.values_list("pk", flat=True))
    output = _seed("--if-empty")

    assert len(users) > 200
    assert "nothing seeded" in output
    assert set(User.objects.values_list("pk", flat=True)) == users
    assert Programme.objects.count() == 1


def test_demo_is_refused_outside_demo_and_testing_mode(settings):
    settings.DEMO = False
    settings.TESTING = False

    with pytest.raises(CommandError, match="demo mode"):
        _seed()
    with pytest.raises(CommandError, match="demo mode"):
        _seed("--if-empty")
    assert not User.objects.exists()
    assert not Country.objects.exists()


class TestTheSeededDemo:
    """Read-only checks of one seeded demo."""

    def test_demo_seeds_seven_countries_with_egypt_not_yet_active(self, seeded):
        statuses = dict(Country.objects.values_list("code", "status"))

        assert sorted(statuses) == ["DZ", "EG", "JO", "LB", "MA", "PS", "TN"]
        assert statuses.pop("EG") == CountryStatus.NOT_YET_ACTIVE
        assert set(statuses.values()) == {CountryStatus.ACTIVE}
        programme = Programme.objects.get()
        assert programme.countries.count() == 7

    def test_countries_have_names_in_three_languages(self, seeded):
        egypt = Country.objects.get(code="EG")

        assert (egypt.name_en, egypt.name_fr, egypt.name_ar) == ("Egypt", "Égypte", "مصر")

    def test_every_account_the_readme_lists_exists_with_its_role(self, seeded):
        assignments = {
            (
                assignment.user.email,
                assignment.role,
                assignment.country.code if assignment.country else None,
            )
            for assignment in RoleAssignment.objects.select_related("user", "country")
        }

        for email, (role, country) in README_ACCOUNTS.items():
            assert (email, role, country) in assignments, email

    def test_demo_accounts_sign_in_with_the_demo_password(self, seeded, client):
        user = User.objects.get(email="focal.jo@example.org")

        assert user.check_password(DEMO_PASSWORD)
        response = client.post(
            "/en/accounts/login/", {"login": "focal.jo@example.org", "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302
        assert client.get("/en/people/officers/").status_code == 200

    def test_about_two_hundred_officers_women_and_men_with_arabic_names(self, seeded):
        profiles = list(Profile.objects.select_related("user", "country"))

        assert 180 <= len(profiles) <= 220
        women = sum(profile.sex == Sex.FEMALE for profile in profiles)
        men = sum(profile.sex == Sex.MALE for profile in profiles)
        assert women + men == len(profiles)
        assert women >= len(profiles) * 0.3
        assert men >= len(profiles) * 0.3
        for profile in profiles:
            assert ARABIC_LETTERS.match(profile.user.given_name_ar), profile.user.email
            assert ARABIC_LETTERS.match(profile.user.family_name_ar), profile.user.email
            assert profile.user.given_name and profile.user.family_name
        # Every country has officers of both sexes.
        for code in COUNTRY_CODES:
            sexes = {profile.sex for profile in profiles if profile.country.code == code.upper()}
            assert sexes == {Sex.FEMALE, Sex.MALE}, code

    def test_demo_officers_are_found_by_their_arabic_name(self, seeded):
        profile = Profile.objects.select_related("user").order_by("pk").first()
        assert profile is not None
        bare = profile.user.given_name_ar.replace("أ", "ا").replace("إ", "ا")

        assert Profile.objects.search(bare).filter(pk=profile.pk).exists()

    def test_demo_prints_the_accounts_and_password(self, seeded):
        assert DEMO_PASSWORD in seeded
        assert "staff@example.org" in seeded
        assert "Egypt not yet active" in seeded

    def test_seeding_a_database_that_has_a_programme_is_refused_without_if_empty(self, seeded):
        with pytest.raises(CommandError, match="already holds a programme"):
            _seed()
        assert Programme.objects.count() == 1
