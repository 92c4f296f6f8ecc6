"""``momentum backup`` then ``momentum restore`` on an emptied installation brings back every
row of every table and every uploaded file, on whichever database the suite runs. The demo is
seeded once for the module."""

from __future__ import annotations

import hashlib
import json
import tarfile
import time
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from momentum.core.backup import EXCLUDED

# Every test of the module is a database test, so pytest-django keeps them together: a test
# marked alone is moved among the other database tests, away from the rest of the module, and
# the module's round trip (seeding the demo, backing up, emptying, restoring) ran twice.
pytestmark = pytest.mark.django_db


def _tables() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table the backup holds, in a comparable form."""
    excluded_apps = {label for label in EXCLUDED if "." not in label}
    excluded_models = {label for label in EXCLUDED if "." in label}
    found = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.app_label in excluded_apps or label in excluded_models:
            continue
        if not model._meta.managed or model._meta.proxy:
            continue
        fields = [field.attname for field in model._meta.concrete_fields]
        if model._meta.auto_created:
            # A many-to-many link is restored as the pair it joins; its own id is not data.
            fields = [name for name in fields if name != model._meta.pk.attname]
        rows = model._base_manager.order_by(*fields).values_list(*fields)
        found[label] = [tuple(json.dumps(value, default=str) for value in row) for row in rows]
    return found


def _files(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def round_trip(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seed the demo, add an uploaded file, back up, empty the database and the files,
    restore. Returns what was there before and after, with the timings."""
    from django.conf import settings

    media = tmp_path_factory.mktemp("media")
    archive = tmp_path_factory.mktemp("backup") / "momentum.tar.gz"
    original_media = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = media
    figures: dict[str, Any] = {}
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            call_command("demo", stdout=StringIO())
            (media / "hub" / "attachments").mkdir(parents=True)
            (media / "hub" / "attachments" / "guide.pdf").write_bytes(b"%PDF-1.4 demo " * 50)
            (media / "certificates").mkdir()
            (media / "certificates" / "شهادة.pdf").write_bytes(b"%PDF-1.4 arabic name")
            before = _tables(), _files(media)

            started = time.monotonic()
            call_command("backup", output=str(archive), stdout=StringIO())
            figures["backup seconds"] = round(time.monotonic() - started, 2)
            figures["archive bytes"] = archive.stat().st_size

            if connection.vendor == "postgresql":
                # The demo's deferred foreign-key checks run now, so the tables can be emptied.
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            call_command("flush", interactive=False, verbosity=0)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # as a new transaction has
            for path in media.rglob("*"):
                if path.is_file():
                    path.unlink()
            emptied = sum(len(rows) for rows in _tables().values())

            started = time.monotonic()
            call_command("restore", str(archive), stdout=StringIO())
            figures["restore seconds"] = round(time.monotonic() - started, 2)
            after = _tables(), _files(media)
            transaction.set_rollback(True)
    finally:
        settings.MEDIA_ROOT = original_media
    figures["rows"] = sum(len(rows) for rows in before[0].values())
    figures["tables"] = sum(1 for rows in before[0].values() if rows)
    figures["files"] = len(before[1])
    print(f"\nbackup round trip: {figures}")
    return {"before": before, "after": after, "emptied": emptied, "archive": archive}


def test_every_row_of_every_table_comes_back(round_trip):
    before, after = round_trip["before"][0], round_trip["after"][0]

    assert round_trip["emptied"] == 0  # the restore really started from nothing
    assert sum(len(rows) for rows in before.values()) > 1000
    for label, rows in before.items():
        assert after[label] == rows, label


def test_every_uploaded_file_comes_back_byte_for_byte(round_trip):
    before, after = round_trip["before"][1], round_trip["after"][1]

    assert {"certificates/شهادة.pdf", "hub/attachments/guide.pdf"} <= set(before)
    assert after == before


def test_the_manifest_lists_every_member_with_its_checksum(round_trip):
    with tarfile.open(round_trip["archive"], "r:gz") as archive:
        names = set(archive.getnames())
        manifest = json.loads(archive.extractfile("manifest.json").read())

    assert set(manifest["members"]) | {"manifest.json"} == names
    assert "database.json" in manifest["members"]
    assert "people.0001_initial" in manifest["migrations"]


def test_a_damaged_archive_is_refused_before_anything_is_restored(round_trip, tmp_path):
    damaged = tmp_path / "damaged.tar.gz"
    with (
        tarfile.open(round_trip["archive"], "r:gz") as source,
        tarfile.open(damaged, "w:gz") as target,
    ):
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "database.json":
                data = data.replace(b"Amman", b"Ammon", 1)
            member.size = len(data)
            import io

            target.addfile(member, io.BytesIO(data))

    with pytest.raises(CommandError, match="checksum"):
        call_command("restore", str(damaged), stdout=StringIO())
