#pragma once

// A tenant's TPP rule set (DOMAIN §6, DESIGN §6): PP 12/2019 and Kepmendagri 900-4700/2020 leave
// the figures to each Perkada, so every rate and ceiling here is data, versioned per tenant; the
// national defaults of DOMAIN seed a new tenant. Money is int64 rupiah, rates int32 basis points
// (1.25% = 125 bp).

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace ekinerja::scoring {

// How the produktivitas part is earned (DOMAIN §6): the capaian of approved minutes (§5), the
// monthly assessment rating, or the ratio of approved activity reports.
enum class ProductivityModel { kMinutes, kAssessment, kApprovalRatio };
// "MINUTES", "ASSESSMENT", "APPROVAL_RATIO": the names the store and the API use.
std::string_view ProductivityModelName(ProductivityModel model);
std::optional<ProductivityModel> ParseProductivityModel(std::string_view name);

// Late (TL) and early-leave (PSW) tiers 0..4 of DOMAIN §4; tier 0 is on time.
inline constexpr int kTiers = 5;

struct TppRules {
  // Cited on every instrument computed under this rule set.
  int64_t rule_set_id = 0;
  int32_t version = 0;

  // Monthly TPP ceiling per kelas jabatan 1..17 (Perkada table), and per position code where the
  // Perkada sets one for the position itself (it wins over the kelas).
  std::map<int, int64_t> ceilings;
  std::map<std::string, int64_t> position_ceilings;

  // Kepmendagri 900-4700/2020: the disiplin share of the ceiling; produktivitas is the rest.
  int32_t disiplin_bp = 0;

  // Deduction of the disiplin part per workday, by TL tier and by PSW tier (index = tier).
  std::array<int32_t, kTiers> tl_bp{};
  std::array<int32_t, kTiers> psw_bp{};
  // Deduction of the disiplin part per workday by what covers the day: "TANPA_KETERANGAN" and
  // every absence kind of attendance ("IZIN", "SAKIT" without a doctor's letter, "CUTI_SAKIT"
  // with one, "CUTI_TAHUNAN", ..., "DINAS_LUAR", "TUGAS_BELAJAR"); kAbsenceRateKeys lists them.
  std::map<std::string, int32_t> absence_bp;

  ProductivityModel productivity_model = ProductivityModel::kMinutes;
  // kAssessment: the share of the produktivitas part earned per monthly rating, keyed by SKP's
  // rating names ("DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI").
  std::map<std::string, int32_t> assessment_bp;
  // Deduction of the produktivitas part per workday present without an approved daily report.
  int32_t missing_report_bp = 0;

  // Hukuman disiplin in force (PP 94/2021 levels): share of the month's TPP withheld, keyed
  // "RINGAN", "SEDANG", "BERAT".
  std::map<std::string, int32_t> hukuman_bp;

  // PPh 21 final rate on the TPP by golongan group (PMK 262/2010): index 0 = golongan I .. 3 = IV.
  std::array<int32_t, 4> pph_bp{};

  // BPJS Kesehatan (Perpres 64/2020): employee and employer shares on the TPP, on at most the
  // base cap.
  int32_t bpjs_employee_bp = 0;
  int32_t bpjs_employer_bp = 0;
  int64_t bpjs_base_cap_idr = 0;

  // Kotak kinerja bands (DOMAIN §7): below medium is low, at or above high is high.
  int32_t kotak_medium_bp = 0;
  int32_t kotak_high_bp = 0;
};

// The keys absence_bp must have: "TANPA_KETERANGAN" and attendance's absence kinds.
inline constexpr std::array<absl::string_view, 10> kAbsenceRateKeys = {
    "TANPA_KETERANGAN", "IZIN",         "SAKIT",           "CUTI_TAHUNAN",
    "CUTI_BESAR",       "CUTI_SAKIT",   "CUTI_MELAHIRKAN", "CUTI_ALASAN_PENTING",
    "DINAS_LUAR",       "TUGAS_BELAJAR"};
// The keys hukuman_bp must have.
inline constexpr std::array<absl::string_view, 3> kHukumanLevels = {"RINGAN", "SEDANG", "BERAT"};

// The national defaults of DOMAIN §6/§7: 40/60 split; TL/PSW 0, 0.5, 1, 1.25, 1.5%; tanpa
// keterangan 3%, izin and sakit 2%, every cuti, dinas luar and tugas belajar 0%; minutes model;
// assessment 100/100/70%; missing report 2%; hukuman 20/40/100%; PPh 0/0/5/15%; BPJS 1% and 4% on
// at most Rp 12.000.000; kotak at 70% and 90%. The ceilings per kelas are an EXAMPLE table (kelas
// 1 Rp 1.750.000 .. kelas 17 Rp 27.500.000) that each Perkada replaces. rule_set_id 0, version 1.
TppRules NationalDefaults();

// OK, or INVALID_ARGUMENT with one field violation per bad field, by path: a rate outside
// 0..10000 ("tl_bp[3]", "absence_bp[IZIN]"), a non-zero tier 0 ("psw_bp[0]"), negative money
// ("ceilings[5]", "bpjs_base_cap_idr"), a kelas outside 1..17 or missing ("ceilings[18]"), an
// empty position code ("position_ceilings[]"), a missing or unknown absence / rating / hukuman
// key, kotak_medium_bp above kotak_high_bp ("kotak_medium_bp").
absl::Status Validate(const TppRules& rules);

// The golongan group of a golongan/ruang (DOMAIN §1): "I/a".."I/d" → 1, "II/x" → 2, "III/x" → 3,
// "IV/a".."IV/e" → 4; 0 for anything that is not a golongan.
int GolonganGroup(std::string_view golongan);

}  // namespace ekinerja::scoring
