# Visie Portal — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: help install run test lint format migrations-check superuser serve backup restore loadtest bench bench-smoke messages clean cluster-up cluster-down cluster-test

help:
	@echo "make run         set up everything and serve the portal on http://$(HOST):$(PORT)/"
	@echo "make test        run the whole test suite (SQLite, or DATABASE_URL)"
	@echo "make lint        ruff check and format check"
	@echo "make superuser   create an account for the admin (editors, publishers)"
	@echo "make serve       production-like: gunicorn, DEBUG off, collected static files"
	@echo "make backup      write backups/ (JSON with natural keys; pg_dump too on PostgreSQL)"
	@echo "make restore FILE=…  replace the database content with a backup"
	@echo "make loadtest    60 s at 50 clients on gunicorn + PostgreSQL, fails on any error"
	@echo "make bench       benchmark, small and large data, SQLite (+ PostgreSQL if DATABASE_URL)"
	@echo "make bench-smoke the benchmark in quick mode (tiny data, few rounds, no targets)"
	@echo "make messages    update and compile the translation catalogues (needs gettext)"
	@echo "make cluster-up  local scale-out cluster: PostgreSQL primary + replica, two app servers"
	@echo "make cluster-test  the cross-server tests against it; make cluster-down stops it all"

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || { python=$$(scripts/find_python.sh) && "$$python" -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

.env:
	cp .env.example .env

install: $(STAMP) .env

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo ""
	@echo "  Visie Portal runs on http://$(HOST):$(PORT)/"
	@echo "  Create an account for the admin with:  make superuser"
	@echo "  Then give it a role (Editors, Publishers, Working group) at http://$(HOST):$(PORT)/nl/admin/"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# Tests run in parallel, one worker per core (pytest-xdist); each worker has its own database.
test: install
	$(PY) -m pytest -n auto $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

superuser: install
	$(PY) manage.py createsuperuser

# Production-like local serving: DEBUG off, WhiteNoise with hashed static files, gunicorn.
# HTTPS-only settings are switched off because this serves plain HTTP on 127.0.0.1.
serve: export DEBUG = 0
serve: export SECRET_KEY ?= $(shell python3 -c 'import secrets; print(secrets.token_urlsafe(50))')
serve: export ALLOWED_HOSTS ?= 127.0.0.1,localhost
serve: export SECURE_SSL_REDIRECT = 0
serve: export SECURE_HSTS_SECONDS = 0
serve: export SESSION_COOKIE_SECURE = 0
serve: export CSRF_COOKIE_SECURE = 0
# Two workers share a page cache only through Redis; without REDIS_URL it stays off.
serve: export PAGE_CACHE_SECONDS ?= $(if $(REDIS_URL),600,0)
serve: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/gunicorn visie_portal.wsgi:application --bind $(HOST):$(PORT) --workers 2 --access-logfile -

backup: install
	$(PY) manage.py backup_portal

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/visie-portal-….json.gz"; exit 2; }
	$(PY) manage.py restore_portal "$(FILE)"

# 60 s at 50 concurrent clients against gunicorn + PostgreSQL on 127.0.0.1 (needs wrk).
loadtest: install
	bench/loadtest.sh

# Issue 9's benchmark (bench/, README "Performance"): fresh databases at two sizes, in-process
# and over HTTP (gunicorn + wrk on 127.0.0.1), results in bench/results/. Needs wrk.
# BENCH_ARGS passes options, e.g. BENCH_ARGS="--size small --strict".
bench: install
	$(PY) -m bench.run --update-readme $(BENCH_ARGS)

bench-smoke: install
	$(PY) -m bench.run --quick $(BENCH_ARGS)

messages: install
	for app in core regions budget working_group staff_otp; do \
	  (cd $$app && ../$(PY) ../manage.py makemessages --no-obsolete -l nl -l fr -l de -l en) ; done
	$(PY) manage.py compilemessages --ignore=.venv

# A PostgreSQL primary (25432) with a streaming replica (25433) of its own, two gunicorn app
# servers (8101, 8102) and Redis DB 5, all on 127.0.0.1; state and PIDs under .cluster/.
cluster-up: install
	scripts/cluster.sh up

cluster-down:
	scripts/cluster.sh down

# Only the settings of the cluster's own processes come from .cluster/env: the test process
# must not clear the cluster's shared cache between tests.
cluster-test: install
	env -u REDIS_URL -u REPLICA_DATABASE_URL CLUSTER_REQUIRED=1 \
	  $(PY) -m pytest -p no:cacheprovider -n 0 tests/cluster

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
