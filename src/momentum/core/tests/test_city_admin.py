"""Cities are reference data that programme staff keep in the admin, in the three languages."""

from __future__ import annotations

import pytest
from django.utils import translation

from momentum.core.models import City
from momentum.core.tests.factories import CityFactory

pytestmark = pytest.mark.django_db


def test_staff_add_a_city_with_its_three_names(client_for, staff, jordan):
    staff.is_superuser = True
    staff.is_staff = True
    staff.save()
    client = client_for(staff)

    response = client.post(
        "/en/admin/core/city/add/",
        {"name_ar": "إربد", "name_fr": "Irbid", "name_en": "Irbid", "country": jordan.pk},
    )

    assert response.status_code == 302
    city = City.objects.get(name_en="Irbid")
    assert (city.name_ar, city.name_fr, city.country) == ("إربد", "Irbid", jordan)


@pytest.mark.parametrize(("language", "name"), [("ar", "عمّان"), ("fr", "Amman"), ("en", "Amman")])
def test_a_city_is_named_in_the_active_language(jordan, language, name):
    city = CityFactory(country=jordan)

    with translation.override(language):
        assert str(city) == name
