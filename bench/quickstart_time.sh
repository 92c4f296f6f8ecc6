#!/usr/bin/env bash
# Time the README's quick start on a fresh clone: from `python3 dev.py serve` until /healthz
# answers 200 (virtual environment, pinned dependencies, migrations, static files, demo data,
# gunicorn and a task worker), then stop the server and delete the clone.
#
#   bench/quickstart_time.sh [repository]     default: this repository (its committed HEAD)
#
# Port 8000 (the quick start's own) is used when it is free; otherwise 8765 is passed with
# `--port`. QUICKSTART_PORT=<port> chooses one. The environment is emptied apart from PATH, HOME
# and LANG, so no MOMENTUM_* variable of the caller's shell changes the result; pip's cache is
# the caller's (a cold cache measures the download too).
set -euo pipefail

REPO="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
TIMEOUT=900

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

serve_args=()
if [ -n "${QUICKSTART_PORT:-}" ]; then
  PORT="$QUICKSTART_PORT"
  serve_args=(--port "$PORT")
elif ! port_in_use 8000; then
  PORT=8000
else
  PORT=8765
  serve_args=(--port "$PORT")
fi
if port_in_use "$PORT"; then
  echo "Port $PORT is already in use; set QUICKSTART_PORT to a free port." >&2
  exit 2
fi

WORK="$(mktemp -d -t momentum-quickstart-XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    # The server runs in its own session: stop its whole process group (gunicorn, worker).
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

git clone --quiet "$REPO" "$WORK/momentum"
cd "$WORK/momentum"
echo "Fresh clone of $REPO at $(git rev-parse --short HEAD) in $WORK/momentum"
echo "Running: python3 dev.py serve ${serve_args[*]:-}  (port $PORT)"

started=$(date +%s.%N)
setsid env -i PATH="$PATH" HOME="$HOME" LANG="${LANG:-C.UTF-8}" \
  python3 dev.py serve "${serve_args[@]}" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!

while :; do
  if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "The server stopped before answering. Its log:" >&2
    cat "$WORK/serve.log" >&2
    exit 1
  fi
  if [ "$(echo "$(date +%s.%N) - $started > $TIMEOUT" | bc)" = 1 ]; then
    echo "No answer from /healthz after $TIMEOUT s. Log:" >&2
    tail -n 40 "$WORK/serve.log" >&2
    exit 1
  fi
  sleep 0.2
done
elapsed=$(echo "$(date +%s.%N) - $started" | bc)

echo "--- server log (last lines)"
tail -n 15 "$WORK/serve.log"
echo "---"
curl -fsS "http://127.0.0.1:$PORT/healthz"; echo
printf 'Quick start: /healthz answered after %.1f s\n' "$elapsed"
