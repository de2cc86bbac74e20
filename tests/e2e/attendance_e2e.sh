#!/usr/bin/env bash
# End to end: the real ekinerja-identity, ekinerja-attendance and ekinerja-gateway binaries (and
# ekinerja-skp, which the gateway routes too) on free ports against the test Postgres
# (EKINERJA_TEST_DB_URL, set by tests/run; one schema each; suite_lib.sh), seeded by
# ekinerja-demo-seed (tenant demo and the attendance demo), probed from outside as an operator
# would: a fingerprint device's ADMS handshake and ATTLOG push, the employee's day through the
# gateway's REST, another employee refused, /metrics through promtool, a graceful SIGTERM.
# Usage: attendance_e2e.sh <ekinerja-identity> <ekinerja-attendance> <ekinerja-skp>
#          <ekinerja-activity> <ekinerja-gateway> <ekinerja-demo-seed> <descriptor set>
set -euo pipefail
# shellcheck source=SCRIPTDIR/suite_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/suite_lib.sh" att "$@"

# ---------------------------------------------------------------------------------------------
# The services, each on ports 0.

start_suite
adms_address

# ---------------------------------------------------------------------------------------------
# The demo tenant with the attendance demo, twice: the second run changes nothing.

seed seed1.out --attendance="${attendance_addr}"
grep -q '^attendance demo: device DEMO-ZK-0001 (Asia/Jakarta), PINs 1-60' "${work}/seed1.out" ||
  fail "the seed did not report the attendance demo: $(cat "${work}/seed1.out")"
grep -Eq ' \([1-9][0-9]* new, 0 already there, 0 quarantined, 0 of unknown PINs\)' \
  "${work}/seed1.out" || fail "first seed: $(cat "${work}/seed1.out")"
seed seed2.out --attendance="${attendance_addr}"
grep -q '^demo tenant already seeded' "${work}/seed2.out" || fail "second seed: $(cat "${work}/seed2.out")"
grep -Eq ' \(0 new, [1-9][0-9]* already there, 0 quarantined' "${work}/seed2.out" ||
  fail "second seed pushed new punches: $(cat "${work}/seed2.out")"
echo "ok: demo seeded with device, PINs and punches; a second seed finds only duplicates"

# The staff employee of the credentials file (role PEGAWAI only) and the kepala dinas.
staff_line="$(grep -m1 '"roles": \["PEGAWAI"\]' "${work}/credentials.json")" ||
  fail "no employee in the credentials file"
kepala_line="$(grep -m1 '"roles": \["PEGAWAI", "ATASAN"\]' "${work}/credentials.json")" ||
  fail "no kepala in the credentials file"
