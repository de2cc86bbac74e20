#!/usr/bin/env bash
# End to end, the SKP: the real ekinerja-identity, ekinerja-skp and ekinerja-gateway binaries (and
# ekinerja-attendance, which the gateway routes too) on free ports against the test Postgres
# (suite_lib.sh), seeded by ekinerja-demo-seed with this year's SKPs (twice: the second run takes
# no step), then the year of an employee through the gateway's REST API as the real users, with
# tokens from identity's REST login: a bad plan refused with its field violations and nothing
# written, a good plan, the submission, the employee, a colleague and the kepala dinas refused the
# approval, the pejabat penilai's approval with expectations and the snapshots; a realisation
# with its evidence link and the pejabat penilai's feedback; the month's evaluation.
# Usage: skp_e2e.sh <ekinerja-identity> <ekinerja-attendance> <ekinerja-skp> <ekinerja-activity>
#          <ekinerja-gateway> <ekinerja-demo-seed> <descriptor set (build/ekinerja.pb)>
set -euo pipefail
# shellcheck source=SCRIPTDIR/suite_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/suite_lib.sh" skp "$@"

# ---------------------------------------------------------------------------------------------
# The services, each on ports 0; the demo tenant with its SKPs, twice.

start_suite
# The SKP service's year and day (it decides in Asia/Jakarta, as the demo tenant lives).
year="$(TZ=Asia/Jakarta date +%Y)"
today="$(TZ=Asia/Jakarta date +%F)"

seed seed1.out --skp="${skp_addr}"
# 60 created and planned; 58 submitted (2 left in DRAFT); 55 decided (3 left SUBMITTED): 233.
want="skp demo: 60 SKPs of ${year} cascaded from the Sekretaris Daerah down: 53 approved, 2 draft, 3 submitted, 2 rejected (233 steps taken)"
grep -qxF "${want}" "${work}/seed1.out" || fail "first seed: $(cat "${work}/seed1.out")"
seed seed2.out --skp="${skp_addr}"
grep -qxF "${want/233 steps/0 steps}" "${work}/seed2.out" ||
  fail "second seed: $(cat "${work}/seed2.out")"
echo "ok: ${year}'s SKPs seeded top down (53 approved, 2 draft, 3 submitted, 2 rejected); a second seed takes no step"

# ---------------------------------------------------------------------------------------------
# REST calls (suite_lib.sh's call and expect).

# The pelaksana of the credentials file, whose SKP the seed left in DRAFT with a plan.
login_staff

call GET "/v1/employees/${staff}/supervisor" "${staff_token}"
expect 200 '[.atasanLangsung.employee.name, .pejabatPenilai.employee.nip == .atasanLangsung.employee.nip]' \
  '["Eko Prasetyo, S.KM.",true]' "GET supervisor"
penilai="$(jq -r .pejabatPenilai.employee.nip <<<"${body}")"
login demo "${penilai}" "${password}"
penilai_token="${token}"
# A colleague: another pelaksana under the same pejabat penilai.
call GET "/v1/employees/${penilai}/subordinates" "${penilai_token}"
expect 200 '[.employees[].nip] | index("'"${staff}"'") != null' true "GET subordinates"
colleague="$(jq -r --arg me "${staff}" '[.employees[].nip | select(. != $me)][0]' <<<"${body}")"
login demo "${colleague}" "${password}"
colleague_token="${token}"

call GET "/v1/employees/${staff}/skps?year=${year}" "${staff_token}"
expect 200 '[.skps[] | [.year, .status, .revision, .positionCode, [.rhks[].kind]]]' \
  "[[${year},\"SKP_STATUS_DRAFT\",1,\"DINKES.P2P.SURV.PENGOLAH\",[\"RHK_KIND_UTAMA\",\"RHK_KIND_TAMBAHAN\"]]]" \
  "the seeded SKP"
