#!/usr/bin/env bash
# The canvas benchmark (issue 5): R live interviews, two participants each, editing the shared diagram.
# Run it through `./mockloop bench`, which starts a throwaway PostgreSQL cluster with fsync on and exports
# MOCKLOOP_BENCH_POSTGRES. Options: --rooms 10,100,1000  --seconds 20
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WEB_PROJECT="$ROOT/src/MockLoop.Web"
OUT_DIR="$ROOT/.mockloop/bench"

say() { printf '\033[1;34mbench:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mbench:\033[0m %s\n' "$*" >&2; exit 1; }

# `./mockloop bench room-load`: the Blazor room's load benchmark instead (bench/room-load.sh).
if [ "${1:-}" = "room-load" ]; then
  shift
  exec "$ROOT/bench/room-load.sh" "$@"
fi
# `./mockloop bench canvas-drag`: the Blazor canvas's drag benchmark instead (bench/canvas-drag.sh).
if [ "${1:-}" = "canvas-drag" ]; then
  shift
  exec "$ROOT/bench/canvas-drag.sh" "$@"
fi

ROOMS="10,100,1000"
SECONDS_PER_ROUND=20
while [ $# -gt 0 ]; do
  case "$1" in
    --rooms) ROOMS="${2:?--rooms needs a list such as 10,100}"; shift 2 ;;
    --rooms=*) ROOMS="${1#--rooms=}"; shift ;;
    --seconds) SECONDS_PER_ROUND="${2:?--seconds needs a number}"; shift 2 ;;
    --seconds=*) SECONDS_PER_ROUND="${1#--seconds=}"; shift ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option: $1 (try --rooms 10,100 or --seconds 20)" ;;
  esac
done
[[ "$ROOMS" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--rooms takes numbers separated by commas, such as 10,100,1000"
[[ "$SECONDS_PER_ROUND" =~ ^[0-9]+$ ]] && [ "$SECONDS_PER_ROUND" -ge 5 ] && [ "$SECONDS_PER_ROUND" -le 600 ] \
  || die "--seconds takes a whole number from 5 to 600"
IFS=',' read -r -a ROOM_LIST <<<"$ROOMS"
for r in "${ROOM_LIST[@]}"; do
  [ "$r" -ge 1 ] && [ "$r" -le 2000 ] || die "each room count must be from 1 to 2000 (got $r)"
done

[ -n "${MOCKLOOP_BENCH_POSTGRES:-}" ] || die "MOCKLOOP_BENCH_POSTGRES is not set: run this through ./mockloop bench"

# "Host=..;Port=..;Username=..;Password=..;Database=postgres" -> libpq environment for psql.
declare -A PG=()
IFS=';' read -r -a parts <<<"$MOCKLOOP_BENCH_POSTGRES"
for part in "${parts[@]}"; do
  [ -n "$part" ] || continue
  PG["${part%%=*}"]="${part#*=}"
done
export PGHOST="${PG[Host]:-127.0.0.1}" PGPORT="${PG[Port]:-5432}" PGUSER="${PG[Username]:-postgres}" PGPASSWORD="${PG[Password]:-}"
PSQL="$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)"
[ -x "$PSQL" ] || PSQL="$(command -v psql || true)"
[ -n "$PSQL" ] || die "psql not found (install postgresql-client)"

# 2R client sockets in one Node process, the same number in the server: lift the soft limit as far as allowed.
hard="$(ulimit -Hn)"
if [ "$hard" = unlimited ] || [ "$hard" -ge 65536 ]; then ulimit -n 65536; else ulimit -n "$hard"; fi
[ "$(ulimit -n)" -ge 8192 ] || say "warning: ulimit -n is $(ulimit -n); R=1000 needs about 4,500 descriptors"

say "building the web app (Release)"
dotnet build "$WEB_PROJECT" -c Release -v quiet -nologo -clp:ErrorsOnly >/dev/null \
  || { dotnet build "$WEB_PROJECT" -c Release -v quiet -nologo -clp:ErrorsOnly; die "build failed"; }
[ -d "$WEB_PROJECT/ClientApp/node_modules/@microsoft/signalr" ] || die "the client's node_modules are missing (the build should have run npm ci)"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_DIR="$OUT_DIR/run-$STAMP"
mkdir -p "$RUN_DIR"
DB="mockloop_bench_$(date -u +%Y%m%d%H%M%S)_$$"
"$PSQL" -X -q -d "${PG[Database]:-postgres}" -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB" >/dev/null
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
  "$PSQL" -X -q -d "${PG[Database]:-postgres}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$RUN_DIR/keys"
}
trap cleanup EXIT

SERVER_LOG="$RUN_DIR/server.log"
say "starting the server on http://127.0.0.1:$PORT (log: ${SERVER_LOG#"$ROOT/"})"
ConnectionStrings__MockLoop="$MOCKLOOP_BENCH_POSTGRES;Database=$DB" \
Rubrics__Directory="$ROOT/rubrics" \
DataProtection__KeysDirectory="$RUN_DIR/keys" \
Mail__Host=127.0.0.1 Mail__Port=25 Mail__FromAddress=bench@localhost Mail__PublicBaseUrl="http://127.0.0.1:$PORT" \
ASPNETCORE_ENVIRONMENT=Production \
Logging__LogLevel__Default=Warning \
  dotnet "$WEB_PROJECT/bin/Release/net10.0/MockLoop.Web.dll" --urls "http://127.0.0.1:$PORT" --contentRoot "$WEB_PROJECT" \
  >"$SERVER_LOG" 2>&1 </dev/null &
SERVER_PID=$!

for i in $(seq 1 120); do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$SERVER_LOG" >&2; die "the server exited during startup"; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz" || true)" = 200 ] && break
  [ "$i" -eq 120 ] && { tail -n 30 "$SERVER_LOG" >&2; die "the server did not become healthy within 60 s"; }
  sleep 0.5
done

JSON="$OUT_DIR/canvas-$STAMP.json"
MD="$OUT_DIR/canvas-latest.md"
# A hard stop in case something hangs: every phase inside has its own, shorter, time limit.
limit=$(( 300 + ${#ROOM_LIST[@]} * (SECONDS_PER_ROUND + 240) ))
say "load: rooms ${ROOMS}, ${SECONDS_PER_ROUND} s each (gives up after ${limit} s)"
MOCKLOOP_BENCH_PSQL="$PSQL" timeout --signal=TERM --kill-after=15 "$limit" \
  node "$ROOT/bench/canvas-load.mjs" \
    --url "http://127.0.0.1:$PORT" --server-pid "$SERVER_PID" --server-log "$SERVER_LOG" \
    --rooms "$ROOMS" --seconds "$SECONDS_PER_ROUND" --json "$JSON" --md "$MD" --stamp "$STAMP" \
  || die "the load generator failed (server log: $SERVER_LOG)"

say "stopping the server"
cleanup
SERVER_PID=""
trap - EXIT

cat "$MD"
say "figures: ${JSON#"$ROOT/"} and ${MD#"$ROOT/"}"
