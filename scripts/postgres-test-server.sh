#!/usr/bin/env bash
# A PostgreSQL server for the `align pull` tests, made idempotently: installs
# Debian's postgresql when it is missing, starts the newest version's first
# cluster whose name does not start with align- (creating `main` when there
# is none), turns TLS on with the tests' certificate, creates the role and
# database `align`, and prints the URL to connect with. With --without-tls,
# the same for a second cluster, `align-plain`, with TLS off (for
# sslmode=prefer and require against a server without TLS);
# ALIGN_TEST_POSTGRES_PLAIN_CLUSTER names another such cluster (the script's
# own test makes one and drops it). Test files run in parallel workers, so
# calls take turns on a lock: two at once would both start a stopped
# cluster, and the second start fails. Needs root (apt-get; the server runs
# as postgres).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
exec 9> /tmp/align-postgres-test-server.lock
flock -w 600 9 || { echo "waited 10 minutes for another run of $0 (lock /tmp/align-postgres-test-server.lock)" >&2; exit 1; }
if ! ls /usr/lib/postgresql/*/bin/postgres > /dev/null 2>&1; then
    apt-get install -y -qq postgresql > /dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql > /dev/null; }
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if [ "${1:-}" = "--without-tls" ]; then
    cluster=${ALIGN_TEST_POSTGRES_PLAIN_CLUSTER:-align-plain}
else
    cluster=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 !~ /^align-/ { print $2; exit }')
    cluster=${cluster:-main}
fi
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c' | grep -q .; then
    pg_createcluster "$version" "$cluster" > /dev/null
fi
read -r port status data <<< "$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3, $4, $6; exit }')"
if [ "$status" != "online" ]; then
    pg_ctlcluster "$version" "$cluster" start 9>&-  # the server must not inherit the lock
fi
for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
done
psql_postgres() { su postgres -c "psql -p $port -qtAX -c \"$1\""; }
reload() {
    psql_postgres "SELECT pg_reload_conf()" > /dev/null
    for _ in $(seq 1 20); do [ "$(psql_postgres "SHOW $1")" = "$2" ] && break; sleep 0.25; done
}
if [ "${1:-}" = "--without-tls" ]; then
    # Debian may have turned TLS on with its own "snakeoil" certificate.
    if [ "$(psql_postgres "SHOW ssl")" != "off" ]; then
        psql_postgres "ALTER SYSTEM SET ssl = off"
        reload ssl off
    fi
# TLS with the tests' self-signed certificate for 127.0.0.1 (test/cli/pull/tls), for the sslmode tests:
# copied beside the cluster's data, readable by postgres only, switched on with a reload.
elif [ "$(psql_postgres "SHOW ssl")" != "on" ] || [ "$(psql_postgres "SHOW ssl_cert_file")" != "$data/align-test.crt" ]; then
    tls="$(cd "$(dirname "$0")/.." && pwd)/test/cli/pull/tls"
    install -o postgres -g postgres -m 600 "$tls/loopback.pem" "$data/align-test.crt"
    install -o postgres -g postgres -m 600 "$tls/loopback.key" "$data/align-test.key"
    psql_postgres "ALTER SYSTEM SET ssl_cert_file = '$data/align-test.crt'"
    psql_postgres "ALTER SYSTEM SET ssl_key_file = '$data/align-test.key'"
    psql_postgres "ALTER SYSTEM SET ssl = on"
    reload ssl_cert_file "$data/align-test.crt"
fi
[ "$(psql_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'align'")" = "1" ] || psql_postgres "CREATE ROLE align LOGIN PASSWORD 'align'"
[ "$(psql_postgres "SELECT 1 FROM pg_database WHERE datname = 'align'")" = "1" ] || psql_postgres "CREATE DATABASE align OWNER align"
echo "postgres://align:align@127.0.0.1:$port/align"
