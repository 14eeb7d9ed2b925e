#!/bin/sh
# Creates one database per service (each service owns its schema; nothing else touches it).
# Runs on the first start of an empty volume (docker-entrypoint-initdb.d). It is idempotent, so after
# adding a service to an existing volume run it again:
#   docker compose exec postgres /docker-entrypoint-initdb.d/10-init-databases.sh
# The list comes from KINERJA_DATABASES in docker-compose.yml (space or comma separated).
set -eu

for db in $(echo "${KINERJA_DATABASES:?KINERJA_DATABASES is empty}" | tr ',' ' '); do
  echo "init-databases: ensuring ${db}"
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres -v db="${db}" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')
\gexec
SQL
done
