#include "domain/instrument.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "domain/predikat.h"
#include "money.h"
#include "status.h"

namespace ekinerja::scoring {
namespace {

bool IsPresentStatus(absl::string_view s) {
  return s == "HADIR" || s == "TERLAMBAT" || s == "PULANG_CEPAT" ||
         s == "TERLAMBAT_DAN_PULANG_CEPAT";
}

bool IsAbsenceStatus(absl::string_view s) {
  return s == "IZIN" || s == "SAKIT" || s == "CUTI" || s == "DINAS_LUAR" || s == "TUGAS_BELAJAR";
}

// A line of `rate_bp` of `base_idr`, or nothing at a 0% rate.
void AddLine(std::vector<Line>& lines, Part part, std::optional<absl::CivilDay> day,
             std::string rule, int32_t rate_bp, int64_t base_idr) {
  if (rate_bp == 0) return;
  lines.push_back(
      Line{part, day, std::move(rule), rate_bp, base_idr, ApplyBasisPoints(base_idr, rate_bp)});
}

int64_t SumOf(const std::vector<Line>& lines) {
  int64_t sum = 0;
  for (const Line& l : lines) sum += l.amount_idr;
  return sum;
}

// Step 1: C = Σ round(ceiling × workdays held / workdays of the month), each term on its own.
absl::Status CeilingStep(const TppRules& rules, const EmployeeMonth& m, Instrument& out) {
  if (m.month_workdays < 1) return InvalidField("month_workdays", "must be at least 1");
  int held = 0;
  for (size_t i = 0; i < m.positions.size(); ++i) {
    const PositionTerm& p = m.positions[i];
    const std::string field = absl::StrCat("positions[", i, "]");
    if (p.workdays_held < 0) {
      return InvalidField(absl::StrCat(field, ".workdays_held"), "must not be negative");
    }
    held += p.workdays_held;
    int64_t ceiling = 0;
    if (auto it = rules.position_ceilings.find(p.position_code);
        it != rules.position_ceilings.end()) {
      ceiling = it->second;
    } else if (auto k = rules.ceilings.find(p.kelas_jabatan); k != rules.ceilings.end()) {
      ceiling = k->second;
    } else {
      return InvalidField(absl::StrCat(field, ".kelas_jabatan"),
                          absl::StrCat("no ceiling for kelas ", p.kelas_jabatan,
                                       " nor for position ", p.position_code));
    }
    const int64_t amount = MulDivRoundHalfUp(ceiling, p.workdays_held, m.month_workdays);
    out.ceiling_terms.push_back(
        {p.position_code, p.kelas_jabatan, ceiling, p.workdays_held, amount});
    out.ceiling_idr += amount;
  }
  if (held > m.month_workdays) {
    return InvalidField("positions", absl::StrCat("workdays held sum to ", held, ", above the ",
                                                  m.month_workdays, " workdays of the month"));
  }
  return absl::OkStatus();
}

// Step 4: earned = round(P × capaian), then one line per workday present without a report.
absl::Status ProduktivitasStep(const TppRules& rules, const EmployeeMonth& m, Instrument& out) {
  switch (rules.productivity_model) {
    case ProductivityModel::kMinutes:
    case ProductivityModel::kApprovalRatio:
      if (!m.capaian.valid() || m.capaian < Rational(0)) {
        return InvalidField("capaian", "must be a non-negative fraction");
      }
      out.capaian = std::min(m.capaian, Rational(1));
      out.capaian_basis = std::string(ProductivityModelName(rules.productivity_model));
      break;
    case ProductivityModel::kAssessment:
      if (m.rating.empty()) {
        // Not rated yet: nothing earned until the pejabat penilai rates the month.
        out.capaian = Rational(0);
        out.capaian_basis = "BELUM_DINILAI";
      } else if (auto it = rules.assessment_bp.find(m.rating); it != rules.assessment_bp.end()) {
        out.capaian = Rational(it->second, kBasisPointsPerWhole);
        out.capaian_basis = m.rating;
      } else {
        return InvalidField("rating", absl::StrCat("no assessment rate for \"", m.rating, "\""));
      }
      break;
  }
  out.produktivitas_earned_idr = TimesFraction(out.produktivitas_idr, out.capaian);

  std::set<absl::CivilDay> owed;
  for (const DayFacts& d : m.days) {
    if (OwesReport(d)) owed.insert(d.date);
  }
  std::set<absl::CivilDay> seen;
  for (size_t i = 0; i < m.days_without_report.size(); ++i) {
    const absl::CivilDay day = m.days_without_report[i];
    const std::string field = absl::StrCat("days_without_report[", i, "]");
    if (owed.count(day) == 0) return InvalidField(field, "not a workday present");
    if (!seen.insert(day).second) return InvalidField(field, "listed twice");
    AddLine(out.produktivitas_lines, Part::kProduktivitas, day, "LAPORAN_TIDAK_ADA",
            rules.missing_report_bp, out.produktivitas_idr);
  }
  out.produktivitas_paid_idr =
      std::max<int64_t>(0, out.produktivitas_earned_idr - SumOf(out.produktivitas_lines));
  return absl::OkStatus();
}

// Step 5: hukuman disiplin (or not paid at all) on what the two parts paid.
absl::Status HukumanStep(const TppRules& rules, const EmployeeMonth& m, Instrument& out) {
  const int64_t base = out.disiplin_paid_idr + out.produktivitas_paid_idr;
  std::vector<Line> lines;
  if (m.not_paid) {
    // Cuti di luar tanggungan negara / tugas belajar (DOMAIN §6): nothing is paid; a hukuman on
    // top would withhold what is already withheld.
    AddLine(lines, Part::kLain, std::nullopt, "TIDAK_DIBAYAR", kBasisPointsPerWhole, base);
  } else if (!m.hukuman.level.empty()) {
    auto it = rules.hukuman_bp.find(m.hukuman.level);
    if (it == rules.hukuman_bp.end()) {
      return InvalidField("hukuman.level", absl::StrCat("no rate for \"", m.hukuman.level, "\""));
    }
    AddLine(lines, Part::kLain, std::nullopt, absl::StrCat("HUKUMAN_", m.hukuman.level), it->second,
            base);
    out.hukuman_reference = m.hukuman.reference;
  }
  if (!lines.empty()) out.hukuman = lines.front();
  out.gross_idr = base - SumOf(lines);
  return absl::OkStatus();
}

// Step 6: PPh 21 final by golongan (PMK 262/2010) on the gross; BPJS Kesehatan (Perpres 64/2020)
// on the gross up to the cap, the employee's share deducted, the employer's reported.
absl::Status PotonganStep(const TppRules& rules, const EmployeeMonth& m, Instrument& out) {
  const int group = GolonganGroup(m.golongan);
  if (group == 0) return InvalidField("golongan", absl::StrCat("\"", m.golongan, "\""));
  const int32_t pph_bp = rules.pph_bp[group - 1];
  const int64_t bpjs_base = std::min(out.gross_idr, rules.bpjs_base_cap_idr);
  out.pph21 = {Part::kPotongan, std::nullopt,  "PPH21",
               pph_bp,          out.gross_idr, ApplyBasisPoints(out.gross_idr, pph_bp)};
  out.bpjs_pegawai = {Part::kPotongan, std::nullopt,
                      "BPJS_PEGAWAI",  rules.bpjs_employee_bp,
                      bpjs_base,       ApplyBasisPoints(bpjs_base, rules.bpjs_employee_bp)};
  out.bpjs_pemberi_kerja = {
      Part::kPotongan,        std::nullopt, "BPJS_PEMBERI_KERJA",
      rules.bpjs_employer_bp, bpjs_base,    ApplyBasisPoints(bpjs_base, rules.bpjs_employer_bp)};
  out.net_idr = out.gross_idr - out.pph21.amount_idr - out.bpjs_pegawai.amount_idr;
  return absl::OkStatus();
}

absl::Status Mismatch(absl::string_view what, int64_t stored, int64_t expected) {
  return absl::InternalError(
      absl::StrCat("instrument does not add up: ", what, " is ", stored, ", expected ", expected));
}

absl::Status CheckLines(absl::string_view name, const std::vector<Line>& lines, Part part,
                        int64_t base) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    const std::string what = absl::StrCat(name, "[", i, "]");
    if (l.part != part) return absl::InternalError(absl::StrCat(what, " is of another part"));
    if (l.base_idr != base) return Mismatch(absl::StrCat(what, ".base_idr"), l.base_idr, base);
    const int64_t amount = ApplyBasisPoints(l.base_idr, l.rate_bp);
    if (l.amount_idr != amount) {
      return Mismatch(absl::StrCat(what, ".amount_idr"), l.amount_idr, amount);
    }
  }
  return absl::OkStatus();
}

}  // namespace

