"""``SearchToken``: how many entries hold each token, which a search reads first to pick the
word it reads (the rarest) and to skip the spellings the index does not hold. Counted from the
``SearchWord`` rows already written (``hub.services.search_index.count_tokens``); kept by the
indexing service from then on."""

from typing import Any

from django.db import migrations, models


def count_tokens(apps: Any, schema_editor: Any) -> None:
    if apps.get_model("hub", "SearchWord").objects.exists():
        from momentum.hub.services.search_index import count_tokens

        count_tokens()


class Migration(migrations.Migration):

    dependencies = [
        ('hub', '0006_search_words'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchToken',
            fields=[
                ('token', models.TextField(primary_key=True, serialize=False)),
                ('entries', models.IntegerField(default=0)),
            ],
            options={
                'verbose_name': 'search token',
                'verbose_name_plural': 'search tokens',
            },
        ),
        migrations.RunPython(count_tokens, migrations.RunPython.noop, elidable=False),
    ]
