"""``momentum hub_reindex``: rebuild the hub's search index from what is published.

The services keep the index as content changes; run this after a bulk import or a change of
the folding rules in ``core.text``.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from momentum.hub.services.search_index import reindex_all


class Command(BaseCommand):
    help = "Rebuild the Knowledge Hub's search index (threads, replies and resources)."

    def handle(self, *args: Any, **options: Any) -> None:
        total = reindex_all()
        self.stdout.write(f"{total} search entries written.")
