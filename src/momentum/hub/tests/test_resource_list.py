"""The library: readers see the resources they may read, filtered, a page at a time."""

from __future__ import annotations

import pytest

from momentum.core.models import ThematicArea
from momentum.core.tests.factories import ProgrammeFactory
from momentum.hub.models import JoinPolicy, ResourceKind, SpaceKind, Tag
from momentum.hub.services.resources import resource_search_key
from momentum.hub.tests.factories import ResourceFactory, SpaceFactory, member

pytestmark = pytest.mark.django_db
URL = "/en/hub/resources/"


def _resource(**fields):  # type: ignore[no-untyped-def]
    tags = fields.pop("tags", [])
    resource = ResourceFactory(**fields)
    for name in tags:
        tag, _ = Tag.objects.get_or_create(name=name, defaults={"slug": name.lower()})
        resource.tags.add(tag)
    resource.search_key = resource_search_key(resource)
    resource.save(update_fields=["search_key"])
    return resource


def _titles(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [resource.title_en for resource in response.context["page"]]


@pytest.fixture
def private_space():  # type: ignore[no-untyped-def]
    return SpaceFactory(join_policy=JoinPolicy.INVITATION)


def test_readers_see_the_whole_hubs_resources_and_their_spaces(client, officer, private_space):
    _resource(title_en="Open guide")
    _resource(title_en="Board notes", space=private_space)
    client.force_login(officer)

    response = client.get(URL)

    assert response.status_code == 200
    assert _titles(response) == ["Open guide"]
    assert "Board notes" not in response.content.decode()


def test_members_of_a_private_space_see_its_resources(client, officer, private_space):
    member(private_space, officer)
    _resource(title_en="Board notes", space=private_space)
    client.force_login(officer)

    assert _titles(client.get(URL)) == ["Board notes"]


def test_another_countrys_space_resources_are_hidden(client, outsider, jordan):
    _resource(title_en="Jordan only", space=SpaceFactory(kind=SpaceKind.COUNTRY, country=jordan))
    client.force_login(outsider)

    assert _titles(client.get(URL)) == []


def test_unpublished_resources_are_seen_by_staff_only(client, officer, staff):
    _resource(title_en="Draft", is_published=False)
    client.force_login(officer)
    assert _titles(client.get(URL)) == []

    client.force_login(staff)
    response = client.get(URL)
    assert _titles(response) == ["Draft"]
    assert "Not shown in the library" in response.content.decode()


def test_filters_by_type_language_area_country_and_tag(client, officer, jordan, morocco):
    area = ThematicArea.objects.create(
        programme=ProgrammeFactory(), code="borders", name="Border management"
    )
    _resource(title_en="Video", kind=ResourceKind.VIDEO)
    _resource(title_en="Arabic", language="ar")
    _resource(title_en="Area", thematic_area=area)
    _resource(title_en="Jordan", country=jordan)
    _resource(title_en="Morocco", country=morocco)
    _resource(title_en="Tagged", tags=["Forgery"])
    client.force_login(officer)

    assert _titles(client.get(URL, {"kind": "video"})) == ["Video"]
    assert _titles(client.get(URL, {"language": "ar"})) == ["Arabic"]
    assert _titles(client.get(URL, {"thematic_area": area.pk})) == ["Area"]
    assert _titles(client.get(URL, {"country": jordan.pk})) == ["Jordan"]
    assert _titles(client.get(URL, {"tag": "forgery"})) == ["Tagged"]


def test_text_search_folds_arabic_and_french_spellings(client, officer):
    _resource(title_en="Family", title_ar="دور الأسرة", title_fr="La famille")
    _resource(title_en="Security", title_fr="La sécurité", title_ar="الأمن")
    client.force_login(officer)

    assert _titles(client.get(URL, {"q": "الاسره"})) == ["Family"]
    assert _titles(client.get(URL, {"q": "securite"})) == ["Security"]


def test_tags_of_resources_the_reader_may_not_read_are_not_offered(client, officer, private_space):
    _resource(title_en="Secret", space=private_space, tags=["Operation Falcon"])
    _resource(title_en="Open", tags=["Checklists"])
    client.force_login(officer)

    page = client.get(URL).content.decode()

    assert "Checklists" in page
    assert "Operation Falcon" not in page


def test_an_unknown_filter_value_shows_the_whole_list(client, officer):
    _resource(title_en="Open guide")
    client.force_login(officer)

    response = client.get(URL, {"kind": "nonsense", "country": "abc"})

    assert response.status_code == 200
    assert _titles(response) == ["Open guide"]


def test_the_list_reads_the_same_number_of_queries_for_many_resources(
    client, officer, django_assert_max_num_queries
):
    for number in range(3):
        _resource(title_en=f"Guide {number}", tags=[f"tag{number}"])
    client.force_login(officer)
    # session, user, roles, profile, memberships; the tags offered; the count; the page; its
    # tags (one prefetch); the filter form's thematic areas and countries
    with django_assert_max_num_queries(12) as few:
        client.get(URL)

    for number in range(3, 40):
        _resource(title_en=f"Guide {number}", tags=[f"tag{number}", "common"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)
    assert len(response.context["page"].object_list) == 20


def test_donors_do_not_use_the_library(client, donor):
    client.force_login(donor)

    assert client.get(URL).status_code == 403
