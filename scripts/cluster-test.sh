#!/usr/bin/env bash
# The several-instance and fault tests (trait Category=Cluster): starts the deployment of docs/deploy.md
# (scripts/cluster.sh up) on the run's PostgreSQL, runs those tests against it, and takes it down again.
# They stop instances and the database server, so nothing else may run on that server meanwhile.
#   PG_PORT=55444 PG_DIR=/tmp/ceadmin-pg-me scripts/cluster-test.sh   (./test.sh runs it after the other tests)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh start >/dev/null
export CLUSTER_DIR=${CLUSTER_DIR:-/tmp/ceadmin-cluster-$PG_PORT}
trap 'scripts/cluster.sh down' EXIT
scripts/cluster.sh up
CEADMIN_CLUSTER_DIR="$CLUSTER_DIR" dotnet test CeAdmin.sln --no-build -nologo --filter "Category=Cluster" \
  --logger "trx;LogFileName=cluster.trx" --results-directory TestResults "$@"
