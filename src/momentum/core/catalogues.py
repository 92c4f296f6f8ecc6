"""Compile the translation catalogues (.po → .mo) without needing GNU gettext installed."""

from __future__ import annotations

from pathlib import Path

import polib


def compile_catalogues(*roots: Path) -> int:
    """Compile every .po under ``roots`` whose .mo is missing or older; returns how many."""
    compiled = 0
    for root in roots:
        for po_path in root.rglob("*.po"):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled += 1
    return compiled
