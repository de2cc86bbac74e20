#include "domain/org_predikat.h"

#include <optional>
#include <string_view>

#include "enum_names.h"

namespace ekinerja::skp {
namespace {

constexpr EnumNames<OrgPredikat, 5> kOrgPredikatNames = {{
    {OrgPredikat::kIstimewa, "ISTIMEWA"},
    {OrgPredikat::kBaik, "BAIK"},
    {OrgPredikat::kButuhPerbaikan, "BUTUH_PERBAIKAN"},
    {OrgPredikat::kKurang, "KURANG"},
    {OrgPredikat::kSangatKurang, "SANGAT_KURANG"},
}};

}  // namespace

std::string_view OrgPredikatName(OrgPredikat predikat) {
  return NameOf(kOrgPredikatNames, predikat);
}

std::optional<OrgPredikat> ParseOrgPredikat(std::string_view name) {
  return ValueOf(kOrgPredikatNames, name);
}

Rating UnitHeadRatingHasilKerja(OrgPredikat unit) {
  switch (unit) {
    case OrgPredikat::kIstimewa:
      return Rating::kDiAtasEkspektasi;
    case OrgPredikat::kBaik:
      return Rating::kSesuaiEkspektasi;
    case OrgPredikat::kButuhPerbaikan:
    case OrgPredikat::kKurang:
    case OrgPredikat::kSangatKurang:
      return Rating::kDiBawahEkspektasi;
  }
  // Unreachable for the enum's values; the lowest rating rather than a guess upward.
  return Rating::kDiBawahEkspektasi;
}

}  // namespace ekinerja::skp
