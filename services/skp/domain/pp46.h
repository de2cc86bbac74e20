#pragma once

// The PP 46/2011 model as Perka BKN 1/2013 scores it (DOMAIN §3): aspect scores per activity from
// target and realisation, nilai capaian, nilai SKP with tugas tambahan and kreativitas points,
// nilai perilaku, nilai prestasi kerja and its predikat. Every value is an exact Rational; the
// predikat is read from the value reported to two decimals half up (Rational::RoundedHundredths),
// so what a clerk sees on the form is what decided it.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "rational.h"

namespace ekinerja::skp {

// One activity's target (T) or realisation (R): quantity of output, quality (usually 100), time in
// months and cost in rupiah. The target's cost_idr == 0 means the activity has no budget, so it is
// scored on 3 aspects; a positive one adds biaya as the fourth.
struct Pp46Aspects {
  int64_t quantity = 0;
  int64_t quality = 0;
  int64_t months = 0;
  int64_t cost_idr = 0;
};

// Bounds that keep every product exact (checked, INVALID_ARGUMENT beyond them).
inline constexpr int64_t kPp46MaxQuantity = 1'000'000'000;
inline constexpr int64_t kPp46MaxQuality = 1'000;
inline constexpr int64_t kPp46MaxMonths = 120;
inline constexpr int64_t kPp46MaxCostIdr = 1'000'000'000'000'000;  // 10^15 rupiah

// Every figure of one activity's scoring, for the answer a clerk checks by hand.
struct Pp46ActivityScore {
  bool carried_out = false;  // realisation quantity > 0; otherwise every aspect scores 0
  Rational kuantitas;
  Rational kualitas;
  Rational efisiensi_waktu;  // 100 − RW/TW × 100 (0 when not carried out)
  Rational waktu;
  std::optional<Rational> efisiensi_biaya;  // only with a budget
  std::optional<Rational> biaya;            // only with a budget
  Rational penghitungan;                    // the sum of the aspects
  int aspects = 3;                          // 3, or 4 with biaya
  Rational nilai_capaian;                   // penghitungan / aspects
};

// Perka BKN 1/2013: the score of one activity. INVALID_ARGUMENT (naming the field) when a target
// quantity, quality or time is not positive, a figure is negative or beyond its bound.
absl::StatusOr<Pp46ActivityScore> ScorePp46Activity(const Pp46Aspects& target,
                                                    const Pp46Aspects& realisation);

// Perka BKN 1/2013, the time and cost aspects: efisiensi = 100 − (R / T × 100);
//   efisiensi ≤ 24: ((1.76 × T − R) / T) × 100
//   efisiensi > 24: 76 − ((((1.76 × T − R) / T) × 100) − 100)
// compared exactly, so 24% scores 100 and 25% scores 75. A late realisation (R > T) has a negative
// efisiensi and scores below 100, down to below 0 past 1.76 × T (not clamped: DOMAIN §3 gives
// none). Preconditions: t > 0, r ≥ 0 (ScorePp46Activity checks them).
Rational Pp46Efisiensi(int64_t t, int64_t r);
Rational Pp46TimeOrCostScore(int64_t t, int64_t r);

// Tugas tambahan points: 0 tasks 0, 1–3 tasks 1, 4–6 tasks 2, 7 or more 3 (negative counts as 0).
int TugasTambahanPoints(int tasks);

// Kreativitas points: by the level at which the creation was recognised.
enum class Kreativitas { kNone, kUnitKerja, kInstansi, kNasional };
int KreativitasPoints(Kreativitas level);

// Nilai SKP = average of the activities' nilai capaian + tambahan points + kreativitas points.
// INVALID_ARGUMENT without any activity.
absl::StatusOr<Rational> NilaiSkp(const std::vector<Rational>& nilai_capaian, int tugas_tambahan,
                                  Kreativitas kreativitas);

// Nilai perilaku = the average of the aspect scores (5, or 6 with kepemimpinan for structural
// officials), each 0–100. INVALID_ARGUMENT for another count or a score outside 0–100.
absl::StatusOr<Rational> NilaiPerilaku(const std::vector<Rational>& aspect_scores);

// The weights of nilai prestasi kerja, a rule-set choice: 60/40 (PP 46) or 70/30 (PP 30/2019 where
// the instansi does not run 360° behaviour assessment).
struct Pp46Weights {
  int skp_percent = 60;
  int perilaku_percent = 40;
};

// Nilai prestasi kerja = skp_percent% × nilai SKP + perilaku_percent% × nilai perilaku.
// INVALID_ARGUMENT when the weights are negative or do not sum to 100.
absl::StatusOr<Rational> NilaiPrestasiKerja(const Rational& nilai_skp,
                                            const Rational& nilai_perilaku, Pp46Weights weights);

enum class Pp46Predikat { kSangatBaik, kBaik, kCukup, kKurang, kBuruk };

// Perka BKN 1/2013 on the reported value in hundredths: ≥ 91 Sangat Baik, 76–90 Baik, 61–75 Cukup,
// 51–60 Kurang, ≤ 50 Buruk, each band running up to the next one's floor (90.50 is Baik, 50.99 is
// Buruk). Takes hundredths so that only a reported value can be passed.
Pp46Predikat Pp46PredikatOfReported(int64_t reported_hundredths);
// The same for an exact value: rounds it half up to two decimals first (90.996 → 91.00, Sangat
// Baik).
Pp46Predikat Pp46PredikatOf(const Rational& value);

// "SANGAT_BAIK", "BAIK", "CUKUP", "KURANG", "BURUK".
std::string_view Pp46PredikatName(Pp46Predikat predikat);

}  // namespace ekinerja::skp
