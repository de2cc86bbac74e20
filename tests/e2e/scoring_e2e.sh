#!/usr/bin/env bash
# End to end, one TPP month (DOMAIN §6, issue 12): the real ekinerja-identity, ekinerja-attendance,
# ekinerja-skp, ekinerja-activity, ekinerja-scoring and ekinerja-gateway binaries on free ports
# against the test Postgres (suite_lib.sh), seeded by ekinerja-demo-seed with the attendance demo,
# then through the gateway's REST API as the real users: the admin imports an ATTLOG file of
# October 2026 for the credentials file's pelaksana (on time, late, leaving early, no check-out,
# no punch); the employee asks for a day of izin and their atasan approves it; the admin enters a
# hukuman disiplin ringan and runs October's TPP (DRAFT); the employee's instrument equals the
# fixture computed by hand below, line by line and to the rupiah; a VERIFIKATOR_TPP verifies, the
# admin locks (activity's and attendance's month locked, an attendance write refused); the
# payroll CSV, another employee refused, the kotak counts, and scoring's /metrics.
# Usage: scoring_e2e.sh <ekinerja-identity> <ekinerja-attendance> <ekinerja-skp>
#          <ekinerja-activity> <ekinerja-scoring> <ekinerja-warning> <ekinerja-gateway> <ekinerja-demo-seed>
#          <descriptor set>
set -euo pipefail
# shellcheck source=SCRIPTDIR/suite_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/suite_lib.sh" tpp "$@"

# ---------------------------------------------------------------------------------------------
# The hand-computed fixture (national defaults, services/scoring/domain/tpp_rules.cc), for the
# pelaksana of the credentials file: Dedi Kurniawan, Pengolah Data dan Informasi of Seksi
# Surveilans (DINKES.P2P.SURV.PENGOLAH, kelas jabatan 6), golongan II/c.
#
# October 2026 has no holiday in the demo calendar (the seed adds none; the default 5HK schedule,
# Mon-Thu 07:30-16:00, Fri 07:30-16:30): 22 workdays, Thu 1 to Fri 30. The employee's month:
#   Tue  6: in 08:15:00, 45 minutes late            -> TL tier 2
#   Wed 14: out 14:45:00, 75 minutes before 16:00   -> PSW tier 3
#   Tue 20: in 07:25:03, no check-out               -> PSW tier 4
#   Thu 22: no punch, no absence                    -> TANPA_KETERANGAN
#   Tue 27: izin, asked by the employee and approved by the atasan
#   the 17 other workdays: in 07:20-07:29, out after 16:00 (Fri 16:30)
# Step 1: C = ceiling of kelas 6 = 2,850,000 (one position all month, 22 of 22 workdays).
# Step 2: D = round(2,850,000 x 40%) = 1,140,000; P = 2,850,000 - 1,140,000 = 1,710,000.
# Step 3, disiplin lines, each round(D x rate):
#   06 TL_2              1.00% (100 bp)  11,400
#   14 PSW_3             1.25% (125 bp)  14,250
#   20 PSW_4             1.50% (150 bp)  17,100
#   22 TANPA_KETERANGAN  3.00% (300 bp)  34,200
#   27 IZIN              2.00% (200 bp)  22,800
#   sum 99,750; disiplin paid = 1,140,000 - 99,750 = 1,040,250.
# Step 4: no daily report could be filed for October (a day's report is accepted until D+1 23:59
#   only), so capaian = 0 approved minutes / 6,750 = 0: earned = 0. One LAPORAN_TIDAK_ADA line per
#   workday present (22 - the tanpa-keterangan day - the izin day = 20), each round(P x 2%) =
#   34,200, 684,000 in all; produktivitas paid = max(0, 0 - 684,000) = 0.
# Step 5: hukuman ringan 20% of (1,040,250 + 0) = 208,050; gross = 1,040,250 - 208,050 = 832,200.
# Step 6: PPh 21 of golongan II = 0% -> 0; BPJS base = min(832,200, 12,000,000) = 832,200,
#   employee 1% = 8,322, employer 4% = 33,288 (reported); net = 832,200 - 0 - 8,322 = 823,878.
# Kotak: disiplin 1,040,250 / 1,140,000 = 91.25% (high, >= 90), produktivitas 0 / 1,710,000 =
#   0.00% (low): box 3 x 2 + 0 + 1 = 7.
# The 59 other employees have no punch in October (the seed's punches are of the last two weeks
# only): every workday tanpa keterangan, disiplin paid 34% of D, nothing earned: box 1.

