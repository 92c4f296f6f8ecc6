"""One-file backups: the database in a portable form, the uploaded files, and a manifest.

The archive (``.tar.gz``) holds:

- ``database.json`` — every table as Django's serializer writes it (``dumpdata``), with
  natural keys for content types, so it loads on SQLite or PostgreSQL alike;
- ``files/…`` — everything under ``MEDIA_ROOT`` (uploads, certificates, generated reports);
- ``manifest.json`` — when and from what it was made, the migrations applied, and the size and
  SHA-256 of every member, checked before anything is restored.

``restore`` brings an archive back on an empty installation: it checks the manifest, migrates,
loads the data in one transaction and copies the files.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
DATABASE_MEMBER = "database.json"
MANIFEST_MEMBER = "manifest.json"
# Rebuilt by migrate, or worth nothing after a restore (sessions, the cache).
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


class BackupError(Exception):
    """The archive cannot be restored (damaged, from a newer version, or the target is not
    empty)."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def dump_database() -> bytes:
    out = io.StringIO()
    call_command(
        "dumpdata",
        *[f"--exclude={label}" for label in EXCLUDED],
        natural_foreign=True,
        format="exactjson",
        indent=None,
        stdout=out,
    )
    return out.getvalue().encode("utf-8")


def write_backup(target: Path) -> dict[str, Any]:
    """Write the archive to ``target``; returns its manifest."""
    members: dict[str, dict[str, Any]] = {}
    database = dump_database()
    members[DATABASE_MEMBER] = {"size": len(database), "sha256": _sha256(database)}
    root = Path(settings.MEDIA_ROOT)
    files = _media_files()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(target, "w:gz") as archive:
        _add_bytes(archive, DATABASE_MEMBER, database)
        for path in files:
            data = path.read_bytes()
            name = str(PurePosixPath("files", *path.relative_to(root).parts))
            members[name] = {"size": len(data), "sha256": _sha256(data)}
            _add_bytes(archive, name, data)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database_vendor": connection.vendor,
            "migrations": sorted(
                f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
            ),
            "members": members,
        }
        _add_bytes(archive, MANIFEST_MEMBER, json.dumps(manifest, indent=2).encode("utf-8"))
    return manifest


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def read_backup(source: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest and every member, after checking each against the manifest."""
    contents: dict[str, bytes] = {}
    with tarfile.open(source, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            path = PurePosixPath(member.name)
            if path.is_absolute() or ".." in path.parts:
                raise BackupError(f"The archive holds an unsafe path: {member.name}")
            handle = archive.extractfile(member)
            if handle is not None:
                contents[member.name] = handle.read()
    if MANIFEST_MEMBER not in contents:
        raise BackupError("The archive has no manifest.")
    manifest = json.loads(contents.pop(MANIFEST_MEMBER))
    if manifest.get("format") != FORMAT:
        raise BackupError("The archive was made by another version of the backup format.")
    expected = manifest["members"]
    if set(expected) != set(contents):
        raise BackupError("The archive's members do not match its manifest.")
    for name, data in contents.items():
        if len(data) != expected[name]["size"] or _sha256(data) != expected[name]["sha256"]:
            raise BackupError(f"{name} is damaged: its checksum does not match the manifest.")
    return manifest, contents


def _is_empty() -> bool:
    from momentum.people.models import User

    return not User.objects.exists()


def restore_backup(source: Path, *, allow_non_empty: bool = False) -> dict[str, Any]:
    """Bring the archive back on this (empty) installation; returns its manifest."""
    manifest, contents = read_backup(source)
    call_command("migrate", interactive=False, verbosity=0)
    if not allow_non_empty and not _is_empty():
        raise BackupError("This installation already holds data: restore on an empty one.")
    database = settings.VAR_DIR / "restore-database.exactjson"
    database.write_bytes(contents.pop(DATABASE_MEMBER))
    try:
        with transaction.atomic():
            call_command("loaddata", str(database), verbosity=0)
    finally:
        database.unlink(missing_ok=True)
    root = Path(settings.MEDIA_ROOT)
    for name, data in contents.items():
        relative = PurePosixPath(name).relative_to("files")
        path = root.joinpath(*relative.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return manifest
