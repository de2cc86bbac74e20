#!/usr/bin/env bash
# End to end: the real ekinerja-identity binary against the test Postgres (EKINERJA_TEST_DB_URL,
# set by tests/run), probed from outside as an operator would: migrations alone, health, reflection,
# a login, /metrics through promtool, a graceful SIGTERM, and the signing keys' key-encryption key
# (none, or a wrong one, refuses the start).
# Usage: identity_e2e.sh <ekinerja-identity> <ekinerja-probe>
set -euo pipefail
identity_bin="$1"
probe="$2"
: "${EKINERJA_TEST_DB_URL:?EKINERJA_TEST_DB_URL is not set (run through tests/run)}"
: "${EKINERJA_PROMTOOL:?EKINERJA_PROMTOOL is not set (run through tests/run)}"

schema="e2e_identity_$$"
work="$(mktemp -d -t ekinerja-e2e.XXXXXX)"
pid=""
cleanup() {
  [[ -n "${pid}" ]] && kill -9 "${pid}" 2>/dev/null || true
  psql -q "${EKINERJA_TEST_DB_URL}" -c "DROP SCHEMA IF EXISTS ${schema} CASCADE" >/dev/null 2>&1 || true
  rm -rf "${work}"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  [[ -f "${work}/identity.log" ]] && tail -n 30 "${work}/identity.log" >&2
  exit 1
}

psql -q "${EKINERJA_TEST_DB_URL}" -c "CREATE SCHEMA ${schema}" >/dev/null
export EKINERJA_DB_URL="${EKINERJA_TEST_DB_URL}"   # configuration from the environment, as in k8s
export EKINERJA_DB_SCHEMA="${schema}"

# A Kubernetes migration Job: --migrate_only applies and exits 0, twice.
"${identity_bin}" --migrate_only >"${work}/migrate.log" 2>&1 || fail "--migrate_only failed"
grep -q '"applied":"V001__init.sql,V002__login_failures.sql,V003__password_codes.sql,V004__signing_key_encryption.sql,V005__org_versions.sql,V006__user_rows.sql"' "${work}/migrate.log" || fail "first --migrate_only applied nothing"
"${identity_bin}" --migrate_only >"${work}/migrate2.log" 2>&1 || fail "second --migrate_only failed"
grep -q '"applied":""' "${work}/migrate2.log" || fail "second --migrate_only applied something"

# Without a key-encryption key for the signing keys, identity does not start.
if "${identity_bin}" --grpc_port=0 --metrics_port=-1 >"${work}/nokek.log" 2>&1; then
  fail "identity started without a key-encryption key"
fi
grep -q 'no key-encryption key for the signing keys: give --signing_kek_file or EKINERJA_SIGNING_KEK' \
  "${work}/nokek.log" || fail "no clear refusal without a KEK: $(cat "${work}/nokek.log")"
(umask 077 && head -c 32 /dev/urandom | base64 >"${work}/kek" && head -c 32 /dev/urandom | base64 >"${work}/other-kek")

# Ports 0: the service takes free ones and logs them.
"${identity_bin}" --grpc_port=0 --metrics_port=0 --signing_kek_file="${work}/kek" \
  --platform_admin_password=e2e-platform-password >"${work}/identity.log" 2>&1 &
pid=$!
serving=""
for _ in $(seq 1 100); do
  serving="$(grep -m1 '"msg":"serving"' "${work}/identity.log" || true)"
  [[ -n "${serving}" ]] && break
  kill -0 "${pid}" 2>/dev/null || fail "ekinerja-identity exited during start"
  sleep 0.1
done
[[ -n "${serving}" ]] || fail "no 'serving' log line in 10 s"
addr="$(sed -E 's/.*"grpc":"([^"]+)".*/\1/' <<<"${serving}")"
metrics_port="$(sed -E 's/.*"metrics":"[^"]*:([0-9]+)".*/\1/' <<<"${serving}")"
[[ "$("${probe}" health "${addr}")" == "SERVING" ]] || fail "not SERVING"
echo "ok: health SERVING"

services="$("${probe}" services "${addr}")"
grep -qx "ekinerja.identity.v1.IdentityService" <<<"${services}" || fail "reflection lacks IdentityService: ${services}"
grep -qx "grpc.health.v1.Health" <<<"${services}" || fail "reflection lacks grpc.health.v1.Health"
echo "ok: reflection lists ekinerja.identity.v1.IdentityService"

login="$("${probe}" login "${addr}" platform admin e2e-platform-password)" || fail "login failed"
grep -q '"accessToken":"ey' <<<"${login}" || fail "login returned no JWT: ${login}"
if "${probe}" login "${addr}" platform admin wrong-password-1 >/dev/null 2>&1; then
  fail "a wrong password logged in"
fi
echo "ok: platform admin logs in; a wrong password does not"

metrics="$(curl -sf "http://127.0.0.1:${metrics_port}/metrics")" || fail "no /metrics"
grep -q 'grpc_server_handled_total{grpc_code="OK",grpc_method="Login",grpc_service="ekinerja.identity.v1.IdentityService",grpc_type="unary"} 1' <<<"${metrics}" ||
  fail "/metrics does not count the OK Login"
grep -q 'grpc_server_handled_total{grpc_code="Unauthenticated",grpc_method="Login",grpc_service="ekinerja.identity.v1.IdentityService",grpc_type="unary"} 1' <<<"${metrics}" ||
  fail "/metrics does not count the failed Login"
"${EKINERJA_PROMTOOL}" check metrics <<<"${metrics}" >"${work}/promtool.out" 2>&1 ||
  { cat "${work}/promtool.out" >&2; fail "promtool check metrics"; }
echo "ok: /metrics counts RPCs by code and passes promtool check metrics"

kill -TERM "${pid}"
for _ in $(seq 1 150); do
  kill -0 "${pid}" 2>/dev/null || break
  sleep 0.1
done
kill -0 "${pid}" 2>/dev/null && fail "still running 15 s after SIGTERM"
wait "${pid}" && rc=0 || rc=$?
pid=""
[[ "${rc}" == 0 ]] || fail "exit code ${rc} after SIGTERM"
grep -q '"msg":"stopped"' "${work}/identity.log" || fail "no graceful stop in the log"
echo "ok: SIGTERM drains and exits 0"

# The signing key made above is sealed under ${work}/kek: another KEK refuses to start, naming
# the KEK the key needs.
if "${identity_bin}" --grpc_port=0 --metrics_port=-1 --signing_kek_file="${work}/other-kek" \
  >"${work}/wrongkek.log" 2>&1; then
  fail "identity started with a key-encryption key that did not seal its keys"
fi
grep -q 'is sealed under key-encryption key [0-9a-f]\{16\}, but this identity has [0-9a-f]\{16\}' \
  "${work}/wrongkek.log" || fail "no clear refusal of a wrong KEK: $(cat "${work}/wrongkek.log")"
echo "ok: no key-encryption key, or the wrong one, refuses the start with a clear message"
