#pragma once

// The instrumen penilaian of one employee-month (DOMAIN §6; PP 12/2019, Kepmendagri 900-4700/2020,
// Perkada): every deduction a line with its day, rule, rate and rupiah, computed in the order of
// DOMAIN §6 "Order of computation", each line rounded half-up to whole rupiah once, and every
// total the sum of its rounded lines so that the statement adds up exactly.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "domain/tpp_rules.h"
#include "rational.h"

namespace ekinerja::scoring {

// --- Inputs --------------------------------------------------------------------------------

// A position held during the month; its ceiling is the rules' override for the code, else the
// ceiling of its kelas jabatan.
struct PositionTerm {
  std::string position_code;
  int kelas_jabatan = 0;
  int workdays_held = 0;  // the workdays of the month on which this position was in force
};

// One day as attendance summarises it.
struct DayFacts {
  absl::CivilDay date;
  bool workday = false;
  // Attendance's status name: HADIR, TERLAMBAT, PULANG_CEPAT, TERLAMBAT_DAN_PULANG_CEPAT,
  // TANPA_KETERANGAN, LIBUR, or an absence: IZIN, SAKIT, CUTI, DINAS_LUAR, TUGAS_BELAJAR.
  std::string status;
  // The kind of the approved absence covering the day (IZIN, SAKIT, CUTI_TAHUNAN, CUTI_SAKIT,
  // ..., a key of TppRules::absence_bp); "" when none.
  std::string absence_kind;
  int tl_tier = 0;   // 0..4
  int psw_tier = 0;  // 0..4
  bool has_check_in = false;
  bool has_check_out = false;
};

// Hukuman disiplin in force during the month: level "" (none), "RINGAN", "SEDANG" or "BERAT",
// and the decree it comes from (shown on the instrument).
struct Hukuman {
  std::string level;
  std::string reference;
};

struct EmployeeMonth {
  std::vector<PositionTerm> positions;  // none: ceiling 0
  int month_workdays = 0;               // workdays of the month in the employee's calendar
  std::vector<DayFacts> days;
  // kMinutes: approved minutes / target; kApprovalRatio: approved / submitted reports. Capped at
  // 1 here. Unused under kAssessment.
  Rational capaian;
  // kAssessment: the month's rating by SKP's name ("SESUAI_EKSPEKTASI"); "" = not rated yet,
  // which earns 0% with capaian_basis "BELUM_DINILAI" on the instrument.
  std::string rating;
  // Workdays present (or on dinas luar) without an approved daily report (DOMAIN §6, the seed
  // rule).
  std::vector<absl::CivilDay> days_without_report;
  Hukuman hukuman;
  std::string golongan;  // "III/b"
  // Cuti di luar tanggungan negara or tugas belajar: not paid this month. The parts are still
  // computed, and step 5 carries one line "TIDAK_DIBAYAR" taking 100%, instead of any hukuman.
  bool not_paid = false;
};

// --- Output --------------------------------------------------------------------------------

enum class Part {
  kDisiplin,       // step 3: deductions of D
  kProduktivitas,  // step 4: deductions of the earned produktivitas
  kLain,           // step 5: hukuman disiplin or not paid, of disiplin + produktivitas paid
  kPotongan,       // step 6: PPh 21 and BPJS Kesehatan on the gross
};

// One line of the instrument: amount_idr = round half-up(base_idr × rate_bp / 10000).
struct Line {
  Part part = Part::kDisiplin;
  std::optional<absl::CivilDay> day;
  // A stable code: "TL_3", "PSW_4", "TANPA_KETERANGAN", "IZIN", "SAKIT", "LAPORAN_TIDAK_ADA",
  // "HUKUMAN_SEDANG", "TIDAK_DIBAYAR", "PPH21", "BPJS_PEGAWAI", "BPJS_PEMBERI_KERJA".
  std::string rule;
  int32_t rate_bp = 0;
  int64_t base_idr = 0;
  int64_t amount_idr = 0;
  bool operator==(const Line& o) const {
    return part == o.part && day == o.day && rule == o.rule && rate_bp == o.rate_bp &&
           base_idr == o.base_idr && amount_idr == o.amount_idr;
  }
};

// Step 1 per position: amount_idr = round(ceiling_idr × workdays_held / month_workdays).
struct CeilingTerm {
  std::string position_code;
  int kelas_jabatan = 0;
  int64_t ceiling_idr = 0;
  int workdays_held = 0;
  int64_t amount_idr = 0;
};

struct Instrument {
  int64_t rule_set_id = 0;  // the rule set every line cites
  int32_t rule_set_version = 0;
  int month_workdays = 0;

