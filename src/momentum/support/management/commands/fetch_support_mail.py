"""Read the support mailbox (``MOMENTUM_SUPPORT_IMAP_*``) and add each answer to its request.

Each message is handled on its own: one that cannot be read is set aside for staff and
reported; the others go on."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from momentum.support.services.mail import fetch_imap


class Command(BaseCommand):
    help = "Read answers to support requests from the IMAP mailbox."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        host = settings.SUPPORT_IMAP_HOST
        if not host:
            raise CommandError("Set MOMENTUM_SUPPORT_IMAP_HOST (and _USER, _PASSWORD) first.")
        report = fetch_imap(
            host=host,
            port=settings.SUPPORT_IMAP_PORT,
            user=settings.SUPPORT_IMAP_USER,
            password=settings.SUPPORT_IMAP_PASSWORD,
            folder=settings.SUPPORT_IMAP_FOLDER,
            ssl=settings.SUPPORT_IMAP_SSL,
            limit=options["limit"],
        )
        self.stdout.write(
            f"{report.added} added, {report.held} held for staff, {report.failed} failed."
        )
        if report.failed:
            raise CommandError(f"{report.failed} message(s) could not be handled; see the log.")
