"""Install the framework every installation starts with (see ``framework.py``)."""

from django.db import migrations

from momentum.selfassessment.framework import load_framework


def load(apps, schema_editor):
    load_framework(
        apps.get_model("selfassessment", "Theme"),
        apps.get_model("selfassessment", "Dimension"),
        apps.get_model("selfassessment", "Question"),
    )


def unload(apps, schema_editor):
    for model in ("Question", "Dimension", "Theme"):
        apps.get_model("selfassessment", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("selfassessment", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
