# shellcheck shell=bash
# Shared by the e2e tests that run the suite (sourced, not run): the real ekinerja-identity,
# ekinerja-attendance, ekinerja-skp, ekinerja-activity, ekinerja-scoring, ekinerja-warning and
# ekinerja-gateway binaries on free ports
# against the test Postgres (EKINERJA_TEST_DB_URL, set by tests/run; one schema each, dropped at
# exit), seeded by ekinerja-demo-seed. The gateway refuses to start without an upstream for every service the
# descriptor set routes, so every such service runs.
#
#   source suite_lib.sh <tag> <ekinerja-identity> <ekinerja-attendance> <ekinerja-skp>
#     <ekinerja-activity> <ekinerja-scoring> <ekinerja-warning> <ekinerja-gateway>
#     <ekinerja-demo-seed> <descriptor set (build/ekinerja.pb)>
#   start_suite    # sets identity_addr, attendance_addr, attendance_metrics, skp_addr, skp_metrics,
#                  # activity_addr, activity_metrics, scoring_addr, scoring_metrics, warning_addr,
#                  # warning_metrics, gw (the warning service's scheduler and drain are off: a test
#                  # sweeps through RunSweep)
#   seed <out file> [--attendance=... | --skp=... | --activity=...]   # writes ${work}/credentials.json
#   adms_address   # sets adms_addr, attendance's ADMS host:port
#   login <tenant> <username> <password>   # sets token
#   login_staff    # the credentials file's pelaksana: sets staff, staff_line, password, staff_token
#   call <method> <path> <token> [body]    # REST through the gateway: sets code and body
#   expect <code> <jq filter> <value> <what>   # checks the last call
#
# The caller has `set -euo pipefail`; `fail` ends the test with the tail of every log.

suite_tag="$1"
identity_bin="$2"
attendance_bin="$3"
skp_bin="$4"
activity_bin="$5"
scoring_bin="$6"
warning_bin="$7"
gateway_bin="$8"
seed_bin="$9"
descriptor_set="${10}"
: "${EKINERJA_TEST_DB_URL:?EKINERJA_TEST_DB_URL is not set (run through tests/run)}"
: "${EKINERJA_PROMTOOL:?EKINERJA_PROMTOOL is not set (run through tests/run)}"

suite_services=(identity attendance skp activity scoring warning)
work="$(mktemp -d -t "ekinerja-e2e-${suite_tag}.XXXXXX")"
declare -A pids=()
schema_of() { echo "e2e_${suite_tag}_$1_$$"; }
cleanup() {
  local name drops=()
  for name in "${!pids[@]}"; do
    kill -9 "${pids[${name}]}" 2>/dev/null || true
  done
  for name in "${suite_services[@]}"; do
    drops+=(-c "DROP SCHEMA IF EXISTS $(schema_of "${name}") CASCADE")
  done
  psql -q "${EKINERJA_TEST_DB_URL}" "${drops[@]}" >/dev/null 2>&1 || true
  rm -rf "${work}"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  local log
  for log in "${work}"/*.log; do
    [[ -f "${log}" ]] || continue
    echo "--- ${log##*/} (last 20 lines)" >&2
    tail -n 20 "${log}" >&2
  done
  exit 1
}

for name in "${suite_services[@]}"; do
  psql -q "${EKINERJA_TEST_DB_URL}" -c "CREATE SCHEMA $(schema_of "${name}")" >/dev/null
done
export EKINERJA_DB_URL="${EKINERJA_TEST_DB_URL}" # configuration from the environment, as in k8s

# Waits for the first log line of <name> matching <pattern> (the process must keep running) and
# leaves it in ${line}. Not in a $(...) subshell, so that fail ends the test.
line=""
wait_log() {
  local name="$1" pattern="$2" i
  line=""
  for ((i = 0; i < 300; i++)); do
    line="$(grep -m1 -e "${pattern}" "${work}/${name}.log" 2>/dev/null || true)"
    [[ -n "${line}" ]] && return 0
    kill -0 "${pids[${name}]}" 2>/dev/null || fail "ekinerja-${name} exited during start"
    sleep 0.1
  done
  fail "no '${pattern}' in ekinerja-${name}'s log in 30 s"
}

