#!/usr/bin/env bash
# Adds a migration NAME for both providers (each has its own context and folder).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project CeAdmin.Domain --startup-project CeAdmin.Domain \
    --context "${ctx}AppDbContext" --output-dir "Data/Migrations/$ctx"
done
