#!/usr/bin/env bash
# The Blazor canvas's drag benchmark (issue 12): frames per second while dragging a node in diagrams of 50, 200 and
# 500 elements, and the tab's JS heap, in headless chromium against the published Release build (trimmed, compressed).
# Run it as `./mockloop bench canvas-drag [--sizes 50,200,500] [--seconds 5]`; ./mockloop starts the PostgreSQL cluster.
set -euo pipefail

BENCH_NAME=canvas-drag BENCH_TOOL=CanvasDrag
# shellcheck source=bench/published-server.sh
. "$(dirname "${BASH_SOURCE[0]}")/published-server.sh"

SIZES="50,200,500"
DRAG_SECONDS=5
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="${2:?--sizes needs a list such as 50,200,500}"; shift 2 ;;
    --seconds) DRAG_SECONDS="${2:?--seconds needs a number}"; shift 2 ;;
    *) die "unknown option: $1 (try --sizes 50,200,500 --seconds 5)" ;;
  esac
done
[[ "$SIZES" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--sizes takes numbers separated by commas, such as 50,200,500"
for s in ${SIZES//,/ }; do [ "$s" -ge 2 ] && [ "$s" -le 500 ] || die "each size must be from 2 to 500 elements (the diagram's limit); got $s"; done
[[ "$DRAG_SECONDS" =~ ^[0-9]+$ ]] && [ "$DRAG_SECONDS" -ge 1 ] && [ "$DRAG_SECONDS" -le 60 ] || die "--seconds takes a whole number from 1 to 60"
bench_publish
bench_database
# Three free loopback ports: the app, smtp4dev's web API and its SMTP (accounts open through a mailed link).
free_ports 3
PORT="${PORTS[0]}" MAIL_WEB="${PORTS[1]}" SMTP="${PORTS[2]}"
bench_start_mail
bench_start_server

say "dragging a node in diagrams of $SIZES elements, $DRAG_SECONDS s each"
timeout --signal=TERM --kill-after=15 900 \
  dotnet "$TOOL_DLL" --url "http://127.0.0.1:$PORT" --mail-api "http://127.0.0.1:$MAIL_WEB" --sizes "$SIZES" \
    --seconds "$DRAG_SECONDS" --json "$OUT_DIR/canvas-drag-$STAMP.json" --md "$OUT_DIR/canvas-drag-latest.md" \
  || die "the measurement failed (server log: $RUN_DIR/server.log)"
say "figures: .mockloop/bench/canvas-drag-$STAMP.json and .mockloop/bench/canvas-drag-latest.md"
