"""Writes for membership and hub settings: joining, requests, invitations, leaving, removal
and how a person appears.

Every membership decision is audited and the people it concerns are notified. Each transition
happens in one function, which refuses an illegal one with a sentence saying why.
"""

from __future__ import annotations

import io
import re
import unicodedata

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.notifications import notify
from momentum.hub.models import (
    JoinPolicy,
    MemberRole,
    MemberSettings,
    Membership,
    MembershipStatus,
    Space,
)
from momentum.hub.selectors import access
from momentum.hub.selectors.members import space_moderators
from momentum.people.models import Role, User

HANDLE_PATTERN = re.compile(r"^[a-z0-9._-]{3,30}$")
PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_MAX_SIDE = 512


# --- settings -----------------------------------------------------------------------------


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if ch.isascii()).lower()


def _handle_base(user: User) -> str:
    """ "Leila Haddad" → "leilah"; no Latin name → "member<pk>"."""
    given = re.sub(r"[^a-z0-9]", "", _ascii(user.given_name))
    family = re.sub(r"[^a-z0-9]", "", _ascii(user.family_name))
    base = (given + family[:1])[:26]
    if len(base) < 3:
        return f"member{user.pk}"
    return base


def _unique_handle(base: str) -> str:
    taken = set(
        MemberSettings.objects.filter(handle__startswith=base).values_list("handle", flat=True)
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"


def settings_for(user: User) -> MemberSettings:
    """The person's hub settings, created with defaults (and a handle) on first use."""
    existing = MemberSettings.objects.filter(user=user).first()
    if existing is not None:
        return existing
    base = _handle_base(user)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return MemberSettings.objects.create(user=user, handle=_unique_handle(base))
        except IntegrityError:
            # Someone took the same handle (or created these settings) at the same moment.
            existing = MemberSettings.objects.filter(user=user).first()
            if existing is not None:
                return existing
    return MemberSettings.objects.create(user=user, handle=f"member{user.pk}")


def validate_handle(handle: str, *, user: User) -> str:
    """The handle, lower-cased, or ValidationError saying why it cannot be used."""
    handle = handle.strip().lower()
    if not HANDLE_PATTERN.match(handle):
        raise ValidationError(
            _(
                "A handle has 3 to 30 characters: Latin letters, digits, dots, dashes and "
                "underscores."
            ),
            code="handle_format",
        )
    if MemberSettings.objects.filter(handle=handle).exclude(user=user).exists():
        raise ValidationError(
            _("The handle @%(handle)s is already taken: please choose another.")
            % {"handle": handle},
            code="handle_taken",
        )
    return handle


def clean_photo(uploaded: UploadedFile) -> tuple[bytes, str]:
    """A profile photo checked by its content (PNG or JPEG, 2 MB at most), re-encoded without
    metadata and made no larger than 512 pixels a side. Returns (data, extension)."""
    from momentum.hub.files import JPEG, PNG, check_upload

    checked = check_upload(uploaded, max_bytes=PHOTO_MAX_BYTES)
    if checked.content_type not in (PNG, JPEG):
        raise ValidationError(_("A photo must be a PNG or JPEG image."), code="photo_type")
    from PIL import Image

    with Image.open(io.BytesIO(checked.data)) as image:
        image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
        bare = Image.frombytes(image.mode, image.size, image.tobytes())
    output = io.BytesIO()
    if checked.content_type == PNG:
        bare.save(output, "PNG")
        return output.getvalue(), "png"
    bare.convert("RGB").save(output, "JPEG", quality=88)
    return output.getvalue(), "jpg"


@transaction.atomic
def update_settings(
    *,
    user: User,
    handle: str,
    name_display: str,
    show_photo: bool,
    email_on_mention: bool,
    email_on_reply: bool,
    digest: str,
    photo: UploadedFile | None = None,
    remove_photo: bool = False,
) -> MemberSettings:
    """Save how ``user`` appears in the hub and what it sends them."""
    settings = settings_for(user)
    settings = MemberSettings.objects.select_for_update().get(pk=settings.pk)
    settings.handle = validate_handle(handle, user=user)
    settings.name_display = name_display
    settings.show_photo = show_photo
    settings.email_on_mention = email_on_mention
    settings.email_on_reply = email_on_reply
    settings.digest = digest
    if remove_photo and settings.photo:
        settings.photo.delete(save=False)
        settings.photo = ""
    if photo is not None:
        data, extension = clean_photo(photo)
        if settings.photo:
            settings.photo.delete(save=False)
        # The stored name says nothing about the person or the original file.
        settings.photo.save(
            f"{user.pk}-{timezone.now():%Y%m%d%H%M%S}.{extension}", ContentFile(data), save=False
        )
    try:
        with transaction.atomic():
            settings.save()
    except IntegrityError as error:
        raise ValidationError(
            _("The handle @%(handle)s is already taken: please choose another.")
            % {"handle": settings.handle},
            code="handle_taken",
        ) from error
    audit.record(
        user, "hub.settings.update", settings, name_display=name_display, show_photo=show_photo
    )
    return settings


# --- membership ---------------------------------------------------------------------------


def _space_url(space: Space) -> str:
    return f"/hub/spaces/{space.pk}/"


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _membership(space: Space, user: User) -> Membership | None:
    return Membership.objects.select_for_update().filter(space=space, user=user).first()


def _moderators_to_tell(space: Space) -> list[User]:
    """The space's moderators; programme staff when it has none."""
    moderators = space_moderators(space)
    if moderators:
        return moderators
    return list(User.objects.filter(role_assignments__role=Role.STAFF, is_active=True).distinct())


def _name(user: User) -> str:
    return user.display_name()


@transaction.atomic
def join_space(*, space: Space, user: User, message: str = "") -> Membership:
    """Join an open space at once, or ask to join one on request (the moderators are told).

    A space by invitation is joined by accepting the invitation."""
    if not access.can_see(user, space) or space.archived_at is not None:
        raise PermissionDenied
    membership = _membership(space, user)
    status = membership.status if membership is not None else None
    if status == MembershipStatus.ACTIVE:
        raise _refuse(_("You are already a member of this space."), "already_member")
    if status == MembershipStatus.REQUESTED:
        raise _refuse(_("Your request to join is waiting for a moderator."), "already_requested")
    if status == MembershipStatus.REMOVED:
        raise _refuse(
            _("A moderator removed you from this space: you may not join it again."), "removed"
        )
    if status == MembershipStatus.INVITED:
        return respond_to_invitation(space=space, user=user, accept=True)
    if space.join_policy == JoinPolicy.INVITATION:
        raise _refuse(_("This space is open by invitation only."), "invitation_only")
    if membership is None:
        membership = Membership(space=space, user=user)
    membership.role = MemberRole.MEMBER
    membership.reason = ""
    membership.decided_by = None
    membership.created_at = timezone.now()
    if space.join_policy == JoinPolicy.OPEN:
        membership.status = MembershipStatus.ACTIVE
        membership.joined_at = timezone.now()
        membership.request_message = ""
        membership.save()
        audit.record(user, "hub.membership.join", membership, country=space.country, space=space.pk)
    else:
        membership.status = MembershipStatus.REQUESTED
        membership.request_message = message.strip()
        membership.save()
        audit.record(
            user, "hub.membership.request", membership, country=space.country, space=space.pk
        )
        notify(
            recipients=_moderators_to_tell(space),
            kind="hub.join_request",
            message=lambda: (
                _("%(name)s asks to join %(space)s.") % {"name": _name(user), "space": space.name}
            ),
            url=f"{_space_url(space)}requests/",
        )
    access.forget_memberships(user)
    return membership


def _decidable_request(pk: int, space: Space) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .select_related("user")
        .filter(pk=pk, space=space)
        .first()
    )
    if membership is None or membership.status != MembershipStatus.REQUESTED:
        raise _refuse(_("This request has already been decided."), "not_pending")
    return membership