bool OwesReport(const DayFacts& day) {
  return day.workday && (IsPresentStatus(day.status) || day.status == "DINAS_LUAR");
}

int64_t TimesFraction(int64_t idr, const Rational& fraction) {
  return MulDivRoundHalfUp(idr, fraction.numerator(), fraction.denominator());
}

absl::StatusOr<std::vector<Line>> DisiplinLinesOfDay(const TppRules& rules, const DayFacts& day,
                                                     int64_t disiplin_idr) {
  std::vector<Line> lines;
  if (day.tl_tier < 0 || day.tl_tier >= kTiers) return InvalidField("tl_tier", "must be 0..4");
  if (day.psw_tier < 0 || day.psw_tier >= kTiers) return InvalidField("psw_tier", "must be 0..4");
  if (!day.workday || day.status == "LIBUR") return lines;
  // Tanpa keterangan first: the day's own line replaces its TL/PSW lines (DOMAIN §6 step 3).
  std::string kind = day.status == "TANPA_KETERANGAN" ? day.status : day.absence_kind;
  if (!kind.empty()) {
    auto it = rules.absence_bp.find(kind);
    if (it == rules.absence_bp.end()) {
      return InvalidField("absence_kind", absl::StrCat("no rate for \"", kind, "\""));
    }
    AddLine(lines, Part::kDisiplin, day.date, std::move(kind), it->second, disiplin_idr);
    return lines;
  }
  if (IsAbsenceStatus(day.status)) {
    return InvalidField("absence_kind", absl::StrCat("status ", day.status, " needs its kind"));
  }
  if (!IsPresentStatus(day.status)) {
    return InvalidField("status", absl::StrCat("unknown status \"", day.status, "\""));
  }
  // A missing punch counts as the worst tier (DOMAIN §4 tier 4).
  const int tl = day.has_check_out && !day.has_check_in ? kTiers - 1 : day.tl_tier;
  const int psw = day.has_check_in && !day.has_check_out ? kTiers - 1 : day.psw_tier;
  AddLine(lines, Part::kDisiplin, day.date, absl::StrCat("TL_", tl), rules.tl_bp[tl], disiplin_idr);
  AddLine(lines, Part::kDisiplin, day.date, absl::StrCat("PSW_", psw), rules.psw_bp[psw],
          disiplin_idr);
  return lines;
}

