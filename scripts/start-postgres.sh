#!/usr/bin/env bash
# Starts Debian's PostgreSQL for scripts/e2e-sql.mjs (which runs the generated warehouse SQL on it) and
# prints the libpq settings to export. Installs the package when it is missing. Any failure is reported
# and leaves the check to print its SKIPPED line: the SQL text is still checked against golden files.
set -euo pipefail
apt_install() { apt-get -o APT::Sandbox::User=root install -y -qq --no-install-recommends postgresql >&2; }
if ! command -v pg_ctlcluster >/dev/null; then
  apt_install || { apt-get -o APT::Sandbox::User=root update -qq >&2 && apt_install; }
fi
version=$(ls /etc/postgresql | sort -n | tail -n1)
[ -n "$version" ] || { echo "no PostgreSQL cluster was created" >&2; exit 1; }
# Everything but the settings goes to stderr: the caller evaluates standard output.
pg_ctlcluster "$version" main start >&2 2>/dev/null || pg_ctlcluster "$version" main status >&2
# The CI user (root) gets a superuser role of its own name: peer authentication over the socket.
runuser -u postgres -- psql -X -q -c "DO \$\$ BEGIN CREATE ROLE \"$(id -un)\" SUPERUSER LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$" >&2
echo "export PGHOST=/var/run/postgresql PGUSER=$(id -un) PGDATABASE=postgres"
