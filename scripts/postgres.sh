#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL cluster on 127.0.0.1 for the integration tests.
# No service manager is needed: initdb + pg_ctl as the postgres user.
#   source scripts/postgres.sh start   → exports CEADMIN_TEST_POSTGRES, PG_PORT, PG_DIR
#   scripts/postgres.sh stop           → stops it (the next start makes a fresh one)
#   scripts/postgres.sh restart        → restarts the running server, data kept (fault tests)
#   scripts/postgres.sh pause | resume → stops / starts the server, data kept (fault tests)
set -euo pipefail
export PG_PORT=${PG_PORT:-55432}
export PG_DIR=${PG_DIR:-/tmp/ceadmin-pg}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_options="-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
serve() { as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -o "$pg_options" -w "$@" >/dev/null; }

case "${1:-start}" in
  start)
    [ -n "$bin" ] || { echo "PostgreSQL is not installed" >&2; return 1 2>/dev/null || exit 1; }
    if ! as_pg "$bin/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
      rm -rf "$PG_DIR" && mkdir -p "$PG_DIR/sock"
      [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR"
      as_pg "$bin/initdb" -D "$PG_DIR/data" --auth=trust -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
      serve start
    fi
    export CEADMIN_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
    echo "PostgreSQL running on 127.0.0.1:$PG_PORT"
    ;;
  stop)
    [ -n "$bin" ] && as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  restart)
    serve -m fast restart
    ;;
  pause)
    as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
    ;;
  resume)
    serve start
    ;;
esac
