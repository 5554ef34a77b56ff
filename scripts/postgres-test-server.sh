#!/usr/bin/env bash
# A PostgreSQL server for the `align pull` tests, made idempotently: installs
# Debian's postgresql when it is missing, starts the newest cluster (creating
# one when there is none), creates the role and database `align`, and prints
# the URL to connect with. Needs root (apt-get; the server runs as postgres).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/postgres > /dev/null 2>&1; then
    apt-get install -y -qq postgresql > /dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql > /dev/null; }
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v' | grep -q .; then
    pg_createcluster "$version" main > /dev/null
fi
read -r cluster port status <<< "$(pg_lsclusters -h | awk -v v="$version" '$1 == v { print $2, $3, $4; exit }')"
if [ "$status" != "online" ]; then
    pg_ctlcluster "$version" "$cluster" start
fi
for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
done
psql_postgres() { su postgres -c "psql -p $port -qtAX -c \"$1\""; }
[ "$(psql_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'align'")" = "1" ] || psql_postgres "CREATE ROLE align LOGIN PASSWORD 'align'"
[ "$(psql_postgres "SELECT 1 FROM pg_database WHERE datname = 'align'")" = "1" ] || psql_postgres "CREATE DATABASE align OWNER align"
echo "postgres://align:align@127.0.0.1:$port/align"
