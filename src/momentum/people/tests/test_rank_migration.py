"""The migration from free-text ranks to reference data: every profile and waiting invitation
keeps its rank, the same words typed differently become one rank, and it can be undone."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("people", "0003_rank")]
AFTER = [("people", "0005_profile_rank")]


def _migrate(targets: list[tuple[str, str]]):
    """Migrate to ``targets``; returns the models as they are there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_apps():
    apps = _migrate(BEFORE)
    yield apps
    _migrate(_latest())


def _latest() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def _officer(apps, email: str, rank: str, level: str = "junior"):
    User = apps.get_model("people", "User")
    Country = apps.get_model("core", "Country")
    Profile = apps.get_model("people", "Profile")
    country, _created = Country.objects.get_or_create(
        code="JO", defaults={"name": "Jordan", "name_en": "Jordan"}
    )
    user = User.objects.create(email=email, password="!")
    return Profile.objects.create(
        user=user, sex="female", country=country, rank=rank, rank_level=level
    )


def test_each_distinct_rank_becomes_one_rank_in_three_languages(old_apps):
    _officer(old_apps, "a@example.org", "Captain", "mid")
    _officer(old_apps, "b@example.org", "  captain ", "mid")
    _officer(old_apps, "c@example.org", "Sergeant")
    _officer(old_apps, "d@example.org", "Staff Sergeant Major", "senior")
    _officer(old_apps, "e@example.org", "")

    apps = _migrate(AFTER)

    Rank = apps.get_model("people", "Rank")
    Profile = apps.get_model("people", "Profile")
    ranks = {
        rank.name_en: (rank.name_ar, rank.name_fr, rank.level, rank.order)
        for rank in Rank.objects.all()
    }
    assert ranks == {
        "Captain": ("نقيب", "Capitaine", "mid", 50),
        "Sergeant": ("رقيب", "Sergent", "junior", 20),
        # A rank the programme does not know keeps its English name, its officers' level.
        "Staff Sergeant Major": (None, None, "senior", 1001),
    }
    by_email = {
        profile.user.email: profile.rank.name_en if profile.rank_id else None
        for profile in Profile.objects.select_related("user", "rank")
    }
    assert by_email == {
        "a@example.org": "Captain",
        "b@example.org": "Captain",
        "c@example.org": "Sergeant",
        "d@example.org": "Staff Sergeant Major",
        "e@example.org": None,
    }


def test_a_waiting_invitation_keeps_its_rank(old_apps):
    Invitation = old_apps.get_model("people", "Invitation")
    invitation = Invitation.objects.create(
        email="new@example.org",
        role="officer",
        language="ar",
        key_hash="x" * 64,
        expires_at="2030-01-01T00:00:00Z",
        details={"given_name": "Rania", "rank": "Major", "rank_level": "senior"},
    )

    apps = _migrate(AFTER)

    details = apps.get_model("people", "Invitation").objects.get(pk=invitation.pk).details
    rank = apps.get_model("people", "Rank").objects.get(pk=details["rank_id"])
    assert (rank.name_en, rank.name_ar, rank.name_fr) == ("Major", "رائد", "Commandant")
    assert "rank" not in details
    assert details["given_name"] == "Rania"


def test_undoing_the_migration_gives_back_the_english_text(old_apps):
    _officer(old_apps, "a@example.org", "Colonel", "senior")
    _migrate(AFTER)

    apps = _migrate(BEFORE)

    Profile = apps.get_model("people", "Profile")
    assert list(Profile.objects.values_list("rank", flat=True)) == ["Colonel"]
    assert not apps.get_model("people", "Rank").objects.exists()
