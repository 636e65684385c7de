# Sourced by the browser benchmarks (room-load.sh, canvas-drag.sh): publish the app (tools/publish.sh: the very output
# ./mockloop run and the browser tests start, republished only when a source changed), build the measuring
# tool, make a throwaway database on ./mockloop bench's cluster, and start the published server with the Blazor room
# (and, when asked, an smtp4dev for the accounts' confirmation mail). Everything is torn down on exit.
# The caller sets BENCH_NAME (e.g. room-load) and BENCH_TOOL (the project folder under bench/, e.g. RoomLoad).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT_DIR="$ROOT/.mockloop/bench"
say() { printf '\033[1;34mbench:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mbench:\033[0m %s\n' "$*" >&2; exit 1; }
# port_in_use, free_ports: shared with ./mockloop.
source "$ROOT/tools/ports.sh"
# publish_app: shared with ./mockloop.
source "$ROOT/tools/publish.sh"

# Checks, publish and the tool build; sets STAMP, RUN_DIR, PUBLISH, TOOL_DLL.
bench_publish() {
  [ -n "${MOCKLOOP_BENCH_POSTGRES:-}" ] || die "MOCKLOOP_BENCH_POSTGRES is not set: run this through ./mockloop bench $BENCH_NAME"
  [ -x /usr/bin/chromium ] || die "chromium is missing: apt-get install -y chromium"
  STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
  RUN_DIR="$OUT_DIR/$BENCH_NAME-$STAMP"
  PUBLISH="$ROOT/.mockloop/publish"
  TOOL_DLL="$ROOT/bench/$BENCH_TOOL/bin/Release/net10.0/$BENCH_TOOL.dll"
  mkdir -p "$RUN_DIR"
  publish_app "$PUBLISH"
  say "building the measuring tool"
  dotnet build "$ROOT/bench/$BENCH_TOOL" -c Release -v quiet -nologo -clp:ErrorsOnly >"$RUN_DIR/tool.log" 2>&1 \
    || { tail -n 30 "$RUN_DIR/tool.log" >&2; die "the measuring tool did not build"; }
}

# A database of its own on the bench cluster; exports PG* (so psql reaches it) and sets DB and PSQL.
bench_database() {
  DB="mockloop_${BENCH_NAME//-/}_$(date -u +%Y%m%d%H%M%S)_$$"
  PSQL="$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || command -v psql)"
  declare -A pg=()
  local part parts
  IFS=';' read -r -a parts <<<"$MOCKLOOP_BENCH_POSTGRES"
  for part in "${parts[@]}"; do [ -n "$part" ] && pg["${part%%=*}"]="${part#*=}"; done
  export PGHOST="${pg[Host]:-127.0.0.1}" PGPORT="${pg[Port]:-5432}" PGUSER="${pg[Username]:-postgres}" PGPASSWORD="${pg[Password]:-}"
  "$PSQL" -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB" >/dev/null
  export PGDATABASE="$DB"
}

SERVER_PID=""
SMTP4DEV_PID=""
bench_cleanup() {
  if [ -n "$SMTP4DEV_PID" ]; then kill -TERM "$SMTP4DEV_PID" 2>/dev/null || true; fi
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "${DB:-}" ]; then "$PSQL" -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  if [ -n "${RUN_DIR:-}" ]; then rm -rf "$RUN_DIR/keys"; fi
}
trap bench_cleanup EXIT

# smtp4dev on MAIL_WEB (its web API) and SMTP, for benches whose accounts follow the mailed confirmation link.
bench_start_mail() {
  (cd "$ROOT" && exec dotnet tool run smtp4dev -- --urls="http://127.0.0.1:$MAIL_WEB" --smtpport="$SMTP" --imapport= --pop3port= \
     --db= --nousersettings --hostname=localhost --allowremoteconnections-) >"$RUN_DIR/smtp4dev.log" 2>&1 </dev/null &
  SMTP4DEV_PID=$!
  local i
  for i in $(seq 1 120); do
    port_in_use "$SMTP" && port_in_use "$MAIL_WEB" && return 0
    kill -0 "$SMTP4DEV_PID" 2>/dev/null || { tail -n 20 "$RUN_DIR/smtp4dev.log" >&2; die "smtp4dev did not start"; }
    sleep 0.5
  done
  die "smtp4dev did not answer within 60 s"
}

# The published server on PORT with the Blazor room; mail goes to SMTP when set (bench_start_mail), else nowhere.
bench_start_server() {
  say "starting the published server on http://127.0.0.1:$PORT with the Blazor room"
  ConnectionStrings__MockLoop="$MOCKLOOP_BENCH_POSTGRES;Database=$DB" \
  Rubrics__Directory="$ROOT/rubrics" \
  DataProtection__KeysDirectory="$RUN_DIR/keys" \
  Mail__Host=127.0.0.1 Mail__Port="${SMTP:-25}" Mail__Security=None Mail__FromAddress=bench@localhost Mail__PublicBaseUrl="http://127.0.0.1:$PORT" \
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$PUBLISH/MockLoop.Web.dll" --urls "http://127.0.0.1:$PORT" --contentRoot "$PUBLISH" \
    >"$RUN_DIR/server.log" 2>&1 </dev/null &
  SERVER_PID=$!
  local i
  for i in $(seq 1 120); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$RUN_DIR/server.log" >&2; die "the server exited during startup"; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz" || true)" = 200 ] && return 0
    sleep 0.5
  done
  tail -n 30 "$RUN_DIR/server.log" >&2
  die "the server did not become healthy within 60 s"
}
