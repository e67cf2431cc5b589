#!/usr/bin/env bash
# Prints deploy/nginx/ceadmin.conf with its ${CEADMIN_...} placeholders filled in from the environment;
# fails naming the first one that is not set. Production and scripts/cluster.sh render it the same way.
set -euo pipefail
conf=$(cat "$(dirname "$0")/../deploy/nginx/ceadmin.conf")
for name in $(grep -o '\${CEADMIN_[A-Z_]*}' <<< "$conf" | tr -d '${}' | sort -u); do
  value=${!name:-}
  [ -n "$value" ] || { echo "nginx-config.sh: $name is not set" >&2; exit 2; }
  conf=${conf//"\${$name}"/$value}
done
printf '%s\n' "$conf"
