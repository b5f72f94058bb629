#!/usr/bin/env bash
# Sourced by scripts/test.sh: make sure a real Redis and PostgreSQL answer for the tests.
# Uses the machine's servers when they run; otherwise starts throwaway instances from
# Debian's packages (installing them if needed) on private ports, stopped on exit.
export TEST_REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}"
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}"
THROWAWAY="${TMPDIR:-/tmp}/bank-assistant-test-services"

_need() {  # _need <binary> <debian package>
  command -v "$1" >/dev/null 2>&1 && return 0
  ls /usr/lib/postgresql/*/bin/"$1" >/dev/null 2>&1 && return 0
  echo "[services] installing $2 (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$2" >/dev/null; fi
}

if ! redis-cli -u "$TEST_REDIS_URL" ping >/dev/null 2>&1; then
  _need redis-server redis-server
  mkdir -p "$THROWAWAY/redis"
  redis-server --daemonize yes --port 6391 --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$THROWAWAY/redis" --pidfile "$THROWAWAY/redis/pid" --logfile "$THROWAWAY/redis/log"
  export TEST_REDIS_URL="redis://127.0.0.1:6391/15"
  for _ in $(seq 20); do redis-cli -u "$TEST_REDIS_URL" ping >/dev/null 2>&1 && break; sleep 0.3; done
  trap 'redis-cli -p 6391 shutdown nosave >/dev/null 2>&1 || true' EXIT
  echo "[services] started a throwaway Redis on 127.0.0.1:6391"
fi

if ! psql "$TEST_POSTGRES_URL" -Atc "select 1" >/dev/null 2>&1; then
  _need initdb postgresql
  bin="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
  data="$THROWAWAY/pg"
  rm -rf "$data" && mkdir -p "$data" && chown -R postgres "$THROWAWAY" 2>/dev/null || true
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust >/dev/null
  as_pg "$bin/pg_ctl" -D "$data" -l "$data/log" -o "-p 5439 -k $data -c listen_addresses=127.0.0.1" -w start >/dev/null
  as_pg "$bin/createdb" -h 127.0.0.1 -p 5439 -U postgres test
  export TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:5439/test"
  trap 'redis-cli -p 6391 shutdown nosave >/dev/null 2>&1 || true; as_pg "'"$bin"'/pg_ctl" -D "'"$data"'" -m fast stop >/dev/null 2>&1 || true' EXIT
  echo "[services] started a throwaway PostgreSQL on 127.0.0.1:5439"
fi
echo "[services] Redis: $TEST_REDIS_URL  PostgreSQL: $TEST_POSTGRES_URL"