id="$(jq -r '.skps[0].id' <<<"${body}")"
parent="$(jq -r '.skps[0].rhks[0].parentRhkId' <<<"${body}")"
seeded_plan="$(jq -c '.skps[0].rhks' <<<"${body}")"
[[ "${parent}" =~ ^[1-9][0-9]*$ ]] || fail "the seeded RHK utama links to no RHK: ${body}"
echo "ok: ${staff}'s SKP ${id} of ${year} is DRAFT with the seeded plan, its RHK utama under RHK ${parent} of ${penilai}"

# ---------------------------------------------------------------------------------------------
# Plan: a bad one is 400 with one violation per bad field and changes nothing; then a good one.

call PUT "/v1/skps/${id}/plan" "${staff_token}" \
  '{"revision":1,"rhks":[{"kind":"RHK_KIND_UTAMA","description":"","parentRhkId":"'"${parent}"'","ikis":[{"description":"Jumlah laporan surveilans","target":{"quantity":"0","unit":"","quality":100,"months":12}}]}]}'
expect 400 . '{"code":3,"message":"invalid request: rhks[0].description: required (and 2 more)","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"rhks[0].description","description":"required"},{"field":"rhks[0].ikis[0].target.quantity","description":"1 to 1000000000"},{"field":"rhks[0].ikis[0].target.unit","description":"required (\"dokumen\", \"laporan\", \"%\")"}]}]}' \
  "a bad plan"
call GET "/v1/skps/${id}" "${staff_token}"
expect 200 '.rhks' "${seeded_plan}" "the plan after the bad one"
echo "ok: a bad plan is 400 with its 3 field violations, the plan unchanged"

call PUT "/v1/skps/${id}/plan" "${staff_token}" \
  '{"revision":1,"rhks":[{"kind":"RHK_KIND_UTAMA","description":"Tersedianya data surveilans penyakit yang mutakhir","parentRhkId":"'"${parent}"'","ikis":[{"description":"Jumlah laporan surveilans mingguan yang terkirim tepat waktu","target":{"quantity":"48","unit":"laporan","quality":100,"months":12},"breakdownKind":"PERIOD_KIND_QUARTERLY","breakdown":[{"period":1,"quantity":"12"},{"period":2,"quantity":"12"},{"period":3,"quantity":"12"},{"period":4,"quantity":"12"}]}]}]}'
expect 200 '[.status, .revision, (.rhks | length), .rhks[0].parentRhkId, .rhks[0].ikis[0].target, [.rhks[0].ikis[0].breakdown[].quantity]]' \
  '["SKP_STATUS_DRAFT",1,1,"'"${parent}"'",{"quantity":"48","unit":"laporan","quality":100,"months":12,"costIdr":"0"},["12","12","12","12"]]' \
  "the good plan"
rhk="$(jq -r '.rhks[0].id' <<<"${body}")"

call POST "/v1/skps/${id}:submit" "${staff_token}" '{"revision":1}'
expect 200 '[.status, .pendingApproverNip]' '["SKP_STATUS_SUBMITTED","'"${penilai}"'"]' "the submission"
echo "ok: planned (one RHK utama under ${parent}, 48 laporan by quarter) and submitted to ${penilai}"

# ---------------------------------------------------------------------------------------------
# Approval: only the pejabat penilai of today.

approval='{"revision":1,"rhkExpectations":[{"rhkId":"'"${rhk}"'","expectation":"Laporan dikirim setiap Senin sebelum pukul 12.00."}],"perilakuExpectations":[{"value":"BERAKHLAK_VALUE_KOLABORATIF","expectation":"Berbagi data dengan puskesmas tanpa menunggu diminta."}]}'
call POST "/v1/skps/${id}:approve" "${staff_token}" "${approval}"
expect 403 . '{"code":7,"message":"nobody decides on their own SKP","details":[]}' "the employee approving"
call POST "/v1/skps/${id}:approve" "${colleague_token}" "${approval}"
expect 403 . '{"code":7,"message":"the caller may not read the SKPs of '"${staff}"'","details":[]}' \
  "a colleague approving"
