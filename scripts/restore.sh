#!/usr/bin/env bash
# Restores a backup made by backup.sh into the database the instance's settings name (Database__Provider,
# Database__ConnectionString). Stop EVERY app instance first: the restore replaces the whole database, and
# an instance still running would keep writing into it.
#   SQLite:     sqlite3 .restore (the backup API again, into the database file), then integrity_check
#   PostgreSQL: pg_restore --clean --if-exists in one transaction: all of the backup or, on an error, nothing
#   scripts/restore.sh /var/backups/ceadmin/ceadmin-2026-03-02.backup
set -euo pipefail
file=${1:?usage: scripts/restore.sh FILE}
[ -f "$file" ] || { echo "no such backup: $file" >&2; exit 2; }
source "$(dirname "$0")/db-settings.sh"

case "$provider" in
  sqlite)
    sqlite3 "$sqlite_file" ".timeout 10000" ".restore '$file'"
    [ "$(sqlite3 "$sqlite_file" 'PRAGMA integrity_check;')" = ok ] || { echo "the restored database failed its integrity check" >&2; exit 1; }
    ;;
  postgres)
    pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname="$PGDATABASE" "$file"
    ;;
esac
echo "restored $provider database from $file"
