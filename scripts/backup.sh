#!/usr/bin/env bash
# Backs up the CeAdmin database to FILE while the app keeps running. The database is the one the instance's
# settings name (Database__Provider, Database__ConnectionString: source its EnvironmentFile first).
#   SQLite:     sqlite3 .backup, SQLite's online backup API: a consistent copy even while the app writes
#   PostgreSQL: pg_dump --format=custom: one consistent snapshot, for pg_restore
# The copy is checked (SQLite: integrity_check; PostgreSQL: pg_restore --list) before the script succeeds.
#   scripts/backup.sh /var/backups/ceadmin/ceadmin-$(date +%F).backup
set -euo pipefail
out=${1:?usage: scripts/backup.sh FILE}
source "$(dirname "$0")/db-settings.sh"
tmp="$out.partial"
rm -f "$tmp"

case "$provider" in
  sqlite)
    sqlite3 "$sqlite_file" ".timeout 10000" ".backup '$tmp'"
    [ "$(sqlite3 "$tmp" 'PRAGMA integrity_check;')" = ok ] || { echo "the backup failed its integrity check" >&2; exit 1; }
    ;;
  postgres)
    pg_dump --format=custom --no-owner --file="$tmp"
    pg_restore --list "$tmp" >/dev/null
    ;;
esac
mv "$tmp" "$out"
echo "backed up $provider database to $out ($(du -h "$out" | cut -f1))"
