"""``momentum backup``: one archive of the database, the uploaded files and a manifest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from momentum.core.backup import write_backup


class Command(BaseCommand):
    help = "Write a backup archive (database, uploaded files, manifest with checksums)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            help="the archive to write (default: var/backups/momentum-<time>.tar.gz)",
        )

    def handle(self, *args: Any, output: str | None = None, **options: Any) -> None:
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        target = (
            Path(output) if output else settings.VAR_DIR / "backups" / f"momentum-{stamp}.tar.gz"
        )
        manifest = write_backup(target)
        self.stdout.write(f"{target}: {len(manifest['members'])} members")