absl::StatusOr<Instrument> ComputeInstrument(const TppRules& rules, const EmployeeMonth& month) {
  Instrument out;
  out.rule_set_id = rules.rule_set_id;
  out.rule_set_version = rules.version;
  out.month_workdays = month.month_workdays;
  EK_RETURN_IF_ERROR(CeilingStep(rules, month, out));

  // Step 2: D = round(C × disiplin share), P = C − D, so the parts add up to C.
  out.disiplin_idr = ApplyBasisPoints(out.ceiling_idr, rules.disiplin_bp);
  out.produktivitas_idr = out.ceiling_idr - out.disiplin_idr;

  // Step 3: one line per deduction event; paid never below 0.
  for (size_t i = 0; i < month.days.size(); ++i) {
    absl::StatusOr<std::vector<Line>> lines =
        DisiplinLinesOfDay(rules, month.days[i], out.disiplin_idr);
    if (!lines.ok()) {
      Violations v;
      v.Merge(lines.status(), absl::StrCat("days[", i, "]."));
      return v.ToStatus();
    }
    out.disiplin_lines.insert(out.disiplin_lines.end(), lines->begin(), lines->end());
  }
  out.disiplin_paid_idr = std::max<int64_t>(0, out.disiplin_idr - SumOf(out.disiplin_lines));

  EK_RETURN_IF_ERROR(ProduktivitasStep(rules, month, out));
  EK_RETURN_IF_ERROR(HukumanStep(rules, month, out));
  EK_RETURN_IF_ERROR(PotonganStep(rules, month, out));
  return out;
}