staff="$(sed -n 's/.*"username": "\([0-9]*\)".*/\1/p' <<<"${staff_line}")"
staff_password="$(sed -n 's/.*"password": "\([^"]*\)".*/\1/p' <<<"${staff_line}")"
staff_pin="$(sed -n 's/.*"pin": "\([0-9]*\)".*/\1/p' <<<"${staff_line}")"
kepala="$(sed -n 's/.*"username": "\([0-9]*\)".*/\1/p' <<<"${kepala_line}")"
[[ ${#staff} == 18 && ${#kepala} == 18 && -n "${staff_pin}" ]] ||
  fail "cannot read NIPs and PIN from: ${staff_line}"

# ---------------------------------------------------------------------------------------------
# The device: handshake, then a day's punches of the staff employee's PIN.

adms="http://${adms_addr}/iclock/cdata"
code="$(curl -sS -o "${work}/handshake" -w '%{http_code}' "${adms}?SN=DEMO-ZK-0001&options=all")"
[[ "${code}" == 200 ]] || fail "handshake answered ${code}: $(cat "${work}/handshake")"
for option in 'GET OPTION FROM: DEMO-ZK-0001' 'ATTLOGStamp=' 'TimeZone=7' 'Realtime=1'; do
  grep -q "^${option}" "${work}/handshake" || fail "handshake lacks '${option}': $(cat "${work}/handshake")"
done
code="$(curl -sS -o /dev/null -w '%{http_code}' "${adms}?SN=NOT-REGISTERED&options=all")"
[[ "${code}" == 403 ]] || fail "an unregistered device's handshake answered ${code}, not 403"
echo "ok: ADMS handshake answers the options block (403 for an unregistered serial)"

# With the schedule assigned by org unit (the built-in 5HK to every OPD of the demo), attendance
# needs the employees' units for the days it recomputes (after the assignments, and for a push):
# it asks identity with a token of the demo tenant, got by exchanging its deployment-wide account's
# (RFC 8693), audited in the demo tenant, once (then cached).
login demo admin 'DemoInstansi#2025'
admin_token="${token}"
# The service's TOKEN_EXCHANGE events in the demo tenant's audit log.
exchanges() {
  curl -sS "${gw}/v1/auditEvents?action=TOKEN_EXCHANGE&actor=ekinerja-attendance&pageSize=100" \
    -H "Authorization: Bearer ${admin_token}" | grep -o '"action": *"TOKEN_EXCHANGE"' | wc -l
}
# The demo seed's own two (one per run).
exchanges_before="$(exchanges)"
((exchanges_before == 2)) || fail "${exchanges_before} token exchanges after two seeds, not 2"
for unit in SETDA DINKES BKPSDM DISDIK; do
  code="$(curl -sS -o "${work}/assign" -w '%{http_code}' -X POST "${gw}/v1/scheduleAssignments" \
    -H "Authorization: Bearer ${admin_token}" \
    -d "{\"templateCode\":\"5HK\",\"orgUnitCode\":\"${unit}\",\"startDate\":{\"year\":2025,\"month\":1,\"day\":1}}")"
  [[ "${code}" == 200 ]] || fail "assigning 5HK to ${unit} answered ${code}: $(cat "${work}/assign")"
done

# Wednesday 11 June 2025 (07:30-16:00): in at 07:41:09 (11 minutes late, TL tier 1), a second
# touch, out at 16:07:30.
printf '%s\t2025-06-11 07:41:09\t0\t1\n%s\t2025-06-11 07:42:00\t0\t1\n%s\t2025-06-11 16:07:30\t1\t1\n' \
  "${staff_pin}" "${staff_pin}" "${staff_pin}" >"${work}/attlog"
code="$(curl -sS -o "${work}/attlog.answer" -w '%{http_code}' --data-binary "@${work}/attlog" \
  "${adms}?SN=DEMO-ZK-0001&table=ATTLOG&Stamp=9999")"
[[ "${code}" == 200 && "$(cat "${work}/attlog.answer")" == OK ]] ||
  fail "ATTLOG push answered ${code}: $(cat "${work}/attlog.answer")"
echo "ok: ATTLOG push of PIN ${staff_pin} answered 200 OK"
for ((i = 0; i < 50; i++)); do
  exchanges_after="$(exchanges)"
  ((exchanges_after > exchanges_before)) && break
  sleep 0.2
done
((exchanges_after == exchanges_before + 1)) ||
  fail "attendance did not exchange its token for the demo tenant's once (${exchanges_before} -> ${exchanges_after}): $(tail -n 20 "${work}/attendance.log")"
echo "ok: attendance resolved org units with a demo token, exchanged once from its deployment-wide account"

# ---------------------------------------------------------------------------------------------
# The employee, through the gateway's REST.

login demo "${staff}" "${staff_password}"

day="$(curl -sS -w '\n%{http_code}' "${gw}/v1/employees/${staff}/attendanceDays/2025/6/11" \
  -H "Authorization: Bearer ${token}")"
[[ "$(tail -n 1 <<<"${day}")" == 200 ]] || fail "GET attendanceDays answered: ${day}"
day="$(head -n -1 <<<"${day}" | tr -d ' \n')"
for want in '"status":"DAY_STATUS_TERLAMBAT"' '"firstInLocal":"07:41:09"' \
  '"lastOutLocal":"16:07:30"' '"minutesLate":11' '"tlTier":1' '"minutesEarly":0' \
  '"pswTier":0' '"checkedIn":true' '"scheduled":{"start":"07:30","end":"16:00"}'; do
  grep -qF -- "${want}" <<<"${day}" || fail "the day lacks ${want}: ${day}"
done
echo "ok: GET /v1/employees/${staff}/attendanceDays/2025/6/11: TERLAMBAT, in 07:41:09, 11 min, tier 1"

code="$(curl -sS -o "${work}/denied" -w '%{http_code}' \
  "${gw}/v1/employees/${kepala}/attendanceDays/2025/6/11" -H "Authorization: Bearer ${token}")"
[[ "${code}" == 403 ]] || fail "an employee reading another's day answered ${code}: $(cat "${work}/denied")"
code="$(curl -sS -o /dev/null -w '%{http_code}' "${gw}/v1/employees/${staff}/attendanceDays/2025/6/11")"
[[ "${code}" == 401 ]] || fail "a read without a token answered ${code}, not 401"
echo "ok: another employee's day is 403, no token 401"

# ---------------------------------------------------------------------------------------------
# Metrics, then a graceful stop.

metrics="$(curl -sSf "http://${attendance_metrics}/metrics")" || fail "no /metrics"
"${EKINERJA_PROMTOOL}" check metrics <<<"${metrics}" >"${work}/promtool.out" 2>&1 ||
  { cat "${work}/promtool.out" >&2; fail "promtool check metrics"; }
grep -q '^ekinerja_attendance_punches_total{device="DEMO-ZK-0001",outcome="accepted"} ' \
  <<<"${metrics}" || fail "/metrics lacks the accepted punches: $(grep punches_total <<<"${metrics}")"
grep -q '^ekinerja_attendance_adms_requests_total{' <<<"${metrics}" ||
  fail "/metrics lacks ekinerja_attendance_adms_requests_total"
grep -Eq '^ekinerja_attendance_adms_requests_total\{[^}]*code="403"[^}]*\} 1$' <<<"${metrics}" ||
  fail "/metrics does not count the refused handshake: $(grep adms_requests <<<"${metrics}")"
echo "ok: /metrics passes promtool check metrics, counts punches and ADMS requests"

kill -TERM "${pids[attendance]}"
for _ in $(seq 1 150); do
  kill -0 "${pids[attendance]}" 2>/dev/null || break
  sleep 0.1
done
kill -0 "${pids[attendance]}" 2>/dev/null && fail "attendance still running 15 s after SIGTERM"
rc=0
wait "${pids[attendance]}" || rc=$?
unset 'pids[attendance]'
[[ "${rc}" == 0 ]] || fail "attendance exit code ${rc} after SIGTERM"
grep -q '"msg":"stopped"' "${work}/attendance.log" || fail "no graceful stop in attendance's log"
echo "ok: attendance drains on SIGTERM and exits 0"
