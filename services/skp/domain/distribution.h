#pragma once

// The distribution curve of PermenPANRB 6/2022 (DOMAIN §2): the predikat kinerja of a unit's
// employees must respect the unit's organisational predikat.
//
//   Istimewa         at most 70% Sangat Baik
//   Baik             at most 70% Baik; at least one Butuh Perbaikan or Kurang/Misconduct
//   Butuh Perbaikan  at least 60% Butuh Perbaikan; at most 10% Sangat Baik
//   Kurang           at least 60% Kurang/Misconduct; at least 10% Butuh Perbaikan;
//                    at most 10% Sangat Baik
//   Sangat Kurang    at least 60% Sangat Kurang; at least 10% Kurang/Misconduct or Butuh
//                    Perbaikan; no Sangat Baik
//
// Percentages are compared exactly in integers (count × 100 against percent × total): exactly 70%
// is allowed, and "at least 10%" of 11 employees needs 2. A unit without employees has nothing to
// distribute and no violation.

#include <string>
#include <vector>

#include "domain/org_predikat.h"
#include "domain/predikat.h"

namespace ekinerja::skp {

// How many of a unit's employees have each predikat (each count ≥ 0).
struct PredikatCounts {
  int sangat_baik = 0;
  int baik = 0;
  int butuh_perbaikan = 0;
  int kurang_misconduct = 0;
  int sangat_kurang = 0;

  int of(Predikat predikat) const;
  int total() const;
};

// "At least" or "at most"; a percent of the unit's employees or a number of employees.
enum class CurveBound { kFloor, kCeiling };
enum class CurveUnit { kPercent, kCount };

// One rule of the table that the unit's counts break.
struct CurveViolation {
  std::string rule;                // stable code: "ISTIMEWA_MAX_70_SANGAT_BAIK", ...
  std::vector<Predikat> predikat;  // the predikat the rule counts together
  CurveBound bound_kind = CurveBound::kFloor;
  CurveUnit unit = CurveUnit::kPercent;
  int bound = 0;        // the percent, or the number of employees ("at least one" 1, "none" 0)
  int actual = 0;       // employees with one of `predikat`
  int total = 0;        // employees of the unit
  std::string message;  // Bahasa Indonesia, for the clerk: the rule and the counts
};

// The rules of the unit's row that `counts` break, in the table's order; empty when none (and
// always for a unit without employees).
std::vector<CurveViolation> DistributionViolations(OrgPredikat unit, const PredikatCounts& counts);

}  // namespace ekinerja::skp