# The host:port of a JSON log field ("grpc", "http", "metrics").
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\\1/" <<<"$2"; }

platform_password="e2e-platform-password"
client_secret="e2e-attendance-client-secret-$$"
scoring_secret="e2e-scoring-client-secret-$$"
warning_secret="e2e-warning-client-secret-$$"

# Starts <name> (ekinerja-<name>, its schema) in the background, logging to ${work}/<name>.log,
# and waits until it serves; leaves its "serving" log line in ${line}.
start() {
  local name="$1" bin="$2"
  shift 2
  EKINERJA_DB_SCHEMA="$(schema_of "${name}")" "${bin}" --grpc_port=0 "$@" \
    >"${work}/${name}.log" 2>&1 &
  pids[${name}]=$!
  wait_log "${name}" '"msg":"serving"'
}

start_suite() {
  # One deployment-wide account each for attendance, scoring and warning (tenant platform),
  # whatever the tenants: no per-tenant credentials anywhere.
  (umask 077 && printf 'ekinerja-attendance %s\nekinerja-scoring %s\nekinerja-warning %s\n' \
    "${client_secret}" "${scoring_secret}" "${warning_secret}" >"${work}/service-accounts.txt" &&
    echo "${client_secret}" >"${work}/attendance-client-secret" &&
    echo "${scoring_secret}" >"${work}/scoring-client-secret" &&
    echo "${warning_secret}" >"${work}/warning-client-secret" &&
    head -c 32 /dev/urandom | base64 >"${work}/signing-kek")
  start identity "${identity_bin}" --metrics_port=-1 \
    --platform_admin_password="${platform_password}" \
    --service_accounts_file="${work}/service-accounts.txt" --signing_kek_file="${work}/signing-kek"
  identity_addr="$(field grpc "${line}")"

  start attendance "${attendance_bin}" --metrics_port=0 --adms_port=0 \
    --identity="${identity_addr}" --identity_client_id=ekinerja-attendance \
    --identity_client_secret_file="${work}/attendance-client-secret"
  attendance_addr="$(field grpc "${line}")"
  # shellcheck disable=SC2034  # for the scripts that source this
  attendance_metrics="$(field metrics "${line}")"

  start skp "${skp_bin}" --metrics_port=0 --identity="${identity_addr}"
  skp_addr="$(field grpc "${line}")"
  # shellcheck disable=SC2034  # for the scripts that source this
  skp_metrics="$(field metrics "${line}")"

  start activity "${activity_bin}" --metrics_port=0 --identity="${identity_addr}" \
    --attendance="${attendance_addr}" --skp="${skp_addr}"
  activity_addr="$(field grpc "${line}")"
  # shellcheck disable=SC2034  # for the scripts that source this
  activity_metrics="$(field metrics "${line}")"

  start scoring "${scoring_bin}" --metrics_port=0 --identity="${identity_addr}" \
    --attendance="${attendance_addr}" --activity="${activity_addr}" --skp="${skp_addr}" \
    --identity_client_id=ekinerja-scoring --identity_client_secret_file="${work}/scoring-client-secret"
  scoring_addr="$(field grpc "${line}")"
  # shellcheck disable=SC2034  # for the scripts that source this
  scoring_metrics="$(field metrics "${line}")"

  start warning "${warning_bin}" --metrics_port=0 --identity="${identity_addr}" \
    --attendance="${attendance_addr}" --activity="${activity_addr}" --skp="${skp_addr}" \
    --scoring="${scoring_addr}" --sweep_interval=0 --outbox_interval=0 \
    --identity_client_id=ekinerja-warning --identity_client_secret_file="${work}/warning-client-secret"
  warning_addr="$(field grpc "${line}")"
  # shellcheck disable=SC2034  # for the scripts that source this
  warning_metrics="$(field metrics "${line}")"

  "${gateway_bin}" --descriptor_set="${descriptor_set}" --http_port=0 --grpc_port=-1 \
    --metrics_port=-1 --upstreams="ekinerja.identity.v1.IdentityService=${identity_addr},ekinerja.attendance.v1.AttendanceService=${attendance_addr},ekinerja.skp.v1.SkpService=${skp_addr},ekinerja.activity.v1.ActivityService=${activity_addr},ekinerja.scoring.v1.ScoringService=${scoring_addr},ekinerja.warning.v1.WarningService=${warning_addr}" \
    >"${work}/gateway.log" 2>&1 &
  pids[gateway]=$!
  wait_log gateway '"msg":"serving"'
  gw="http://$(field http "${line}")"
  local i
  for ((i = 0; i < 100; i++)); do
    curl -fsS -o /dev/null --max-time 2 "${gw}/readyz" 2>/dev/null && break
    sleep 0.1
  done
  curl -fsS -o /dev/null --max-time 2 "${gw}/readyz" || fail "the gateway is not ready in 10 s"
  echo "ok: identity ${identity_addr}, attendance ${attendance_addr}, skp ${skp_addr}, activity ${activity_addr}, scoring ${scoring_addr}, warning ${warning_addr}, gateway ${gw}"
}

