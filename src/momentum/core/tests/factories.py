from __future__ import annotations

import factory

from momentum.core.models import Agency, AreaOfWork, City, Country, Programme


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"X{chr(65 + n % 26)}")
    name_en = factory.LazyAttribute(lambda country: f"Country {country.code}")
    name_fr = factory.LazyAttribute(lambda country: f"Pays {country.code}")
    name_ar = factory.LazyAttribute(lambda country: f"بلد {country.code}")


class CityFactory(factory.django.DjangoModelFactory):
    """A city in three languages; by default Amman, Jordan."""

    class Meta:
        model = City
        django_get_or_create = ("country", "name_en")

    country = factory.SubFactory(CountryFactory, code="JO")
    name_en = "Amman"
    name_fr = "Amman"
    name_ar = "عمّان"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    country = factory.SubFactory(CountryFactory)
    name_en = factory.Sequence(lambda n: f"Police agency {n}")
    name_fr = factory.Sequence(lambda n: f"Agence de police {n}")
    name_ar = factory.Sequence(lambda n: f"جهاز الشرطة {n}")
    acronym = factory.Sequence(lambda n: f"PA{n}")


class AreaOfWorkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaOfWork
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"area-{n}")
    name_en = factory.Sequence(lambda n: f"Area {n}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    code = factory.Sequence(lambda n: f"programme-{n}")
    name_en = "Test programme"


# --- notifications ---
class NotificationFactory(factory.django.DjangoModelFactory):
    """An unread notification with its message in the three languages."""

    class Meta:
        model = "core.Notification"

    recipient = factory.SubFactory("momentum.people.tests.factories.UserFactory")
    kind = "hub.reply"
    message = factory.Sequence(
        lambda n: {
            "en": f"Someone replied in thread {n}",
            "fr": f"Quelqu’un a répondu dans le fil {n}",
            "ar": f"ردّ أحدهم في النقاش {n}",
        }
    )
    url = factory.Sequence(lambda n: f"/hub/threads/{n}/")
