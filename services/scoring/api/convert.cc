#include "api/convert.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "date_proto.h"
#include "domain/tpp_rules.h"
#include "text.h"

namespace ekinerja::scoring {
namespace {

constexpr int32_t kWhole = 10000;  // 100% in basis points

void CheckBp(Violations& v, const std::string& field, int32_t bp) {
  if (bp < 0 || bp > kWhole) v.Add(field, "must be 0-10000 basis points");
}

void CheckIdr(Violations& v, const std::string& field, int64_t idr) {
  if (idr < 0) v.Add(field, "must not be negative");
}

template <size_t N>
void TiersFromProto(const google::protobuf::RepeatedField<int32_t>& in, const std::string& field,
                    Violations& v, std::array<int32_t, N>& out) {
  if (static_cast<size_t>(in.size()) != N) {
    v.Add(field, absl::StrCat("must have ", N, " rates"));
    return;
  }
  for (size_t i = 0; i < N; ++i) {
    CheckBp(v, absl::StrCat(field, "[", i, "]"), in[i]);
    out[i] = in[i];
  }
}

v1::Part PartToProto(Part part) {
  switch (part) {
    case Part::kDisiplin:
      return v1::PART_DISIPLIN;
    case Part::kProduktivitas:
      return v1::PART_PRODUKTIVITAS;
    case Part::kLain:
      return v1::PART_LAIN;
    case Part::kPotongan:
      return v1::PART_POTONGAN;
  }
  return v1::PART_UNSPECIFIED;
}

void LineToProto(const Line& line, v1::Line* out) {
  out->set_part(PartToProto(line.part));
  if (line.day) *out->mutable_date() = ToProtoDate(*line.day);
  out->set_rule(line.rule);
  out->set_description(LineDescription(line.rule));
  out->set_rate_bp(line.rate_bp);
  out->set_base_idr(line.base_idr);
  out->set_amount_idr(line.amount_idr);
}

}  // namespace

v1::RunStatus RunStatusOf(const std::string& status) {
  v1::RunStatus out = v1::RUN_STATUS_UNSPECIFIED;
  v1::RunStatus_Parse(absl::StrCat("RUN_STATUS_", status), &out);
  return out;
}

v1::TppRules ToProto(const store::StoredRules& stored) {
  const TppRules& r = stored.rules;
  v1::TppRules out;
  *out.mutable_effective_from() = ToProtoDate(stored.effective_from);
  for (const auto& [kelas, idr] : r.ceilings) {
    auto* c = out.add_kelas_ceilings();
    c->set_kelas_jabatan(kelas);
    c->set_ceiling_idr(idr);
  }
  for (const auto& [code, idr] : r.position_ceilings) {
    auto* c = out.add_position_ceilings();
    c->set_position_code(code);
    c->set_ceiling_idr(idr);
  }
  out.set_disiplin_bp(r.disiplin_bp);
  for (int32_t bp : r.tl_bp) out.add_tl_tier_bp(bp);
  for (int32_t bp : r.psw_bp) out.add_psw_tier_bp(bp);
  for (absl::string_view kind : kAbsenceRateKeys) {
    auto* a = out.add_absence_rates();
    a->set_kind(std::string(kind));
    auto it = r.absence_bp.find(std::string(kind));
    a->set_rate_bp(it == r.absence_bp.end() ? 0 : it->second);
  }
  v1::ProductivityModel model = v1::PRODUCTIVITY_MODEL_UNSPECIFIED;
  v1::ProductivityModel_Parse(
      absl::StrCat("PRODUCTIVITY_MODEL_", std::string(ProductivityModelName(r.productivity_model))),
      &model);
  out.set_productivity_model(model);
  const auto rate = [](const std::map<std::string, int32_t>& m, const char* key) {
    auto it = m.find(key);
    return it == m.end() ? 0 : it->second;
  };
  out.set_assessment_di_atas_bp(rate(r.assessment_bp, "DI_ATAS_EKSPEKTASI"));
  out.set_assessment_sesuai_bp(rate(r.assessment_bp, "SESUAI_EKSPEKTASI"));
  out.set_assessment_di_bawah_bp(rate(r.assessment_bp, "DI_BAWAH_EKSPEKTASI"));
  out.set_missing_report_bp(r.missing_report_bp);
  out.set_hukuman_ringan_bp(rate(r.hukuman_bp, "RINGAN"));
  out.set_hukuman_sedang_bp(rate(r.hukuman_bp, "SEDANG"));
  out.set_hukuman_berat_bp(rate(r.hukuman_bp, "BERAT"));
  for (int32_t bp : r.pph_bp) out.add_pph21_golongan_bp(bp);
  out.set_bpjs_employee_bp(r.bpjs_employee_bp);
  out.set_bpjs_employer_bp(r.bpjs_employer_bp);
  out.set_bpjs_base_cap_idr(r.bpjs_base_cap_idr);
  out.set_kotak_medium_from_bp(r.kotak_medium_bp);
  out.set_kotak_high_from_bp(r.kotak_high_bp);
  out.set_version(r.version);
  if (stored.create_time) *out.mutable_create_time() = ToProtoTimestamp(*stored.create_time);
  return out;
}

TppRules RulesFromProto(const v1::TppRules& in, const std::string& prefix, Violations& v) {
  TppRules out;
  const auto path = [&](absl::string_view field) { return absl::StrCat(prefix, field); };
  for (int i = 0; i < in.kelas_ceilings_size(); ++i) {
    const v1::KelasCeiling& c = in.kelas_ceilings(i);
    const std::string at = path(absl::StrCat("kelas_ceilings[", i, "]"));
    if (c.kelas_jabatan() < 1 || c.kelas_jabatan() > 17) {
      v.Add(at + ".kelas_jabatan", "must be 1-17");
    } else if (!out.ceilings.emplace(c.kelas_jabatan(), c.ceiling_idr()).second) {
      v.Add(at + ".kelas_jabatan", "is listed twice");
    }
    CheckIdr(v, at + ".ceiling_idr", c.ceiling_idr());
  }
  if (out.ceilings.size() != 17 &&
      in.kelas_ceilings_size() == static_cast<int>(out.ceilings.size())) {
    v.Add(path("kelas_ceilings"), "must give every kelas jabatan 1-17 once");
  }
  for (int i = 0; i < in.position_ceilings_size(); ++i) {
    const v1::PositionCeiling& c = in.position_ceilings(i);
    const std::string at = path(absl::StrCat("position_ceilings[", i, "]"));
    if (CheckText(v, at + ".position_code", c.position_code(), kIdText) &&
        !out.position_ceilings.emplace(c.position_code(), c.ceiling_idr()).second) {
      v.Add(at + ".position_code", "is listed twice");
    }
    CheckIdr(v, at + ".ceiling_idr", c.ceiling_idr());
  }
  CheckBp(v, path("disiplin_bp"), in.disiplin_bp());
  out.disiplin_bp = in.disiplin_bp();
  TiersFromProto(in.tl_tier_bp(), path("tl_tier_bp"), v, out.tl_bp);
  TiersFromProto(in.psw_tier_bp(), path("psw_tier_bp"), v, out.psw_bp);
  if (in.tl_tier_bp_size() == kTiers && in.tl_tier_bp(0) != 0) {
    v.Add(path("tl_tier_bp[0]"), "tier 0 (on time) deducts nothing");
  }
  if (in.psw_tier_bp_size() == kTiers && in.psw_tier_bp(0) != 0) {
    v.Add(path("psw_tier_bp[0]"), "tier 0 (on time) deducts nothing");
  }
  for (absl::string_view kind : kAbsenceRateKeys) out.absence_bp[std::string(kind)] = 0;
  std::set<std::string> seen;
  for (int i = 0; i < in.absence_rates_size(); ++i) {
    const v1::AbsenceRate& a = in.absence_rates(i);
    const std::string at = path(absl::StrCat("absence_rates[", i, "]"));
    if (out.absence_bp.count(a.kind()) == 0) {
      v.Add(at + ".kind", "must be TANPA_KETERANGAN or one of attendance's absence kinds");
    } else if (!seen.insert(a.kind()).second) {
      v.Add(at + ".kind", "is listed twice");
    } else {
      out.absence_bp[a.kind()] = a.rate_bp();
    }
    CheckBp(v, at + ".rate_bp", a.rate_bp());
  }
  std::optional<ProductivityModel> model;
  if (v1::ProductivityModel_IsValid(in.productivity_model())) {
    const std::string name = v1::ProductivityModel_Name(in.productivity_model());
    model =
        ParseProductivityModel(std::string_view(name).substr(sizeof("PRODUCTIVITY_MODEL_") - 1));
  }
  if (!model) {
    v.Add(path("productivity_model"), "must be MINUTES, ASSESSMENT or APPROVAL_RATIO");
  } else {
    out.productivity_model = *model;
  }
  CheckBp(v, path("assessment_di_atas_bp"), in.assessment_di_atas_bp());
  CheckBp(v, path("assessment_sesuai_bp"), in.assessment_sesuai_bp());
  CheckBp(v, path("assessment_di_bawah_bp"), in.assessment_di_bawah_bp());
  out.assessment_bp = {{"DI_ATAS_EKSPEKTASI", in.assessment_di_atas_bp()},
                       {"SESUAI_EKSPEKTASI", in.assessment_sesuai_bp()},
                       {"DI_BAWAH_EKSPEKTASI", in.assessment_di_bawah_bp()}};
  CheckBp(v, path("missing_report_bp"), in.missing_report_bp());
  out.missing_report_bp = in.missing_report_bp();
  CheckBp(v, path("hukuman_ringan_bp"), in.hukuman_ringan_bp());
  CheckBp(v, path("hukuman_sedang_bp"), in.hukuman_sedang_bp());
  CheckBp(v, path("hukuman_berat_bp"), in.hukuman_berat_bp());
  out.hukuman_bp = {{"RINGAN", in.hukuman_ringan_bp()},
                    {"SEDANG", in.hukuman_sedang_bp()},
                    {"BERAT", in.hukuman_berat_bp()}};
  TiersFromProto(in.pph21_golongan_bp(), path("pph21_golongan_bp"), v, out.pph_bp);
  CheckBp(v, path("bpjs_employee_bp"), in.bpjs_employee_bp());
  CheckBp(v, path("bpjs_employer_bp"), in.bpjs_employer_bp());
  CheckIdr(v, path("bpjs_base_cap_idr"), in.bpjs_base_cap_idr());
  out.bpjs_employee_bp = in.bpjs_employee_bp();
  out.bpjs_employer_bp = in.bpjs_employer_bp();
  out.bpjs_base_cap_idr = in.bpjs_base_cap_idr();
  CheckBp(v, path("kotak_medium_from_bp"), in.kotak_medium_from_bp());
  CheckBp(v, path("kotak_high_from_bp"), in.kotak_high_from_bp());
  if (in.kotak_medium_from_bp() > in.kotak_high_from_bp()) {
    v.Add(path("kotak_medium_from_bp"), "must not be above kotak_high_from_bp");
  }
  out.kotak_medium_bp = in.kotak_medium_from_bp();
  out.kotak_high_bp = in.kotak_high_from_bp();
  return out;
}

bool CheckRequiredText(Violations& v, const std::string& field, absl::string_view value,
                       TextRule rule) {
  if (value.empty()) {
    v.Add(field, "required");
    return false;
  }
  return CheckText(v, field, value, rule);
}

std::string SanctionLevelName(v1::SanctionLevel level) {
  if (level == v1::SANCTION_LEVEL_UNSPECIFIED || !v1::SanctionLevel_IsValid(level)) return "";
  return v1::SanctionLevel_Name(level).substr(sizeof("SANCTION_LEVEL_") - 1);
}

v1::Sanction ToProto(const store::SanctionRow& row) {
  v1::Sanction out;
  out.set_id(row.id);
  out.set_nip(row.nip);
  v1::SanctionLevel level = v1::SANCTION_LEVEL_UNSPECIFIED;
  v1::SanctionLevel_Parse(absl::StrCat("SANCTION_LEVEL_", row.level), &level);
  out.set_level(level);
  *out.mutable_start_date() = ToProtoDate(row.start_date);
  *out.mutable_end_date() = ToProtoDate(row.end_date);
  out.set_reference(row.reference);
  out.set_revoked(row.revoked);
  out.set_created_by(row.created_by);
  *out.mutable_create_time() = ToProtoTimestamp(row.create_time);
  return out;
}

v1::TppRun ToProto(const store::RunRow& run) {
  v1::TppRun out;
  out.set_id(run.id);
  out.set_year(run.year);
  out.set_month(run.month);
  out.set_org_unit_code(run.org_unit_code);
  out.set_status(RunStatusOf(run.status));
  out.set_version(run.version);
  out.set_corrects_run_id(run.corrects_run_id);
  out.set_correction_reason(run.correction_reason);
  out.set_rules_version(run.rules_version);
  const store::RunTotalsRow& t = run.totals;
  v1::RunTotals* totals = out.mutable_totals();
  totals->set_employees(t.employees);
  totals->set_ceiling_idr(t.ceiling_idr);
  totals->set_disiplin_paid_idr(t.disiplin_paid_idr);
  totals->set_produktivitas_paid_idr(t.produktivitas_paid_idr);
  totals->set_hukuman_idr(t.hukuman_idr);
  totals->set_gross_idr(t.gross_idr);
  totals->set_pph21_idr(t.pph21_idr);
  totals->set_bpjs_employee_idr(t.bpjs_employee_idr);
  totals->set_bpjs_employer_idr(t.bpjs_employer_idr);
  totals->set_net_idr(t.net_idr);
  out.set_created_by(run.created_by);
  *out.mutable_create_time() = ToProtoTimestamp(run.create_time);
  if (run.compute_time) *out.mutable_compute_time() = ToProtoTimestamp(*run.compute_time);
  out.set_verified_by(run.verified_by);
  if (run.verify_time) *out.mutable_verify_time() = ToProtoTimestamp(*run.verify_time);
  out.set_return_reason(run.return_reason);
  out.set_locked_by(run.locked_by);
  if (run.lock_time) *out.mutable_lock_time() = ToProtoTimestamp(*run.lock_time);
  for (const store::Skipped& s : run.skipped) {
    auto* skipped = out.add_skipped();
    skipped->set_nip(s.nip);
    skipped->set_reason(s.reason);
  }
  return out;
}

v1::Instrument ToProto(const store::InstrumentRow& row, const store::RunRow& run) {
  const Instrument& i = row.instrument;
  v1::Instrument out;
  out.set_run_id(run.id);
  out.set_run_status(RunStatusOf(run.status));
  out.set_run_version(run.version);
  out.set_year(run.year);
  out.set_month(run.month);
  out.set_nip(row.nip);
  out.set_name(row.name);
  out.set_golongan(row.golongan);
  out.set_org_unit_code(row.org_unit_code);
  out.set_opd_code(row.opd_code);
  out.set_rules_version(run.rules_version);
  out.set_month_workdays(i.month_workdays);
  for (const CeilingTerm& t : i.ceiling_terms) {
    auto* term = out.add_ceiling_terms();
    term->set_position_code(t.position_code);
    term->set_kelas_jabatan(t.kelas_jabatan);
    term->set_position_ceiling_idr(t.ceiling_idr);
    term->set_workdays_held(t.workdays_held);
    term->set_amount_idr(t.amount_idr);
  }
  out.set_ceiling_idr(i.ceiling_idr);
  out.set_disiplin_idr(i.disiplin_idr);
  out.set_produktivitas_idr(i.produktivitas_idr);
  for (const Line& l : i.disiplin_lines) LineToProto(l, out.add_disiplin_lines());
  out.set_disiplin_paid_idr(i.disiplin_paid_idr);
  out.set_capaian_basis(i.capaian_basis);
  out.set_capaian_numerator(i.capaian.numerator());
  out.set_capaian_denominator(i.capaian.denominator());
  out.set_capaian_percent((i.capaian * 100).ToFixed2());
  out.set_produktivitas_earned_idr(i.produktivitas_earned_idr);
  for (const Line& l : i.produktivitas_lines) LineToProto(l, out.add_produktivitas_lines());
  out.set_produktivitas_paid_idr(i.produktivitas_paid_idr);
  if (i.hukuman) LineToProto(*i.hukuman, out.mutable_hukuman());
  out.set_hukuman_reference(i.hukuman_reference);
  out.set_gross_idr(i.gross_idr);
  LineToProto(i.pph21, out.mutable_pph21());
  LineToProto(i.bpjs_pegawai, out.mutable_bpjs_employee());
  LineToProto(i.bpjs_pemberi_kerja, out.mutable_bpjs_employer());
  out.set_net_idr(i.net_idr);
  out.set_kotak(row.kotak);
  out.set_disiplin_percent(row.disiplin_percent);
  out.set_produktivitas_percent(row.produktivitas_percent);
  return out;
}

std::string LineDescription(const std::string& rule) {
  static const auto* const kWords = new std::map<std::string, std::string>{
      {"TL_1", "Terlambat 1-30 menit"},
      {"TL_2", "Terlambat 31-60 menit"},
      {"TL_3", "Terlambat 61-90 menit"},
      {"TL_4", "Terlambat lebih dari 90 menit atau tidak absen masuk"},
      {"PSW_1", "Pulang sebelum waktunya 1-30 menit"},
      {"PSW_2", "Pulang sebelum waktunya 31-60 menit"},
      {"PSW_3", "Pulang sebelum waktunya 61-90 menit"},
      {"PSW_4", "Pulang sebelum waktunya lebih dari 90 menit atau tidak absen pulang"},
      {"TANPA_KETERANGAN", "Tidak masuk tanpa keterangan"},
      {"IZIN", "Izin"},
      {"SAKIT", "Sakit tanpa surat keterangan dokter"},
      {"LAPORAN_TIDAK_ADA", "Hadir tanpa laporan kegiatan harian yang disetujui"},
      {"HUKUMAN_RINGAN", "Hukuman disiplin ringan"},
      {"HUKUMAN_SEDANG", "Hukuman disiplin sedang"},
      {"HUKUMAN_BERAT", "Hukuman disiplin berat"},
      {"TIDAK_DIBAYAR", "Tidak dibayarkan (cuti di luar tanggungan negara atau tugas belajar)"},
      {"PPH21", "PPh 21"},
      {"BPJS_PEGAWAI", "BPJS Kesehatan (dipotong dari pegawai)"},
      {"BPJS_PEMBERI_KERJA", "BPJS Kesehatan (dibayar pemberi kerja, tidak dipotong)"},
  };
  auto it = kWords->find(rule);
  if (it != kWords->end()) return it->second;
  // Absence kinds with a rate (CUTI_*, DINAS_LUAR, TUGAS_BELAJAR when a tenant rates them).
  return rule;
}

}  // namespace ekinerja::scoring
