#include "domain/evaluation.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "status.h"

namespace ekinerja::skp {

std::optional<Pp46Aspects> Pp46PeriodTarget(const PlannedIki& iki, const Period& period) {
  if (period.kind == PeriodKind::kAnnual) return iki.target;
  if (iki.breakdown_kind != period.kind) return std::nullopt;
  const size_t index = static_cast<size_t>(period.number - 1);
  if (index >= iki.breakdown.size() || iki.breakdown[index] <= 0) return std::nullopt;
  Pp46Aspects target;
  target.quantity = iki.breakdown[index];
  target.quality = iki.target.quality;
  target.months = period.kind == PeriodKind::kMonthly ? 1 : 3;
  target.cost_idr = 0;
  return target;
}

absl::StatusOr<Pp46Evaluation> EvaluatePp46(const std::vector<Pp46Activity>& activities,
                                            int tugas_tambahan, Kreativitas kreativitas,
                                            const std::vector<int>& perilaku_scores,
                                            Pp46Weights weights) {
  Pp46Evaluation out;
  std::vector<Rational> capaian;
  Rational sum(0);
  for (const Pp46Activity& a : activities) {
    EK_ASSIGN_OR_RETURN(Pp46ActivityScore score, ScorePp46Activity(a.target, a.realisation));
    capaian.push_back(score.nilai_capaian);
    sum = sum + score.nilai_capaian;
    out.activities.push_back(std::move(score));
  }
  EK_ASSIGN_OR_RETURN(out.nilai_skp, NilaiSkp(capaian, tugas_tambahan, kreativitas));
  out.nilai_capaian_skp = sum / static_cast<int64_t>(capaian.size());
  out.tugas_tambahan_points = TugasTambahanPoints(tugas_tambahan);
  out.kreativitas_points = KreativitasPoints(kreativitas);
  const std::vector<Rational> perilaku(perilaku_scores.begin(), perilaku_scores.end());
  EK_ASSIGN_OR_RETURN(out.nilai_perilaku, NilaiPerilaku(perilaku));
  EK_ASSIGN_OR_RETURN(out.nilai_prestasi_kerja,
                      NilaiPrestasiKerja(out.nilai_skp, out.nilai_perilaku, weights));
  out.predikat = Pp46PredikatOf(out.nilai_prestasi_kerja);
  return out;
}

std::optional<int64_t> ParseReportedHundredths(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || text.size() - dot != 3) return std::nullopt;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i != dot && !absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      return std::nullopt;
    }
  }
  int64_t whole = 0, cents = 0;
  if (!absl::SimpleAtoi(absl::string_view(text.data(), dot), &whole) ||
      !absl::SimpleAtoi(absl::string_view(text.data() + dot + 1, 2), &cents)) {
    return std::nullopt;
  }
  const int64_t value = whole * 100 + cents;
  return negative ? -value : value;
}

}  // namespace ekinerja::skp
