#include "domain/tpp_rules.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "domain/predikat.h"
#include "domain/validation.h"
#include "enum_names.h"
#include "money.h"
#include "status.h"

namespace ekinerja::scoring {
namespace {

constexpr EnumNames<ProductivityModel, 3> kProductivityModelNames = {{
    {ProductivityModel::kMinutes, "MINUTES"},
    {ProductivityModel::kAssessment, "ASSESSMENT"},
    {ProductivityModel::kApprovalRatio, "APPROVAL_RATIO"},
}};

constexpr int kMinKelas = 1;
constexpr int kMaxKelas = 17;

void CheckRate(Violations& v, const std::string& field, int32_t bp) {
  if (bp < 0 || bp > kBasisPointsPerWhole) {
    v.Add(field, absl::StrCat("rate must be 0..10000 bp, got ", bp));
  }
}

void CheckMoney(Violations& v, const std::string& field, int64_t idr) {
  if (idr < 0) v.Add(field, absl::StrCat("amount must not be negative, got ", idr));
}

// Every key of `keys` present in `rates` with a rate in range, and no other key.
template <typename Keys>
void CheckRateTable(Violations& v, absl::string_view name, const Keys& keys,
                    const std::map<std::string, int32_t>& rates) {
  for (const auto& k : keys) {
    const absl::string_view key(k.data(), k.size());
    const std::string field = absl::StrCat(name, "[", key, "]");
    auto it = rates.find(std::string(key));
    if (it == rates.end()) {
      v.Add(field, "missing");
    } else {
      CheckRate(v, field, it->second);
    }
  }
  for (const auto& [key, bp] : rates) {
    if (std::none_of(keys.begin(), keys.end(), [&](const auto& k) { return k == key; })) {
      v.Add(absl::StrCat(name, "[", key, "]"), "unknown key");
    }
  }
}

}  // namespace

std::string_view ProductivityModelName(ProductivityModel model) {
  return NameOf(kProductivityModelNames, model);
}

std::optional<ProductivityModel> ParseProductivityModel(std::string_view name) {
  return ValueOf(kProductivityModelNames, name);
}

TppRules NationalDefaults() {
  TppRules r;
  r.version = 1;
  // An example table, not a regulation: each Perkada sets its own ceiling per kelas jabatan.
  r.ceilings = {{1, 1750000},   {2, 1900000},  {3, 2050000},  {4, 2300000},   {5, 2550000},
                {6, 2850000},   {7, 3250000},  {8, 3700000},  {9, 4250000},   {10, 4900000},
                {11, 5700000},  {12, 6750000}, {13, 8250000}, {14, 10500000}, {15, 14000000},
                {16, 19500000}, {17, 27500000}};
  r.disiplin_bp = 4000;              // Kepmendagri 900-4700/2020: 40% disiplin, 60% produktivitas
  r.tl_bp = {0, 50, 100, 125, 150};  // DOMAIN §4 tiers (Permentan 68/2012 style)
  r.psw_bp = {0, 50, 100, 125, 150};
  r.absence_bp = {{"TANPA_KETERANGAN", 300},
                  {"IZIN", 200},
                  {"SAKIT", 200},
                  {"CUTI_TAHUNAN", 0},
                  {"CUTI_BESAR", 0},
                  {"CUTI_SAKIT", 0},
                  {"CUTI_MELAHIRKAN", 0},
                  {"CUTI_ALASAN_PENTING", 0},
                  {"DINAS_LUAR", 0},
                  {"TUGAS_BELAJAR", 0}};
  r.productivity_model = ProductivityModel::kMinutes;
  r.assessment_bp = {
      {"DI_ATAS_EKSPEKTASI", 10000}, {"SESUAI_EKSPEKTASI", 10000}, {"DI_BAWAH_EKSPEKTASI", 7000}};
  r.missing_report_bp = 200;
  r.hukuman_bp = {{"RINGAN", 2000}, {"SEDANG", 4000}, {"BERAT", 10000}};
  r.pph_bp = {0, 0, 500, 1500};  // PMK 262/2010: final PPh 21 on the TPP, by golongan group
  r.bpjs_employee_bp = 100;      // Perpres 64/2020: 1% employee, 4% employer
  r.bpjs_employer_bp = 400;
  r.bpjs_base_cap_idr = 12000000;
  r.kotak_medium_bp = 7000;
  r.kotak_high_bp = 9000;
  return r;
}

absl::Status Validate(const TppRules& rules) {
  Violations v;
  for (int kelas = kMinKelas; kelas <= kMaxKelas; ++kelas) {
    if (rules.ceilings.count(kelas) == 0) v.Add(absl::StrCat("ceilings[", kelas, "]"), "missing");
  }
  for (const auto& [kelas, idr] : rules.ceilings) {
    const std::string field = absl::StrCat("ceilings[", kelas, "]");
    if (kelas < kMinKelas || kelas > kMaxKelas) v.Add(field, "kelas jabatan must be 1..17");
    CheckMoney(v, field, idr);
  }
  for (const auto& [code, idr] : rules.position_ceilings) {
    const std::string field = absl::StrCat("position_ceilings[", code, "]");
    if (code.empty()) v.Add(field, "position code must not be empty");
    CheckMoney(v, field, idr);
  }
  CheckRate(v, "disiplin_bp", rules.disiplin_bp);
  for (int tier = 0; tier < kTiers; ++tier) {
    CheckRate(v, absl::StrCat("tl_bp[", tier, "]"), rules.tl_bp[tier]);
    CheckRate(v, absl::StrCat("psw_bp[", tier, "]"), rules.psw_bp[tier]);
  }
  // Tier 0 is on time: a rate there would cut every workday.
  if (rules.tl_bp[0] != 0) v.Add("tl_bp[0]", "tier 0 (on time) must be 0");
  if (rules.psw_bp[0] != 0) v.Add("psw_bp[0]", "tier 0 (on time) must be 0");
  CheckRateTable(v, "absence_bp", kAbsenceRateKeys, rules.absence_bp);
  const std::array<std::string_view, 3> ratings = {
      skp::RatingName(skp::Rating::kDiAtasEkspektasi),
      skp::RatingName(skp::Rating::kSesuaiEkspektasi),
      skp::RatingName(skp::Rating::kDiBawahEkspektasi)};
  CheckRateTable(v, "assessment_bp", ratings, rules.assessment_bp);
  CheckRate(v, "missing_report_bp", rules.missing_report_bp);
  CheckRateTable(v, "hukuman_bp", kHukumanLevels, rules.hukuman_bp);
  for (size_t group = 0; group < rules.pph_bp.size(); ++group) {
    CheckRate(v, absl::StrCat("pph_bp[", group, "]"), rules.pph_bp[group]);
  }
  CheckRate(v, "bpjs_employee_bp", rules.bpjs_employee_bp);
  CheckRate(v, "bpjs_employer_bp", rules.bpjs_employer_bp);
  CheckMoney(v, "bpjs_base_cap_idr", rules.bpjs_base_cap_idr);
  CheckRate(v, "kotak_medium_bp", rules.kotak_medium_bp);
  CheckRate(v, "kotak_high_bp", rules.kotak_high_bp);
  if (rules.kotak_medium_bp > rules.kotak_high_bp) {
    v.Add("kotak_medium_bp", "must not be above kotak_high_bp");
  }
  return v.ToStatus("invalid TPP rule set");
}

int GolonganGroup(std::string_view golongan) {
  // identity's parser (DOMAIN §1) numbers the 17 grades I/a = 1 .. IV/e = 17; groups are I 1-4,
  // II 5-8, III 9-12, IV 13-17.
  absl::StatusOr<int> grade = identity::ParseGolongan(golongan, "golongan");
  if (!grade.ok()) return 0;
  return *grade >= 13 ? 4 : (*grade - 1) / 4 + 1;
}

}  // namespace ekinerja::scoring
