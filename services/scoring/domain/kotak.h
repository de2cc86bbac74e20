#pragma once

// Kotak kinerja, the 9-box monitoring of DOMAIN §7: monthly from an instrument (Pematangsiantar
// style, disiplin rows × produktivitas columns at the tenant's thresholds), annual from the
// PermenPANRB 6/2022 ratings (hasil kerja rows × perilaku columns).

#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/instrument.h"
#include "domain/predikat.h"
#include "domain/tpp_rules.h"
#include "rational.h"

namespace ekinerja::scoring {

enum class Band { kLow = 0, kMedium = 1, kHigh = 2 };

// The band of an exact fraction (1 = 100%): below medium_bp low, below high_bp medium, else high,
// so a border case (exactly 70% or 90% by default) falls in the higher band.
Band BandOf(const Rational& fraction, int32_t medium_bp, int32_t high_bp);

// DOMAIN §7: box = 3 × row + column + 1, 1 (both low) .. 9 (both high); 3 is low row with high
// column, 7 the reverse.
int Box(Band row, Band column);

// The boxes with a low band, which BKPSDM lists: 1, 2, 3, 4, 7.
bool IsLowBox(int box);

struct MonthlyKotak {
  Rational disiplin;       // disiplin paid / D
  Rational produktivitas;  // produktivitas paid / P
  Band disiplin_band = Band::kLow;
  Band produktivitas_band = Band::kLow;
  int box = 0;
};

// The monthly box of an instrument at the rules' thresholds, from the parts paid before hukuman
// and taxes. nullopt when D or P is 0 (no ceiling that month): there is no percentage to place.
std::optional<MonthlyKotak> MonthlyKotakOf(const TppRules& rules, const Instrument& instrument);

struct AnnualKotak {
  int box = 0;
  skp::Predikat predikat = skp::Predikat::kSangatKurang;
};

// The annual box from the SKP's annual ratings by SKP's names ("DI_ATAS_EKSPEKTASI", ...):
// hasil kerja is the row and perilaku the column, Di Bawah low, Sesuai medium, Di Atas high,
// numbered as the monthly box; beside it the predikat of PermenPANRB 6/2022 (skp::PredikatKinerja).
// nullopt when either name is not a rating.
std::optional<AnnualKotak> AnnualKotakOf(std::string_view hasil_kerja, std::string_view perilaku);

}  // namespace ekinerja::scoring