# The Kepala Dinas reads the SKPs of the whole dinas, but is not the employee's pejabat penilai.
kepala_line="$(grep -m1 '"roles": \["PEGAWAI", "ATASAN"\]' "${work}/credentials.json")" ||
  fail "no kepala in the credentials file"
login demo "$(sed -n 's/.*"username": "\([0-9]*\)".*/\1/p' <<<"${kepala_line}")" "${password}"
call POST "/v1/skps/${id}:approve" "${token}" "${approval}"
expect 403 . '{"code":7,"message":"only the pejabat penilai of '"${staff}"' on '"${today}"' may decide on this SKP","details":[]}' \
  "the kepala dinas approving"
call POST "/v1/skps/${id}:approve" "" "${approval}"
[[ "${code}" == 401 ]] || fail "an approval without a token answered ${code}, not 401: ${body}"
call GET "/v1/skps/${id}" "${staff_token}"
expect 200 '[.status, .approvedRevision, .decidedBy]' '["SKP_STATUS_SUBMITTED",0,""]' \
  "the SKP after the refused approvals"
echo "ok: the employee, a colleague (${colleague}) and the kepala dinas are 403, no token 401; the SKP still SUBMITTED"

call POST "/v1/skps/${id}:approve" "${penilai_token}" "${approval}"
expect 200 '[.status, .revision, .approvedRevision, .decidedBy, .rhks[0].expectation, .perilakuExpectations]' \
  '["SKP_STATUS_APPROVED",1,1,"'"${penilai}"'","Laporan dikirim setiap Senin sebelum pukul 12.00.",[{"value":"BERAKHLAK_VALUE_KOLABORATIF","expectation":"Berbagi data dengan puskesmas tanpa menunggu diminta."}]]' \
  "the approval"
expect 200 .employee \
  '{"nip":"'"${staff}"'","name":"Dedi Kurniawan","golongan":"II/c","positionCode":"DINKES.P2P.SURV.PENGOLAH","positionName":"Pengolah Data dan Informasi","orgUnitCode":"DINKES.P2P.SURV","orgUnitName":"Seksi Surveilans dan Imunisasi","acting":"DEFINITIF"}' \
  "the employee's snapshot"
expect 200 .pejabatPenilai \
  '{"nip":"'"${penilai}"'","name":"Eko Prasetyo, S.KM.","golongan":"III/d","positionCode":"DINKES.P2P.SURV.KEPALA","positionName":"Kepala Seksi Surveilans dan Imunisasi","orgUnitCode":"DINKES.P2P.SURV","orgUnitName":"Seksi Surveilans dan Imunisasi","acting":"DEFINITIF"}' \
  "the pejabat penilai's snapshot"
call GET "/v1/skps/${id}/revisions" "${staff_token}"
expect 200 '[.revisions[] | [.revision, .status, .pendingApproverNip, .decidedBy]]' \
  '[[1,"SKP_STATUS_APPROVED","","'"${penilai}"'"]]' "the revisions"
echo "ok: ${penilai} approved with expectations; the snapshots of both are kept"

# ---------------------------------------------------------------------------------------------
# During the year: the employee realises the IKI for this month with a link; a colleague may not;
# the pejabat penilai gives feedback on the RHK.

call GET "/v1/skps/${id}" "${staff_token}"
iki="$(jq -r '.rhks[0].ikis[0].id' <<<"${body}")"
month="$(TZ=Asia/Jakarta date +%Y-M%m)"
realisation='{"ikiId":"'"${iki}"'","period":"'"${month}"'","quantity":"4","quality":100,"months":1,"evidenceLink":"https://dinkes.example.go.id/surveilans/minggu-1.pdf"}'
call POST "/v1/skps/${id}/realisations" "${colleague_token}" "${realisation}"
[[ "${code}" == 403 ]] || fail "a colleague's realisation answered ${code}, not 403: ${body}"
call POST "/v1/skps/${id}/realisations" "${staff_token}" "${realisation}"
expect 200 '[.ikiId, .period, .quantity, .quality, .months, .evidenceLink, .recordedBy]' \
  '["'"${iki}"'","'"${month}"'","4",100,1,"https://dinkes.example.go.id/surveilans/minggu-1.pdf","'"${staff}"'"]' \
  "the realisation"
