#!/usr/bin/env bash
# End to end, the daily report (laporan kegiatan harian): the real ekinerja-identity,
# ekinerja-attendance, ekinerja-skp, ekinerja-activity and ekinerja-gateway binaries on free ports
# against the test Postgres (suite_lib.sh), seeded by ekinerja-demo-seed with the attendance and
# SKP demos, then through the gateway's REST API as the real users: a report on a day without a
# check-in refused with the NO_CHECK_IN precondition and nothing written; the fingerprint device
# pushes an employee's check-in of today by ADMS; the employee files a report linked to an RHK of
# their approved SKP (a retry with the same request id answers the same entry) and submits the
# day to their atasan; the atasan (here the Plt Kepala Bidang P2P) approves it; the month summary
# counts its minutes.
# Usage: activity_e2e.sh <ekinerja-identity> <ekinerja-attendance> <ekinerja-skp>
#          <ekinerja-activity> <ekinerja-gateway> <ekinerja-demo-seed> <descriptor set>
set -euo pipefail
# shellcheck source=SCRIPTDIR/suite_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/suite_lib.sh" act "$@"

# ---------------------------------------------------------------------------------------------
# The services, each on ports 0; the demo tenant with its punches and SKPs.

start_suite
adms_address
seed seed.out --attendance="${attendance_addr}" --skp="${skp_addr}"
echo "ok: demo seeded with its device, punches and SKPs"

# Today in the demo tenant's zone, as the services see it.
today="$(TZ=Asia/Jakarta date +%F)"
IFS=- read -r year month day <<<"${today}"
date_json="{\"year\":${year},\"month\":$((10#${month})),\"day\":$((10#${day}))}"
date_path="${year}/$((10#${month}))/$((10#${day}))"
date_query="year=${year}&month=$((10#${month}))&day=$((10#${day}))"

# The pelaksana of the credentials file (their SKP is left in DRAFT: no check-in today either)
# and their atasan, the Kepala Seksi Surveilans, whose SKP is approved; his atasan is the Plt
# Kepala Bidang P2P. The demo device's PINs are the NIPs' sequence numbers (the seed's order).
login_staff
call GET "/v1/employees/${staff}/supervisor" "${staff_token}"
expect 200 .atasanLangsung.employee.name '"Eko Prasetyo, S.KM."' "the staff's atasan"
nip="$(jq -r .atasanLangsung.employee.nip <<<"${body}")"
pin="$((10#${nip: -3}))"
login demo "${nip}" "${password}"
employee_token="${token}"
call GET "/v1/employees/${nip}/supervisor" "${employee_token}"
expect 200 '[.atasanLangsung.employee.positionCode, .atasanLangsung.positionCode, .atasanLangsung.assignmentKind]' \
  '["DINKES.SEK.KEPALA","DINKES.P2P.KEPALA","ASSIGNMENT_KIND_PLT"]' "the employee's atasan, the Plt"
atasan="$(jq -r .atasanLangsung.employee.nip <<<"${body}")"
login demo "${atasan}" "${password}"
atasan_token="${token}"

# ---------------------------------------------------------------------------------------------
# No check-in, no report: the staff has no punch today; 400 with the gate's PreconditionFailure,
# nothing written.

report='{"entry":{"workDate":'"${date_json}"',"startTime":"08:00","endTime":"09:30","description":"Mengolah data surveilans mingguan","tugasTambahanRef":"Disposisi Kepala Seksi Surveilans","outputQuantity":"1","outputUnit":"laporan"},"requestId":"e2e-no-check-in"}'
call POST /v1/entries "${staff_token}" "${report}"
expect 400 '[.code, .details[0]["@type"], .details[0].violations]' \
  '[9,"type.googleapis.com/google.rpc.PreconditionFailure",[{"type":"NO_CHECK_IN","subject":"entries/'"${staff}"'/'"${today}"'","description":"no check-in on '"${today}"': a report needs the fingerprint check-in of its day, an approved correction (koreksi presensi) or an approved dinas luar"}]]' \
  "a report without a check-in"
call GET "/v1/employees/${staff}/entries?start_date.${date_query//&/&start_date.}&end_date.${date_query//&/&end_date.}" "${staff_token}"
expect 200 '.entries' '[]' "the staff's entries of today"
echo "ok: a report on ${today} without a check-in is 400 NO_CHECK_IN, nothing written"

# ---------------------------------------------------------------------------------------------
# The check-in of today by ADMS. Whatever the hour and weekday the test runs at: the employee
# works all seven days today (a template assigned to them for today only), and a day's punches
# are taken from 12 hours either side of its hours (the tenant's window margin at its maximum).

login demo admin 'DemoInstansi#2025'
admin_token="${token}"
call POST /v1/scheduleTemplates "${admin_token}" \
  '{"code":"E2E-7HK","name":"Tujuh hari kerja (e2e)","days":[{"start":"07:30","end":"16:00"},{"start":"07:30","end":"16:00"},{"start":"07:30","end":"16:00"},{"start":"07:30","end":"16:00"},{"start":"07:30","end":"16:00"},{"start":"07:30","end":"16:00"},{"start":"07:30","end":"16:00"}]}'
expect 200 .code '"E2E-7HK"' "the seven-day template"
call POST /v1/scheduleAssignments "${admin_token}" \
  '{"templateCode":"E2E-7HK","nip":"'"${nip}"'","startDate":'"${date_json}"',"endDate":'"${date_json}"'}'
