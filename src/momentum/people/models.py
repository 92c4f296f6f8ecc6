"""Users, their roles with country scope, officers' profiles, invitations and API tokens."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models, router
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.compiled import CompiledQuery
from momentum.core.models import Agency, AreaOfWork, Country

if TYPE_CHECKING:
    from collections.abc import Iterable


class Role(models.TextChoices):
    STAFF = "staff", _("Programme staff")
    FOCAL_POINT = "focal_point", _("Country focal point")
    BOARD_MEMBER = "board_member", _("Advisory Board member")
    TRAINER = "trainer", _("Trainer")
    MENTOR = "mentor", _("Mentor")
    OFFICER = "officer", _("Officer")
    MODERATOR = "moderator", _("Hub moderator")
    DONOR = "donor", _("Donor observer")


# Roles bound to one country: their assignment must name it.
COUNTRY_ROLES = frozenset({Role.FOCAL_POINT, Role.BOARD_MEMBER, Role.OFFICER})
# Roles that must use a second factor outside demo mode.
MFA_ROLES = frozenset({Role.STAFF, Role.FOCAL_POINT, Role.BOARD_MEMBER})


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in. Names are kept in Latin and in Arabic script."""

    email = models.EmailField(_("e-mail address"), unique=True)
    given_name = models.CharField(_("given name (Latin script)"), max_length=100, blank=True)
    family_name = models.CharField(_("family name (Latin script)"), max_length=100, blank=True)
    given_name_ar = models.CharField(_("given name (Arabic script)"), max_length=100, blank=True)
    family_name_ar = models.CharField(_("family name (Arabic script)"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    is_active = models.BooleanField(_("active"), default=True)  # type: ignore[assignment,misc]
    # Django's admin flag; the programme's own roles are RoleAssignments.
    is_staff = models.BooleanField(_("admin site access"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    # Folded names for search in any script and spelling (see core.text).
    search_key = models.TextField(blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["family_name", "given_name", "email"]
        indexes = [
            # The officer lists' orders (people.selectors.officers_for): a page of 25 is read
            # from the index in order, instead of sorting every profile joined to its user.
            models.Index(fields=["family_name", "given_name", "id"], name="user_latin_name_order"),
            models.Index(
                models.Case(
                    models.When(family_name_ar="", then=models.Value(1)),
                    default=models.Value(0),
                ),
                "family_name_ar",
                "given_name_ar",
                "family_name",
                "given_name",
                "id",
                name="user_arabic_name_order",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    @property
    def full_name_ar(self) -> str:
        return " ".join(part for part in (self.given_name_ar, self.family_name_ar) if part)

    def display_name(self, language: str | None = None) -> str:
        if language == "ar" and self.full_name_ar:
            return self.full_name_ar
        return self.full_name or self.full_name_ar or self.email

    def save(self, *args: Any, **kwargs: Any) -> None:
        from momentum.core.text import search_key

        self.search_key = search_key(
            self.given_name, self.family_name, self.given_name_ar, self.family_name_ar, self.email
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_key"}
        super().save(*args, **kwargs)

    # Roles, read from the prefetched assignments when available (bounded queries).
    def _assignments(self) -> list[RoleAssignment]:
        cached = getattr(self, "_role_cache", None)
        if cached is None:
            cached = _role_assignments_of(self)
            self._role_cache = cached
        return cached

    def has_role(self, role: str, country: Country | None = None) -> bool:
        return any(
            assignment.role == role and (country is None or assignment.country_id == country.pk)
            for assignment in self._assignments()
        )

    @property
    def role_list(self) -> list[RoleAssignment]:
        return self._assignments()

    @property
    def roles(self) -> set[str]:
        return {assignment.role for assignment in self._assignments()}

    def countries_for(self, *roles: str) -> set[int]:
        """The ids of the countries the user holds any of ``roles`` for."""
        return {
            assignment.country_id
            for assignment in self._assignments()
            if assignment.role in roles and assignment.country_id is not None
        }

    @property
    def is_programme_staff(self) -> bool:
        return self.is_superuser or Role.STAFF in self.roles

    @property
    def needs_mfa(self) -> bool:
        return self.is_superuser or bool(self.roles & MFA_ROLES)


def _country_fields() -> list[str]:
    # Asked once the apps are ready: the names in each language are fields added then.
    return [field.attname for field in Country._meta.concrete_fields]


def _roles_with_countries(user_id: int) -> models.QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(user_id=user_id).annotate(
        **{f"_country_{name}": models.F(f"country__{name}") for name in _country_fields()}
    )


# Every request asks the signed-in user's roles: their query is built once (``core.compiled``),
# with each country's columns read alongside (a raw query cannot follow a relation itself).
_ROLES = CompiledQuery(_roles_with_countries, -0x7A11_5EED)


def _role_assignments_of(user: User) -> list[RoleAssignment]:
    alias = router.db_for_read(RoleAssignment, instance=user)
    assignments = _ROLES.run(RoleAssignment, user.pk, using=alias)
    names = _country_fields()
    for assignment in assignments:
        values = [getattr(assignment, f"_country_{name}") for name in names]
        assignment.country = (
            Country.from_db(alias, names, values) if assignment.country_id else None
        )
    return assignments


class RoleAssignment(models.Model):
    """A role a user holds, scoped to one country for the country-bound roles."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("country")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "country"], name="role_assignment_unique"
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(country__isnull=True),
                name="role_assignment_unique_global",
            ),
        ]

    def __str__(self) -> str:
        if self.country_id:
            return f"{self.get_role_display()} ({self.country})"
        return str(self.get_role_display())


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class RankLevel(models.TextChoices):
    JUNIOR = "junior", _("Junior")
    MID = "mid", _("Mid-level")
    SENIOR = "senior", _("Senior")


class Rank(models.Model):
    """A police rank, reference data kept by programme staff. Its name is stored in Arabic,
    French and English (``name_ar``, ``name_fr``, ``name_en``; see ``people.translation``) and
    shown in the reader's language."""

    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(
        _("rank level"), max_length=10, choices=RankLevel.choices, default=RankLevel.JUNIOR
    )
    # Lists show ranks from the most junior to the most senior.
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("rank")
        verbose_name_plural = _("ranks")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class ProfileQuerySet(models.QuerySet["Profile"]):
    def visible_to(self, user: Any) -> ProfileQuerySet:
        """The officers' profiles ``user`` may see: all for staff, their country for a focal
        point, their own for an officer, none for anyone else (a donor sees aggregates only)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_programme_staff:
            return self.all()
        visible = Q(user=user)
        countries = user.countries_for(Role.FOCAL_POINT)
        if countries:
            visible |= Q(country_id__in=countries)
        return self.filter(visible)

    def with_related(self) -> ProfileQuerySet:
        return self.select_related("user", "country", "agency", "rank").prefetch_related(
            "areas_of_work"
        )

    def search(self, text: str) -> ProfileQuerySet:
        from momentum.core.text import search_terms

        queryset = self
        for term in search_terms(text):
            queryset = queryset.filter(user__search_key__contains=term)
        return queryset


class Profile(models.Model):
    """An officer's professional data. Sensitive: always read through ``visible_to``."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="profiles", verbose_name=_("country")
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("agency"),
    )
    rank = models.ForeignKey(
        Rank,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("rank"),
    )
    rank_level = models.CharField(
        _("rank level"), max_length=10, choices=RankLevel.choices, default=RankLevel.JUNIOR
    )
    areas_of_work = models.ManyToManyField(
        AreaOfWork, blank=True, related_name="profiles", verbose_name=_("areas of work")
    )
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped on every save: an edit made from a stale form is refused, never silently lost.
    version = models.PositiveIntegerField(default=1)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("officer profile")
        verbose_name_plural = _("officer profiles")
        indexes = [models.Index(fields=["country", "sex"])]

    def __str__(self) -> str:
        return str(self.user)

    def language_labels(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels.get(code, code)) for code in self.languages]


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def visible_to(self, user: Any) -> InvitationQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_programme_staff:
            return self.all()
        countries = user.countries_for(Role.FOCAL_POINT)
        if countries:
            return self.filter(country_id__in=countries, role=Role.OFFICER)
        return self.none()

    def pending(self) -> InvitationQuerySet:
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True).filter(
            expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """An invitation to join with one role. Only a hash of its key is kept."""

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("country")
    )
    language = models.CharField(
        _("language of the invitation"), max_length=2, choices=Language.choices
    )
    # What the inviter already knows of the person: names, sex, agency, rank…
    details = models.JSONField(default=dict, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired


class AccessToken(models.Model):
    """A personal access token for the API. The secret is shown once and stored hashed."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("access token")
        verbose_name_plural = _("access tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @property
    def is_active(self) -> bool:
        if self.revoked_at is not None:
            return False
        return self.expires_at is None or self.expires_at > timezone.now()


def users_with_roles() -> models.QuerySet[User]:
    """Users with their roles prefetched, so role checks cost no further queries."""
    return User.objects.prefetch_related(
        models.Prefetch(
            "role_assignments", queryset=RoleAssignment.objects.select_related("country")
        )
    )


def cache_roles(users: Iterable[User]) -> None:
    for user in users:
        user._role_cache = list(user.role_assignments.all())