@transaction.atomic
def decide_request(
    *, space: Space, membership_id: int, by: User, approve: bool, reason: str = ""
) -> Membership:
    """A moderator accepts or declines a request to join (a decline says why)."""
    if not access.can_moderate(by, space):
        raise PermissionDenied
    membership = _decidable_request(membership_id, space)
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError(
            {"reason": _("Say why the request is declined: the person will read it.")}
        )
    membership.decided_by = by
    membership.reason = reason
    if approve:
        membership.status = MembershipStatus.ACTIVE
        membership.joined_at = timezone.now()
    else:
        membership.status = MembershipStatus.DECLINED
    membership.save()
    audit.record(
        by,
        "hub.membership.approve" if approve else "hub.membership.decline",
        membership,
        country=space.country,
        space=space.pk,
        user=membership.user_id,
        reason=reason,
    )
    if approve:
        notify(
            recipients=[membership.user],
            kind="hub.join_approved",
            message=lambda: _("You are now a member of %(space)s.") % {"space": space.name},
            url=_space_url(space),
        )
    else:
        notify(
            recipients=[membership.user],
            kind="hub.join_declined",
            message=lambda: (
                _("Your request to join %(space)s was declined: %(reason)s")
                % {"space": space.name, "reason": reason}
            ),
            url=_space_url(space),
        )
    access.forget_memberships(membership.user)
    return membership