call POST "/v1/skps/${id}/realisations" "${staff_token}" '{"ikiId":"'"${iki}"'","period":"'"${year}"'-Q1","quantity":"4"}'
expect 400 '[.details[0].fieldViolations[].field]' '["period"]' "a quarter under monthly rules"
call POST "/v1/skps/${id}/feedback" "${penilai_token}" \
  '{"rhkId":"'"${rhk}"'","text":"Pertahankan ketepatan waktu laporan.","requestId":"umpan-balik-1"}'
expect 200 '[.authorNip, .rhkId, .text]' \
  '["'"${penilai}"'","'"${rhk}"'","Pertahankan ketepatan waktu laporan."]' "the feedback"
call GET "/v1/skps/${id}/realisations" "${penilai_token}"
expect 200 '[.realisations[] | [.period, .quantity]]' '[["'"${month}"'","4"]]' \
  "the realisations as the pejabat penilai reads them"
echo "ok: ${staff} realised 4 laporan in ${month} (a colleague 403, a quarter 400); ${penilai} gave feedback"

# ---------------------------------------------------------------------------------------------
# Evaluation of the month (PermenPANRB 6/2022, the demo tenant's rules): sesuai ekspektasi on hasil
# kerja and di atas on perilaku is Baik; a colleague may not evaluate; a hasil kerja rating left
# out is 400.

evaluation='{"period":"'"${month}"'","ratingHasilKerja":"RATING_SESUAI_EKSPEKTASI","ratingPerilaku":"RATING_DI_ATAS_EKSPEKTASI"}'
call POST "/v1/skps/${id}/evaluations" "${colleague_token}" "${evaluation}"
[[ "${code}" == 403 ]] || fail "a colleague's evaluation answered ${code}, not 403: ${body}"
call POST "/v1/skps/${id}/evaluations" "${penilai_token}" '{"period":"'"${month}"'","ratingPerilaku":"RATING_DI_ATAS_EKSPEKTASI"}'
expect 400 '[.details[0].fieldViolations[].field]' '["rating_hasil_kerja"]' "an evaluation without hasil kerja"
call POST "/v1/skps/${id}/evaluations" "${penilai_token}" "${evaluation}"
expect 200 '[.nip, .period, .model, .permenpanrb.ratingHasilKerja, .permenpanrb.ratingPerilaku, .permenpanrb.predikat, .evaluatorNip]' \
  '["'"${staff}"'","'"${month}"'","SKP_MODEL_PERMENPANRB_6_2022","RATING_SESUAI_EKSPEKTASI","RATING_DI_ATAS_EKSPEKTASI","BAIK","'"${penilai}"'"]' \
  "the evaluation"
call GET "/v1/skps/${id}/evaluations" "${staff_token}"
expect 200 '[.evaluations[] | [.period, .permenpanrb.predikat]]' '[["'"${month}"'","BAIK"]]' \
  "the evaluations as the employee reads them"
echo "ok: ${penilai} evaluated ${month}: Sesuai × Di Atas = Baik (a colleague 403, no hasil kerja 400)"

# ---------------------------------------------------------------------------------------------
# Metrics.

metrics="$(curl -sSf "http://${skp_metrics}/metrics")" || fail "no /metrics"
"${EKINERJA_PROMTOOL}" check metrics <<<"${metrics}" >"${work}/promtool.out" 2>&1 ||
  { cat "${work}/promtool.out" >&2; fail "promtool check metrics"; }
echo "ok: skp's /metrics passes promtool check metrics"