  std::vector<CeilingTerm> ceiling_terms;
  int64_t ceiling_idr = 0;        // C = Σ terms
  int64_t disiplin_idr = 0;       // D = round(C × disiplin_bp)
  int64_t produktivitas_idr = 0;  // P = C − D

  std::vector<Line> disiplin_lines;
  int64_t disiplin_paid_idr = 0;  // max(0, D − Σ disiplin_lines)

  Rational capaian;           // capped at 1
  std::string capaian_basis;  // "MINUTES", "APPROVAL_RATIO", a rating name, or "BELUM_DINILAI"
  int64_t produktivitas_earned_idr = 0;  // round(P × capaian)
  std::vector<Line> produktivitas_lines;
  int64_t produktivitas_paid_idr = 0;  // max(0, earned − Σ produktivitas_lines)

  std::optional<Line> hukuman;  // step 5: "HUKUMAN_<LEVEL>" or "TIDAK_DIBAYAR"
  std::string hukuman_reference;
  int64_t gross_idr = 0;  // disiplin paid + produktivitas paid − hukuman

  Line pph21;               // on the gross, at the golongan's rate
  Line bpjs_pegawai;        // on min(gross, cap), deducted
  Line bpjs_pemberi_kerja;  // on min(gross, cap), reported only
  int64_t net_idr = 0;      // gross − PPh 21 − BPJS pegawai
};

// DOMAIN §6 step 4: a daily report is owed on a workday present (or on dinas luar, where entries
// are allowed); a tanpa-keterangan or absence day already has its disiplin line and owes none.
bool OwesReport(const DayFacts& day);

// round half-up(idr × fraction) to whole rupiah, for a non-negative fraction made of int64 parts
// (a capaian, a workday share). The basis-point form is ApplyBasisPoints (money.h).
int64_t TimesFraction(int64_t idr, const Rational& fraction);

// Step 3 for one day (DOMAIN §6): a non-workday carries nothing; a tanpa-keterangan day only its
// own line; a day covered by an absence only the absence's line; otherwise its TL and PSW tier
// lines, a check-in without a check-out counting as PSW tier 4 and a check-out without a check-in
// as TL tier 4. Lines at a 0% rate (cuti, dinas luar, tier 0) are not emitted. INVALID_ARGUMENT
// for a tier outside 0..4, an unknown status or an absence kind the rules do not rate.
absl::StatusOr<std::vector<Line>> DisiplinLinesOfDay(const TppRules& rules, const DayFacts& day,
                                                     int64_t disiplin_idr);

// The instrument of one employee-month under `rules` (which passed Validate), in the order of
// DOMAIN §6. INVALID_ARGUMENT naming the field for inconsistent input: month_workdays < 1,
// negative workdays held or their sum above month_workdays, a position with no override and a
// kelas the rules do not have, a bad day (DisiplinLinesOfDay), a day without report that is not a
// workday present (HADIR .. TERLAMBAT_DAN_PULANG_CEPAT, or DINAS_LUAR) in `days` or is listed
// twice, a negative or invalid capaian, a rating or hukuman level the rules do not know, a golongan
// that is not one.
absl::StatusOr<Instrument> ComputeInstrument(const TppRules& rules, const EmployeeMonth& month);

// Re-adds the instrument: each line's amount is its rounded rate of its base, each part's base is
// the figure it deducts from, every total is the sum of its lines as DOMAIN §6 defines it. INTERNAL
// naming the first figure that does not add up; the store calls it before writing.
absl::Status CheckTotals(const Instrument& instrument);

}  // namespace ekinerja::scoring
