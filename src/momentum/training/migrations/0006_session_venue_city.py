"""The free-text venue city goes; the reference to a City takes its name."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0005_venue_cities_from_text"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="session",
            name="venue_city",
        ),
        migrations.RenameField(
            model_name="session",
            old_name="venue_city_ref",
            new_name="venue_city",
        ),
    ]
