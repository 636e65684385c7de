#!/usr/bin/env bash
# The canvas benchmark (issue 5): R live interviews, two participants each, editing the shared diagram.
# Run it through `./mockloop bench`, which starts a throwaway PostgreSQL cluster with fsync on and exports
# MOCKLOOP_BENCH_POSTGRES. Options: --rooms 10,100,1000  --seconds 20  --nodes 1 (2+: a cluster, the two
# participants of every interview on different nodes)
# `./mockloop bench failover [--kills 20] [--nodes 3]`: kill -9 of the node holding a live session, again and again;
# the time until the first acknowledged op on a survivor (issue 11).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The same published output as ./mockloop run and the browser tests (tools/publish.sh).
PUBLISH="$ROOT/.mockloop/publish"
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
NODES=1
MODE=canvas
KILLS=20
if [ "${1:-}" = "failover" ]; then
  MODE=failover
  NODES=3
  shift
fi
while [ $# -gt 0 ]; do
  case "$1" in
    --rooms) ROOMS="${2:?--rooms needs a list such as 10,100}"; shift 2 ;;
    --rooms=*) ROOMS="${1#--rooms=}"; shift ;;
    --seconds) SECONDS_PER_ROUND="${2:?--seconds needs a number}"; shift 2 ;;
    --seconds=*) SECONDS_PER_ROUND="${1#--seconds=}"; shift ;;
    --nodes) NODES="${2:?--nodes needs a number}"; shift 2 ;;
    --nodes=*) NODES="${1#--nodes=}"; shift ;;
    --kills) KILLS="${2:?--kills needs a number}"; shift 2 ;;
    --kills=*) KILLS="${1#--kills=}"; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option: $1 (try --rooms 10,100 or --seconds 20)" ;;
  esac