# The demo tenant (and what the extra flags add), its output in ${work}/<out>.
seed() {
  local out="$1"
  shift
  EKINERJA_PLATFORM_PASSWORD="${platform_password}" \
    EKINERJA_ATTENDANCE_CLIENT_SECRET="${client_secret}" \
    "${seed_bin}" --identity="${identity_addr}" --out="${work}/credentials.json" "$@" \
    >"${work}/${out}" 2>&1 || { cat "${work}/${out}" >&2; fail "ekinerja-demo-seed ($*) failed"; }
}

# The access token of a REST login (POST /v1/auth:login) into ${token}.
token=""
login() {
  local answer
  answer="$(curl -sS -X POST "${gw}/v1/auth:login" \
    -d "{\"tenant\":\"$1\",\"username\":\"$2\",\"password\":\"$3\"}")"
  token="$(sed -n 's/.*"accessToken": *"\([^"]*\)".*/\1/p' <<<"${answer}")"
  [[ "${token}" == ey* ]] || fail "login of $2 returned no token: ${answer}"
}

# The pelaksana of the credentials file (role PEGAWAI only), logged in: ${staff} (NIP),
# ${staff_line}, ${password} (every demo employee's) and ${staff_token}.
staff=""
staff_line=""
password=""
staff_token=""
login_staff() {
  staff_line="$(grep -m1 '"roles": \["PEGAWAI"\]' "${work}/credentials.json")" ||
    fail "no employee in the credentials file"
  staff="$(sed -n 's/.*"username": "\([0-9]*\)".*/\1/p' <<<"${staff_line}")"
  password="$(sed -n 's/.*"password": "\([^"]*\)".*/\1/p' <<<"${staff_line}")"
  [[ ${#staff} == 18 ]] || fail "cannot read the NIP from: ${staff_line}"
  login demo "${staff}" "${password}"
  # shellcheck disable=SC2034  # for the scripts that source this
  staff_token="${token}"
}

# Attendance's ADMS address (host:port) into ${adms_addr}, from its log.
adms_addr=""
adms_address() {
  wait_log attendance 'ADMS (iclock) listening on '
  adms_addr="$(sed -E 's/.*ADMS \(iclock\) listening on ([^"]+)".*/\1/' <<<"${line}")"
  [[ "${adms_addr}" =~ ^127\.0\.0\.1:[0-9]+$ ]] || fail "ADMS address '${adms_addr}' from: ${line}"
}

# `call <method> <path> <token> [body]`: a REST call through the gateway; leaves the HTTP code in
# ${code} and the response in ${body}.
code=""
body=""
call() {
  local -a args=(-sS -o "${work}/answer" -w '%{http_code}' -X "$1" "${gw}$2")
  [[ -n "$3" ]] && args+=(-H "Authorization: Bearer $3")
  [[ $# -ge 4 ]] && args+=(-d "$4")
  code="$(curl "${args[@]}")"
  body="$(cat "${work}/answer")"
}

# `expect <code> <jq filter> <value> <what>`: the last call answered <code> and the filter's
# compact output is exactly <value>.
expect() {
  [[ "${code}" == "$1" ]] || fail "$4: HTTP ${code}, not $1: ${body}"
  local got
  got="$(jq -c "$2" <<<"${body}")" || fail "$4: not JSON: ${body}"
  [[ "${got}" == "$3" ]] || fail "$4: $2 is ${got}, not $3 (${body})"
}
