"""The programme router of the JSON API: reference data every signed-in caller may read."""

from django.http import HttpRequest
from ninja import Router, Schema

from momentum.core.models import Country, CountryStatus

router = Router(tags=["programme"])


class CountryOut(Schema):
    code: str
    name: str
    name_ar: str
    name_fr: str
    name_en: str
    status: CountryStatus


@router.get("/countries", response=list[CountryOut])
def list_countries(request: HttpRequest) -> list[Country]:
    """The partner countries, with their names in the three languages."""
    return list(Country.objects.order_by("code"))
