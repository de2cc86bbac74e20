#include "domain/distribution.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "enum_names.h"

namespace ekinerja::skp {
namespace {

struct CurveRule {
  OrgPredikat unit;
  const char* code;
  CurveBound bound_kind;
  CurveUnit bound_unit;
  int bound;
  std::array<Predikat, 2> predikat;  // the first `predikat_count` are counted together
  int predikat_count;
};

constexpr Predikat kSB = Predikat::kSangatBaik;
constexpr Predikat kB = Predikat::kBaik;
constexpr Predikat kBP = Predikat::kButuhPerbaikan;
constexpr Predikat kK = Predikat::kKurangMisconduct;
constexpr Predikat kSK = Predikat::kSangatKurang;
constexpr CurveBound kMin = CurveBound::kFloor;
constexpr CurveBound kMax = CurveBound::kCeiling;
constexpr CurveUnit kPct = CurveUnit::kPercent;
constexpr CurveUnit kCnt = CurveUnit::kCount;

// PermenPANRB 6/2022, the distribution table of DOMAIN §2, row by row.
// clang-format off
constexpr CurveRule kRules[] = {
    {OrgPredikat::kIstimewa, "ISTIMEWA_MAX_70_SANGAT_BAIK", kMax, kPct, 70, {kSB}, 1},
    {OrgPredikat::kBaik, "BAIK_MAX_70_BAIK", kMax, kPct, 70, {kB}, 1},
    {OrgPredikat::kBaik, "BAIK_MIN_1_BUTUH_PERBAIKAN_OR_KURANG", kMin, kCnt, 1, {kBP, kK}, 2},
    {OrgPredikat::kButuhPerbaikan, "BUTUH_PERBAIKAN_MIN_60_BUTUH_PERBAIKAN", kMin, kPct, 60,
     {kBP}, 1},
    {OrgPredikat::kButuhPerbaikan, "BUTUH_PERBAIKAN_MAX_10_SANGAT_BAIK", kMax, kPct, 10, {kSB}, 1},
    {OrgPredikat::kKurang, "KURANG_MIN_60_KURANG", kMin, kPct, 60, {kK}, 1},
    {OrgPredikat::kKurang, "KURANG_MIN_10_BUTUH_PERBAIKAN", kMin, kPct, 10, {kBP}, 1},
    {OrgPredikat::kKurang, "KURANG_MAX_10_SANGAT_BAIK", kMax, kPct, 10, {kSB}, 1},
    {OrgPredikat::kSangatKurang, "SANGAT_KURANG_MIN_60_SANGAT_KURANG", kMin, kPct, 60, {kSK}, 1},
    {OrgPredikat::kSangatKurang, "SANGAT_KURANG_MIN_10_KURANG_OR_BUTUH_PERBAIKAN", kMin, kPct, 10,
     {kK, kBP}, 2},
    {OrgPredikat::kSangatKurang, "SANGAT_KURANG_NO_SANGAT_BAIK", kMax, kCnt, 0, {kSB}, 1},
};
// clang-format on

// The names a clerk reads in the messages.
constexpr EnumNames<Predikat, 5> kPredikatDisplay = {{
    {Predikat::kSangatBaik, "Sangat Baik"},
    {Predikat::kBaik, "Baik"},
    {Predikat::kButuhPerbaikan, "Butuh Perbaikan"},
    {Predikat::kKurangMisconduct, "Kurang/Misconduct"},
    {Predikat::kSangatKurang, "Sangat Kurang"},
}};

constexpr EnumNames<OrgPredikat, 5> kOrgPredikatDisplay = {{
    {OrgPredikat::kIstimewa, "Istimewa"},
    {OrgPredikat::kBaik, "Baik"},
    {OrgPredikat::kButuhPerbaikan, "Butuh Perbaikan"},
    {OrgPredikat::kKurang, "Kurang"},
    {OrgPredikat::kSangatKurang, "Sangat Kurang"},
}};

bool Breaks(const CurveRule& rule, int actual, int total) {
  // Exact: actual / total against bound / 100 as actual × 100 against bound × total.
  const int64_t lhs = rule.bound_unit == kPct ? int64_t{actual} * 100 : actual;
  const int64_t rhs = rule.bound_unit == kPct ? int64_t{rule.bound} * total : rule.bound;
  return rule.bound_kind == kMin ? lhs < rhs : lhs > rhs;
}

// "Unit berpredikat Baik: paling banyak 70% pegawai Baik; ada 8 dari 10 pegawai."
std::string Message(const CurveRule& rule, const std::vector<Predikat>& predikat, int actual,
                    int total) {
  const std::string names = absl::StrJoin(predikat, " atau ", [](std::string* out, Predikat p) {
    out->append(NameOf(kPredikatDisplay, p));
  });
  std::string what;
  if (rule.bound_kind == kMax && rule.bound_unit == kCnt && rule.bound == 0) {
    what = absl::StrCat("tidak boleh ada pegawai ", names);
  } else {
    what = absl::StrCat(rule.bound_kind == kMin ? "paling sedikit " : "paling banyak ", rule.bound,
                        rule.bound_unit == kPct ? "% " : " ", "pegawai ", names);
  }
  return absl::StrCat("Unit berpredikat ", std::string(NameOf(kOrgPredikatDisplay, rule.unit)),
                      ": ", what, "; ada ", actual, " dari ", total, " pegawai.");
}

}  // namespace

int PredikatCounts::of(Predikat predikat) const {
  switch (predikat) {
    case Predikat::kSangatBaik:
      return sangat_baik;
    case Predikat::kBaik:
      return baik;
    case Predikat::kButuhPerbaikan:
      return butuh_perbaikan;
    case Predikat::kKurangMisconduct:
      return kurang_misconduct;
    case Predikat::kSangatKurang:
      return sangat_kurang;
  }
  return 0;
}

int PredikatCounts::total() const {
  return sangat_baik + baik + butuh_perbaikan + kurang_misconduct + sangat_kurang;
}

std::vector<CurveViolation> DistributionViolations(OrgPredikat unit, const PredikatCounts& counts) {
  std::vector<CurveViolation> violations;
  const int total = counts.total();
  if (total == 0) return violations;  // nothing to distribute
  for (const CurveRule& rule : kRules) {
    if (rule.unit != unit) continue;
    std::vector<Predikat> predikat(rule.predikat.begin(),
                                   rule.predikat.begin() + rule.predikat_count);
    int actual = 0;
    for (Predikat p : predikat) actual += counts.of(p);
    if (!Breaks(rule, actual, total)) continue;
    std::string message = Message(rule, predikat, actual, total);
    violations.push_back({std::string(rule.code), std::move(predikat), rule.bound_kind,
                          rule.bound_unit, rule.bound, actual, total, std::move(message)});
  }
  return violations;
}

}  // namespace ekinerja::skp
