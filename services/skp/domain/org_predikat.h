#pragma once

// The organisational predikat of a unit for a period (PermenPANRB 6/2022), entered by BKPSDM per
// unit: it decides the unit head's rating hasil kerja and the distribution curve of the unit's
// employees (domain/distribution.h).

#include <optional>
#include <string_view>

#include "domain/predikat.h"

namespace ekinerja::skp {

enum class OrgPredikat { kIstimewa, kBaik, kButuhPerbaikan, kKurang, kSangatKurang };

// "ISTIMEWA", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG".
std::string_view OrgPredikatName(OrgPredikat predikat);
// The value of one of those names, exactly as printed; nullopt for any other string.
std::optional<OrgPredikat> ParseOrgPredikat(std::string_view name);

// PermenPANRB 6/2022: for a unit head the unit's organisational performance is the rating hasil
// kerja: Istimewa → Di Atas Ekspektasi, Baik → Sesuai Ekspektasi, Butuh Perbaikan, Kurang and
// Sangat Kurang → Di Bawah Ekspektasi.
Rating UnitHeadRatingHasilKerja(OrgPredikat unit);

}  // namespace ekinerja::skp