absl::Status CheckTotals(const Instrument& in) {
  int64_t c = 0;
  for (size_t i = 0; i < in.ceiling_terms.size(); ++i) {
    const CeilingTerm& t = in.ceiling_terms[i];
    if (in.month_workdays < 1) return Mismatch("month_workdays", in.month_workdays, 1);
    const int64_t amount = MulDivRoundHalfUp(t.ceiling_idr, t.workdays_held, in.month_workdays);
    if (t.amount_idr != amount) {
      return Mismatch(absl::StrCat("ceiling_terms[", i, "].amount_idr"), t.amount_idr, amount);
    }
    c += t.amount_idr;
  }
  if (in.ceiling_idr != c) return Mismatch("ceiling_idr", in.ceiling_idr, c);
  if (in.disiplin_idr + in.produktivitas_idr != c) {
    return Mismatch("disiplin_idr + produktivitas_idr", in.disiplin_idr + in.produktivitas_idr, c);
  }
  EK_RETURN_IF_ERROR(
      CheckLines("disiplin_lines", in.disiplin_lines, Part::kDisiplin, in.disiplin_idr));
  const int64_t dp = std::max<int64_t>(0, in.disiplin_idr - SumOf(in.disiplin_lines));
  if (in.disiplin_paid_idr != dp) return Mismatch("disiplin_paid_idr", in.disiplin_paid_idr, dp);

  const int64_t earned = TimesFraction(in.produktivitas_idr, in.capaian);
  if (in.produktivitas_earned_idr != earned) {
    return Mismatch("produktivitas_earned_idr", in.produktivitas_earned_idr, earned);
  }
  EK_RETURN_IF_ERROR(CheckLines("produktivitas_lines", in.produktivitas_lines, Part::kProduktivitas,
                                in.produktivitas_idr));
  const int64_t pp = std::max<int64_t>(0, earned - SumOf(in.produktivitas_lines));
  if (in.produktivitas_paid_idr != pp) {
    return Mismatch("produktivitas_paid_idr", in.produktivitas_paid_idr, pp);
  }

  std::vector<Line> hukuman;
  if (in.hukuman) hukuman.push_back(*in.hukuman);
  EK_RETURN_IF_ERROR(CheckLines("hukuman", hukuman, Part::kLain, dp + pp));
  const int64_t gross = dp + pp - SumOf(hukuman);
  if (in.gross_idr != gross) return Mismatch("gross_idr", in.gross_idr, gross);

  EK_RETURN_IF_ERROR(CheckLines("pph21", {in.pph21}, Part::kPotongan, gross));
  EK_RETURN_IF_ERROR(CheckLines("bpjs", {in.bpjs_pegawai, in.bpjs_pemberi_kerja}, Part::kPotongan,
                                in.bpjs_pegawai.base_idr));
  if (in.bpjs_pegawai.base_idr > gross) {
    return Mismatch("bpjs_pegawai.base_idr", in.bpjs_pegawai.base_idr, gross);
  }
  const int64_t net = gross - in.pph21.amount_idr - in.bpjs_pegawai.amount_idr;
  if (in.net_idr != net) return Mismatch("net_idr", in.net_idr, net);
  return absl::OkStatus();
}

}  // namespace ekinerja::scoring
