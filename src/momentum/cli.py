"""The ``momentum`` command: serve, demo, worker, and every Django management command."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from types import FrameType


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "momentum.settings")
    import django

    django.setup()


def _prepare() -> None:
    """Everything a server needs before it answers: catalogues, schema, static files."""
    from django.conf import settings
    from django.core.management import call_command

    from momentum.core.catalogues import compile_catalogues

    compile_catalogues(*[path for path in settings.LOCALE_PATHS])
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def is_loopback(host: str) -> bool:
    import ipaddress

    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def demo_refusal(*, demo: bool, host: str, forced: bool) -> str:
    """Why serving must not start (empty when it may): demo mode's accounts have published
    passwords, so it serves only this machine unless the operator insists."""
    if demo and not forced and not is_loopback(host):
        return (
            f"momentum: refusing to serve demo mode (accounts with known passwords) on {host}. "
            "Bind to 127.0.0.1, turn MOMENTUM_DEMO off, or pass --force-demo "
            "(MOMENTUM_DEMO_FORCE=true) if this network is private."
        )
    return ""


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="momentum serve", description="Run Momentum.")
    parser.add_argument("--host", default=os.environ.get("MOMENTUM_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("MOMENTUM_PORT", "8000")))
    parser.add_argument("--web-workers", type=int, default=3)
    parser.add_argument("--task-workers", type=int, default=1)
    parser.add_argument(
        "--no-demo", action="store_true", help="never seed demo data, even in demo mode"
    )
    parser.add_argument(
        "--force-demo",
        action="store_true",
        default=os.environ.get("MOMENTUM_DEMO_FORCE", "").lower() in {"1", "true", "yes", "on"},
        help="serve demo mode (known passwords) on an address other than loopback",
    )
    args = parser.parse_args(argv)
    _django_setup()
    from django.conf import settings
    from django.core.management import call_command

    refusal = demo_refusal(demo=settings.DEMO, host=args.host, forced=args.force_demo)
    if refusal:
        print(refusal, file=sys.stderr, flush=True)
        return 2

    _prepare()
    if settings.DEMO and not args.no_demo:
        call_command("demo", if_empty=True)
    from momentum.supervisor import Supervisor

    supervisor = Supervisor()
    for number in range(args.task_workers):
        supervisor.add(f"worker-{number + 1}", [sys.executable, "-m", "momentum.cli", "worker"])
    supervisor.add(
        "web",
        [
            sys.executable,
            "-m",
            "gunicorn",
            "momentum.wsgi:application",
            "--bind",
            f"{args.host}:{args.port}",
            "--workers",
            str(args.web_workers),
            "--access-logfile",
            "-",
            "--control-socket",
            str(settings.VAR_DIR / "gunicorn.ctl"),
            "--forwarded-allow-ips",
            os.environ.get(
                "MOMENTUM_FORWARDED_ALLOW_IPS", ",".join(settings.TRUSTED_PROXIES) or "127.0.0.1"
            ),
        ],
        essential=True,
    )
    print(f"Momentum is running at http://{args.host}:{args.port}/ (Ctrl+C stops it)", flush=True)

    def stop(signum: int, frame: FrameType | None) -> None:
        supervisor.stop()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # A task worker that dies is started again; when the web server stops, everything stops.
    return supervisor.run()


def worker(argv: list[str]) -> int:
    _django_setup()
    from django.core.management import call_command
    from django.utils.crypto import get_random_string

    from momentum.core.periodic import ensure_all
    from momentum.core.workers import Heart

    # Daily and weekly work (digests, reminders, expiring offers) queues itself from here on.
    ensure_all()
    worker_id = get_random_string(32)
    # The heartbeat keeps this worker's tasks leased to it; if it dies, another takes them up.
    heart = Heart(worker_id)
    heart.tick()
    heart.start()
    try:
        call_command("db_worker", "--worker-id", worker_id, *argv)
    finally:
        heart.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv else "help"
    if command == "serve":
        return serve(argv[1:])
    if command == "worker":
        return worker(argv[1:])
    if command == "prepare":
        _django_setup()
        _prepare()
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "momentum.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["momentum", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
