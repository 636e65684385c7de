#!/usr/bin/env bash
# The Blazor room's load benchmark (issue 12): bytes over the wire and time until the room is interactive, first
# visit and reload, in headless chromium, against the published Release build (trimmed, compressed).
# Run it as `./mockloop bench room-load [--runs N]`; ./mockloop starts the PostgreSQL cluster it uses.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT_DIR="$ROOT/.mockloop/bench"
say() { printf '\033[1;34mbench:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mbench:\033[0m %s\n' "$*" >&2; exit 1; }

RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    *) die "unknown option: $1 (try --runs 3)" ;;
  esac
done
[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 1 ] && [ "$RUNS" -le 20 ] || die "--runs takes a whole number from 1 to 20"
[ -n "${MOCKLOOP_BENCH_POSTGRES:-}" ] || die "MOCKLOOP_BENCH_POSTGRES is not set: run this through ./mockloop bench room-load"
[ -x /usr/bin/chromium ] || die "chromium is missing: apt-get install -y chromium"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_DIR="$OUT_DIR/room-load-$STAMP"
PUBLISH="$RUN_DIR/publish"
mkdir -p "$RUN_DIR"
say "publishing the web app (Release: trimmed WebAssembly, precompressed assets)"
dotnet publish "$ROOT/src/MockLoop.Web" -c Release -o "$PUBLISH" -v quiet -nologo -clp:ErrorsOnly >"$RUN_DIR/publish.log" 2>&1 \
  || { tail -n 30 "$RUN_DIR/publish.log" >&2; die "publish failed"; }
say "building the measuring tool"
dotnet build "$ROOT/bench/RoomLoad" -c Release -v quiet -nologo -clp:ErrorsOnly >"$RUN_DIR/tool.log" 2>&1 \
  || { tail -n 30 "$RUN_DIR/tool.log" >&2; die "the measuring tool did not build"; }

DB="mockloop_roomload_$(date -u +%Y%m%d%H%M%S)_$$"
PSQL="$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || command -v psql)"
declare -A PG=()
IFS=';' read -r -a parts <<<"$MOCKLOOP_BENCH_POSTGRES"
for part in "${parts[@]}"; do [ -n "$part" ] && PG["${part%%=*}"]="${part#*=}"; done
export PGHOST="${PG[Host]:-127.0.0.1}" PGPORT="${PG[Port]:-5432}" PGUSER="${PG[Username]:-postgres}" PGPASSWORD="${PG[Password]:-}"
"$PSQL" -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB" >/dev/null
export PGDATABASE="$DB"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 20000 ))
  port_in_use "$candidate" || { PORT="$candidate"; break; }
done
[ -n "$PORT" ] || die "no free port found"

SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  "$PSQL" -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$PUBLISH" "$RUN_DIR/keys"
}
trap cleanup EXIT

say "starting the published server on http://127.0.0.1:$PORT with the Blazor room"
ConnectionStrings__MockLoop="$MOCKLOOP_BENCH_POSTGRES;Database=$DB" \
Rubrics__Directory="$ROOT/rubrics" \
DataProtection__KeysDirectory="$RUN_DIR/keys" \
Mail__Host=127.0.0.1 Mail__Port=25 Mail__FromAddress=bench@localhost Mail__PublicBaseUrl="http://127.0.0.1:$PORT" \
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

say "measuring $RUNS first visits and reloads"
timeout --signal=TERM --kill-after=15 600 \
  dotnet "$ROOT/bench/RoomLoad/bin/Release/net10.0/RoomLoad.dll" --url "http://127.0.0.1:$PORT" --runs "$RUNS" --psql "$PSQL" \
    --json "$OUT_DIR/room-load-$STAMP.json" --md "$OUT_DIR/room-load-latest.md" \
  || die "the measurement failed (server log: $RUN_DIR/server.log)"
say "figures: .mockloop/bench/room-load-$STAMP.json and .mockloop/bench/room-load-latest.md"
