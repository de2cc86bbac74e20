#include "domain/pp46.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "rational.h"

namespace ekinerja::skp {
namespace {

// The overflow guard of Rational, surfaced: bounded inputs never reach it, but an error is still
// better than a wrong score.
absl::StatusOr<Rational> Checked(const Rational& value, std::string_view what) {
  if (!value.valid()) {
    return absl::OutOfRangeError(absl::StrCat(std::string(what), ": not representable exactly"));
  }
  return value;
}

absl::Status CheckRange(std::string_view field, int64_t value, int64_t min, int64_t max) {
  if (value < min || value > max) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(field), ": must be between ", min, " and ", max, ", got ", value));
  }
  return absl::OkStatus();
}

absl::Status CheckAspects(const Pp46Aspects& target, const Pp46Aspects& realisation) {
  const absl::Status checks[] = {
      CheckRange("target.quantity", target.quantity, 1, kPp46MaxQuantity),
      CheckRange("target.quality", target.quality, 1, kPp46MaxQuality),
      CheckRange("target.months", target.months, 1, kPp46MaxMonths),
      CheckRange("target.cost_idr", target.cost_idr, 0, kPp46MaxCostIdr),
      CheckRange("realisation.quantity", realisation.quantity, 0, kPp46MaxQuantity),
      CheckRange("realisation.quality", realisation.quality, 0, kPp46MaxQuality),
      CheckRange("realisation.months", realisation.months, 0, kPp46MaxMonths),
      CheckRange("realisation.cost_idr", realisation.cost_idr, 0, kPp46MaxCostIdr),
  };
  for (const absl::Status& s : checks) {
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace

Rational Pp46Efisiensi(int64_t t, int64_t r) { return Rational(100) - Rational(r, t) * 100; }

Rational Pp46TimeOrCostScore(int64_t t, int64_t r) {
  // Perka BKN 1/2013: ((1.76 × T − R) / T) × 100, with 1.76 = 44/25 exactly.
  const Rational base = (Rational(44, 25) * t - r) / t * 100;
  if (Pp46Efisiensi(t, r) <= 24) return base;
  return Rational(76) - (base - 100);
}

absl::StatusOr<Pp46ActivityScore> ScorePp46Activity(const Pp46Aspects& target,
                                                    const Pp46Aspects& realisation) {
  if (absl::Status s = CheckAspects(target, realisation); !s.ok()) return s;
  Pp46ActivityScore score;
  const bool has_budget = target.cost_idr > 0;
  score.aspects = has_budget ? 4 : 3;
  score.carried_out = realisation.quantity > 0;
  if (!score.carried_out) {
    // Perka BKN 1/2013: an activity not carried out scores 0 on every aspect.
    if (has_budget) {
      score.efisiensi_biaya = Rational(0);
      score.biaya = Rational(0);
    }
    return score;
  }
  score.kuantitas = Rational(realisation.quantity, target.quantity) * 100;
  score.kualitas = Rational(realisation.quality, target.quality) * 100;
  score.efisiensi_waktu = Pp46Efisiensi(target.months, realisation.months);
  score.waktu = Pp46TimeOrCostScore(target.months, realisation.months);
  score.penghitungan = score.kuantitas + score.kualitas + score.waktu;
  if (has_budget) {
    score.efisiensi_biaya = Pp46Efisiensi(target.cost_idr, realisation.cost_idr);
    score.biaya = Pp46TimeOrCostScore(target.cost_idr, realisation.cost_idr);
    score.penghitungan = score.penghitungan + *score.biaya;
  }
  score.nilai_capaian = score.penghitungan / score.aspects;
  absl::StatusOr<Rational> checked = Checked(score.nilai_capaian, "nilai_capaian");
  if (!checked.ok()) return checked.status();
  return score;
}

int TugasTambahanPoints(int tasks) {
  if (tasks >= 7) return 3;
  if (tasks >= 4) return 2;
  if (tasks >= 1) return 1;
  return 0;
}

int KreativitasPoints(Kreativitas level) {
  switch (level) {
    case Kreativitas::kNone:
      return 0;
    case Kreativitas::kUnitKerja:
      return 3;
    case Kreativitas::kInstansi:
      return 6;
    case Kreativitas::kNasional:
      return 12;
  }
  return 0;
}

absl::StatusOr<Rational> NilaiSkp(const std::vector<Rational>& nilai_capaian, int tugas_tambahan,
                                  Kreativitas kreativitas) {
  if (nilai_capaian.empty()) {
    return absl::InvalidArgumentError("nilai_capaian: at least one activity");
  }
  Rational sum(0);
  for (const Rational& v : nilai_capaian) sum = sum + v;
  const Rational average = sum / static_cast<int64_t>(nilai_capaian.size());
  return Checked(average + TugasTambahanPoints(tugas_tambahan) + KreativitasPoints(kreativitas),
                 "nilai_skp");
}

absl::StatusOr<Rational> NilaiPerilaku(const std::vector<Rational>& aspect_scores) {
  if (aspect_scores.size() != 5 && aspect_scores.size() != 6) {
    return absl::InvalidArgumentError(
        absl::StrCat("aspect_scores: 5 or 6 aspects, got ", aspect_scores.size()));
  }
  Rational sum(0);
  for (size_t i = 0; i < aspect_scores.size(); ++i) {
    const Rational& v = aspect_scores[i];
    if (!v.valid() || v < 0 || v > 100) {
      return absl::InvalidArgumentError(
          absl::StrCat("aspect_scores[", i, "]: must be between 0 and 100, got ", v.ToString()));
    }
    sum = sum + v;
  }
  return Checked(sum / static_cast<int64_t>(aspect_scores.size()), "nilai_perilaku");
}

absl::StatusOr<Rational> NilaiPrestasiKerja(const Rational& nilai_skp,
                                            const Rational& nilai_perilaku, Pp46Weights weights) {
  if (weights.skp_percent < 0 || weights.perilaku_percent < 0 ||
      weights.skp_percent + weights.perilaku_percent != 100) {
    return absl::InvalidArgumentError(
        absl::StrCat("weights: must be non-negative and sum to 100, got ", weights.skp_percent, "/",
                     weights.perilaku_percent));
  }
  return Checked(nilai_skp * Rational(weights.skp_percent, 100) +
                     nilai_perilaku * Rational(weights.perilaku_percent, 100),
                 "nilai_prestasi_kerja");
}

Pp46Predikat Pp46PredikatOfReported(int64_t reported_hundredths) {
  if (reported_hundredths >= 9100) return Pp46Predikat::kSangatBaik;
  if (reported_hundredths >= 7600) return Pp46Predikat::kBaik;
  if (reported_hundredths >= 6100) return Pp46Predikat::kCukup;
  if (reported_hundredths >= 5100) return Pp46Predikat::kKurang;
  return Pp46Predikat::kBuruk;
}

Pp46Predikat Pp46PredikatOf(const Rational& value) {
  return Pp46PredikatOfReported(value.RoundedHundredths());
}

std::string_view Pp46PredikatName(Pp46Predikat predikat) {
  switch (predikat) {
    case Pp46Predikat::kSangatBaik:
      return "SANGAT_BAIK";
    case Pp46Predikat::kBaik:
      return "BAIK";
    case Pp46Predikat::kCukup:
      return "CUKUP";
    case Pp46Predikat::kKurang:
      return "KURANG";
    case Pp46Predikat::kBuruk:
      return "BURUK";
  }
  return "";
}

}  // namespace ekinerja::skp
