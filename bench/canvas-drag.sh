#!/usr/bin/env bash
# The Blazor canvas's drag benchmark (issue 12): frames per second while dragging a node in diagrams of 50, 200 and
# 500 elements, and the tab's JS heap, in headless chromium against the published Release build (trimmed, compressed).
# Run it as `./mockloop bench canvas-drag [--sizes 50,200,500] [--seconds 5]`; ./mockloop starts the PostgreSQL cluster.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT_DIR="$ROOT/.mockloop/bench"
say() { printf '\033[1;34mbench:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mbench:\033[0m %s\n' "$*" >&2; exit 1; }

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
[ -n "${MOCKLOOP_BENCH_POSTGRES:-}" ] || die "MOCKLOOP_BENCH_POSTGRES is not set: run this through ./mockloop bench canvas-drag"
[ -x /usr/bin/chromium ] || die "chromium is missing: apt-get install -y chromium"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_DIR="$OUT_DIR/canvas-drag-$STAMP"
PUBLISH="$RUN_DIR/publish"
mkdir -p "$RUN_DIR"
say "publishing the web app (Release: trimmed WebAssembly, precompressed assets)"
dotnet publish "$ROOT/src/MockLoop.Web" -c Release -o "$PUBLISH" -v quiet -nologo -clp:ErrorsOnly >"$RUN_DIR/publish.log" 2>&1 \
  || { tail -n 30 "$RUN_DIR/publish.log" >&2; die "publish failed"; }
say "building the measuring tool"
dotnet build "$ROOT/bench/CanvasDrag" -c Release -v quiet -nologo -clp:ErrorsOnly >"$RUN_DIR/tool.log" 2>&1 \
  || { tail -n 30 "$RUN_DIR/tool.log" >&2; die "the measuring tool did not build"; }

DB="mockloop_canvasdrag_$(date -u +%Y%m%d%H%M%S)_$$"
PSQL="$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || command -v psql)"
declare -A PG=()
IFS=';' read -r -a parts <<<"$MOCKLOOP_BENCH_POSTGRES"
for part in "${parts[@]}"; do [ -n "$part" ] && PG["${part%%=*}"]="${part#*=}"; done
export PGHOST="${PG[Host]:-127.0.0.1}" PGPORT="${PG[Port]:-5432}" PGUSER="${PG[Username]:-postgres}" PGPASSWORD="${PG[Password]:-}"
"$PSQL" -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB" >/dev/null

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Three free loopback ports: the app, smtp4dev's web API and its SMTP (accounts open through a mailed link).
PORTS=()
for _ in $(seq 1 200); do
  candidate=$(( 20000 + RANDOM % 20000 ))
  port_in_use "$candidate" || [[ " ${PORTS[*]} " == *" $candidate "* ]] || PORTS+=("$candidate")
  [ "${#PORTS[@]}" -eq 3 ] && break
done
[ "${#PORTS[@]}" -eq 3 ] || die "no free ports found"
PORT="${PORTS[0]}" MAIL_WEB="${PORTS[1]}" SMTP="${PORTS[2]}"

SERVER_PID=""
SMTP4DEV_PID=""
cleanup() {
  if [ -n "$SMTP4DEV_PID" ]; then kill -TERM "$SMTP4DEV_PID" 2>/dev/null || true; fi
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  "$PSQL" -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$PUBLISH" "$RUN_DIR/keys"
}
trap cleanup EXIT

(cd "$ROOT" && exec dotnet tool run smtp4dev -- --urls="http://127.0.0.1:$MAIL_WEB" --smtpport="$SMTP" --imapport= --pop3port= \
   --db= --nousersettings --hostname=localhost --allowremoteconnections-) >"$RUN_DIR/smtp4dev.log" 2>&1 </dev/null &
SMTP4DEV_PID=$!
for i in $(seq 1 120); do
  port_in_use "$SMTP" && port_in_use "$MAIL_WEB" && break
  kill -0 "$SMTP4DEV_PID" 2>/dev/null || { tail -n 20 "$RUN_DIR/smtp4dev.log" >&2; die "smtp4dev did not start"; }
  [ "$i" -eq 120 ] && die "smtp4dev did not answer within 60 s"
  sleep 0.5
done

say "starting the published server on http://127.0.0.1:$PORT with the Blazor room"
ConnectionStrings__MockLoop="$MOCKLOOP_BENCH_POSTGRES;Database=$DB" \
Rubrics__Directory="$ROOT/rubrics" \
DataProtection__KeysDirectory="$RUN_DIR/keys" \
Mail__Host=127.0.0.1 Mail__Port="$SMTP" Mail__Security=None Mail__FromAddress=bench@localhost Mail__PublicBaseUrl="http://127.0.0.1:$PORT" \
Room__Client=blazor ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$PUBLISH/MockLoop.Web.dll" --urls "http://127.0.0.1:$PORT" --contentRoot "$PUBLISH" \
  >"$RUN_DIR/server.log" 2>&1 </dev/null &
SERVER_PID=$!
for i in $(seq 1 120); do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$RUN_DIR/server.log" >&2; die "the server exited during startup"; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz" || true)" = 200 ] && break
  [ "$i" -eq 120 ] && { tail -n 30 "$RUN_DIR/server.log" >&2; die "the server did not become healthy within 60 s"; }
  sleep 0.5
done

say "dragging a node in diagrams of $SIZES elements, $DRAG_SECONDS s each"
timeout --signal=TERM --kill-after=15 900 \
  dotnet "$ROOT/bench/CanvasDrag/bin/Release/net10.0/CanvasDrag.dll" --url "http://127.0.0.1:$PORT" --mail-api "http://127.0.0.1:$MAIL_WEB" --sizes "$SIZES" \
    --seconds "$DRAG_SECONDS" --json "$OUT_DIR/canvas-drag-$STAMP.json" --md "$OUT_DIR/canvas-drag-latest.md" \
  || die "the measurement failed (server log: $RUN_DIR/server.log)"
say "figures: .mockloop/bench/canvas-drag-$STAMP.json and .mockloop/bench/canvas-drag-latest.md"
