#!/usr/bin/env bash
# Bounded load test: gunicorn (production settings, DEBUG off) on PostgreSQL, 127.0.0.1 only,
# LOADTEST_SECONDS (60) at LOADTEST_CONNECTIONS (50) concurrent clients over the public pages
# and API lists. Fails when any request errors or answers outside 2xx/3xx.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${LOADTEST_SECONDS:-60}
connections=${LOADTEST_CONNECTIONS:-50}
port=${LOADTEST_PORT:-8100}
database=visie_loadtest
py=.venv/bin/python

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 2; }
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL must run on 127.0.0.1:5432"; exit 2; }

export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$database"
export DEBUG=0 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 ALLOWED_HOSTS=127.0.0.1
export SECRET_KEY=${SECRET_KEY:-$($py -c 'import secrets; print(secrets.token_urlsafe(50))')}
# Anonymous API throttling would answer 429 to a load generator on one address.
export API_ANON_RATE=1000000/min

psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" postgres
psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $database" postgres
$py manage.py migrate --noinput -v0
$py manage.py load_demo >/dev/null
$py manage.py collectstatic --noinput -v0

.venv/bin/gunicorn visie_portal.wsgi:application --bind "127.0.0.1:$port" --workers 2 \
  --threads 4 --log-level warning &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS '"$database"' WITH (FORCE)" postgres' EXIT
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

result=$(wrk --threads 2 --connections "$connections" --duration "${seconds}s" --timeout 10s \
  --script bench/loadtest.lua "http://127.0.0.1:$port")
echo "$result"
line=$(echo "$result" | grep '^LOADTEST')
for field in non_2xx_3xx connect read write timeout; do
  value=$(echo "$line" | sed -E "s/.* $field=([0-9]+).*/\1/")
  if [ "$value" != "0" ]; then echo "FAIL: $field=$value"; exit 1; fi
done
echo "OK: no errors in ${seconds}s at $connections concurrent clients"
