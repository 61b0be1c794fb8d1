#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: a temporary directory, a free port on 127.0.0.1, no password.
#   tests/postgres-cluster.sh start   installs PostgreSQL from the distribution's packages if it is missing, starts a
#                                     cluster and prints two lines: its directory, then its connection string
#   tests/postgres-cluster.sh stop DIR  stops that cluster and removes its directory
set -euo pipefail

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; fi
}

as_owner() {
  # initdb and postgres refuse to run as root; the distribution's packages create the "postgres" user for them.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin
  bin=$(find_bin)
  if [ -z "$bin" ]; then
    echo "Installing PostgreSQL for the tests…" >&2
    if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
    $apt_get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq postgresql >/dev/null
    bin=$(find_bin)
    [ -n "$bin" ] || { echo "PostgreSQL could not be installed" >&2; exit 1; }
  fi

  local dir port
  dir=$(mktemp -d -t dashboard-pg.XXXXXX)
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-40000 -n 1)

  as_owner "$bin/initdb" -D "$dir/data" -U dashboard --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # synchronous_commit is off server-wide on purpose: the app must ask for it on its own sessions (a test checks that
  # it does), and the tests' own set-up (creating and dropping databases) goes faster.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=128MB -c synchronous_commit=off" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }

  echo "$dir"
  echo "Host=127.0.0.1;Port=$port;Username=dashboard;Database=postgres"
}

stop() {
  local dir=$1 bin
  bin=$(find_bin)
  if [ -n "$bin" ] && [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?the cluster directory}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
