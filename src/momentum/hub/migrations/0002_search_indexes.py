"""Indexes for the hub's search, on PostgreSQL only.

Search matches every query word inside the folded keys (``LIKE '%word%'``); a GIN trigram index
answers that without reading the whole table. For a very common word, the ranking looks at the
newest matches first: an index on the date lets PostgreSQL stop after enough of them. SQLite
has no trigram index and reads the table, which is fine at its scale. Written by hand: the
indexes use an operator class of the pg_trgm extension, so they run only on PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

_INDEXES = {
    "hub_searchentry_title_key_trgm": "title_key",
    "hub_searchentry_body_key_trgm": "body_key",
}
_NEWEST = "hub_searchentry_newest"


def _is_postgresql(schema_editor: Any) -> bool:
    return bool(schema_editor.connection.vendor == "postgresql")


def create_trigram_indexes(apps: Any, schema_editor: Any) -> None:
    if not _is_postgresql(schema_editor):
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in _INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON hub_searchentry "
            f"USING gin ({column} gin_trgm_ops)"
        )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {_NEWEST} ON hub_searchentry (published_at DESC, id DESC)"
    )


def drop_trigram_indexes(apps: Any, schema_editor: Any) -> None:
    if not _is_postgresql(schema_editor):
        return
    # The extension stays: other tables may use it, and it costs nothing unused.
    for name in (*_INDEXES, _NEWEST):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("hub", "0001_initial")]

    operations = [
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes, elidable=False),
    ]
