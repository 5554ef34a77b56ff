#!/usr/bin/env bash
# A PostgreSQL server for the `align pull` tests, made idempotently: installs
# Debian's postgresql when it is missing, starts the newest cluster (creating
# one when there is none), turns TLS on with the tests' certificate, creates
# the role and database `align`, and prints the URL to connect with. Needs
# root (apt-get; the server runs as postgres).
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
# TLS with the tests' self-signed certificate for 127.0.0.1 (test/cli/pull/tls), for the sslmode tests:
# copied beside the cluster's data, readable by postgres only, switched on with a reload.
data=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $6; exit }')
# (Debian may have turned TLS on already, with its own "snakeoil" certificate.)
if [ "$(psql_postgres "SHOW ssl")" != "on" ] || [ "$(psql_postgres "SHOW ssl_cert_file")" != "$data/align-test.crt" ]; then
    tls="$(cd "$(dirname "$0")/.." && pwd)/test/cli/pull/tls"
    install -o postgres -g postgres -m 600 "$tls/loopback.pem" "$data/align-test.crt"
    install -o postgres -g postgres -m 600 "$tls/loopback.key" "$data/align-test.key"
    psql_postgres "ALTER SYSTEM SET ssl_cert_file = '$data/align-test.crt'"
    psql_postgres "ALTER SYSTEM SET ssl_key_file = '$data/align-test.key'"
    psql_postgres "ALTER SYSTEM SET ssl = on"
    psql_postgres "SELECT pg_reload_conf()" > /dev/null
    for _ in $(seq 1 20); do [ "$(psql_postgres "SHOW ssl_cert_file")" = "$data/align-test.crt" ] && break; sleep 0.25; done
fi
[ "$(psql_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'align'")" = "1" ] || psql_postgres "CREATE ROLE align LOGIN PASSWORD 'align'"
[ "$(psql_postgres "SELECT 1 FROM pg_database WHERE datname = 'align'")" = "1" ] || psql_postgres "CREATE DATABASE align OWNER align"
echo "postgres://align:align@127.0.0.1:$port/align"
