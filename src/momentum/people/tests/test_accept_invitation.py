"""Accepting an invitation: the account, its role and profile, the errors, the dead links."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.core.tests.factories import AgencyFactory, AreaOfWorkFactory
from momentum.people.models import Invitation, Profile, Role, RoleAssignment, Sex
from momentum.people.tests.conftest import expire
from momentum.people.tests.factories import InvitationFactory, RankFactory, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
GOOD_PASSWORD = "a-long-and-quiet-river-42"


def _url(key: str, language: str = "en") -> str:
    return f"/{language}/people/invitations/accept/{key}/"


def _form(**data: str) -> dict[str, str]:
    return {
        "given_name": "Rania",
        "family_name": "Saleh",
        "given_name_ar": "رانيا",
        "family_name_ar": "صالح",
        "sex": Sex.FEMALE,
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
        **data,
    }


@pytest.fixture
def officer_invitation(jordan, focal_point):
    return InvitationFactory(
        email="rania@example.org",
        country=jordan,
        language="fr",
        invited_by=focal_point,
        key_hash=Invitation.hash_key("officer-key"),
        details={
            "given_name": "Rania",
            "family_name": "Saleh",
            "rank_id": RankFactory(name_en="Captain", level="mid").pk,
            "rank_level": "mid",
            "languages": ["ar", "fr"],
        },
    )


# The page ------------------------------------------------------------------------------------


def test_the_page_names_the_address_and_role_and_fills_in_known_names(client, officer_invitation):
    response = client.get(_url("officer-key"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "rania@example.org" in html
    assert "You were invited as Officer." in html
    assert 'value="Rania"' in html
    assert 'value="Saleh"' in html
    assert "sex" in response.context["form"].fields


def test_the_page_in_arabic_is_right_to_left(client, officer_invitation):
    response = client.get(_url("officer-key", "ar"))

    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_a_non_officer_is_not_asked_for_sex(client, jordan):
    InvitationFactory(role=Role.STAFF, country=None, key_hash=Invitation.hash_key("staff-key"))

    response = client.get(_url("staff-key"))

    assert response.status_code == 200
    assert "sex" not in response.context["form"].fields


# Creating the account ------------------------------------------------------------------------


def test_accepting_creates_the_officers_account_role_and_profile(
    client, officer_invitation, jordan
):
    response = client.post(_url("officer-key"), _form())

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    user = User.objects.get(email="rania@example.org")
    assert (user.given_name, user.family_name) == ("Rania", "Saleh")
    assert (user.given_name_ar, user.family_name_ar) == ("رانيا", "صالح")
    assert user.preferred_language == "fr"
    assert user.check_password(GOOD_PASSWORD)
    assert list(RoleAssignment.objects.filter(user=user).values_list("role", "country")) == [
        (Role.OFFICER, jordan.pk)
    ]
    profile = Profile.objects.get(user=user)
    assert (profile.country, profile.sex, profile.rank.name_en, profile.rank_level) == (
        jordan,
        Sex.FEMALE,
        "Captain",
        "mid",
    )
    assert profile.languages == ["ar", "fr"]
    officer_invitation.refresh_from_db()
    assert officer_invitation.accepted_at is not None


def test_accepting_signs_the_new_user_in(client, officer_invitation):
    client.post(_url("officer-key"), _form())

    home = client.get("/en/")
    assert home.status_code == 200
    assert home.context["user"].email == "rania@example.org"
    assert "Welcome to Momentum. Your account is ready." in [
        str(message) for message in home.context["messages"]
    ]


def test_accepting_keeps_the_agency_and_areas_the_inviter_gave(client, jordan):
    agency = AgencyFactory(country=jordan)
    AreaOfWorkFactory(code="border")
    InvitationFactory(
        country=jordan,
        key_hash=Invitation.hash_key("k"),
        details={"agency_id": agency.pk, "areas_of_work": ["border"]},
    )

    client.post(_url("k"), _form())

    profile = Profile.objects.get()
    assert profile.agency == agency
    assert [area.code for area in profile.areas_of_work.all()] == ["border"]


def test_a_staff_invitee_gets_the_role_and_no_officer_profile(client):
    InvitationFactory(
        email="new.staff@example.org",
        role=Role.STAFF,
        country=None,
        key_hash=Invitation.hash_key("staff-key"),
    )

    response = client.post(_url("staff-key"), _form(sex=""))

    assert response.status_code == 302
    user = User.objects.get(email="new.staff@example.org")
    assert user.roles == {Role.STAFF}
    assert not Profile.objects.filter(user=user).exists()


def test_accepting_is_audited(client, officer_invitation, jordan):
    client.post(_url("officer-key"), _form())

    entry = AuditEntry.objects.get(verb="invitation.accepted")
    assert entry.actor == User.objects.get(email="rania@example.org")
    assert (entry.target_type, entry.target_id) == ("people.invitation", str(officer_invitation.pk))
    assert entry.country == jordan


# Errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("short-1", "This password is too short. It must contain at least 12 characters."),
        ("password1234", "This password is too common."),
        ("839201746583", "This password is entirely numeric."),
    ],
)
def test_a_weak_password_is_refused_beside_the_field_and_typed_values_stay(
    client, officer_invitation, password, expected
):
    response = client.post(
        _url("officer-key"), _form(password1=password, password2=password, given_name="Ranya")
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert expected in form.errors["password1"]
    assert not form.non_field_errors()
    html = response.content.decode()
    assert f'<p class="field-error" id="id_password1_error">{expected}</p>' in html
    assert 'value="Ranya"' in html
    assert 'value="رانيا"' in html
    assert password not in html  # passwords are never sent back
    assert not User.objects.filter(email="rania@example.org").exists()
    officer_invitation.refresh_from_db()
    assert officer_invitation.is_usable


def test_a_password_like_the_persons_address_is_refused(client, officer_invitation):
    response = client.post(
        _url("officer-key"), _form(password1="rania@example.or", password2="rania@example.or")
    )

    assert response.status_code == 200
    assert response.context["form"].errors["password1"] == [
        "The password is too similar to the e-mail address."
    ]
    assert not User.objects.filter(email="rania@example.org").exists()


def test_two_different_passwords_are_refused_beside_the_second(client, officer_invitation):
    response = client.post(_url("officer-key"), _form(password2="another-long-password-9"))

    assert response.context["form"].errors["password2"] == ["The two passwords do not match."]
    assert not User.objects.filter(email="rania@example.org").exists()


def test_an_officer_must_give_their_sex(client, officer_invitation):
    response = client.post(_url("officer-key"), _form(sex=""))

    assert response.status_code == 200
    assert "sex" in response.context["form"].errors
    assert not User.objects.filter(email="rania@example.org").exists()


def test_an_address_that_got_an_account_meanwhile_is_explained_above_the_form(
    client, officer_invitation
):
    UserFactory(email="rania@example.org")

    response = client.post(_url("officer-key"), _form())

    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors() == ["Someone with this e-mail address already has an account."]
    assert "password1" not in form.errors
    assert User.objects.filter(email="rania@example.org").count() == 1
    officer_invitation.refresh_from_db()
    assert officer_invitation.accepted_at is None


# Links that no longer work -------------------------------------------------------------------


def _assert_gone(response) -> None:
    assert response.status_code == 410
    assert "This invitation cannot be used" in response.content.decode()


def test_an_expired_invitation_shows_the_gone_page_and_creates_nothing(client, officer_invitation):
    expire(officer_invitation)

    _assert_gone(client.get(_url("officer-key")))
    _assert_gone(client.post(_url("officer-key"), _form()))
    assert not User.objects.filter(email="rania@example.org").exists()


def test_a_withdrawn_invitation_shows_the_gone_page(client, officer_invitation):
    Invitation.objects.filter(pk=officer_invitation.pk).update(revoked_at=timezone.now())

    _assert_gone(client.get(_url("officer-key")))
    _assert_gone(client.post(_url("officer-key"), _form()))
    assert not User.objects.filter(email="rania@example.org").exists()


def test_a_used_invitation_cannot_be_used_again(client, officer_invitation):
    client.post(_url("officer-key"), _form())
    client.logout()

    _assert_gone(client.get(_url("officer-key")))
    _assert_gone(client.post(_url("officer-key"), _form(password1="x" * 20)))
    assert User.objects.filter(email="rania@example.org").count() == 1


def test_an_unknown_key_shows_the_gone_page(client, officer_invitation):
    _assert_gone(client.get(_url("not-the-key")))


def test_the_stored_hash_is_not_a_key(client, officer_invitation):
    _assert_gone(client.get(_url(officer_invitation.key_hash)))


def test_a_signed_in_person_is_asked_to_sign_out_first(client_for, officer, officer_invitation):
    response = client_for(officer).post(_url("officer-key"), _form())

    assert response.status_code == 409
    assert "Sign out first to accept an invitation for another account." in (
        response.content.decode()
    )
    assert not User.objects.filter(email="rania@example.org").exists()
