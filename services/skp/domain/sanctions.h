#pragma once

// The annual sanctions recommendation for BKPSDM (DOMAIN §3). The suite only lists an employee
// with the figure behind the line; it never applies a sanction.
//
// PP 46 / Perka BKN 1/2013 model, from the reported nilai capaian SKP (PP 53/2010 Pasal 3, the
// Blitar seed):
//   25.00 up to and including 50.00 → hukuman disiplin sedang (PP 53/2010 Pasal 7 ayat 3:
//     penundaan KGB or kenaikan pangkat one year, or penurunan pangkat one year);
//   below 25.00 → hukuman disiplin berat (Pasal 7 ayat 4).
// PermenPANRB 6/2022 model: predikat Sangat Kurang is listed, and Kurang/Misconduct when the
// tenant opts in. The regulation maps only the PP 46 figures to a level, so these lines carry
// none: BKPSDM decides.

#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/predikat.h"

namespace ekinerja::skp {

// Why an employee is on the list: "NILAI_CAPAIAN_25_SAMPAI_50", "NILAI_CAPAIAN_DI_BAWAH_25",
// "PREDIKAT_SANGAT_KURANG", "PREDIKAT_KURANG".
enum class SanctionReason {
  kNilaiCapaian25Sampai50,
  kNilaiCapaianDiBawah25,
  kPredikatSangatKurang,
  kPredikatKurang,
};
std::string_view SanctionReasonName(SanctionReason reason);

// The level of hukuman disiplin (PP 53/2010 Pasal 7): "SEDANG", "BERAT".
enum class HukumanDisiplin { kSedang, kBerat };
std::string_view HukumanDisiplinName(HukumanDisiplin level);

struct SanctionRecommendation {
  SanctionReason reason = SanctionReason::kNilaiCapaianDiBawah25;
  std::optional<HukumanDisiplin> level;  // only for the PP 46 figures
  // The figure behind the line: the reported nilai capaian SKP (PP 46) or the predikat (6/2022).
  std::optional<int64_t> nilai_capaian_hundredths;
  std::optional<Predikat> predikat;
};

// PP 46: from the nilai capaian SKP as reported, in hundredths (Rational::RoundedHundredths):
// 2500–5000 SEDANG, below 2500 BERAT, otherwise nullopt.
std::optional<SanctionRecommendation> SanctionForNilaiCapaian(int64_t nilai_capaian_hundredths);

// PermenPANRB 6/2022: Sangat Kurang always; Kurang/Misconduct when `include_kurang` (a tenant
// option); otherwise nullopt.
std::optional<SanctionRecommendation> SanctionForPredikat(Predikat predikat, bool include_kurang);

}  // namespace ekinerja::skp
