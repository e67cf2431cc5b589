#!/usr/bin/env bash
# The deployment of docs/deploy.md on one machine, for the several-instance tests: PostgreSQL (the run's,
# from scripts/postgres.sh), the app published once and started as two instances on their own ports (only
# "a" migrates: Database:MigrateOnStart), and Debian's nginx, unprivileged, with deploy/nginx/ceadmin.conf.
#   scripts/cluster.sh up                 start everything; writes $CLUSTER_DIR/cluster.env for the tests
#   scripts/cluster.sh stop NAME          SIGTERM an instance, wait for it to exit, print its exit code
#   scripts/cluster.sh start NAME         start instance NAME (a, b; c: an extra one whose export disk is tiny)
#   scripts/cluster.sh down               stop nginx and the instances, drop the database
# Ports: CLUSTER_PORT (default 18400) and the free ones after it; CLUSTER_DIR (default /tmp/ceadmin-cluster-$PG_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
: "${PG_PORT:?PG_PORT: start PostgreSQL first (source scripts/postgres.sh start)}"
export CLUSTER_DIR=${CLUSTER_DIR:-/tmp/ceadmin-cluster-$PG_PORT}
db_name=ceadmin_cluster
db="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$db_name"
state="$CLUSTER_DIR/cluster.env"
dp_password=cluster-test-only

psql_admin() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_port() {  # next_port AFTER → the first free port above AFTER
  local p=$(($1 + 1))
  until port_free "$p"; do p=$((p + 1)); done
  echo "$p"
}
wait_for() {  # wait_for URL SECONDS NAME
  local deadline=$((SECONDS + $2))
  until curl -fsk -o /dev/null "$1"; do
    if [ $SECONDS -ge $deadline ]; then echo "$3 did not become ready at $1; its log:" >&2; tail -n 40 "$CLUSTER_DIR/$3.log" >&2 || true; return 1; fi
    sleep 0.5
  done
}

start_instance() {
  local name=$1 port_var="PORT_${1^^}" exports="$CLUSTER_DIR/exports-$1" migrate=false
  local port=${!port_var}
  [ "$name" = a ] && migrate=true
  mkdir -p "$exports"
  if [ "$name" = c ] && ! mountpoint -q "$exports"; then
    # A disk that fills up after 32 KB: the disk-full test exports through this instance.
    mount -t tmpfs -o size=32k tmpfs "$exports" || { echo "instance c needs a tiny tmpfs (root)" >&2; return 1; }
  fi
  rm -f "$CLUSTER_DIR/$name.exit" "$CLUSTER_DIR/$name.pid"
  # The settings of docs/deploy.md, except: the demo data, which these tests sign in with; sign-in limits these
  # tests (one account, one address, many sign-ins) stay under; a revalidation of open pages every 5 s instead of
  # 60 s, so that a database outage in the tests outlasts a few of them; an SMS provider that is never reached.
  (
    cd "$CLUSTER_DIR/app"
    env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_FORWARDEDHEADERS_ENABLED=true ForwardedHeaders__KnownProxies=127.0.0.1 \
      Database__Provider=Postgres Database__ConnectionString="$db;Maximum Pool Size=20" Database__MigrateOnStart=$migrate \
      DataProtection__CertificatePath="$CLUSTER_DIR/dataprotection.pfx" DataProtection__CertificatePassword="$dp_password" \
      Demo__Enabled=true Exports__Directory="$exports" Operations__InstanceName="$name" Security__RevalidationSeconds=5 \
      Throttle__SignIn__PerAddress=500 Throttle__SignIn__PerAccount=500 \
      Sms__Provider=Tencent Sms__Tencent__Endpoint=http://127.0.0.1:9 Sms__Tencent__SecretId=AKIDcluster Sms__Tencent__SecretKey=cluster \
      Sms__Tencent__SdkAppId=1400000000 Sms__Tencent__SignName=测试 Sms__Tencent__TemplateId=1 \
      dotnet CeAdmin.App.dll --urls "http://127.0.0.1:$port" &
    echo $! > "$CLUSTER_DIR/$name.pid"
    wait $! && code=0 || code=$?
    echo "$code" > "$CLUSTER_DIR/$name.exit"
  ) < /dev/null >> "$CLUSTER_DIR/$name.log" 2>&1 &
  wait_for "http://127.0.0.1:$port/health/ready" 120 "$name"
}

