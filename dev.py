#!/usr/bin/env python3
"""Bootstrap for a fresh machine with only Python 3.11+ and pip.

    python3 dev.py serve   # install, migrate, seed the demo, run gunicorn + a task worker
    python3 dev.py test    # install the test tools, run the whole test suite
    python3 dev.py check   # the quality gate: lint, format, types, migrations

Dependencies are pinned in requirements/*.lock and installed into .venv; they are
reinstalled only when a lock file changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def _install(lock: str) -> None:
    lock_path = ROOT / "requirements" / lock
    stamp = VENV / f".installed-{lock}"
    digest = hashlib.sha256(
        lock_path.read_bytes() + (ROOT / "pyproject.toml").read_bytes()
    ).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    if not (BIN / "python").exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    python = str(BIN / "python")
    print(f"Installing the pinned dependencies ({lock}) …", flush=True)
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "-r", str(lock_path)], check=True)  # noqa: S603
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)  # noqa: S603
    stamp.write_text(digest)


def serve(args: list[str]) -> int:
    _install("base.lock")
    env = {**os.environ}
    env.setdefault("MOMENTUM_DEMO", "true")
    os.execve(str(BIN / "momentum"), [str(BIN / "momentum"), "serve", *args], env)  # noqa: S606
    return 0


def test(args: list[str]) -> int:
    _install("dev.lock")
    env = {**os.environ, "MOMENTUM_TESTING": "true"}
    env.setdefault("MOMENTUM_VAR_DIR", str(ROOT / "var" / "test"))
    return subprocess.call([str(BIN / "pytest"), *args], env=env, cwd=ROOT)  # noqa: S603


def check(args: list[str]) -> int:
    _install("dev.lock")
    env = {**os.environ, "MOMENTUM_TESTING": "true"}
    env.setdefault("MOMENTUM_VAR_DIR", str(ROOT / "var" / "test"))
    steps = [
        [str(BIN / "ruff"), "check", "."],
        [str(BIN / "ruff"), "format", "--check", "."],
        [str(BIN / "mypy"), "src"],
        [str(BIN / "momentum"), "makemigrations", "--check", "--dry-run"],
    ]
    failed = 0
    for step in steps:
        print(
            "$",
            " ".join(Path(step[0]).name if i == 0 else part for i, part in enumerate(step)),
            flush=True,
        )
        failed |= subprocess.call(step, env=env, cwd=ROOT) != 0  # noqa: S603
    return int(failed)


def main() -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before anything is installed
        print("Momentum needs Python 3.11 or newer.", file=sys.stderr)
        return 2
    command, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("help", [])
    if command == "serve":
        return serve(args)
    if command == "test":
        return test(args)
    if command == "check":
        return check(args)
    print(__doc__)
    return 0 if command == "help" else 2


if __name__ == "__main__":
    sys.exit(main())