year=2026
month=10
ceiling=2850000
disiplin=1140000
produktivitas=1710000
disiplin_paid=1040250
hukuman=208050
gross=832200
bpjs_pegawai=8322
bpjs_pemberi_kerja=33288
net=823878
date_of() { echo "{\"year\":${year},\"month\":${month},\"day\":$1}"; }

# ---------------------------------------------------------------------------------------------
# The services, each on ports 0; the demo tenant with its device and PINs.

start_suite
seed seed.out --attendance="${attendance_addr}"
echo "ok: demo seeded with its device and PINs"

login_staff
pin="$(sed -n 's/.*"pin": "\([0-9]*\)".*/\1/p' <<<"${staff_line}")"
[[ -n "${pin}" ]] || fail "no PIN in: ${staff_line}"
call GET "/v1/employees/${staff}/supervisor" "${staff_token}"
expect 200 .atasanLangsung.employee.name '"Eko Prasetyo, S.KM."' "the staff's atasan"
atasan="$(jq -r .atasanLangsung.employee.nip <<<"${body}")"
login demo "${atasan}" "${password}"
atasan_token="${token}"
login demo admin 'DemoInstansi#2025'
admin_token="${token}"
verifikator_line="$(grep -m1 '"roles": \["VERIFIKATOR_TPP"\]' "${work}/credentials.json")" ||
  fail "no VERIFIKATOR_TPP in the credentials file"
login demo "$(jq -r .username <<<"${verifikator_line%,}")" "$(jq -r .password <<<"${verifikator_line%,}")"
verifikator_token="${token}"

# A colleague of the same seksi (the next PIN, the other Pengolah Data dan Informasi): an
# employee who is not the staff's supervisor.
call GET /v1/pinMappings "${admin_token}"
[[ "${code}" == 200 ]] || fail "GET pinMappings answered ${code}: ${body}"
colleague="$(jq -r --arg pin "$((pin + 1))" '.pinMappings[] | select(.pin == $pin) | .nip' <<<"${body}")"
[[ ${#colleague} == 18 ]] || fail "no NIP for PIN $((pin + 1)): ${body}"
login demo "${colleague}" "${password}"
colleague_token="${token}"

# ---------------------------------------------------------------------------------------------
# October through attendance: the device was in service before it; an ATTLOG file imported by
# the admin; the izin asked by the employee and approved by their atasan.

call GET /v1/devices "${admin_token}"
expect 200 '[.devices[] | [.serialNumber, .inServiceDate]]' \
  '[["DEMO-ZK-0001",{"year":2024,"month":1,"day":1}]]' "the demo device"

# One ATTLOG line per punch (PIN, device wall clock, status 0 in / 1 out, verify 1 finger). The
# ordinary days: in at 07:2d:30, out at 16:0d:05 (Friday 16:3d:05), d the date's last digit.
attlog=""
punches=0
punch() {
  attlog+="${pin}"$'\t'"${year}-${month}-$(printf %02d "$1") $2"$'\t'"$3"$'\t1\n'
  punches=$((punches + 1))
}
for ((d = 1; d <= 31; d++)); do
  weekday="$(date -d "${year}-${month}-$(printf %02d "${d}")" +%u)"
  ((weekday <= 5)) || continue
  end=16:0
  ((weekday == 5)) && end=16:3
  case "${d}" in
    6) punch 6 08:15:00 0 && punch 6 16:05:12 1 ;;
    14) punch 14 07:20:40 0 && punch 14 14:45:00 1 ;;
    20) punch 20 07:25:03 0 ;;
    22 | 27) ;;
    *) punch "${d}" "07:2$((d % 10)):30" 0 && punch "${d}" "${end}$((d % 10)):05" 1 ;;
  esac
done
((punches == 39)) || fail "the ATTLOG file has ${punches} punches, not 39"
call POST /v1/devices/DEMO-ZK-0001:importLog "${admin_token}" \
  "$(jq -cn --arg content "${attlog}" '{format: "LOG_FORMAT_ATTLOG", content: $content}')"
expect 200 '[.report.accepted, .report.duplicate, .report.quarantined, .report.unknownPin, .errors]' \
  '["39","0","0","0",[]]' "the ATTLOG import"
echo "ok: ${punches} punches of PIN ${pin} (${staff}) in October ${year} imported"

