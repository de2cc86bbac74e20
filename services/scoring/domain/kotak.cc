#include "domain/kotak.h"

#include "money.h"

namespace ekinerja::scoring {
namespace {

// SKP's ratings in band order: Di Bawah low, Sesuai medium, Di Atas high.
Band BandOfRating(skp::Rating rating) {
  switch (rating) {
    case skp::Rating::kDiBawahEkspektasi:
      return Band::kLow;
    case skp::Rating::kSesuaiEkspektasi:
      return Band::kMedium;
    case skp::Rating::kDiAtasEkspektasi:
      return Band::kHigh;
  }
  return Band::kLow;
}

}  // namespace

Band BandOf(const Rational& fraction, int32_t medium_bp, int32_t high_bp) {
  if (fraction >= Rational(high_bp, kBasisPointsPerWhole)) return Band::kHigh;
  if (fraction >= Rational(medium_bp, kBasisPointsPerWhole)) return Band::kMedium;
  return Band::kLow;
}

int Box(Band row, Band column) { return 3 * static_cast<int>(row) + static_cast<int>(column) + 1; }

bool IsLowBox(int box) { return box == 1 || box == 2 || box == 3 || box == 4 || box == 7; }

std::optional<MonthlyKotak> MonthlyKotakOf(const TppRules& rules, const Instrument& instrument) {
  if (instrument.disiplin_idr == 0 || instrument.produktivitas_idr == 0) return std::nullopt;
  MonthlyKotak k;
  k.disiplin = Rational(instrument.disiplin_paid_idr, instrument.disiplin_idr);
  k.produktivitas = Rational(instrument.produktivitas_paid_idr, instrument.produktivitas_idr);
  k.disiplin_band = BandOf(k.disiplin, rules.kotak_medium_bp, rules.kotak_high_bp);
  k.produktivitas_band = BandOf(k.produktivitas, rules.kotak_medium_bp, rules.kotak_high_bp);
  k.box = Box(k.disiplin_band, k.produktivitas_band);
  return k;
}

std::optional<AnnualKotak> AnnualKotakOf(std::string_view hasil_kerja, std::string_view perilaku) {
  const std::optional<skp::Rating> hasil = skp::ParseRating(hasil_kerja);
  const std::optional<skp::Rating> laku = skp::ParseRating(perilaku);
  if (!hasil || !laku) return std::nullopt;
  return AnnualKotak{Box(BandOfRating(*hasil), BandOfRating(*laku)),
                     skp::PredikatKinerja(*hasil, *laku)};
}

}  // namespace ekinerja::scoring
