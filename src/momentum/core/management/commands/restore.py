"""``momentum restore ARCHIVE``: bring a backup back on an empty installation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from momentum.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup archive made by `momentum backup` on an empty installation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive")

    def handle(self, *args: Any, archive: str, **options: Any) -> None:
        try:
            manifest = restore_backup(Path(archive))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {len(manifest['members'])} members made {manifest['created_at']}."
        )
