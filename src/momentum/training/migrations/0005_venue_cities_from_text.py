"""Session venues become reference data: one City for each distinct free-text city and the
venue's country (the same words in any case or spacing are one city), sessions pointed to it.

The English name is the text as typed. The cities the programme meets in get their Arabic and
French names from the table below (a copy, so that later changes to the demo data do not
change this migration); any other city keeps its English name only, shown in every language
until staff translate it in the admin.
"""

from django.db import migrations

# (country code, English name): (French, Arabic).
KNOWN_CITIES = {
    ("DZ", "algiers"): ("Alger", "الجزائر العاصمة"),
    ("EG", "cairo"): ("Le Caire", "القاهرة"),
    ("JO", "amman"): ("Amman", "عمّان"),
    ("LB", "beirut"): ("Beyrouth", "بيروت"),
    ("MA", "rabat"): ("Rabat", "الرباط"),
    ("PS", "ramallah"): ("Ramallah", "رام الله"),
    ("TN", "tunis"): ("Tunis", "تونس العاصمة"),
    ("FR", "lyon"): ("Lyon", "ليون"),
}


def _key(text):
    return " ".join(text.split()).casefold()


def cities_from_text(apps, schema_editor):
    Session = apps.get_model("training", "Session")
    City = apps.get_model("core", "City")
    cities = {}
    for session in Session.objects.exclude(venue_city="").select_related("venue_country"):
        key = _key(session.venue_city)
        if not key:
            continue
        country = session.venue_country
        place = (country.pk if country else None, key)
        if place not in cities:
            english = " ".join(session.venue_city.split())
            french, arabic = KNOWN_CITIES.get((country.code if country else "", key), (None, None))
            cities[place] = City.objects.create(
                name=english, name_en=english, name_fr=french, name_ar=arabic, country=country
            )
        session.venue_city_ref = cities[place]
        session.save(update_fields=["venue_city_ref"])


def text_from_cities(apps, schema_editor):
    """Back to free text: each session gets its city's English name."""
    Session = apps.get_model("training", "Session")
    City = apps.get_model("core", "City")
    for session in Session.objects.exclude(venue_city_ref=None).select_related("venue_city_ref"):
        session.venue_city = session.venue_city_ref.name_en or session.venue_city_ref.name
        session.venue_city_ref = None
        session.save(update_fields=["venue_city", "venue_city_ref"])
    City.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_city"),
        ("training", "0004_session_venue_city_ref"),
    ]

    operations = [
        migrations.RunPython(cities_from_text, text_from_cities),
    ]
