#include "domain/sanctions.h"

#include <cstdint>
#include <optional>
#include <string_view>

#include "enum_names.h"

namespace ekinerja::skp {
namespace {

constexpr EnumNames<SanctionReason, 4> kReasonNames = {{
    {SanctionReason::kNilaiCapaian25Sampai50, "NILAI_CAPAIAN_25_SAMPAI_50"},
    {SanctionReason::kNilaiCapaianDiBawah25, "NILAI_CAPAIAN_DI_BAWAH_25"},
    {SanctionReason::kPredikatSangatKurang, "PREDIKAT_SANGAT_KURANG"},
    {SanctionReason::kPredikatKurang, "PREDIKAT_KURANG"},
}};

constexpr EnumNames<HukumanDisiplin, 2> kLevelNames = {{
    {HukumanDisiplin::kSedang, "SEDANG"},
    {HukumanDisiplin::kBerat, "BERAT"},
}};

}  // namespace

std::string_view SanctionReasonName(SanctionReason reason) { return NameOf(kReasonNames, reason); }

std::string_view HukumanDisiplinName(HukumanDisiplin level) { return NameOf(kLevelNames, level); }

std::optional<SanctionRecommendation> SanctionForNilaiCapaian(int64_t nilai_capaian_hundredths) {
  SanctionRecommendation line;
  line.nilai_capaian_hundredths = nilai_capaian_hundredths;
  // PP 53/2010 Pasal 3 (DOMAIN §3): below 25 berat; 25 up to and including 50 sedang.
  if (nilai_capaian_hundredths < 2500) {
    line.reason = SanctionReason::kNilaiCapaianDiBawah25;
    line.level = HukumanDisiplin::kBerat;
    return line;
  }
  if (nilai_capaian_hundredths <= 5000) {
    line.reason = SanctionReason::kNilaiCapaian25Sampai50;
    line.level = HukumanDisiplin::kSedang;
    return line;
  }
  return std::nullopt;
}

std::optional<SanctionRecommendation> SanctionForPredikat(Predikat predikat, bool include_kurang) {
  SanctionRecommendation line;
  line.predikat = predikat;
  if (predikat == Predikat::kSangatKurang) {
    line.reason = SanctionReason::kPredikatSangatKurang;
    return line;
  }
  if (predikat == Predikat::kKurangMisconduct && include_kurang) {
    line.reason = SanctionReason::kPredikatKurang;
    return line;
  }
  return std::nullopt;
}

}  // namespace ekinerja::skp
