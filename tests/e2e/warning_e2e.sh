#!/usr/bin/env bash
# End to end, the warning system (DOMAIN §8, issue 13): the real ekinerja-identity,
# ekinerja-attendance, ekinerja-skp, ekinerja-activity, ekinerja-scoring, ekinerja-warning and
# ekinerja-gateway binaries on free ports against the test Postgres (suite_lib.sh), seeded by
# ekinerja-demo-seed with the attendance demo, then through the gateway's REST API as the real
# users: the credentials file's pelaksana checks in on Tuesday 6 and Wednesday 7 October 2026 (an
# ATTLOG file the admin imports; no check-out on the 7th) and files no daily report; after the
# cutoff the admin's sweeps of both days warn them (the day's missing report, the missing
# check-out), which they read through REST, newest first, with the rupiah at stake; a colleague
# may not read them; a second sweep creates nothing; acknowledging all clears the badge; the
# warning service's /metrics counts them.
# Usage: warning_e2e.sh <ekinerja-identity> <ekinerja-attendance> <ekinerja-skp>
#          <ekinerja-activity> <ekinerja-scoring> <ekinerja-warning> <ekinerja-gateway>
#          <ekinerja-demo-seed> <descriptor set>
set -euo pipefail
# shellcheck source=SCRIPTDIR/suite_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/suite_lib.sh" warn "$@"

start_suite
seed seed.out --attendance="${attendance_addr}"
echo "ok: demo seeded with its device and PINs"

login_staff
pin="$(sed -n 's/.*"pin": "\([0-9]*\)".*/\1/p' <<<"${staff_line}")"
[[ -n "${pin}" ]] || fail "no PIN in: ${staff_line}"
login demo admin 'DemoInstansi#2025'
admin_token="${token}"
call GET "/v1/pinMappings?page_size=1000" "${admin_token}"
[[ "${code}" == 200 ]] || fail "GET pinMappings answered ${code}: ${body}"
mapped="$(jq '.pinMappings | length' <<<"${body}")"
colleague="$(jq -r --arg pin "$((pin + 1))" '.pinMappings[] | select(.pin == $pin) | .nip' <<<"${body}")"
[[ ${#colleague} == 18 ]] || fail "no NIP for PIN $((pin + 1)): ${body}"
login demo "${colleague}" "${password}"
colleague_token="${token}"

# The staff's two days: present on Tuesday 6 October 2026, and on Wednesday 7 without a check-out.
attlog="${pin}"$'\t'"2026-10-06 07:25:30"$'\t0\t1\n'
attlog+="${pin}"$'\t'"2026-10-06 16:05:05"$'\t1\t1\n'
attlog+="${pin}"$'\t'"2026-10-07 07:22:10"$'\t0\t1\n'
call POST /v1/devices/DEMO-ZK-0001:importLog "${admin_token}" \
  "$(jq -cn --arg content "${attlog}" '{format: "LOG_FORMAT_ATTLOG", content: $content}')"
expect 200 '[.report.accepted, .report.quarantined, .report.unknownPin]' '["3","0","0"]' \
  "the ATTLOG import"
echo "ok: PIN ${pin} (${staff}) checked in on 6 and 7 October 2026, filed nothing"

# Both days are long past their cutoff (D+1 23:59 WIB). Everyone mapped owed a report on the 6th
# (the others had neither a punch nor an absence); the staff had no check-out on the 7th.
call POST /v1/sweeps "${admin_token}" '{"date":{"year":2026,"month":10,"day":6}}'
expect 200 '[.state, .kind, .employees, .warningsCreated]' \
  "[\"SWEEP_STATE_DONE\",\"SWEEP_KIND_DAILY\",${mapped},${mapped}]" "the sweep of 6 October"
call POST /v1/sweeps "${admin_token}" '{"date":{"year":2026,"month":10,"day":7}}'
expect 200 '.warningsCreated' "$((mapped + 1))" "the sweep of 7 October"
call POST /v1/sweeps "${admin_token}" '{"date":{"year":2026,"month":10,"day":7}}'
expect 200 '.warningsCreated // 0' 0 "the sweep of 7 October again"
echo "ok: sweeps of 6 and 7 October: ${mapped} and $((mapped + 1)) warnings, a rerun none"

call GET "/v1/employees/${staff}/warnings:count" "${staff_token}"
expect 200 .unacknowledged 3 "the staff's badge"
call GET "/v1/employees/${staff}/warnings" "${staff_token}"
expect 200 '[.warnings[] | [.rule, .date.day, .acknowledged // false]]' \
  '[["RULE_NO_CHECKOUT",7,false],["RULE_MISSING_REPORT",7,false],["RULE_MISSING_REPORT",6,false]]' \
  "the staff's inbox, newest first"
expect 200 '.warnings[2] | [.title, .message, .action, .atStake]' \
  '["Laporan harian belum dikirim","Tidak ada laporan kegiatan terkirim untuk Selasa, 6 Oktober 2026 sampai batasnya, Rabu, 7 Oktober 2026 pukul 23.59 WIB.","Kirim laporan kegiatan setiap hari kerja sebelum batasnya.","Potongan 2% dari bagian produktivitas TPP per hari"]' \
  "the missing report of the 6th, in words"
first_id="$(jq -r '.warnings[0].id' <<<"${body}")"
echo "ok: GET /v1/employees/${staff}/warnings: 3 unacknowledged, newest first, with the rupiah at stake"

call GET "/v1/employees/${staff}/warnings" "${colleague_token}"
[[ "${code}" == 403 ]] || fail "a colleague read the staff's warnings: HTTP ${code}: ${body}"
call POST "/v1/warnings/${first_id}:acknowledge" "${colleague_token}" '{}'
[[ "${code}" == 403 ]] || fail "a colleague acknowledged the staff's warning: HTTP ${code}: ${body}"
echo "ok: a colleague is refused (403) reading and acknowledging them"

call POST "/v1/warnings/${first_id}:acknowledge" "${staff_token}" '{}'
expect 200 '[.rule, .acknowledged]' '["RULE_NO_CHECKOUT",true]' "acknowledging one"
call GET "/v1/employees/${staff}/warnings:count" "${staff_token}"
expect 200 .unacknowledged 2 "the badge after one"
call POST "/v1/employees/${staff}/warnings:acknowledgeAll" "${staff_token}" '{}'
expect 200 .acknowledged 2 "acknowledging the rest"
call GET "/v1/employees/${staff}/warnings:count" "${staff_token}"
expect 200 '.unacknowledged // 0' 0 "the badge, cleared"
echo "ok: acknowledged one, then all: the badge is 0"

metrics="$(curl -sS "http://${warning_metrics}/metrics")"
grep -q "^ekinerja_warning_warnings_total{rule=\"MISSING_REPORT\"} $((2 * mapped))\$" <<<"${metrics}" ||
  fail "ekinerja_warning_warnings_total{rule=MISSING_REPORT} is not $((2 * mapped)): $(grep ekinerja_warning_warnings_total <<<"${metrics}")"
echo "ok: warning /metrics: $((2 * mapped)) MISSING_REPORT warnings"
echo "PASS"