expect 200 .templateCode '"E2E-7HK"' "the assignment of today"
call GET /v1/attendanceRules "${admin_token}"
[[ "${code}" == 200 ]] || fail "GET attendanceRules answered ${code}: ${body}"
call PUT /v1/attendanceRules "${admin_token}" "$(jq -c '.windowMarginMinutes = 720' <<<"${body}")"
expect 200 .windowMarginMinutes 720 "the widest window"

# One punch before the day's midpoint is a check-in: 07:41:09, or a few seconds ago before that.
now="$(TZ=Asia/Jakarta date +%T)"
if [[ "${now}" < "00:00:10" ]]; then
  sleep 10
  now="$(TZ=Asia/Jakarta date +%T)"
fi
if [[ "${now}" > "07:41:14" ]]; then
  punch="${today} 07:41:09"
else
  punch="$(TZ=Asia/Jakarta date -d '-5 seconds' '+%F %T')"
fi
printf '%s\t%s\t0\t1\n' "${pin}" "${punch}" >"${work}/attlog"
adms="http://${adms_addr}/iclock/cdata"
code="$(curl -sS -o "${work}/attlog.answer" -w '%{http_code}' --data-binary "@${work}/attlog" \
  "${adms}?SN=DEMO-ZK-0001&table=ATTLOG&Stamp=9999")"
[[ "${code}" == 200 && "$(cat "${work}/attlog.answer")" == OK ]] ||
  fail "ATTLOG push answered ${code}: $(cat "${work}/attlog.answer")"
call GET "/v1/employees/${nip}/attendanceDays/${date_path}" "${employee_token}"
expect 200 '[.checkedIn, .firstInLocal]' "[true,\"${punch#* }\"]" "the employee's day"
echo "ok: PIN ${pin} (${nip}) checked in at ${punch} by ADMS"

# ---------------------------------------------------------------------------------------------
# The report: linked to the first RHK of the employee's approved SKP; a retry answers the same
# entry; then the day is submitted to the atasan of today.

call GET "/v1/employees/${nip}/rhks?date.${date_query//&/&date.}" "${employee_token}"
[[ "${code}" == 200 ]] || fail "GET rhks answered ${code}: ${body}"
skp_id="$(jq -r .skpId <<<"${body}")"
rhk="$(jq -r '.rhks[0].id' <<<"${body}")"
[[ "${skp_id}" =~ ^[1-9][0-9]*$ && "${rhk}" =~ ^[1-9][0-9]*$ ]] ||
  fail "no approved SKP for ${nip} on ${today}: ${body}"
report='{"entry":{"workDate":'"${date_json}"',"startTime":"08:00","endTime":"09:30","description":"Menyusun laporan surveilans mingguan","rhkId":"'"${rhk}"'","outputQuantity":"1","outputUnit":"laporan"},"requestId":"e2e-report-1"}'
call POST /v1/entries "${employee_token}" "${report}"
expect 200 '[.nip, .workDate, .startTime, .endTime, .spanMinutes, .earnedMinutes, .rhkId, .skpId, .status]' \
  '["'"${nip}"'",'"${date_json}"',"08:00","09:30",90,"90","'"${rhk}"'","'"${skp_id}"'","ENTRY_STATUS_DRAFT"]' \
  "the report"
entry="$(jq -r .id <<<"${body}")"
call POST /v1/entries "${employee_token}" "${report}"
expect 200 '[.id, .status]' '["'"${entry}"'","ENTRY_STATUS_DRAFT"]' "the retried report"

call POST "/v1/employees/${nip}/entries:submit" "${employee_token}" '{"startDate":'"${date_json}"'}'
expect 200 '[.entries[] | [.id, .status, .verifierNip]]' \
  '[["'"${entry}"'","ENTRY_STATUS_SUBMITTED","'"${atasan}"'"]]' "the submission"
echo "ok: ${nip} filed entry ${entry} (08:00-09:30, RHK ${rhk}; a retry is the same entry) and submitted it to ${atasan}"

# ---------------------------------------------------------------------------------------------
# The atasan approves it; the month summary counts its 90 minutes against the 6750 of the
# national target (capaian 1/75, 1.33 %), one of one submitted entry approved.

call POST /v1/entries:decide "${atasan_token}" \
  '{"decision":"DECISION_APPROVE","entryIds":["'"${entry}"'"]}'
expect 200 '[.decided, [.outcomes[] | [.entryId, .code, .entry.status, .entry.decidedByNip]]]' \
  '[1,[["'"${entry}"'","OK","ENTRY_STATUS_APPROVED","'"${atasan}"'"]]]' "the approval"
echo "ok: ${atasan} approved entry ${entry}"

call GET "/v1/employees/${nip}/activityMonths/${year}/$((10#${month}))" "${employee_token}"
expect 200 '[.approvedMinutes, .targetMinutes, .capaianNumerator, .capaianDenominator, .capaianPercent, .approvalNumerator, .approvalDenominator, .approvalPercent, [.entriesByStatus[] | select(.entries > 0)]]' \
  '["90","6750","1","75","1.33","1","1","100.00",[{"status":"ENTRY_STATUS_APPROVED","entries":1}]]' \
  "the month summary"
echo "ok: ${nip}'s ${year}-${month}: 90 approved minutes, capaian 1/75 (1.33 %), 1 of 1 approved"