call POST "/v1/absences?requestId=e2e-izin-27" "${staff_token}" \
  '{"nip":"'"${staff}"'","kind":"ABSENCE_KIND_IZIN","startDate":'"$(date_of 27)"',"endDate":'"$(date_of 27)"',"reason":"Mengurus akta kelahiran anak"}'
expect 200 '[.nip, .kind, .state]' '["'"${staff}"'","ABSENCE_KIND_IZIN","REQUEST_STATE_PENDING"]' \
  "the izin asked"
izin="$(jq -r .id <<<"${body}")"
call POST "/v1/absences/${izin}:approve" "${atasan_token}" '{}'
expect 200 '[.id, .state, .decidedBy]' '["'"${izin}"'","REQUEST_STATE_APPROVED","'"${atasan}"'"]' \
  "the izin approved"
echo "ok: izin ${izin} of ${year}-${month}-27 asked by ${staff}, approved by ${atasan}"

range="startDate.year=${year}&startDate.month=${month}&startDate.day=1&endDate.year=${year}&endDate.month=${month}&endDate.day=31"
call GET "/v1/employees/${staff}/attendanceDays?${range}" "${staff_token}"
expect 200 '[.days[] | select(.status != "DAY_STATUS_HADIR" and .status != "DAY_STATUS_LIBUR") | [.date.day, .status, .minutesLate, .tlTier, .minutesEarly, .pswTier, .checkedIn]]' \
  '[[6,"DAY_STATUS_TERLAMBAT",45,2,0,0,true],[14,"DAY_STATUS_PULANG_CEPAT",0,0,75,3,true],[20,"DAY_STATUS_PULANG_CEPAT",0,0,0,4,true],[22,"DAY_STATUS_TANPA_KETERANGAN",0,0,0,0,false],[27,"DAY_STATUS_IZIN",0,0,0,0,false]]' \
  "the staff's special days of October"
expect 200 '[([.days[] | select(.status != "DAY_STATUS_LIBUR")] | length), ([.days[] | select(.status == "DAY_STATUS_HADIR")] | length)]' \
  '[22,17]' "the staff's workdays of October"
echo "ok: October as attendance sees it: 22 workdays, 17 on time, TL 2, PSW 3, PSW 4, TK, izin"

# ---------------------------------------------------------------------------------------------
# The admin: a hukuman disiplin ringan in force in October, then October's run.

call POST /v1/hukumanDisiplin "${admin_token}" \
  '{"sanction":{"nip":"'"${staff}"'","level":"SANCTION_LEVEL_RINGAN","startDate":{"year":2026,"month":9,"day":15},"endDate":{"year":2026,"month":12,"day":14},"reference":"800.1.6.4/017/BKPSDM/2026"},"requestId":"e2e-hukuman"}'
expect 200 '[.nip, .level, .revoked]' '["'"${staff}"'","SANCTION_LEVEL_RINGAN",false]' \
  "the hukuman disiplin"

call POST /v1/tppRuns "${admin_token}" \
  '{"year":'"${year}"',"month":'"${month}"',"requestId":"e2e-tpp-2026-10"}'
expect 200 '[.year, .month, .status, .version, .rulesVersion, .totals.employees, .totals.hukumanIdr, .skipped]' \
  '[2026,10,"RUN_STATUS_DRAFT",1,0,60,"'"${hukuman}"'",[]]' "the run of October"
run="$(jq -r .id <<<"${body}")"
run_json="${body}"
# The totals add up the 60 instruments.
call GET "/v1/tppRuns/${run}/instruments?pageSize=1000" "${admin_token}"
expect 200 '.instruments | length' 60 "the run's instruments"
sums="$(jq -c 'def total(f): map(f // "0" | tonumber) | add | tostring;
  .instruments | [total(.ceilingIdr), total(.disiplinPaidIdr), total(.produktivitasPaidIdr),
  total(.grossIdr), total(.netIdr)]' <<<"${body}")"
body="${run_json}"
expect 200 '[.totals.ceilingIdr, .totals.disiplinPaidIdr, .totals.produktivitasPaidIdr, .totals.grossIdr, .totals.netIdr]' \
  "${sums}" "the run's totals against its instruments"
echo "ok: run ${run} of ${year}-${month}: DRAFT, 60 employees, totals ${sums}"

# ---------------------------------------------------------------------------------------------
# The employee's instrument against the fixture.

