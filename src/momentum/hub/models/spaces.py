from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country, ThematicArea
from momentum.people.models import Language


class SpaceKind(models.TextChoices):
    PROGRAMME = "programme", _("Programme-wide")
    COUNTRY = "country", _("Country")
    THEMATIC = "thematic", _("Thematic")
    BOARD = "board", _("Advisory Board")
    ALUMNI = "alumni", _("Alumni")


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Open: anyone who may see the space joins at once")
    REQUEST = "request", _("On request: a moderator approves each request")
    INVITATION = "invitation", _("By invitation only")


class SpaceQuerySet(models.QuerySet["Space"]):
    def visible_to(self, user: Any) -> SpaceQuerySet:
        """The spaces ``user`` may find in the list (see ``rules.can_see_space``).

        Staff: every space. Others (not donors, who see aggregates only): open spaces of the
        programme or their own country, and every space they belong to or are invited to.
        Private spaces (on request) are listed to those who may ask to join; spaces by
        invitation only to their members and invitees."""
        from momentum.hub.models.members import MembershipStatus

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_programme_staff:
            return self.filter(archived_at__isnull=True)
        mine = Q(
            memberships__user=user,
            memberships__status__in=[
                MembershipStatus.ACTIVE,
                MembershipStatus.INVITED,
                MembershipStatus.REQUESTED,
            ],
        )
        if not user_may_use_hub(user):
            return self.filter(mine, archived_at__isnull=True).distinct()
        countries = hub_countries_of(user)
        reachable = Q(join_policy__in=[JoinPolicy.OPEN, JoinPolicy.REQUEST]) & (
            Q(country__isnull=True) | Q(country_id__in=countries)
        )
        if "board_member" not in user.roles:
            reachable &= ~Q(kind=SpaceKind.BOARD)
        return self.filter(mine | reachable, archived_at__isnull=True).distinct()


def user_may_use_hub(user: Any) -> bool:
    """Everyone taking part in the programme uses the hub; donors observe aggregates only."""
    from momentum.people.models import Role

    roles = user.roles
    return bool(user.is_programme_staff or (roles - {Role.DONOR}))


def hub_countries_of(user: Any) -> set[int]:
    """The countries whose country spaces ``user`` may reach: their profile's and those they
    hold a role for."""
    countries = {assignment.country_id for assignment in user.role_list if assignment.country_id}
    profile = getattr(user, "profile", None) if _has_profile(user) else None
    if profile is not None:
        countries.add(profile.country_id)
    return countries


def _has_profile(user: Any) -> bool:
    try:
        return user.profile is not None
    except ObjectDoesNotExist:
        return False


class Space(models.Model):
    """A place for a network to exchange non-operational knowledge."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=150)  # + name_en/_fr/_ar
    description = models.TextField(_("description"), blank=True)  # + description_en/_fr/_ar
    kind = models.CharField(_("kind"), max_length=20, choices=SpaceKind.choices)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hub_spaces",
        verbose_name=_("country"),
    )
    thematic_area = models.ForeignKey(
        ThematicArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hub_spaces",
        verbose_name=_("thematic area"),
    )
    main_language = models.CharField(
        _("main language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    join_policy = models.CharField(
        _("who may join"), max_length=20, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    # A new member's first posts wait for a moderator (0: never held).
    hold_first_posts = models.PositiveSmallIntegerField(
        _("first posts of a new member held for moderation"), default=0
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    archived_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = SpaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_private(self) -> bool:
        """Content of a private space is read by its members only."""
        return self.join_policy != JoinPolicy.OPEN or self.kind == SpaceKind.BOARD
