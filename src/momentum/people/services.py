"""Writes about people: invitations, accounts, roles, profiles and access tokens."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Agency, AreaOfWork, Country
from momentum.people.models import (
    COUNTRY_ROLES,
    AccessToken,
    Invitation,
    Profile,
    Rank,
    RankLevel,
    Role,
    RoleAssignment,
    Sex,
    User,
)
from momentum.people.rules import may_invite_to

TOKEN_PREFIX = "mtm_"  # noqa: S105 - a public marker that starts every token, not a secret


class StaleEditError(ValidationError):
    """Someone else saved the record since this form was opened."""


def _check_role_country(role: str, country: Country | None) -> None:
    if role in COUNTRY_ROLES and country is None:
        raise ValidationError({"country": _("This role needs a country.")})


@transaction.atomic
def invite_person(
    *,
    by: User,
    email: str,
    role: str,
    country: Country | None,
    language: str,
    details: dict[str, Any] | None = None,
) -> tuple[Invitation, str]:
    """Invite ``email`` to join with ``role``; returns the invitation and its one-time key.

    Refuses an address that already has an account or a pending invitation, and a role the
    inviter may not give (a focal point invites officers of their own country only).
    """
    email = email.strip().lower()
    _check_role_country(role, country)
    invitation = Invitation(
        email=email,
        role=role,
        country=country,
        language=language,
        details=details or {},
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    if not may_invite_to(by, invitation):
        raise PermissionDenied(_("You may not invite someone to this role or country."))
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("Someone with this e-mail address already has an account.")}
        )
    if Invitation.objects.pending().filter(email__iexact=email).exists():
        raise ValidationError({"email": _("This person already has an invitation waiting.")})
    key = secrets.token_urlsafe(32)
    invitation.key_hash = Invitation.hash_key(key)
    invitation.save()
    audit.record(by, "invitation.sent", invitation, country=country, role=role, email=email)
    transaction.on_commit(lambda: send_invitation_email(invitation, key))
    return invitation, key


def invitation_url(invitation: Invitation, key: str) -> str:
    with translation.override(invitation.language):
        path = reverse("people:accept_invitation", kwargs={"key": key})
    return f"{settings.SITE_URL}{path}"


def send_invitation_email(invitation: Invitation, key: str) -> None:
    """Send the invitation in the invitee's language."""
    with translation.override(invitation.language):
        context = {
            "invitation": invitation,
            "url": invitation_url(invitation, key),
            "inviter": invitation.invited_by,
            "role": invitation.get_role_display(),
            "expires_at": invitation.expires_at,
        }
        subject = _("You are invited to join Momentum")
        text = render_to_string("people/email/invitation.txt", context)
        html = render_to_string("people/email/invitation.html", context)
    message = EmailMultiAlternatives(subject, text, to=[invitation.email])
    message.attach_alternative(html, "text/html")
    message.send()


def find_invitation(key: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("country")
        .filter(key_hash=Invitation.hash_key(key))
        .first()
    )


