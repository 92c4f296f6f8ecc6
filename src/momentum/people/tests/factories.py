from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from momentum.core.tests.factories import AgencyFactory, CountryFactory
from momentum.people.models import (
    Invitation,
    Profile,
    Rank,
    RankLevel,
    Role,
    RoleAssignment,
    Sex,
    User,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    given_name = factory.Iterator(["Amina", "Karim", "Leila", "Omar", "Salma"])
    family_name = factory.Iterator(["Haddad", "Mansour", "Benali", "Khalil"])
    given_name_ar = factory.Iterator(["أمينة", "كريم", "ليلى", "عمر", "سلمى"])
    family_name_ar = factory.Iterator(["حداد", "منصور", "بن علي", "خليل"])
    password = factory.django.Password("correct-horse-battery")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.OFFICER
    country = factory.SubFactory(CountryFactory)


class RankFactory(factory.django.DjangoModelFactory):
    """A rank in the three languages; by default the demo's Inspector."""

    class Meta:
        model = Rank
        django_get_or_create = ("name_en",)

    name_en = "Inspector"
    name_fr = "Inspecteur de police"
    name_ar = "مفتش شرطة"
    level = RankLevel.JUNIOR
    order = 30


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    sex = factory.Iterator([Sex.FEMALE, Sex.MALE])
    country = factory.SubFactory(CountryFactory)
    agency = factory.LazyAttribute(lambda profile: AgencyFactory(country=profile.country))
    rank = factory.SubFactory(RankFactory)
    rank_level = RankLevel.JUNIOR
    languages = factory.LazyFunction(lambda: ["ar", "en"])


def person_with_role(role: str, country=None, **user_fields) -> User:
    user = UserFactory(**user_fields)
    RoleAssignment.objects.create(user=user, role=role, country=country)
    return user


def officer(country, **profile_fields) -> User:
    profile = ProfileFactory(country=country, **profile_fields)
    RoleAssignment.objects.create(user=profile.user, role=Role.OFFICER, country=country)
    return profile.user


class InvitationFactory(factory.django.DjangoModelFactory):
    """An invitation written straight to the database (no e-mail); its key is ``key-<n>``."""

    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = Role.OFFICER
    country = factory.SubFactory(CountryFactory)
    language = "en"
    key_hash = factory.Sequence(lambda n: Invitation.hash_key(f"key-{n}"))
    invited_by = factory.SubFactory(UserFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