@transaction.atomic
def invite_member(*, space: Space, user: User, by: User) -> Membership:
    """A moderator (or staff) invites a hub user to the space."""
    if not access.can_moderate(by, space) or space.archived_at is not None:
        raise PermissionDenied
    if not access.uses_hub(user) or not user.is_active:
        raise _refuse(_("This person does not use the Knowledge Hub."), "not_hub_user")
    membership = _membership(space, user)
    if membership is not None and membership.status == MembershipStatus.ACTIVE:
        raise _refuse(
            _("%(name)s is already a member of this space.") % {"name": _name(user)},
            "already_member",
        )
    if membership is not None and membership.status == MembershipStatus.INVITED:
        raise _refuse(
            _("%(name)s has already been invited.") % {"name": _name(user)}, "already_invited"
        )
    if membership is None:
        membership = Membership(space=space, user=user)
    membership.status = MembershipStatus.INVITED
    membership.role = MemberRole.MEMBER
    membership.invited_by = by
    membership.reason = ""
    membership.created_at = timezone.now()
    membership.save()
    audit.record(
        by, "hub.membership.invite", membership, country=space.country, space=space.pk, user=user.pk
    )
    notify(
        recipients=[user],
        kind="hub.invitation",
        message=lambda: _("You are invited to join %(space)s.") % {"space": space.name},
        url=_space_url(space),
        email=True,
    )
    access.forget_memberships(user)
    return membership


@transaction.atomic
def respond_to_invitation(*, space: Space, user: User, accept: bool) -> Membership:
    membership = _membership(space, user)
    if membership is None or membership.status != MembershipStatus.INVITED:
        raise _refuse(_("You have no invitation to this space."), "not_invited")
    if accept:
        membership.status = MembershipStatus.ACTIVE
        membership.joined_at = timezone.now()
    else:
        membership.status = MembershipStatus.DECLINED
    membership.save()
    audit.record(
        user,
        "hub.membership.accept_invitation" if accept else "hub.membership.decline_invitation",
        membership,
        country=space.country,
        space=space.pk,
    )
    access.forget_memberships(user)
    return membership


@transaction.atomic
def leave_space(*, space: Space, user: User) -> Membership:
    """Leave a space (or withdraw a request to join it)."""
    membership = _membership(space, user)
    if membership is None or membership.status not in (
        MembershipStatus.ACTIVE,
        MembershipStatus.REQUESTED,
    ):
        raise _refuse(_("You are not a member of this space."), "not_member")
    membership.status = MembershipStatus.LEFT
    membership.role = MemberRole.MEMBER
    membership.save()
    audit.record(user, "hub.membership.leave", membership, country=space.country, space=space.pk)
    access.forget_memberships(user)
    return membership


@transaction.atomic
def remove_member(*, space: Space, membership_id: int, by: User, reason: str) -> Membership:
    """A moderator removes a member from the space, saying why; the person is told."""
    if not access.can_moderate(by, space):
        raise PermissionDenied
    membership = (
        Membership.objects.select_for_update()
        .select_related("user")
        .filter(pk=membership_id, space=space)
        .first()
    )
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        raise _refuse(_("This person is not a member of this space."), "not_member")
    if membership.user_id == by.pk:
        raise _refuse(_("You cannot remove yourself: leave the space instead."), "self")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why this member is removed.")})
    membership.status = MembershipStatus.REMOVED
    membership.role = MemberRole.MEMBER
    membership.reason = reason
    membership.decided_by = by
    membership.save()
    audit.record(
        by,
        "hub.membership.remove",
        membership,
        country=space.country,
        space=space.pk,
        user=membership.user_id,
        reason=reason,
    )
    notify(
        recipients=[membership.user],
        kind="hub.member_removed",
        message=lambda: (
            _("A moderator removed you from %(space)s: %(reason)s")
            % {"space": space.name, "reason": reason}
        ),
        url="/hub/",
        email=True,
    )
    access.forget_memberships(membership.user)
    return membership


def set_moderators(*, space: Space, moderators: list[User], by: User) -> None:
    """Make ``moderators`` the space's moderators (active members with the moderator role);
    former moderators stay members. Called inside the space services' transaction."""
    chosen = {user.pk for user in moderators}
    now = timezone.now()
    for membership in Membership.objects.select_for_update().filter(
        space=space, role=MemberRole.MODERATOR
    ):
        if membership.user_id not in chosen:
            membership.role = MemberRole.MEMBER
            membership.save(update_fields=["role"])
            access.forget_memberships(membership.user)
    existing = {m.user_id: m for m in Membership.objects.filter(space=space, user_id__in=chosen)}
    for user in moderators:
        membership = existing.get(user.pk) or Membership(space=space, user=user)
        if membership.role == MemberRole.MODERATOR and membership.is_active:
            continue
        membership.role = MemberRole.MODERATOR
        if membership.status != MembershipStatus.ACTIVE:
            membership.status = MembershipStatus.ACTIVE
            membership.joined_at = now
            membership.decided_by = by
        membership.save()
        access.forget_memberships(user)
