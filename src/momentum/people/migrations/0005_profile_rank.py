"""The free-text rank goes; the reference to a Rank takes its name."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_ranks_from_text"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="profile",
            name="rank",
        ),
        migrations.RenameField(
            model_name="profile",
            old_name="rank_ref",
            new_name="rank",
        ),
    ]
