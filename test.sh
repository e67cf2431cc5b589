#!/usr/bin/env bash
# Runs every test on a fresh Debian machine with the .NET 10 SDK: installs what the tests need
# (Debian's chromium and CJK fonts for the browser tests, PostgreSQL for the second database run,
# nginx, sqlite3 and openssl for the several-instance and backup tests), runs the whole suite on SQLite,
# then the integration tests again on PostgreSQL, then the several-instance and fault tests against
# PostgreSQL, two app instances and nginx (scripts/cluster-test.sh), and prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v nginx >/dev/null || missing+=(nginx)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v openssl >/dev/null || missing+=(openssl)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet tool restore >/dev/null
dotnet build CeAdmin.sln -c Debug -nologo -v q

rm -rf TestResults
source scripts/postgres.sh start
trap 'scripts/postgres.sh stop' EXIT
pg="$CEADMIN_TEST_POSTGRES"

status=0
echo "== all tests on SQLite =="
CEADMIN_TEST_POSTGRES= dotnet test CeAdmin.sln --no-build -nologo --filter "Category!=Cluster" \
  --logger "trx;LogFileName=sqlite.trx" --results-directory TestResults || status=$?
echo "== integration tests on PostgreSQL =="
CEADMIN_TEST_POSTGRES="$pg" dotnet test CeAdmin.sln --no-build -nologo --filter "Category=Integration" \
  --logger "trx;LogFileName=postgres.trx" --results-directory TestResults || status=$?
echo "== several instances behind nginx, faults (restarts PostgreSQL: runs last) =="
scripts/cluster-test.sh || status=$?

passed=0; failed=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "screenshots: TestResults/screenshots"
echo "$passed passed, $failed failed"
if [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
exit $status
