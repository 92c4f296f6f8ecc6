"""Ranks are reference data that programme staff keep in the admin, in the three languages."""

from __future__ import annotations

import pytest

from momentum.people.models import Rank, RankLevel

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_staff(staff):
    staff.is_superuser = True
    staff.is_staff = True
    staff.save()
    return staff


def test_staff_add_a_rank_with_its_three_names(client_for, admin_staff):
    client = client_for(admin_staff)
    form = client.get("/en/admin/people/rank/add/").content.decode()
    for field in ("name_ar", "name_fr", "name_en", "level", "order"):
        assert f'name="{field}"' in form

    response = client.post(
        "/en/admin/people/rank/add/",
        {
            "name_ar": "ملازم أول",
            "name_fr": "Lieutenant principal",
            "name_en": "First lieutenant",
            "level": RankLevel.MID,
            "order": 45,
        },
    )

    assert response.status_code == 302
    rank = Rank.objects.get(name_en="First lieutenant")
    assert (rank.name_ar, rank.name_fr, rank.level, rank.order) == (
        "ملازم أول",
        "Lieutenant principal",
        RankLevel.MID,
        45,
    )


def test_a_rank_in_use_cannot_be_deleted(client_for, admin_staff, officer):
    rank = officer.profile.rank

    client_for(admin_staff).post(f"/en/admin/people/rank/{rank.pk}/delete/", {"post": "yes"})

    assert Rank.objects.filter(pk=rank.pk).exists()
