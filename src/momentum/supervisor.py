"""What ``momentum serve`` runs its processes with: a process that dies is started again.

The web server is *essential*: when it stops, everything stops (its exit code is the
command's). Task workers are restarted whenever they die, waiting a little longer each time
one dies right after starting (up to ``MAX_BACKOFF`` seconds) so a worker that cannot start
does not spin. In production, systemd (or any supervisor) does the same for ``momentum
worker``; see docs/deployment.md.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

MAX_BACKOFF = 30.0
HEALTHY_AFTER = 10.0  # a process that ran this long before dying is restarted at once


@dataclass
class Child:
    name: str
    command: list[str]
    essential: bool = False
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    restarts: int = 0
    backoff: float = 0.0
    next_start: float = 0.0
    history: list[int] = field(default_factory=list)  # pids, oldest first

    def start(self) -> None:
        self.process = subprocess.Popen(self.command)  # noqa: S603 - our own commands
        self.started_at = time.monotonic()
        self.history.append(self.process.pid)


class Supervisor:
    def __init__(self, *, poll_seconds: float = 0.5) -> None:
        self.children: list[Child] = []
        self.poll_seconds = poll_seconds
        self.stopping = threading.Event()

    def add(self, name: str, command: list[str], *, essential: bool = False) -> Child:
        child = Child(name=name, command=command, essential=essential)
        self.children.append(child)
        return child

    def check(self) -> int | None:
        """Start what must run; returns an exit code once an essential process has stopped."""
        now = time.monotonic()
        for child in self.children:
            if child.process is None:
                if now >= child.next_start:
                    child.start()
                continue
            code = child.process.poll()
            if code is None:
                continue
            if child.essential:
                return code
            lived = now - child.started_at
            child.backoff = (
                0.0 if lived >= HEALTHY_AFTER else min(MAX_BACKOFF, child.backoff * 2 or 1)
            )
            child.restarts += 1
            child.process = None
            child.next_start = now + child.backoff
            print(
                f"momentum: {child.name} (pid {child.history[-1]}) exited with {code}; "
                f"starting it again in {child.backoff:.0f} s",
                file=sys.stderr,
                flush=True,
            )
        return None

    def run(self) -> int:
        code = 0
        while not self.stopping.is_set():
            result = self.check()
            if result is not None:
                code = result
                break
            self.stopping.wait(self.poll_seconds)
        self.shutdown()
        return code

    def stop(self) -> None:
        self.stopping.set()

    def shutdown(self, *, grace: float = 60.0) -> None:
        """Ask every process to stop, let workers finish their current task, then kill."""
        running = [c.process for c in self.children if c.process and c.process.poll() is None]
        for process in running:
            process.terminate()
        for process in running:
            try:
                process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