stop_instance() {
  local name=$1 started=$SECONDS
  [ -f "$CLUSTER_DIR/$name.pid" ] || { echo "$name is not running"; return 0; }
  local pid; pid=$(cat "$CLUSTER_DIR/$name.pid")
  if [ ! -f "$CLUSTER_DIR/$name.exit" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    until [ -f "$CLUSTER_DIR/$name.exit" ]; do
      if [ $((SECONDS - started)) -ge 60 ]; then echo "$name did not stop within 60 s" >&2; kill -KILL "$pid" 2>/dev/null || true; return 1; fi
      sleep 0.2
    done
  fi
  rm -f "$CLUSTER_DIR/$name.pid"
  if mountpoint -q "$CLUSTER_DIR/exports-$name"; then umount "$CLUSTER_DIR/exports-$name"; fi
  echo "$name exited with $(cat "$CLUSTER_DIR/$name.exit") after $((SECONDS - started)) s"
}

start_nginx() {
  local dir="$CLUSTER_DIR/nginx"
  mkdir -p "$dir/tmp"
  if [ ! -f "$dir/tls.crt" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
      -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null
  fi
  CEADMIN_UPSTREAM_SERVERS="server 127.0.0.1:$PORT_A; server 127.0.0.1:$PORT_B;" \
  CEADMIN_SERVER_NAME=127.0.0.1 CEADMIN_PUBLIC_ORIGIN="https://127.0.0.1:$PORT_HTTPS" \
  CEADMIN_HTTPS_LISTEN="127.0.0.1:$PORT_HTTPS" CEADMIN_HTTP_LISTEN="127.0.0.1:$PORT_HTTP" \
  CEADMIN_TLS_CERT="$dir/tls.crt" CEADMIN_TLS_KEY="$dir/tls.key" \
    scripts/nginx-config.sh > "$dir/ceadmin.conf"
  # Only the main file is the test's own (Debian's /etc/nginx/nginx.conf plays this part in production):
  # its pid, logs and temporary paths, so that nginx runs as an unprivileged user.
  cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 512; }
http {
    log_format upstream '\$remote_addr "\$request" \$status upstream=\$upstream_addr';
    access_log $dir/access.log upstream;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include $dir/ceadmin.conf;
}
CONF
  local run=()
  if [ "$(id -u)" = 0 ]; then chown -R www-data "$dir"; run=(runuser -u www-data --); fi
  "${run[@]}" nginx -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf"
  wait_for "https://127.0.0.1:$PORT_HTTPS/health/ready" 20 nginx
}

case "${1:-}" in
  up)
    if [ -f "$state" ]; then "$0" down || true; fi
    rm -rf "$CLUSTER_DIR" && mkdir -p "$CLUSTER_DIR"
    PORT_A=$(next_port "$((${CLUSTER_PORT:-18400}))"); PORT_B=$(next_port "$PORT_A"); PORT_C=$(next_port "$PORT_B")
    PORT_HTTPS=$(next_port "$PORT_C"); PORT_HTTP=$(next_port "$PORT_HTTPS")
    psql_admin "DROP DATABASE IF EXISTS $db_name WITH (FORCE)"
    psql_admin "CREATE DATABASE $db_name"
    # The key-ring certificate every instance shares, made as docs/deploy.md says.
    openssl req -x509 -newkey rsa:3072 -sha256 -days 2 -nodes -subj "/CN=CeAdmin data protection" \
      -keyout "$CLUSTER_DIR/dp.key" -out "$CLUSTER_DIR/dp.crt" 2>/dev/null
    openssl pkcs12 -export -inkey "$CLUSTER_DIR/dp.key" -in "$CLUSTER_DIR/dp.crt" -out "$CLUSTER_DIR/dataprotection.pfx" -passout "pass:$dp_password"
    rm -f "$CLUSTER_DIR/dp.key"
    echo "publishing the app"
    dotnet publish CeAdmin.App/CeAdmin.App.csproj -c "${CLUSTER_CONFIGURATION:-Debug}" --no-build -nologo -v q -o "$CLUSTER_DIR/app" >/dev/null
    cat > "$state" <<ENV
CLUSTER_DIR=$CLUSTER_DIR
CLUSTER_URL=https://127.0.0.1:$PORT_HTTPS
CLUSTER_HTTP_URL=http://127.0.0.1:$PORT_HTTP
CLUSTER_DATABASE=$db
PORT_A=$PORT_A
PORT_B=$PORT_B
PORT_C=$PORT_C
PORT_HTTPS=$PORT_HTTPS
PORT_HTTP=$PORT_HTTP
ENV
    start_instance a
    start_instance b
    start_nginx
    echo "cluster up: https://127.0.0.1:$PORT_HTTPS → a (127.0.0.1:$PORT_A, migrates), b (127.0.0.1:$PORT_B)"
    ;;
  start|stop)
    source "$state"
    name=${2:?usage: scripts/cluster.sh $1 a|b|c}
    if [ "$1" = start ]; then start_instance "$name"; echo "$name ready"; else stop_instance "$name"; fi
    ;;
  down)
    [ -f "$state" ] || exit 0
    source "$state"
    if [ -f "$CLUSTER_DIR/nginx/nginx.pid" ]; then kill -QUIT "$(cat "$CLUSTER_DIR/nginx/nginx.pid")" 2>/dev/null || true; fi
    for name in a b c; do stop_instance "$name" >/dev/null || true; done
    psql_admin "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" || true
    rm -f "$state"
    ;;
  *)
    echo "usage: scripts/cluster.sh up|down|start NAME|stop NAME" >&2; exit 2
    ;;
esac
