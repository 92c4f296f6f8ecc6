"""Inviting one person: who may invite whom, the e-mail in the invitee's language, its key."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext

from momentum.core.models import AuditEntry
from momentum.people import services
from momentum.people.models import Invitation, Role
from momentum.people.tests.conftest import expire
from momentum.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_URL = "/en/people/invitations/new/"


def _post(client, django_capture_on_commit_callbacks, **data):  # type: ignore[no-untyped-def]
    form = {
        "email": "new.person@example.org",
        "role": Role.OFFICER,
        "country": "",
        "language": "en",
        "given_name": "Rania",
        "family_name": "Saleh",
        **data,
    }
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(NEW_URL, form)


def _link_in(body: str) -> str:
    match = re.search(r"https?://\S+/people/invitations/accept/[^/\s\"]+/", body)
    assert match, body
    return match.group(0)


# Who may invite whom ----------------------------------------------------------------------------


def test_staff_invites_a_donor_without_a_country(
    client_for, staff, mailoutbox, django_capture_on_commit_callbacks
):
    response = _post(
        client_for(staff),
        django_capture_on_commit_callbacks,
        email="Donor.Two@Example.org",
        role=Role.DONOR,
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/people/invitations/"
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.country) == (
        "donor.two@example.org",
        Role.DONOR,
        None,
    )
    assert invitation.invited_by == staff
    assert invitation.details == {"given_name": "Rania", "family_name": "Saleh"}
    assert [message.to for message in mailoutbox] == [["donor.two@example.org"]]


def test_staff_invites_a_focal_point_of_any_country(
    client_for, staff, morocco, mailoutbox, django_capture_on_commit_callbacks
):
    response = _post(
        client_for(staff),
        django_capture_on_commit_callbacks,
        role=Role.FOCAL_POINT,
        country=morocco.pk,
    )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.role, invitation.country) == (Role.FOCAL_POINT, morocco)
    assert len(mailoutbox) == 1


def test_staff_must_name_a_country_for_a_country_role(
    client_for, staff, mailoutbox, django_capture_on_commit_callbacks
):
    response = _post(
        client_for(staff), django_capture_on_commit_callbacks, role=Role.OFFICER, country=""
    )

    assert response.status_code == 200
    assert response.context["form"].errors["country"] == ["This role needs a country."]
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_focal_point_invites_an_officer_of_own_country(
    client_for, focal_point, jordan, mailoutbox, django_capture_on_commit_callbacks
):
    response = _post(client_for(focal_point), django_capture_on_commit_callbacks, country=jordan.pk)

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.role, invitation.country, invitation.invited_by) == (
        Role.OFFICER,
        jordan,
        focal_point,
    )
    assert len(mailoutbox) == 1


def test_focal_point_is_offered_only_the_officer_role_and_own_country(
    client_for, focal_point, jordan, morocco
):
    form = client_for(focal_point).get(NEW_URL).context["form"]

    assert [value for value, _label in form.fields["role"].choices] == [Role.OFFICER]
    assert list(form.fields["country"].queryset) == [jordan]


@pytest.mark.parametrize("role", [Role.STAFF, Role.FOCAL_POINT, Role.DONOR, Role.BOARD_MEMBER])
def test_focal_point_cannot_invite_to_another_role(
    client_for, focal_point, jordan, mailoutbox, django_capture_on_commit_callbacks, role
):
    response = _post(
        client_for(focal_point), django_capture_on_commit_callbacks, role=role, country=jordan.pk
    )

    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_focal_point_cannot_invite_an_officer_of_another_country(
    client_for, focal_point, morocco, mailoutbox, django_capture_on_commit_callbacks
):
    response = _post(
        client_for(focal_point), django_capture_on_commit_callbacks, country=morocco.pk
    )

    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_the_service_refuses_a_focal_point_inviting_to_another_role_or_country(
    focal_point, jordan, morocco
):
    with pytest.raises(PermissionDenied):
        services.invite_person(
            by=focal_point, email="a@example.org", role=Role.STAFF, country=None, language="en"
        )
    with pytest.raises(PermissionDenied):
        services.invite_person(
            by=focal_point, email="a@example.org", role=Role.OFFICER, country=morocco, language="en"
        )
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("persona", ["officer", "donor"])
def test_officers_and_donors_may_not_open_the_invitation_form(client_for, request, persona):
    user = request.getfixturevalue(persona)
    client = client_for(user)

    assert client.get(NEW_URL).status_code == 403
    assert (
        client.post(
            NEW_URL, {"email": "x@example.org", "role": Role.OFFICER, "language": "en"}
        ).status_code
        == 403
    )
    assert not Invitation.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(NEW_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


# Refusals -------------------------------------------------------------------------------------


def test_an_address_with_an_account_is_refused_whatever_its_case(
    client_for, staff, jordan, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="taken@example.org")

    response = _post(
        client_for(staff),
        django_capture_on_commit_callbacks,
        email="TAKEN@example.org",
        country=jordan.pk,
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "Someone with this e-mail address already has an account."
    ]
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_an_address_with_a_pending_invitation_is_refused(
    client_for, staff, jordan, invite, mailoutbox, django_capture_on_commit_callbacks
):
    invite(by=staff, email="twice@example.org", country=jordan)
    mailoutbox.clear()

    response = _post(
        client_for(staff),
        django_capture_on_commit_callbacks,
        email="Twice@example.org",
        country=jordan.pk,
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "This person already has an invitation waiting."
    ]
    assert Invitation.objects.count() == 1
    assert mailoutbox == []


def test_an_expired_invitation_does_not_stop_a_new_one(staff, jordan, invite):
    first, _key = invite(by=staff, email="again@example.org", country=jordan)
    expire(first)

    second, _key = invite(by=staff, email="again@example.org", country=jordan)

    assert second.pk != first.pk
    assert Invitation.objects.pending().get() == second


def test_a_refused_form_keeps_what_was_typed(client_for, staff, django_capture_on_commit_callbacks):
    response = _post(
        client_for(staff),
        django_capture_on_commit_callbacks,
        email="not-an-address",
        given_name="Nour",
        family_name="Hamdan",
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="not-an-address"' in html
    assert 'value="Nour"' in html
    assert 'value="Hamdan"' in html
    assert 'id="id_email_error"' in html


# The e-mail and the link ---------------------------------------------------------------------


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_the_email_is_written_in_the_invitees_language(
    staff, jordan, invite, mailoutbox, language, direction
):
    _invitation, key = invite(by=staff, country=jordan, language=language)

    [message] = mailoutbox
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'<html lang="{language}" dir="{direction}">' in html
    with translation.override(language):
        # Whatever the catalogues hold today, the subject and body are the ones of that language.
        assert message.subject == gettext("You are invited to join Momentum")
        assert gettext("Create your account by opening this link:") in message.body
    assert _link_in(message.body) == (
        f"{settings.SITE_URL}/{language}/people/invitations/accept/{key}/"
    )
    assert f'href="{settings.SITE_URL}/{language}/people/invitations/accept/{key}/"' in html


def test_the_invitation_language_does_not_depend_on_the_inviters_page(
    client_for, staff, jordan, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/fr/people/invitations/new/",
            {
                "email": "arabic.reader@example.org",
                "role": Role.OFFICER,
                "country": jordan.pk,
                "language": "ar",
                "given_name": "",
                "family_name": "",
            },
        )

    [message] = mailoutbox
    assert "/ar/people/invitations/accept/" in message.body
    assert '<html lang="ar" dir="rtl">' in message.alternatives[0][0]


def test_the_form_proposes_the_language_of_the_page(client_for, staff):
    form = client_for(staff).get("/fr/people/invitations/new/").context["form"]

    assert form["language"].value() == "fr"


def test_only_a_hash_of_the_key_is_stored(staff, jordan, invite, mailoutbox):
    invitation, key = invite(by=staff, country=jordan)

    invitation.refresh_from_db()
    assert invitation.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in invitation.key_hash
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert all(key not in str(value) for value in stored.values())
    audited = AuditEntry.objects.filter(verb="invitation.sent").values().get()
    assert all(key not in str(value) for value in audited.values())


def test_the_link_in_the_email_opens_the_account_form(client, staff, jordan, invite, mailoutbox):
    invite(by=staff, country=jordan, language="fr")

    response = client.get(_link_in(mailoutbox[0].body).removeprefix(settings.SITE_URL))

    assert response.status_code == 200
    assert "password1" in response.context["form"].fields


def test_no_email_is_sent_when_the_transaction_is_rolled_back(
    staff, jordan, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.invite_person(
            by=staff, email="later@example.org", role=Role.OFFICER, country=jordan, language="en"
        )

    # The e-mail waits for the commit: nothing leaves while the invitation may still vanish.
    assert mailoutbox == []
    assert len(callbacks) == 1


# Audit -----------------------------------------------------------------------------------------


def test_sending_an_invitation_is_audited(staff, jordan, invite):
    invitation, _key = invite(by=staff, email="audited@example.org", country=jordan)

    entry = AuditEntry.objects.get(verb="invitation.sent")
    assert entry.actor == staff
    assert (entry.target_type, entry.target_id) == ("people.invitation", str(invitation.pk))
    assert entry.country == jordan
    assert entry.details == {"role": Role.OFFICER, "email": "audited@example.org"}


def test_a_refused_invitation_is_not_audited(focal_point, morocco):
    with pytest.raises(PermissionDenied):
        services.invite_person(
            by=focal_point, email="a@example.org", role=Role.OFFICER, country=morocco, language="en"
        )
    with pytest.raises(ValidationError):
        services.invite_person(
            by=focal_point,
            email=focal_point.email,
            role=Role.OFFICER,
            country=focal_point.role_list[0].country,
            language="en",
        )

    assert not AuditEntry.objects.filter(verb="invitation.sent").exists()