done
[[ "$ROOMS" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--rooms takes numbers separated by commas, such as 10,100,1000"
[[ "$SECONDS_PER_ROUND" =~ ^[0-9]+$ ]] && [ "$SECONDS_PER_ROUND" -ge 5 ] && [ "$SECONDS_PER_ROUND" -le 600 ] \
  || die "--seconds takes a whole number from 5 to 600"
[[ "$NODES" =~ ^[1-9]$ ]] || die "--nodes takes 1 to 9"
[[ "$KILLS" =~ ^[0-9]+$ ]] && [ "$KILLS" -ge 1 ] && [ "$KILLS" -le 500 ] || die "--kills takes a whole number from 1 to 500"
[ "$MODE" = canvas ] || [ "$NODES" -ge 3 ] || die "the failover benchmark needs --nodes 3 or more (the killed node and two survivors)"
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

# 2R client sockets in the load generator's process, the same number in the server: lift the soft limit as far as allowed.
hard="$(ulimit -Hn)"
if [ "$hard" = unlimited ] || [ "$hard" -ge 65536 ]; then ulimit -n 65536; else ulimit -n "$hard"; fi
[ "$(ulimit -n)" -ge 8192 ] || say "warning: ulimit -n is $(ulimit -n); R=1000 needs about 4,500 descriptors"

LOAD_PROJECT="$ROOT/bench/CanvasLoad"
# shellcheck source=tools/publish.sh
source "$ROOT/tools/publish.sh"
publish_app "$PUBLISH"
say "building the load generator (Release)"
dotnet build "$LOAD_PROJECT" -c Release -v quiet -nologo -clp:ErrorsOnly >/dev/null \
  || { dotnet build "$LOAD_PROJECT" -c Release -v quiet -nologo -clp:ErrorsOnly; die "build failed: ${LOAD_PROJECT#"$ROOT/"}"; }

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_DIR="$OUT_DIR/run-$STAMP"
mkdir -p "$RUN_DIR"
DB="mockloop_bench_$(date -u +%Y%m%d%H%M%S)_$$"
"$PSQL" -X -q -d "${PG[Database]:-postgres}" -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB" >/dev/null
export PGDATABASE="$DB"

# port_in_use, free_ports: shared with ./mockloop.
source "$ROOT/tools/ports.sh"

SERVER_PIDS=()
cleanup() {
  local pid file
  # A node the failover benchmark restarted has a new process id: its pid file says which.
  for file in "$RUN_DIR"/node*.pid; do
    [ -f "$file" ] && SERVER_PIDS+=("$(cat "$file")")
  done
  for pid in "${SERVER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  "$PSQL" -X -q -d "${PG[Database]:-postgres}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$RUN_DIR/keys"
}
trap cleanup EXIT

# One node, or a cluster of N (one cluster id per run) on the same database and key ring. Each node
# runs from a launcher script (node<n>.sh) that records its process id in node<n>.pid and appends to its log, so the
# failover benchmark can kill a node and start it again exactly as it was.
CLUSTER_ID="bench-$STAMP"
URLS=() LOGS=() SCRIPTS=()
# Every node's HTTP and silo port at once: the nodes bind them only as they start, so picks one by one could repeat.
free_ports $((2 * NODES))
NODE_PORTS=("${PORTS[@]}")
for n in $(seq 1 "$NODES"); do
  port="${NODE_PORTS[$((2 * n - 2))]}"
  log_file="$RUN_DIR/server.log"
  [ "$NODES" -gt 1 ] && log_file="$RUN_DIR/node$n.log"
  cluster_env=()
  if [ "$NODES" -gt 1 ]; then
    cluster_env=(Cluster__ClusterId="$CLUSTER_ID" Cluster__NodeName="node$n"
      Cluster__AdvertisedAddress=127.0.0.1 Cluster__SiloPort="${NODE_PORTS[$((2 * n - 1))]}" Cluster__GatewayPort=0)
  fi
  say "starting node $n of $NODES on http://127.0.0.1:$port (log: ${log_file#"$ROOT/"})"
  # One user opens every interview of a round: the per-user form limits (issue 10) are lifted, the hub's are not.
  node_env=(ConnectionStrings__MockLoop="$MOCKLOOP_BENCH_POSTGRES;Database=$DB"
    Rubrics__Directory="$ROOT/rubrics"
    DataProtection__KeysDirectory="$RUN_DIR/keys"
    Mail__Host=127.0.0.1 Mail__Port=25 Mail__FromAddress=bench@localhost Mail__PublicBaseUrl="http://127.0.0.1:$port"
    ASPNETCORE_ENVIRONMENT=Production
    Logging__LogLevel__Default=Warning
    RateLimits__CreateSession=100000 RateLimits__JoinSession=100000
    "${cluster_env[@]}")
  script="$RUN_DIR/node$n.sh"
  {
    echo '#!/usr/bin/env bash'
    printf 'echo $$ > %q\n' "$RUN_DIR/node$n.pid"
    printf 'exec env'; printf ' %q' "${node_env[@]}"
    printf ' dotnet %q --urls %q --contentRoot %q >>%q 2>&1 </dev/null\n' \
      "$PUBLISH/MockLoop.Web.dll" "http://127.0.0.1:$port" "$PUBLISH" "$log_file"
  } >"$script"
  chmod +x "$script"
  "$script" &
  SERVER_PIDS+=("$!")
  disown "$!" # the failover benchmark kills nodes on purpose: no job notices for them
  URLS+=("http://127.0.0.1:$port")
  LOGS+=("$log_file")
  SCRIPTS+=("$script")
  # The first node migrates the database alone; the others start once it answers.
  for i in $(seq 1 240); do
    kill -0 "${SERVER_PIDS[-1]}" 2>/dev/null || { tail -n 30 "$log_file" >&2; die "node $n exited during startup"; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)" = 200 ] && break
    [ "$i" -eq 240 ] && { tail -n 30 "$log_file" >&2; die "node $n did not become healthy within 120 s"; }
    sleep 0.5
  done
done
if [ "$NODES" -gt 1 ]; then
  for i in $(seq 1 240); do
    seen="$(curl -s "${URLS[0]}/healthz" | sed -n 's/.*"activeSilos":\([0-9]*\).*/\1/p')"
    [ "${seen:-0}" -ge "$NODES" ] && break
    [ "$i" -eq 240 ] && die "node 1 sees ${seen:-0} of $NODES silos after 120 s"
    sleep 0.5
  done
fi
join_by_comma() { local IFS=,; echo "$*"; }

JSON="$OUT_DIR/$MODE-$STAMP.json"
MD="$OUT_DIR/$MODE-latest.md"
# A hard stop in case something hangs: every phase inside has its own, shorter, time limit.
if [ "$MODE" = failover ]; then
  limit=$(( 300 + KILLS * 240 ))
  say "failover: $KILLS kills of the node holding a live session (gives up after ${limit} s)"
else
  limit=$(( 300 + ${#ROOM_LIST[@]} * (SECONDS_PER_ROUND + 240) ))
  say "load: rooms ${ROOMS}, ${SECONDS_PER_ROUND} s each (gives up after ${limit} s)"
fi
MOCKLOOP_BENCH_PSQL="$PSQL" timeout --signal=TERM --kill-after=15 "$limit" \
  dotnet "$LOAD_PROJECT/bin/Release/net10.0/CanvasLoad.dll" --mode "$MODE" \
    --url "$(join_by_comma "${URLS[@]}")" --server-pid "$(join_by_comma "${SERVER_PIDS[@]}")" --server-log "${LOGS[0]}" \
    --node-scripts "$(join_by_comma "${SCRIPTS[@]}")" --kills "$KILLS" \
    --rooms "$ROOMS" --seconds "$SECONDS_PER_ROUND" --json "$JSON" --md "$MD" --stamp "$STAMP" \
  || die "the load generator failed (server log: ${LOGS[0]})"

say "stopping the server"
cleanup
SERVER_PIDS=()
trap - EXIT

cat "$MD"
say "figures: ${JSON#"$ROOT/"} and ${MD#"$ROOT/"}"
