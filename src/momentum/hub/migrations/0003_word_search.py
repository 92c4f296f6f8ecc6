"""Search on words: the keys become token sets (``core.text.word_key``), matched through GIN
indexes on their token arrays on PostgreSQL (``core.word_index``) instead of trigram indexes.

The entries are rebuilt by ``hub.services.search_index.reindex_all`` when the table holds any
(the keys of the earlier format would no longer match); a new database has none.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

from momentum.core.word_index import create_token_index, drop_token_index

_TRIGRAM = ("hub_searchentry_title_key_trgm", "hub_searchentry_body_key_trgm")
_TOKENS = {
    "hub_searchentry_title_tokens": "title_key",
    "hub_searchentry_words_tokens": "words_key",
}


def _drop_trigram_indexes(schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for name in _TRIGRAM:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def to_token_indexes(apps: Any, schema_editor: Any) -> None:
    _drop_trigram_indexes(schema_editor)
    for name, column in _TOKENS.items():
        create_token_index(schema_editor, "hub_searchentry", column, name)
    if apps.get_model("hub", "SearchEntry").objects.exists():
        from momentum.hub.services.search_index import reindex_all

        reindex_all()


def to_trigram_indexes(apps: Any, schema_editor: Any) -> None:
    for name, column in _TOKENS.items():
        drop_token_index(schema_editor, "hub_searchentry", column, name)
    if schema_editor.connection.vendor == "postgresql":
        for name, column in zip(_TRIGRAM, ("title_key", "words_key"), strict=True):
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON hub_searchentry "
                f"USING gin ({column} gin_trgm_ops)"
            )


class Migration(migrations.Migration):
    dependencies = [("hub", "0002_search_indexes")]

    operations = [
        migrations.RenameField("searchentry", "body_key", "words_key"),
        migrations.RunPython(to_token_indexes, to_trigram_indexes, elidable=False),
    ]
