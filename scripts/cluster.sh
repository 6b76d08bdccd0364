#!/usr/bin/env bash
# A local scale-out cluster on 127.0.0.1 for tests and demos (docs/deploy.md):
#   a PostgreSQL primary of its own (port 25432) and a streaming replica of it (25433,
#   pg_basebackup; it applies changes 500 ms late, CLUSTER_REPLICA_DELAY), two gunicorn app
#   servers (8101, 8102; DEBUG off, 2 workers each) sharing the primary, the replica and
#   Redis DB 5.
# Usage: scripts/cluster.sh up | down | replica-stop | replica-start
# The machine's own PostgreSQL allows no replication and its configuration is not ours to
# change, so the cluster initdb's its own primary. Everything started is recorded under
# .cluster/ (git-ignored) and `down` stops exactly that, by PID, and removes the data.
set -euo pipefail
cd "$(dirname "$0")/.."

STATE=.cluster
# Ports below Linux's ephemeral range (32768-60999): there, any outgoing connection may
# hold the port and the postmaster cannot bind it.
PRIMARY_PORT=${CLUSTER_PRIMARY_PORT:-25432}
REPLICA_PORT=${CLUSTER_REPLICA_PORT:-25433}
APP_PORTS=("${CLUSTER_PORT_A:-8101}" "${CLUSTER_PORT_B:-8102}")
REDIS_URL=${CLUSTER_REDIS_URL:-redis://127.0.0.1:6379/5}
DATABASE=visie_cluster
PY=.venv/bin/python

pg_bin() {
  local dir
  for dir in "$(pg_config --bindir 2>/dev/null || true)" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  echo "PostgreSQL server binaries (initdb, pg_ctl) not found" >&2
  exit 2
}

# PostgreSQL refuses to run as root: as root, run its programs as the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_for() { # seconds command...
  local seconds=$1; shift
  for _ in $(seq 1 $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  return 1
}

stop_pid() { # pidfile
  local pid
  [ -f "$1" ] || return 0
  pid=$(cat "$1")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait_for 15 bash -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

stop_postgres() { # name
  local data pid
  [ -f "$STATE/pgdir" ] || return 0
  data="$(cat "$STATE/pgdir")/$1"
  if [ -f "$data/postmaster.pid" ]; then
    as_pg "$(pg_bin)/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  stop_pid "$STATE/$1.pid"
}

down() {
  [ -d "$STATE" ] || return 0
  local port
  for port in "${APP_PORTS[@]}"; do stop_pid "$STATE/app-$port.pid"; done
  stop_postgres replica
  stop_postgres primary
  if [ -f "$STATE/pgdir" ]; then rm -rf "$(cat "$STATE/pgdir")"; fi
  rm -rf "$STATE"
  echo "cluster down"
}

start_postgres() { # name port
  local data
  data="$(cat "$STATE/pgdir")/$1"
  as_pg "$(pg_bin)/pg_ctl" -D "$data" -l "$(cat "$STATE/pgdir")/$1.log" -o "-p $2" -w -t 60 start >/dev/null
  head -1 "$data/postmaster.pid" >"$STATE/$1.pid"
}

up() {
  down >/dev/null
  for port in "$PRIMARY_PORT" "$REPLICA_PORT" "${APP_PORTS[@]}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port on 127.0.0.1 is taken; set CLUSTER_*_PORT" >&2
      exit 2
    fi
  done
  "$PY" -c "import redis, sys; redis.Redis.from_url(sys.argv[1]).flushdb()" "$REDIS_URL" \
    || { echo "Redis must answer at $REDIS_URL" >&2; exit 2; }
  mkdir -p "$STATE"
  # Data directories outside the work tree: the postgres user must reach them, and the
  # clone may sit under a home directory it cannot enter.
  local pgdir bin
  pgdir=$(mktemp -d /tmp/visie-cluster.XXXXXX)
  echo "$pgdir" >"$STATE/pgdir"
  chmod 755 "$pgdir"
  [ "$(id -u)" = 0 ] && chown postgres: "$pgdir"
  bin=$(pg_bin)

  echo "primary: initdb on 127.0.0.1:$PRIMARY_PORT"
  as_pg "$bin/initdb" -D "$pgdir/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >/dev/null
  cat >>"$pgdir/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pgdir'
wal_level = replica
max_wal_senders = 4
hot_standby = on
# A throw-away cluster: durability is not the point, speed is.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  echo "host replication all 127.0.0.1/32 trust" >>"$pgdir/primary/pg_hba.conf"
  start_postgres primary "$PRIMARY_PORT"

  echo "replica: pg_basebackup -R on 127.0.0.1:$REPLICA_PORT"
  as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$pgdir/replica" \
    -R -X stream -c fast
  # A replica that visibly lags, as a busy one does: the cross-server tests must meet the
  # race between a publication and a replica read, not get lucky on a fast loopback.
  echo "recovery_min_apply_delay = '${CLUSTER_REPLICA_DELAY:-500ms}'" | as_pg tee -a "$pgdir/replica/postgresql.conf" >/dev/null
  start_postgres replica "$REPLICA_PORT"

  local primary_url="postgres://postgres@127.0.0.1:$PRIMARY_PORT/$DATABASE"
  local replica_url="postgres://postgres@127.0.0.1:$REPLICA_PORT/$DATABASE"
  psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -q -c "CREATE DATABASE $DATABASE" postgres
  cat >"$STATE/env" <<EOF
DATABASE_URL=$primary_url
REPLICA_DATABASE_URL=$replica_url
REDIS_URL=$REDIS_URL
DEBUG=0
SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
ALLOWED_HOSTS=127.0.0.1,localhost
SECURE_SSL_REDIRECT=0
SECURE_HSTS_SECONDS=0
SESSION_COOKIE_SECURE=0
CSRF_COOKIE_SECURE=0
API_ANON_RATE=100000/min
CLUSTER_URL_A=http://127.0.0.1:${APP_PORTS[0]}
CLUSTER_URL_B=http://127.0.0.1:${APP_PORTS[1]}
CLUSTER_PRIMARY_PORT=$PRIMARY_PORT
CLUSTER_REPLICA_PORT=$REPLICA_PORT
EOF
  set -a; . "$STATE/env"; set +a

  echo "migrate, load_demo, collectstatic (on the primary only)"
  "$PY" manage.py migrate --noinput -v0
  "$PY" manage.py load_demo >/dev/null
  "$PY" manage.py collectstatic --noinput -v0

  for port in "${APP_PORTS[@]}"; do
    .venv/bin/gunicorn visie_portal.wsgi:application --bind "127.0.0.1:$port" --workers 2 \
      --daemon --pid "$STATE/app-$port.pid" --error-logfile "$STATE/app-$port.log" \
      --log-level warning
  done
  for port in "${APP_PORTS[@]}"; do
    wait_for 30 curl -fs "http://127.0.0.1:$port/healthz" \
      || { echo "app server on $port did not become healthy; see $STATE/app-$port.log" >&2; exit 1; }
  done
  echo "cluster up: ${APP_PORTS[*]/#/http://127.0.0.1:} (state in $STATE/, stop with make cluster-down)"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  replica-stop) stop_postgres replica ;;
  replica-start) start_postgres replica "$REPLICA_PORT" ;;
  *) echo "usage: $0 up|down|replica-stop|replica-start" >&2; exit 2 ;;
esac
