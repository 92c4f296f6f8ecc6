"""``momentum rotate_certificate_key``: sign new certificates with a new key."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from momentum.training import signing


class Command(BaseCommand):
    help = (
        "Make a new Ed25519 key for signing certificates. Certificates signed with older keys "
        "stay verifiable: their public keys stay published."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        kid = signing.rotate_key()
        self.stdout.write(f"New signing key {kid}; {len(signing.public_keys())} keys published.")
