#pragma once

// What an evaluation of a period takes from the SKP (DOMAIN §2, §3): which periods may be
// evaluated, the PP 46 / Perka BKN 1/2013 targets of a monthly or quarterly period from the
// rencana aksi, and the whole PP 46 scoring of a period with every intermediate value.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "domain/periods.h"
#include "domain/pp46.h"
#include "rational.h"

namespace ekinerja::skp {

// An IKI as planned: its annual target and its rencana aksi (breakdown_kind unset: none;
// otherwise `breakdown` holds the quantities of periods 1..PeriodsPerYear).
struct PlannedIki {
  Pp46Aspects target;
  std::optional<PeriodKind> breakdown_kind;
  std::vector<int64_t> breakdown;
};

// The target of `iki` for `period` (our reading of Perka BKN 1/2013 for periodic evaluations):
// the annual period takes the annual target; a month or a quarter takes the rencana aksi's
// quantity for it, 1 or 3 months, the annual quality and no budget (cost 0). nullopt when the IKI
// has no breakdown of the period's kind or plans 0 for it: it is not an activity of that period.
std::optional<Pp46Aspects> Pp46PeriodTarget(const PlannedIki& iki, const Period& period);

// One activity of a period: its target and what was realised (all 0 when nothing was recorded).
struct Pp46Activity {
  Pp46Aspects target;
  Pp46Aspects realisation;
};

// Every figure of a PP 46 evaluation, for the answer a clerk checks by hand.
struct Pp46Evaluation {
  std::vector<Pp46ActivityScore> activities;
  Rational nilai_capaian_skp;  // the average of the activities' nilai capaian
  int tugas_tambahan_points = 0;
  int kreativitas_points = 0;
  Rational nilai_skp;
  Rational nilai_perilaku;
  Rational nilai_prestasi_kerja;
  Pp46Predikat predikat = Pp46Predikat::kBuruk;
};

// Perka BKN 1/2013 (DOMAIN §3), from the activities to the predikat: ScorePp46Activity each,
// NilaiSkp, NilaiPerilaku of `perilaku_scores` (5 or 6), NilaiPrestasiKerja with `weights`,
// Pp46PredikatOf. INVALID_ARGUMENT without an activity or for out-of-range figures.
absl::StatusOr<Pp46Evaluation> EvaluatePp46(const std::vector<Pp46Activity>& activities,
                                            int tugas_tambahan, Kreativitas kreativitas,
                                            const std::vector<int>& perilaku_scores,
                                            Pp46Weights weights);

// A value as Rational::ToFixed2 reports it, back in hundredths: "58.67" -> 5867, "-5.50" -> -550;
// nullopt for any other form. The sanctions list reads the reported nilai capaian SKP with it.
std::optional<int64_t> ParseReportedHundredths(std::string_view text);

}  // namespace ekinerja::skp