call GET "/v1/employees/${staff}/instruments/${year}/${month}" "${staff_token}"
expect 200 '[.runId, .runStatus, .nip, .name, .golongan, .orgUnitCode, .opdCode, .rulesVersion, .monthWorkdays]' \
  '["'"${run}"'","RUN_STATUS_DRAFT","'"${staff}"'","Dedi Kurniawan","II/c","DINKES.P2P.SURV","DINKES",0,22]' \
  "the instrument's head"
expect 200 '[.ceilingTerms[] | [.positionCode, .kelasJabatan, .positionCeilingIdr, .workdaysHeld, .amountIdr]]' \
  '[["DINKES.P2P.SURV.PENGOLAH",6,"'"${ceiling}"'",22,"'"${ceiling}"'"]]' "step 1, the ceiling"
expect 200 '[.ceilingIdr, .disiplinIdr, .produktivitasIdr]' \
  '["'"${ceiling}"'","'"${disiplin}"'","'"${produktivitas}"'"]' "step 2, the parts"
expect 200 '[.disiplinLines[] | [.part, .date.day, .rule, .rateBp, .baseIdr, .amountIdr]]' \
  '[["PART_DISIPLIN",6,"TL_2",100,"1140000","11400"],["PART_DISIPLIN",14,"PSW_3",125,"1140000","14250"],["PART_DISIPLIN",20,"PSW_4",150,"1140000","17100"],["PART_DISIPLIN",22,"TANPA_KETERANGAN",300,"1140000","34200"],["PART_DISIPLIN",27,"IZIN",200,"1140000","22800"]]' \
  "step 3, the disiplin lines"
expect 200 .disiplinPaidIdr "\"${disiplin_paid}\"" "step 3, disiplin paid"
expect 200 '[.capaianBasis, .capaianNumerator, .capaianDenominator, .capaianPercent, .produktivitasEarnedIdr]' \
  '["MINUTES","0","1","0.00","0"]' "step 4, the capaian"
present_days='[1,2,5,6,7,8,9,12,13,14,15,16,19,20,21,23,26,28,29,30]'
expect 200 '[.produktivitasLines[] | .date.day]' "${present_days}" "step 4, the days without a report"
expect 200 '[.produktivitasLines[] | [.part, .rule, .rateBp, .baseIdr, .amountIdr]] | unique' \
  '[["PART_PRODUKTIVITAS","LAPORAN_TIDAK_ADA",200,"1710000","34200"]]' "step 4, each missing report"
expect 200 .produktivitasPaidIdr '"0"' "step 4, produktivitas paid"
expect 200 '[.hukuman.part, .hukuman.rule, .hukuman.rateBp, .hukuman.baseIdr, .hukuman.amountIdr, .hukumanReference]' \
  '["PART_LAIN","HUKUMAN_RINGAN",2000,"'"${disiplin_paid}"'","'"${hukuman}"'","800.1.6.4/017/BKPSDM/2026"]' \
  "step 5, the hukuman"
expect 200 .grossIdr "\"${gross}\"" "step 5, gross"
expect 200 '[.pph21, .bpjsEmployee, .bpjsEmployer] | map([.part, .rule, .rateBp, .baseIdr, .amountIdr])' \
  '[["PART_POTONGAN","PPH21",0,"'"${gross}"'","0"],["PART_POTONGAN","BPJS_PEGAWAI",100,"'"${gross}"'","'"${bpjs_pegawai}"'"],["PART_POTONGAN","BPJS_PEMBERI_KERJA",400,"'"${gross}"'","'"${bpjs_pemberi_kerja}"'"]]' \
  "step 6, PPh 21 and BPJS"
expect 200 .netIdr "\"${net}\"" "step 6, net"
expect 200 '[.kotak, .disiplinPercent, .produktivitasPercent]' '[7,"91.25","0.00"]' "the kotak"
echo "ok: ${staff}'s instrument of ${year}-${month}: C ${ceiling}, disiplin paid ${disiplin_paid}, produktivitas paid 0, hukuman ${hukuman}, gross ${gross}, net ${net}, kotak 7"

call GET "/v1/employees/${staff}/instruments/${year}/${month}" "${colleague_token}"
expect 403 .code 7 "a colleague reading the instrument"
echo "ok: a colleague (${colleague}) reading it is 403"

# ---------------------------------------------------------------------------------------------
# Verified by the VERIFIKATOR_TPP, locked by the admin: activity's and attendance's month locked.

