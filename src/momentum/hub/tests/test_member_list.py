"""A space's members, each shown as they chose; and the author display every hub page uses."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template

from momentum.hub.models import JoinPolicy, MemberRole, MembershipStatus, NameDisplay
from momentum.hub.selectors.members import display_names
from momentum.hub.services.members import settings_for
from momentum.hub.tests.factories import SpaceFactory, member, png_bytes
from momentum.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _settings(user, **fields):  # type: ignore[no-untyped-def]
    settings = settings_for(user)
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def test_members_are_shown_as_they_chose_moderators_marked(client_for, officer, mentor, staff):
    space = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    member(space, officer)
    member(space, mentor, role=MemberRole.MODERATOR)
    hidden = UserFactory(given_name="Nadia", family_name="Saleh")
    member(space, hidden)
    _settings(hidden, name_display=NameDisplay.INITIALS)
    member(space, UserFactory(given_name="Gone", family_name="Away"), status=MembershipStatus.LEFT)

    response = client_for(officer).get(f"/en/hub/spaces/{space.pk}/members/")

    content = response.content.decode()
    assert "Leila Haddad" in content
    assert "N. S." in content and "Nadia" not in content
    assert "Gone Away" not in content
    assert "Moderator" in content
    assert response.context["memberships"][0].user == mentor  # moderators first


def test_names_are_in_the_readers_script(client_for, officer):
    space = SpaceFactory()
    member(space, officer)

    content = client_for(officer).get(f"/ar/hub/spaces/{space.pk}/members/").content.decode()

    assert "ليلى حداد" in content and 'dir="rtl"' in content


def test_a_photo_is_shown_only_when_its_owner_shows_it(client_for, officer, mentor):
    space = SpaceFactory()
    member(space, officer)
    member(space, mentor)
    for user, shown in ((officer, True), (mentor, False)):
        settings = _settings(user, show_photo=shown)
        settings.photo.save("p.png", ContentFile(png_bytes()), save=True)

    content = client_for(officer).get(f"/en/hub/spaces/{space.pk}/members/").content.decode()

    assert f"/en/hub/photos/{officer.pk}/" in content
    assert f"/en/hub/photos/{mentor.pk}/" not in content


def test_only_those_who_read_the_space_see_its_members(client_for, officer, mentor):
    space = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    member(space, officer)

    assert client_for(mentor).get(f"/en/hub/spaces/{space.pk}/members/").status_code == 403


def test_the_members_list_is_paginated_and_keeps_its_query_count(
    client_for, officer, django_assert_max_num_queries
):
    space = SpaceFactory()
    member(space, officer)
    client = client_for(officer)
    with django_assert_max_num_queries(20) as few:
        client.get(f"/en/hub/spaces/{space.pk}/members/")
    for _ in range(55):
        member(space, UserFactory())

    # session, user, roles, profile, space, memberships, count, page of members, settings
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(f"/en/hub/spaces/{space.pk}/members/")
    assert len(response.context["memberships"]) == 50
    assert response.context["page"].paginator.num_pages == 2


def test_display_names_reads_all_settings_in_one_query(officer, mentor, django_assert_num_queries):
    _settings(mentor, name_display=NameDisplay.INITIALS)

    with django_assert_num_queries(1):
        displays = display_names([officer, mentor], "fr")

    assert displays[officer.pk].name == "Leila Haddad"
    assert displays[officer.pk].handle == ""  # no settings chosen yet
    assert displays[mentor.pk].name == displays[mentor.pk].initials
    assert displays[officer.pk].photo_url is None


def test_display_names_never_shows_an_email_address(db):
    user = UserFactory(given_name="", family_name="", given_name_ar="", family_name_ar="")

    display = display_names([user], "en")[user.pk]

    assert "@" not in display.name


def test_the_author_tag_escapes_and_isolates_the_name(officer):
    officer.given_name = "<b>Leila</b>"
    officer.save()
    template = Template("{% load hub %}{% hub_author author_id displays %}")

    html = template.render(
        Context({"author_id": officer.pk, "displays": display_names([officer], "en")})
    )

    assert html == '<bdi dir="auto" class="hub-author">&lt;b&gt;Leila&lt;/b&gt; Haddad</bdi>'


def test_the_author_tag_names_an_unknown_person_a_former_member(db):
    html = Template("{% load hub %}{% hub_author 999 displays %}").render(Context({"displays": {}}))

    assert "A former member" in html