@transaction.atomic
def accept_invitation(
    *,
    invitation: Invitation,
    password: str,
    given_name: str,
    family_name: str,
    given_name_ar: str = "",
    family_name_ar: str = "",
    sex: str = "",
) -> User:
    """Create the invitee's account, role and (for an officer) profile.

    Refusals name the field they concern (``password``, ``sex``) when there is one.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation has expired or was already used."))
    details = invitation.details
    is_officer = invitation.role == Role.OFFICER and invitation.country is not None
    sex = sex or details.get("sex", "")
    if is_officer and sex not in Sex.values:
        raise ValidationError({"sex": _("Choose the sex recorded for the programme's figures.")})
    user = User(
        email=invitation.email,
        given_name=given_name,
        family_name=family_name,
        given_name_ar=given_name_ar,
        family_name_ar=family_name_ar,
        preferred_language=invitation.language,
    )
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from error
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:
        raise ValidationError(
            _("Someone with this e-mail address already has an account.")
        ) from exc
    RoleAssignment.objects.create(user=user, role=invitation.role, country=invitation.country)
    if is_officer and invitation.country is not None:
        profile = Profile.objects.create(
            user=user,
            sex=sex,
            country=invitation.country,
            agency_id=details.get("agency_id"),
            rank=_invited_rank(details),
            rank_level=details.get("rank_level", RankLevel.JUNIOR),
            languages=details.get("languages", [invitation.language]),
        )
        if details.get("areas_of_work"):
            profile.areas_of_work.set(AreaOfWork.objects.filter(code__in=details["areas_of_work"]))
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit.record(user, "invitation.accepted", invitation, country=invitation.country)
    return user


def _invited_rank(details: dict[str, Any]) -> Rank | None:
    """The rank the inviter gave, if it is still one of the ranks."""
    rank_id = details.get("rank_id")
    if not rank_id:
        return None
    return Rank.objects.filter(pk=rank_id).first()


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, by: User) -> None:
    """Withdraw a waiting invitation; one already used or withdrawn is refused."""
    if not may_invite_to(by, invitation):
        raise PermissionDenied
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        raise ValidationError(
            _("This invitation was already used or withdrawn, so it cannot be withdrawn.")
        )
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.record(by, "invitation.revoked", invitation, country=invitation.country)


@transaction.atomic
def assign_role(*, user: User, role: str, country: Country | None, by: User) -> RoleAssignment:
    if not by.is_programme_staff:
        raise PermissionDenied
    _check_role_country(role, country)
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, country=country
    )
    if created:
        audit.record(by, "role.assigned", user, country=country, role=role)
    user.__dict__.pop("_role_cache", None)
    return assignment


@transaction.atomic
def remove_role(*, assignment: RoleAssignment, by: User) -> None:
    if not by.is_programme_staff:
        raise PermissionDenied
    audit.record(
        by, "role.removed", assignment.user, country=assignment.country, role=assignment.role
    )
    assignment.delete()


PROFILE_FIELDS = ("sex", "country", "agency", "rank", "rank_level", "languages")
USER_FIELDS = ("given_name", "family_name", "given_name_ar", "family_name_ar")


def _value_for_log(value: Any) -> Any:
    if isinstance(value, Country | Agency | Rank):
        return str(value.pk)
    return value


@transaction.atomic
def update_profile(
    *,
    profile: Profile,
    by: User,
    data: dict[str, Any],
    areas_of_work: list[AreaOfWork] | None = None,
    expected_version: int | None = None,
) -> Profile:
    """Save changes to an officer's profile and names.

    Refuses a stale edit (the profile changed since ``expected_version`` was read) so that
    nobody's change is silently overwritten. Changes made to someone else's record are
    audited with the fields that changed.
    """
    locked = Profile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    if not by.has_perm("people.change_profile", locked):
        raise PermissionDenied
    if expected_version is not None and locked.version != expected_version:
        raise StaleEditError(
            _(
                "Someone else saved this profile while you were editing it. "
                "Reload the page to see their changes, then make yours again."
            )
        )
    country = data.get("country", locked.country)
    if country.pk != locked.country_id and not by.is_programme_staff:
        # A focal point would lose sight of the officer; an officer would leave their country.
        raise ValidationError(
            {"country": _("Only programme staff may move an officer to another country.")}
        )
    agency = data.get("agency", locked.agency)
    if agency is not None and agency.country_id != country.pk:
        raise ValidationError({"agency": _("This agency is not in the chosen country.")})
    changed: dict[str, list[Any]] = {}
    for field in PROFILE_FIELDS:
        if field in data and getattr(locked, field) != data[field]:
            changed[field] = [_value_for_log(getattr(locked, field)), _value_for_log(data[field])]
            setattr(locked, field, data[field])
    user = locked.user
    for field in USER_FIELDS:
        if field in data and getattr(user, field) != data[field]:
            changed[field] = [getattr(user, field), data[field]]
            setattr(user, field, data[field])
    if areas_of_work is not None:
        before = sorted(locked.areas_of_work.values_list("code", flat=True))
        after = sorted(area.code for area in areas_of_work)
        if before != after:
            changed["areas_of_work"] = [before, after]
            locked.areas_of_work.set(areas_of_work)
    if not changed:
        return locked
    changed_user_fields = [field for field in USER_FIELDS if field in changed]
    if changed_user_fields:
        user.save(update_fields=changed_user_fields)
    locked.version = F("version") + 1
    locked.save()
    locked.refresh_from_db(fields=["version"])
    if by.pk != user.pk:
        audit.record(by, "profile.changed", locked, country=locked.country, changes=changed)
    return locked


@transaction.atomic
def update_own_account(*, user: User, preferred_language: str, time_zone: str) -> User:
    user.preferred_language = preferred_language
    user.time_zone = time_zone
    user.save(update_fields=["preferred_language", "time_zone"])
    return user


@transaction.atomic
def create_access_token(
    *, user: User, name: str, expires_in_days: int | None = None
) -> tuple[AccessToken, str]:
    """Create a token; the secret is returned once and only its hash is stored."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = AccessToken.objects.create(
        user=user,
        name=name,
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        key_hash=AccessToken.hash_key(secret),
        expires_at=timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None,
    )
    audit.record(user, "token.created", token)
    return token, secret


@transaction.atomic
def revoke_access_token(*, token: AccessToken, by: User) -> None:
    if token.user_id != by.pk:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(by, "token.revoked", token)


def authenticate_token(secret: str) -> User | None:
    """The active user a token belongs to, or None; notes when it was last used."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = (
        AccessToken.objects.select_related("user")
        .filter(key_hash=AccessToken.hash_key(secret))
        .first()
    )
    if token is None or not token.is_active or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def set_account_active(*, user: User, active: bool, by: User) -> None:
    """Deactivate (or reactivate) an account; a deactivated one cannot sign in or use tokens."""
    if not by.is_programme_staff:
        raise PermissionDenied
    if user.is_active == active:
        return
    user.is_active = active
    user.save(update_fields=["is_active"])
    audit.record(by, "account.activated" if active else "account.deactivated", user)
