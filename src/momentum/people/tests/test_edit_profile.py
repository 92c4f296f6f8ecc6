"""Editing an officer's profile: who may, the audit of others' changes, stale forms, scope."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.core.tests.factories import AgencyFactory, AreaOfWorkFactory
from momentum.people import services
from momentum.people.models import Profile, Rank, Sex
from momentum.people.tests.factories import RankFactory
from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db

OWN_URL = "/en/people/me/profile/"


def _edit_url(profile: Profile) -> str:
    return f"/en/people/officers/{profile.pk}/edit/"


def _form(profile: Profile, **changes) -> dict[str, object]:
    """The edit form as it would come back unchanged, with ``changes`` typed in."""
    profile.refresh_from_db()
    user = profile.user
    user.refresh_from_db()
    data: dict[str, object] = {
        "given_name": user.given_name,
        "family_name": user.family_name,
        "given_name_ar": user.given_name_ar,
        "family_name_ar": user.family_name_ar,
        "sex": profile.sex,
        "country": profile.country_id,
        "agency": profile.agency_id or "",
        "rank": profile.rank_id or "",
        "rank_level": profile.rank_level,
        "areas_of_work": [area.pk for area in profile.areas_of_work.all()],
        "languages": profile.languages,
        "version": profile.version,
    }
    data.update(changes)
    return data


def _rank(english: str) -> Rank:
    return RankFactory(name_en=english, name_fr=english, name_ar=english)


def _rank_id(english: str) -> int:
    return _rank(english).pk


def _profile_edits(profile: Profile) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(verb="profile.changed", target_id=str(profile.pk)))


# The owner -----------------------------------------------------------------------------------


def test_the_form_shows_the_current_values(client_for, officer):
    form = client_for(officer).get(OWN_URL).context["form"]

    assert form["given_name"].value() == "Leila"
    assert form["given_name_ar"].value() == "ليلى"
    assert form["country"].value() == officer.profile.country_id
    assert form["version"].value() == 1


def test_officer_edits_own_profile_without_an_audit_entry(client_for, officer):
    profile = officer.profile

    response = client_for(officer).post(
        OWN_URL,
        _form(profile, rank=_rank_id("Major"), rank_level="senior", family_name="Haddad-Nasser"),
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/people/me/"
    profile.refresh_from_db()
    assert (profile.rank.name_en, profile.rank_level, profile.version) == ("Major", "senior", 2)
    profile.user.refresh_from_db()
    assert profile.user.family_name == "Haddad-Nasser"
    assert _profile_edits(profile) == []


def test_officer_may_also_use_the_officer_edit_page_for_own_profile(client_for, officer):
    profile = officer.profile

    response = client_for(officer).post(
        _edit_url(profile), _form(profile, rank=_rank_id("Lieutenant"))
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.rank.name_en == "Lieutenant"


def test_officer_cannot_edit_a_colleagues_profile(client_for, officer, jordan):
    colleague = make_officer(jordan).profile

    client = client_for(officer)
    assert client.get(_edit_url(colleague)).status_code == 404
    assert (
        client.post(_edit_url(colleague), _form(colleague, rank=_rank_id("Hacked"))).status_code
        == 404
    )
    colleague.refresh_from_db()
    assert colleague.rank.name_en == "Inspector"


def test_someone_without_a_profile_gets_404_on_own_profile_page(client_for, staff):
    assert client_for(staff).get(OWN_URL).status_code == 404


# Colleagues with rights ----------------------------------------------------------------------


def test_focal_point_edits_an_officer_of_own_country_and_it_is_audited(
    client_for, focal_point, officer, jordan
):
    profile = officer.profile

    response = client_for(focal_point).post(
        _edit_url(profile), _form(profile, rank=_rank_id("Colonel"), given_name="Layla")
    )

    assert response.status_code == 302
    assert response["Location"] == f"/en/people/officers/{profile.pk}/"
    profile.refresh_from_db()
    assert profile.rank.name_en == "Colonel"
    [entry] = _profile_edits(profile)
    assert entry.actor == focal_point
    assert entry.country == jordan
    assert entry.details["changes"] == {
        "rank": [str(_rank("Inspector").pk), str(_rank("Colonel").pk)],
        "given_name": ["Leila", "Layla"],
    }


def test_staff_edit_lists_every_changed_field_and_nothing_else(client_for, staff, officer):
    profile = officer.profile
    area = AreaOfWorkFactory(code="cybercrime")
    new_sex = Sex.MALE if profile.sex == Sex.FEMALE else Sex.FEMALE

    client_for(staff).post(
        _edit_url(profile),
        _form(profile, sex=new_sex, areas_of_work=[area.pk], languages=["fr"], agency=""),
    )

    [entry] = _profile_edits(profile)
    changes = entry.details["changes"]
    assert set(changes) == {"sex", "areas_of_work", "languages", "agency"}
    assert changes["areas_of_work"] == [[], ["cybercrime"]]
    assert changes["languages"] == [["ar", "en"], ["fr"]]
    assert changes["agency"][1] is None


def test_saving_an_unchanged_form_writes_nothing(client_for, focal_point, officer):
    profile = officer.profile

    response = client_for(focal_point).post(_edit_url(profile), _form(profile))

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.version == 1
    assert _profile_edits(profile) == []


def test_a_changed_name_is_found_by_search(client_for, staff, officer):
    profile = officer.profile
    client = client_for(staff)

    client.post(_edit_url(profile), _form(profile, family_name="Zarqawi"))

    found = client.get("/en/people/officers/", {"q": "zarqawi"}).context["page"]
    assert [p.pk for p in found] == [profile.pk]


# Outsiders ----------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["outsider", "donor"])
def test_outsiders_get_404_and_change_nothing(client_for, request, persona, officer):
    profile = officer.profile
    client = client_for(request.getfixturevalue(persona))

    assert client.get(_edit_url(profile)).status_code == 404
    assert (
        client.post(_edit_url(profile), _form(profile, rank=_rank_id("Hacked"))).status_code == 404
    )
    profile.refresh_from_db()
    assert (profile.rank.name_en, profile.version) == ("Inspector", 1)
    assert _profile_edits(profile) == []


def test_the_service_refuses_an_outsider(outsider, officer):
    with pytest.raises(PermissionDenied):
        services.update_profile(
            profile=officer.profile, by=outsider, data={"rank": _rank("Hacked")}
        )
    officer.profile.refresh_from_db()
    assert officer.profile.rank.name_en == "Inspector"


# Country and agency --------------------------------------------------------------------------


def test_focal_point_cannot_move_an_officer_to_another_country(
    client_for, focal_point, officer, morocco, jordan
):
    profile = officer.profile
    client = client_for(focal_point)

    assert list(client.get(_edit_url(profile)).context["form"].fields["country"].queryset) == [
        jordan
    ]
    response = client.post(_edit_url(profile), _form(profile, country=morocco.pk, agency=""))

    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    profile.refresh_from_db()
    assert profile.country == jordan


def test_the_service_refuses_a_focal_points_move_to_another_country(
    focal_point, officer, morocco, jordan
):
    with pytest.raises(ValidationError) as refusal:
        services.update_profile(
            profile=officer.profile, by=focal_point, data={"country": morocco, "agency": None}
        )

    assert "country" in refusal.value.message_dict
    officer.profile.refresh_from_db()
    assert officer.profile.country == jordan


def test_staff_may_move_an_officer_to_another_country(client_for, staff, officer, morocco):
    profile = officer.profile
    moroccan_agency = AgencyFactory(country=morocco)

    response = client_for(staff).post(
        _edit_url(profile), _form(profile, country=morocco.pk, agency=moroccan_agency.pk)
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.country, profile.agency) == (morocco, moroccan_agency)


def test_the_agency_must_belong_to_the_chosen_country(client_for, staff, officer, morocco):
    profile = officer.profile
    moroccan_agency = AgencyFactory(country=morocco)
    agency_before = profile.agency

    response = client_for(staff).post(_edit_url(profile), _form(profile, agency=moroccan_agency.pk))

    assert response.status_code == 200
    assert response.context["form"].errors["agency"] == [
        "This agency is not in the chosen country."
    ]
    profile.refresh_from_db()
    assert profile.agency == agency_before


def test_focal_point_is_offered_only_own_countrys_agencies(
    client_for, focal_point, officer, morocco
):
    AgencyFactory(country=morocco)

    form = client_for(focal_point).get(_edit_url(officer.profile)).context["form"]

    assert {agency.country_id for agency in form.fields["agency"].queryset} == {
        officer.profile.country_id
    }


def test_the_service_refuses_an_agency_of_another_country(staff, officer, morocco):
    with pytest.raises(ValidationError) as refusal:
        services.update_profile(
            profile=officer.profile, by=staff, data={"agency": AgencyFactory(country=morocco)}
        )

    assert "agency" in refusal.value.message_dict


# Two people editing at once ------------------------------------------------------------------


def test_a_stale_edit_is_refused_and_neither_change_is_lost(
    client_for, focal_point, staff, officer
):
    profile = officer.profile
    # Both open the form while the profile is at version 1.
    staff_form = _form(profile, rank=_rank_id("Captain"))
    focal_form = _form(profile, rank_level="senior", given_name="Layla")

    first = client_for(staff).post(_edit_url(profile), staff_form)
    second = client_for(focal_point).post(_edit_url(profile), focal_form)

    assert first.status_code == 302
    assert second.status_code == 200
    assert second.context["form"].non_field_errors() == [
        "Someone else saved this profile while you were editing it. Reload the page to see "
        "their changes, then make yours again."
    ]
    html = second.content.decode()
    assert 'value="Layla"' in html  # what the focal point typed is still in the form
    profile.refresh_from_db()
    profile.user.refresh_from_db()
    assert (profile.rank.name_en, profile.rank_level, profile.version) == ("Captain", "junior", 2)
    assert profile.user.given_name == "Leila"
    assert [entry.actor for entry in _profile_edits(profile)] == [staff]


def test_after_reloading_the_form_the_edit_goes_through(client_for, focal_point, staff, officer):
    profile = officer.profile
    client_for(staff).post(_edit_url(profile), _form(profile, rank=_rank_id("Captain")))

    response = client_for(focal_point).post(_edit_url(profile), _form(profile, given_name="Layla"))

    assert response.status_code == 302
    profile.refresh_from_db()
    profile.user.refresh_from_db()
    assert (profile.rank.name_en, profile.user.given_name, profile.version) == (
        "Captain",
        "Layla",
        3,
    )


def test_the_service_refuses_a_stale_version(staff, officer):
    services.update_profile(
        profile=officer.profile, by=staff, data={"rank": _rank("Captain")}, expected_version=1
    )

    with pytest.raises(services.StaleEditError):
        services.update_profile(
            profile=officer.profile, by=staff, data={"rank": _rank("Major")}, expected_version=1
        )
    officer.profile.refresh_from_db()
    assert officer.profile.rank.name_en == "Captain"


# The rank, chosen from the list in the reader's language ---------------------------------------


def test_the_rank_is_chosen_from_a_list_in_arabic_on_arabic_pages(client_for, officer):
    RankFactory(name_en="Colonel", name_fr="Colonel", name_ar="عقيد", level="senior", order=90)
    RankFactory(name_en="Sergeant", name_fr="Sergent", name_ar="رقيب", order=20)

    page = client_for(officer).get("/ar/people/me/profile/")

    options = [str(label) for _value, label in page.context["form"].fields["rank"].choices]
    # The empty choice, then from the most junior rank to the most senior.
    assert options[1:] == ["رقيب", "مفتش شرطة", "عقيد"]
    html = page.content.decode()
    assert '<select name="rank"' in html
    assert "رقيب</option>" in html
    assert "Sergeant" not in html


def test_the_rank_list_is_in_french_on_french_pages(client_for, officer):
    RankFactory(name_en="Sergeant", name_fr="Sergent", name_ar="رقيب", order=20)

    form = client_for(officer).get("/fr/people/me/profile/").context["form"]

    assert [str(label) for _value, label in form.fields["rank"].choices][1:] == [
        "Sergent",
        "Inspecteur de police",
    ]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Choose a rank from the list."),
        ("fr", "Choisissez un grade dans la liste."),
        ("ar", "اختر رتبة من القائمة."),
    ],
)
def test_an_unknown_rank_is_refused_in_the_readers_language(client_for, officer, language, message):
    profile = officer.profile
    missing = (Rank.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1

    response = client_for(officer).post(
        f"/{language}/people/me/profile/", _form(profile, rank=missing)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["rank"] == [message]
    profile.refresh_from_db()
    assert (profile.rank.name_en, profile.version) == ("Inspector", 1)


def test_a_profile_may_have_no_rank(client_for, officer):
    profile = officer.profile

    response = client_for(officer).post(OWN_URL, _form(profile, rank=""))

    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.rank, profile.version) == (None, 2)
