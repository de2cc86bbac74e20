# shellcheck shell=bash
# Throwaway PostgreSQL clusters for local runs and tests. Source this file; it defines:
#
#   pg_start <datadir> <port> [durable|fast]   initdb when <datadir> is empty, then start; "fast"
#                                              turns fsync and synchronous_commit off (tests only)
#   pg_stop <datadir>                          stop if running
#   pg_running <datadir>                       exit 0 when the cluster runs
#   pg_socket_dir <datadir>                    the unix socket directory (inside the datadir)
#   pg_port <datadir>                          the port of the cluster's last start
#   pg_psql <datadir> <port> [psql args]       psql as superuser postgres through the socket
#   pg_free_port                               a TCP port free on 127.0.0.1
#   pg_create_service_db <datadir> <port> <db> <service> <password>
#                                              database, LOGIN role <service>, schema <service>
#                                              owned by it and its search_path (DESIGN §2)
#
# initdb refuses to run as root, so as root the cluster belongs to the unprivileged system user
# ${EKINERJA_PG_USER:-ekinerja-pg} (created when missing); otherwise to the calling user. The
# cluster listens on 127.0.0.1 only, with its socket in the datadir: local connections are trusted
# (superuser "postgres"), TCP ones need a SCRAM password. Debian's own default cluster, if any, is
# never touched.

pg__die() {
  echo "pg.sh: $*" >&2
  return 1
}

# The newest installed server's bin directory (/usr/lib/postgresql/<version>/bin).
pg_bindir() {
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null |
    sort -V | tail -n 1)" || true
  [[ -n "${dir}" && -x "${dir}/initdb" ]] || pg__die "no PostgreSQL server under /usr/lib/postgresql"
  echo "${dir}"
}

pg__owner() {
  if ((EUID == 0)); then
    echo "${EKINERJA_PG_USER:-ekinerja-pg}"
  else
    id -un
  fi
}

# Runs a command as the cluster owner, from / (the caller's directory may be closed to it).
pg__as_owner() {
  local owner
  owner="$(pg__owner)"
  if ((EUID == 0)); then
    (cd / && runuser -u "${owner}" -- "$@")
  else
    (cd / && "$@")
  fi
}

pg__ensure_owner() {
  ((EUID == 0)) || return 0
  local owner
  owner="$(pg__owner)"
  id -u "${owner}" >/dev/null 2>&1 && return 0
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
    "${owner}" || pg__die "cannot create system user ${owner}"
}

pg_socket_dir() {
  echo "$1"
}

pg_port() {
  sed -n 's/^port = \([0-9]*\)$/\1/p' "$1/ekinerja.conf" 2>/dev/null
}

pg_running() {
  local datadir="$1" bindir
  [[ -f "${datadir}/PG_VERSION" ]] || return 1
  bindir="$(pg_bindir)" || return 1
  pg__as_owner "${bindir}/pg_ctl" -D "${datadir}" status >/dev/null 2>&1
}

# Quotes a value for postgresql.conf.
pg__conf_quote() {
  printf "'%s'" "${1//\'/\'\'}"
}

pg_start() {
  local datadir="$1" port="$2" mode="${3:-durable}" bindir owner log
  [[ "${mode}" == durable || "${mode}" == fast ]] || pg__die "pg_start: mode must be durable or fast"
  [[ "${port}" =~ ^[0-9]+$ ]] || pg__die "pg_start: bad port '${port}'"
  bindir="$(pg_bindir)" || return 1
  pg__ensure_owner || return 1
  owner="$(pg__owner)"
  mkdir -p "${datadir}"
  datadir="$(cd "${datadir}" && pwd)"
  if [[ -z "$(ls -A "${datadir}")" ]]; then
    chown "${owner}:" "${datadir}" 2>/dev/null || true
    chmod 700 "${datadir}"
    pg__as_owner test -w "${datadir}" ||
      pg__die "user ${owner} cannot reach ${datadir}: a parent directory is closed to it"
    log="$(mktemp -t ekinerja-initdb.XXXXXX)"
    if ! pg__as_owner "${bindir}/initdb" -D "${datadir}" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"${log}" 2>&1; then
      cat "${log}" >&2
      rm -f "${log}"
      pg__die "initdb ${datadir} failed"
    fi
    rm -f "${log}"
    echo "include_if_exists = 'ekinerja.conf'" >>"${datadir}/postgresql.conf"
  fi
  [[ -f "${datadir}/PG_VERSION" ]] || pg__die "${datadir} is neither empty nor a cluster"
  if pg_running "${datadir}"; then
    return 0
  fi
  # Rewritten at every start, so each start uses its caller's port and mode.
  {
    echo "# Written by deploy/local/pg.sh at each start."
    echo "port = ${port}"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = $(pg__conf_quote "$(pg_socket_dir "${datadir}")")"
    echo "max_connections = 200"
    if [[ "${mode}" == fast ]]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >"${datadir}/ekinerja.conf"
  chown "${owner}:" "${datadir}/ekinerja.conf" 2>/dev/null || true
  if ! pg__as_owner "${bindir}/pg_ctl" -D "${datadir}" -l "${datadir}/postgresql.log" -w -t 60 \
    start >/dev/null 2>&1; then
    tail -n 30 "${datadir}/postgresql.log" >&2 || true
    pg__die "could not start PostgreSQL in ${datadir} on port ${port}"
  fi
}

pg_stop() {
  local datadir="$1" bindir
  pg_running "${datadir}" || return 0
  bindir="$(pg_bindir)" || return 1
  pg__as_owner "${bindir}/pg_ctl" -D "${datadir}" -m fast -w -t 60 stop >/dev/null ||
    pg__die "could not stop PostgreSQL in ${datadir}"
}

pg_psql() {
  local datadir="$1" port="$2" bindir
  shift 2
  bindir="$(pg_bindir)" || return 1
  PGCONNECT_TIMEOUT=10 "${bindir}/psql" -X -q -v ON_ERROR_STOP=1 \
    -h "$(pg_socket_dir "${datadir}")" -p "${port}" -U postgres "$@"
}

# A port with no listener on 127.0.0.1, below Linux's ephemeral range so outgoing connections do
# not take it meanwhile.
pg_free_port() {
  local port i
  for ((i = 0; i < 200; i++)); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
      echo "${port}"
      return 0
    fi
  done
  pg__die "no free port found"
}

pg_create_service_db() {
  local datadir="$1" port="$2" db="$3" service="$4" password="$5"
  [[ "${service}" =~ ^[a-z][a-z0-9_]*$ ]] || pg__die "bad service name '${service}'"
  pg_psql "${datadir}" "${port}" -d postgres -v db="${db}" <<'SQL' || return 1
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  # The password travels in the environment, not on a command line others can read.
  EKINERJA_PG_NEW_PASSWORD="${password}" pg_psql "${datadir}" "${port}" -d "${db}" \
    -v db="${db}" -v svc="${service}" <<'SQL' || return 1
\getenv pw EKINERJA_PG_NEW_PASSWORD
SET client_min_messages = warning;
SELECT format('CREATE ROLE %I LOGIN', :'svc')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'svc') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
              :'svc', :'pw') \gexec
SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', :'svc', :'svc') \gexec
SELECT format('ALTER SCHEMA %I OWNER TO %I', :'svc', :'svc') \gexec
SELECT format('ALTER ROLE %I SET search_path = %I', :'svc', :'svc') \gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', :'db', :'svc') \gexec
SQL
}