call POST "/v1/tppRuns/${run}:verify" "${verifikator_token}" '{}'
expect 200 '[.status, .verifiedBy]' '["RUN_STATUS_VERIFIED","verifikator.bkpsdm"]' "the verification"
call POST "/v1/tppRuns/${run}:lock" "${admin_token}" '{}'
expect 200 '[.status, .lockedBy]' '["RUN_STATUS_LOCKED","admin"]' "the lock"
call GET "/v1/monthLocks/${year}/${month}" "${admin_token}"
expect 200 '[.year, .month, .locked, .reference]' "[2026,10,true,\"tppRuns/${run}\"]" \
  "activity's month lock"
call POST "/v1/absences?requestId=e2e-izin-late" "${staff_token}" \
  '{"nip":"'"${staff}"'","kind":"ABSENCE_KIND_SAKIT","startDate":'"$(date_of 22)"',"endDate":'"$(date_of 22)"',"reason":"Demam"}'
expect 400 '[.code, .details[0].violations[0].type, .details[0].violations[0].subject]' \
  '[9,"MONTH_LOCKED","attendanceDays/'"${staff}"'/2026-10-22"]' "an absence in the locked October"
call POST "/v1/tppRuns/${run}:recompute" "${admin_token}" '{}'
expect 400 '[.code, .details[0].violations[0].type]' '[9,"RUN_STATUS"]' "recomputing the locked run"
echo "ok: run ${run} verified, locked (a recompute refused); October locked in activity (tppRuns/${run}) and attendance"

# ---------------------------------------------------------------------------------------------
# The payroll file and the kotak.

csv_headers="${work}/payroll.headers"
code="$(curl -sS -D "${csv_headers}" -o "${work}/payroll.csv" -w '%{http_code}' \
  "${gw}/v1/tppRuns/${run}/payroll.csv" -H "Authorization: Bearer ${admin_token}")"
[[ "${code}" == 200 ]] || fail "payroll.csv answered ${code}: $(cat "${work}/payroll.csv")"
grep -qi '^content-type: text/csv' "${csv_headers}" || fail "payroll.csv is not text/csv: $(cat "${csv_headers}")"
[[ "$(head -n 1 "${work}/payroll.csv" | tr -d '\r')" == "nip,nama,golongan,opd,unit,plafon,disiplin_dibayar,produktivitas_dibayar,potongan_hukuman,bruto,pph21,bpjs_pegawai,bpjs_pemberi_kerja,netto" ]] ||
  fail "payroll.csv header: $(head -n 1 "${work}/payroll.csv")"
[[ "$(grep "^${staff}," "${work}/payroll.csv" | tr -d '\r')" == "${staff},Dedi Kurniawan,II/c,DINKES,DINKES.P2P.SURV,${ceiling},${disiplin_paid},0,${hukuman},${gross},0,${bpjs_pegawai},${bpjs_pemberi_kerja},${net}" ]] ||
  fail "payroll.csv row of ${staff}: $(grep "^${staff}," "${work}/payroll.csv")"
(($(wc -l <"${work}/payroll.csv") == 61)) || fail "payroll.csv has $(wc -l <"${work}/payroll.csv") lines, not 61"
echo "ok: payroll.csv: the header, 60 rows, ${staff}'s exactly"

call GET "/v1/kotak/${year}/${month}" "${admin_token}"
expect 200 '[.total[] | select(.employees > 0) | [.box, .employees]]' '[[1,59],[7,1]]' \
  "the tenant's kotak"
expect 200 '[.opds[] | select(.opdCode == "DINKES") | .boxes[] | select(.employees > 0) | [.box, .employees]]' \
  '[[1,19],[7,1]]' "DINKES's kotak"
echo "ok: kotak of ${year}-${month}: ${staff} alone in box 7, the 59 others in box 1"

# ---------------------------------------------------------------------------------------------
# Scoring's metrics.

metrics="$(curl -sSf "http://${scoring_metrics}/metrics")" || fail "no /metrics"
"${EKINERJA_PROMTOOL}" check metrics <<<"${metrics}" >"${work}/promtool.out" 2>&1 ||
  { cat "${work}/promtool.out" >&2; fail "promtool check metrics"; }
grep -qx 'ekinerja_scoring_runs_total{action="compute",outcome="ok"} 1' <<<"${metrics}" ||
  fail "/metrics does not count one computed run: $(grep runs_total <<<"${metrics}")"
echo "ok: scoring's /metrics passes promtool and counts the one computed run"
