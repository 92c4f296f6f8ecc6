"""Search matches on ``SearchWord``: one narrow row per token of an entry, with the entry's
space and date, indexed (token, newest first). The rows of the entries already indexed are
written from their keys (``hub.services.search_index.rebuild_words``); ``hub_reindex``
rebuilds both from what is published."""

from typing import Any


import django.db.models.deletion
from django.db import migrations, models


def write_words(apps: Any, schema_editor: Any) -> None:
    if apps.get_model("hub", "SearchEntry").objects.exists():
        from momentum.hub.services.search_index import rebuild_words

        rebuild_words()


class Migration(migrations.Migration):

    dependencies = [
        ('hub', '0005_thread_page_order'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('pk', models.CompositePrimaryKey('entry', 'token', blank=True, editable=False, primary_key=True, serialize=False)),
                ('token', models.TextField()),
                ('in_title', models.BooleanField(default=False)),
                ('space_key', models.IntegerField(default=0)),
                ('published_at', models.DateTimeField()),
                ('entry', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='words', to='hub.searchentry')),
            ],
            options={
                'verbose_name': 'search word',
                'verbose_name_plural': 'search words',
                'indexes': [models.Index(fields=['token', '-published_at', '-entry'], include=('space_key',), name='hub_searchword_newest'), models.Index(condition=models.Q(('in_title', True)), fields=['token', '-published_at', '-entry'], include=('space_key',), name='hub_searchword_title_newest')],
            },
        ),
        migrations.RunPython(write_words, migrations.RunPython.noop, elidable=False),
    ]
