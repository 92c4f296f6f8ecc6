"""Time zones shown as their city, in the reader's language ("Beyrouth", "بيروت"), never as the
IANA name (``Asia/Beirut``): the zones of the programme's countries and partners are named in
the three languages; any other zone falls back to its city, taken from its name."""

from __future__ import annotations

from django.utils.translation import get_language

# zone: (English, French, Arabic)
_CITIES: dict[str, tuple[str, str, str]] = {
    "UTC": ("UTC", "UTC", "التوقيت العالمي المنسق"),
    "Africa/Algiers": ("Algiers", "Alger", "الجزائر"),
    "Africa/Cairo": ("Cairo", "Le Caire", "القاهرة"),
    "Africa/Casablanca": ("Casablanca", "Casablanca", "الدار البيضاء"),
    "Africa/Khartoum": ("Khartoum", "Khartoum", "الخرطوم"),
    "Africa/Nouakchott": ("Nouakchott", "Nouakchott", "نواكشوط"),
    "Africa/Tripoli": ("Tripoli", "Tripoli", "طرابلس"),
    "Africa/Tunis": ("Tunis", "Tunis", "تونس"),
    "Asia/Amman": ("Amman", "Amman", "عمّان"),
    "Asia/Baghdad": ("Baghdad", "Bagdad", "بغداد"),
    "Asia/Beirut": ("Beirut", "Beyrouth", "بيروت"),
    "Asia/Damascus": ("Damascus", "Damas", "دمشق"),
    "Asia/Dubai": ("Dubai", "Dubaï", "دبي"),
    "Asia/Gaza": ("Gaza", "Gaza", "غزة"),
    "Asia/Hebron": ("Hebron", "Hébron", "الخليل"),
    "Asia/Qatar": ("Doha", "Doha", "الدوحة"),
    "Asia/Riyadh": ("Riyadh", "Riyad", "الرياض"),
    "Asia/Singapore": ("Singapore", "Singapour", "سنغافورة"),
    "Europe/Brussels": ("Brussels", "Bruxelles", "بروكسل"),
    "Europe/London": ("London", "Londres", "لندن"),
    "Europe/Paris": ("Paris", "Paris", "باريس"),
    "Europe/Rome": ("Rome", "Rome", "روما"),
    "Europe/Vienna": ("Vienna", "Vienne", "فيينا"),
}
_COLUMN = {"en": 0, "fr": 1, "ar": 2}


def zone_label(zone: str, language: str | None = None) -> str:
    """The city that names ``zone`` in ``language`` (the active language by default)."""
    language = (language or get_language() or "en")[:2]
    names = _CITIES.get(zone)
    if names is not None:
        return names[_COLUMN.get(language, 0)]
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The choices of a time-zone select, labelled by city in the active language: the
    programme's zones first (by city), then every other zone. Used as a callable ``choices``,
    so the labels follow the language of each request."""
    from zoneinfo import available_timezones

    from django.utils.translation import gettext

    programme = sorted(((zone, zone_label(zone)) for zone in _CITIES), key=lambda c: c[1])
    others = sorted(
        ((zone, zone_label(zone)) for zone in available_timezones() if zone not in _CITIES),
        key=lambda choice: choice[1],
    )
    return [
        (gettext("The programme's cities"), programme),
        (gettext("Other cities"), others),
    ]
