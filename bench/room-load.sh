#!/usr/bin/env bash
# The Blazor room's load benchmark (issue 12): bytes over the wire and time until the room is interactive, first
# visit and reload, in headless chromium, against the published Release build (trimmed, compressed).
# Run it as `./mockloop bench room-load [--runs N]`; ./mockloop starts the PostgreSQL cluster it uses.
set -euo pipefail

BENCH_NAME=room-load BENCH_TOOL=RoomLoad
# shellcheck source=bench/published-server.sh
. "$(dirname "${BASH_SOURCE[0]}")/published-server.sh"

RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    *) die "unknown option: $1 (try --runs 3)" ;;
  esac
done
[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 1 ] && [ "$RUNS" -le 20 ] || die "--runs takes a whole number from 1 to 20"
bench_publish
# The tool confirms its account in this database with psql (PG* exported by bench_database).
bench_database
free_ports 1
PORT="${PORTS[0]}"
bench_start_server

say "measuring $RUNS first visits and reloads"
timeout --signal=TERM --kill-after=15 600 \
  dotnet "$TOOL_DLL" --url "http://127.0.0.1:$PORT" --runs "$RUNS" --psql "$PSQL" \
    --json "$OUT_DIR/room-load-$STAMP.json" --md "$OUT_DIR/room-load-latest.md" \
  || die "the measurement failed (server log: $RUN_DIR/server.log)"
say "figures: .mockloop/bench/room-load-$STAMP.json and .mockloop/bench/room-load-latest.md"
