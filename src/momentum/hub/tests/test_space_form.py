"""Staff create, edit and archive spaces; an edit from a stale form is refused."""

from __future__ import annotations

import pytest

from momentum.core.models import AuditEntry
from momentum.hub.models import (
    JoinPolicy,
    MemberRole,
    Membership,
    MembershipStatus,
    Space,
    SpaceKind,
)
from momentum.hub.tests.factories import SpaceFactory, member

pytestmark = pytest.mark.django_db


def _form(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": SpaceKind.PROGRAMME,
        "country": "",
        "thematic_area": "",
        "main_language": "ar",
        "join_policy": JoinPolicy.REQUEST,
        "hold_first_posts": "2",
        "name_en": "Border practice",
        "name_fr": "Pratique aux frontières",
        "name_ar": "الممارسات الحدودية",
        "description_en": "For border police.",
        "description_fr": "Pour la police des frontières.",
        "description_ar": "لشرطة الحدود.",
    }
    data.update(changes)
    return data


def test_staff_create_a_space_in_three_languages_with_its_moderators(client_for, staff, officer):
    response = client_for(staff).post("/en/hub/spaces/new/", _form(moderators=[officer.pk]))

    space = Space.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/hub/spaces/{space.pk}/"
    assert (space.name_en, space.name_fr, space.name_ar) == (
        "Border practice",
        "Pratique aux frontières",
        "الممارسات الحدودية",
    )
    assert (space.join_policy, space.main_language, space.hold_first_posts) == ("request", "ar", 2)
    moderator = Membership.objects.get(space=space, user=officer)
    assert moderator.is_moderator
    assert AuditEntry.objects.filter(verb="hub.space.create", target_id=str(space.pk)).exists()


def test_a_country_space_needs_its_country(client_for, staff):
    response = client_for(staff).post("/en/hub/spaces/new/", _form(kind=SpaceKind.COUNTRY))

    assert response.status_code == 200
    assert "A country space needs its country." in response.content.decode()
    assert not Space.objects.exists()


def test_a_name_is_required_in_each_language(client_for, staff):
    response = client_for(staff).post("/en/hub/spaces/new/", _form(name_ar=""))

    assert response.status_code == 200
    assert response.context["form"].errors["name_ar"]
    assert "Border practice" in response.content.decode()  # what was typed is kept


def test_staff_edit_a_space_and_its_version_goes_up(client_for, staff, officer, mentor):
    space = SpaceFactory()
    member(space, mentor, role=MemberRole.MODERATOR)

    response = client_for(staff).post(
        f"/en/hub/spaces/{space.pk}/edit/",
        _form(name_en="Renamed", version=space.version, moderators=[officer.pk]),
    )

    assert response.status_code == 302
    space.refresh_from_db()
    assert space.name_en == "Renamed" and space.version == 2
    assert Membership.objects.get(space=space, user=officer).is_moderator
    former = Membership.objects.get(space=space, user=mentor)
    assert former.role == MemberRole.MEMBER and former.status == MembershipStatus.ACTIVE
    entry = AuditEntry.objects.get(verb="hub.space.update")
    assert entry.details["changed"]["name_en"] == "Renamed"


def test_an_edit_from_a_stale_form_is_refused_and_keeps_the_text(client_for, staff):
    space = SpaceFactory(name_en="Original")
    Space.objects.filter(pk=space.pk).update(version=2, name_en="Saved by someone else")

    response = client_for(staff).post(
        f"/en/hub/spaces/{space.pk}/edit/", _form(name_en="My edit", version=1)
    )

    assert response.status_code == 200
    assert "Someone else saved this space" in response.content.decode()
    assert 'value="My edit"' in response.content.decode()
    space.refresh_from_db()
    assert space.name_en == "Saved by someone else"


def test_the_edit_form_is_filled_with_the_space(client_for, staff):
    space = SpaceFactory(name_fr="Espace des formateurs")

    content = client_for(staff).get(f"/fr/hub/spaces/{space.pk}/edit/").content.decode()

    assert 'value="Espace des formateurs"' in content
    assert f'name="version" value="{space.version}"' in content


def test_staff_archive_a_space_and_it_leaves_the_list(client_for, staff, officer):
    space = SpaceFactory(name_en="Old space")

    response = client_for(staff).post(f"/en/hub/spaces/{space.pk}/archive/")

    assert response.status_code == 302
    space.refresh_from_db()
    assert space.archived_at is not None
    assert "Old space" not in client_for(officer).get("/en/hub/").content.decode()
    assert AuditEntry.objects.filter(verb="hub.space.archive").exists()


def test_moderators_may_not_create_spaces(client_for, moderator):
    response = client_for(moderator).post("/en/hub/spaces/new/", _form())

    assert response.status_code == 403
    assert not Space.objects.exists()
