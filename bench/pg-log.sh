#!/usr/bin/env bash
# The PostgreSQL side of the session log, alone: how many durable log entries per second one PostgreSQL takes from
# N nodes, each sending its group commit (docs/capacity.md). Each pgbench client plays one node's single log-writer
# loop: a transaction of B fenced inserts (the app's own statement, ADR 160) sent as one pipeline, like the app's
# NpgsqlBatch. Payloads are the size of a real diagram op. Figures: entries/s, and WAL bytes per entry.
#
#   bench/pg-log.sh                       # uses PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE)
#   NODES="1 2 4 8" BATCHES="1 8 32" SECONDS_EACH=15 bench/pg-log.sh
#
# It creates its own tables (pglog_*) in the database it is given and drops them at the end. Run it against a
# PostgreSQL with fsync on (./mockloop bench starts one so), or the figures mean nothing.
set -euo pipefail
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
NODES="${NODES:-1 2 4 8}"
BATCHES="${BATCHES:-1 8 32}"
SECONDS_EACH="${SECONDS_EACH:-15}"
SESSIONS="${SESSIONS:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"; "$PG_BIN/psql" -qX -c "DROP TABLE IF EXISTS pglog_events, pglog_epochs; DROP SEQUENCE IF EXISTS pglog_seq" >/dev/null 2>&1 || true' EXIT
psql() { "$PG_BIN/psql" -qXAt -v ON_ERROR_STOP=1 "$@"; }

psql <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS pglog_events, pglog_epochs; DROP SEQUENCE IF EXISTS pglog_seq;
-- The shapes of session_events and session_writer_epochs (keys, the resend index, jsonb), without the foreign keys.
CREATE TABLE pglog_events (
  "SessionId" uuid NOT NULL, "Seq" bigint NOT NULL, "Kind" varchar(32) NOT NULL, "Payload" jsonb NOT NULL,
  "AuthorId" uuid NOT NULL, "At" timestamptz NOT NULL, "Audience" varchar(16) NOT NULL, "ClientId" varchar(64),
  PRIMARY KEY ("SessionId", "Seq"));
CREATE UNIQUE INDEX ON pglog_events ("SessionId", "AuthorId", "ClientId") WHERE "ClientId" IS NOT NULL;
CREATE TABLE pglog_epochs ("SessionId" uuid PRIMARY KEY, "Epoch" bigint NOT NULL);
INSERT INTO pglog_epochs SELECT md5(i::text)::uuid, 1 FROM generate_series(1, $SESSIONS) i;
CREATE SEQUENCE pglog_seq;
SQL

# One fenced insert: a move of a node, as the room sends most (about 230 bytes of JSON).
insert='INSERT INTO pglog_events ("SessionId","Seq","Kind","Payload","AuthorId","At","Audience","ClientId")
  SELECT w."SessionId", nextval('"'"'pglog_seq'"'"'), '"'"'diagram'"'"',
    '"'"'{"type":"updateNode","opId":"op-0123456789","id":"n-42","x":412.5,"y":188.25,"width":160,"height":60,"label":"Feature store","componentType":"feature-store"}'"'"'::jsonb,
    w."SessionId", now(), '"'"'Everyone'"'"', '"'"'op-'"'"' || nextval('"'"'pglog_seq'"'"')
  FROM pglog_epochs w WHERE w."SessionId" = md5(:s::text)::uuid AND w."Epoch" = 1 FOR SHARE;'

printf '| Nodes | Entries per commit | Durable entries/s | Commits/s | WAL bytes per entry |\n|---:|---:|---:|---:|---:|\n'
for batch in $BATCHES; do
  script="$work/batch-$batch.sql"
  { echo '\startpipeline'; echo 'BEGIN;'
    for _ in $(seq 1 "$batch"); do echo "\\set s random(1, $SESSIONS)"; echo "$insert"; done
    echo 'COMMIT;'; echo '\endpipeline'; } >"$script"
  for nodes in $NODES; do
    before_rows="$(psql -c 'SELECT count(*) FROM pglog_events')"
    wal_before="$(psql -c 'SELECT pg_current_wal_lsn()')"
    out="$("$PG_BIN/pgbench" -n -M extended -f "$script" -c "$nodes" -j "$nodes" -T "$SECONDS_EACH" 2>&1)" \
      || { echo "$out" >&2; exit 1; }
    rows=$(( $(psql -c 'SELECT count(*) FROM pglog_events') - before_rows ))
    wal="$(psql -c "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal_before')")"
    tps="$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')"
    awk -v n="$nodes" -v b="$batch" -v r="$rows" -v s="$SECONDS_EACH" -v t="$tps" -v w="$wal" \
      'BEGIN { printf "| %d | %d | %.0f | %.0f | %.0f |\n", n, b, r / s, t, (r > 0 ? w / r : 0) }'
  done
done
