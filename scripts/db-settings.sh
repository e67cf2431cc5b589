#!/usr/bin/env bash
# Sourced by backup.sh and restore.sh: reads the database an app instance uses from the instance's own
# settings (Database__Provider, Database__ConnectionString, as in its systemd EnvironmentFile) and sets
#   provider=sqlite  sqlite_file=PATH
#   provider=postgres  PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD (libpq's variables, for pg_dump/pg_restore)
# Connection-string values must not be quoted.
provider=$(echo "${Database__Provider:-Sqlite}" | tr '[:upper:]' '[:lower:]')
connection=${Database__ConnectionString:-Data Source=ceadmin.db}

setting() {  # setting NAME... → the value of the first key present (case-insensitive, spaces ignored)
  local part key value wanted
  IFS=';' read -ra parts <<< "$connection"
  for wanted in "$@"; do
    for part in "${parts[@]}"; do
      [[ "$part" == *=* ]] || continue
      key=$(echo "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
      value=${part#*=}
      if [ "$key" = "$wanted" ]; then echo "$value" | sed 's/^ *//;s/ *$//'; return; fi
    done
  done
}

case "$provider" in
  sqlite)
    sqlite_file=$(setting datasource filename)
    [ -n "$sqlite_file" ] || { echo "no Data Source in Database__ConnectionString" >&2; exit 2; }
    command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (apt-get install sqlite3)" >&2; exit 2; }
    ;;
  postgres)
    export PGHOST=$(setting host server) PGPORT=$(setting port) PGDATABASE=$(setting database)
    export PGUSER=$(setting username userid username user) PGPASSWORD=$(setting password)
    [ -n "$PGPORT" ] || export PGPORT=5432
    [ -n "$PGDATABASE" ] || { echo "no Database in Database__ConnectionString" >&2; exit 2; }
    ;;
  *)
    echo "unknown Database__Provider: $Database__Provider" >&2; exit 2
    ;;
esac
