"""A mentor's profile: staff make an existing person a mentor (she gets the mentor role),
staff and the mentor herself keep it up to date (she only her own details), a capacity below
her current mentees is refused; her page shows her current mentees to staff and to her."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.mentoring.models import MentorKind, MentorProfile, PairingStatus
from momentum.mentoring.services import mentors as services
from momentum.mentoring.tests.factories import MentorProfileFactory, PairingFactory, thematic_area
from momentum.people.models import Role
from momentum.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _new_mentor_form(email: str, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "email": email,
        "kind": MentorKind.INTERPOL_STAFF,
        "bio": "Head of the border unit.",
        "languages": ["fr", "en"],
        "capacity": 3,
        "is_available": "on",
    }
    data.update(overrides)
    return data


def test_staff_make_an_existing_person_a_mentor_with_the_role(client_for, staff):
    person = UserFactory(email="karim@example.org")
    border = thematic_area("border")

    response = client_for(staff).post(
        "/en/mentoring/mentors/new/",
        _new_mentor_form("Karim@Example.org", expertise=[border.pk]),
    )

    mentor = MentorProfile.objects.get(user=person)
    assert response.status_code == 302
    assert response["Location"] == f"/en/mentoring/mentors/{mentor.pk}/"
    assert mentor.kind == MentorKind.INTERPOL_STAFF
    assert mentor.languages == ["fr", "en"]
    assert mentor.capacity == 3
    assert list(mentor.expertise.all()) == [border]
    person.__dict__.pop("_role_cache", None)
    assert person.has_role(Role.MENTOR)
    assert AuditEntry.objects.filter(verb="mentor.created").exists()
    assert AuditEntry.objects.filter(verb="role.assigned", details__role="mentor").exists()


def test_an_address_without_an_account_is_refused(client_for, staff):
    response = client_for(staff).post(
        "/en/mentoring/mentors/new/", _new_mentor_form("nobody@example.org")
    )

    assert response.status_code == 200
    assert "No account uses this address. Invite the person first." in response.content.decode()
    assert not MentorProfile.objects.exists()


def test_someone_already_a_mentor_is_refused(client_for, staff, mentor):
    MentorProfileFactory(user=mentor)

    response = client_for(staff).post("/en/mentoring/mentors/new/", _new_mentor_form(mentor.email))

    assert "is already a mentor." in response.content.decode()
    assert MentorProfile.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("languages", [], "This field is required."),
        ("capacity", 0, "Ensure this value is greater than or equal to 1."),
        ("kind", "wizard", "Select a valid choice."),
    ],
)
def test_bad_input_is_refused_beside_the_field(client_for, staff, field, value, message):
    UserFactory(email="karim@example.org")

    response = client_for(staff).post(
        "/en/mentoring/mentors/new/", _new_mentor_form("karim@example.org", **{field: value})
    )

    assert message in response.content.decode()
    assert not MentorProfile.objects.exists()


def _own_form(profile: MentorProfile, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "version": profile.version,
        "bio": profile.bio,
        "languages": profile.languages,
        "capacity": profile.capacity,
        "is_available": "on" if profile.is_available else "",
        "availability_note": "",
    }
    data.update(overrides)
    return data


def test_a_mentor_edits_her_own_profile(client_for, mentor):
    profile = MentorProfileFactory(user=mentor, capacity=2)
    cyber = thematic_area("cyber")

    response = client_for(mentor).post(
        f"/en/mentoring/mentors/{profile.pk}/edit/",
        _own_form(
            profile,
            bio="Cybercrime investigator.",
            expertise=[cyber.pk],
            languages=["ar"],
            capacity=4,
            is_available="",
            available_until="2030-01-31",
            availability_note="Not in August",
        ),
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.bio == "Cybercrime investigator."
    assert list(profile.expertise.all()) == [cyber]
    assert profile.languages == ["ar"]
    assert profile.capacity == 4
    assert profile.is_available is False
    assert str(profile.available_until) == "2030-01-31"
    assert profile.version == 2
    entry = AuditEntry.objects.get(verb="mentor.changed")
    assert entry.details["changes"]["capacity"] == [2, 4]


def test_a_mentor_cannot_change_what_only_staff_set(mentor):
    profile = MentorProfileFactory(user=mentor, kind=MentorKind.SENIOR_OFFICER)

    with pytest.raises(PermissionDenied):
        services.update_mentor_profile(
            mentor=profile, data={"kind": MentorKind.INTERPOL_STAFF}, by=mentor
        )
    with pytest.raises(PermissionDenied):
        services.update_mentor_profile(mentor=profile, data={"leads_leadership": True}, by=mentor)

    profile.refresh_from_db()
    assert profile.kind == MentorKind.SENIOR_OFFICER


def test_the_mentors_own_form_has_no_staff_fields(client_for, mentor, staff):
    profile = MentorProfileFactory(user=mentor)

    own = client_for(mentor).get(f"/en/mentoring/mentors/{profile.pk}/edit/").context["form"]
    staff_form = client_for(staff).get(f"/en/mentoring/mentors/{profile.pk}/edit/").context["form"]

    assert "kind" not in own.fields and "agency" not in own.fields
    assert {"kind", "agency", "country", "work_areas", "leads_leadership"} <= set(staff_form.fields)


def test_a_capacity_below_her_current_mentees_is_refused_with_a_clear_message(client_for, mentor):
    profile = MentorProfileFactory(user=mentor, capacity=3)
    PairingFactory(mentor=profile)
    PairingFactory(mentor=profile, status=PairingStatus.PROPOSED)

    response = client_for(mentor).post(
        f"/en/mentoring/mentors/{profile.pk}/edit/", _own_form(profile, capacity=1)
    )

    assert response.status_code == 200
    assert (
        "The capacity cannot be lower than the 2 mentees this mentor has now"
        in response.content.decode()
    )
    profile.refresh_from_db()
    assert profile.capacity == 3


def test_a_capacity_equal_to_her_current_mentees_is_allowed(mentor):
    profile = MentorProfileFactory(user=mentor, capacity=3)
    PairingFactory(mentor=profile)
    PairingFactory(mentor=profile, status=PairingStatus.ENDED_EARLY)

    services.update_mentor_profile(mentor=profile, data={"capacity": 1}, by=mentor)

    profile.refresh_from_db()
    assert profile.capacity == 1


def test_a_stale_edit_is_refused(mentor, staff):
    profile = MentorProfileFactory(user=mentor)
    services.update_mentor_profile(mentor=profile, data={"bio": "Staff's words"}, by=staff)

    with pytest.raises(ValidationError) as refused:
        services.update_mentor_profile(
            mentor=profile, data={"bio": "Mine"}, by=mentor, expected_version=1
        )

    assert "Someone else saved this profile" in refused.value.messages[0]


def test_another_mentor_may_not_edit_her_profile(mentor):
    profile = MentorProfileFactory()
    MentorProfileFactory(user=mentor)

    with pytest.raises(PermissionDenied):
        services.update_mentor_profile(mentor=profile, data={"bio": "Hijacked"}, by=mentor)


def test_her_page_shows_her_current_mentees_to_staff_and_to_her(
    client_for, staff, mentor, django_assert_max_num_queries
):
    profile = MentorProfileFactory(user=mentor, capacity=3)
    active = PairingFactory(mentor=profile)
    PairingFactory(mentor=profile, status=PairingStatus.PROPOSED)
    ended = PairingFactory(mentor=profile, status=PairingStatus.ENDED_EARLY)
    url = f"/en/mentoring/mentors/{profile.pk}/"

    client = client_for(staff)
    client.get(url)
    # Session, user, roles (3); the profile with places left (1), expertise and areas (2);
    # the current pairs with names (1); the navigation and messages (≤ 3).
    with django_assert_max_num_queries(10):
        staff_page = client.get(url).content.decode()
    own_page = client_for(mentor).get(url).content.decode()

    for page in (staff_page, own_page):
        assert active.mentee.applicant.user.display_name() in page
        assert ended.mentee.applicant.user.display_name() not in page
        assert '<dd id="places-left">1</dd>' in page
