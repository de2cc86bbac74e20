#pragma once

// Evaluation periods of an SKP year (DOMAIN §2): realisations and periodic evaluations are
// monthly or quarterly (a tenant choice), the final evaluation annual. A period has a first and
// last civil day and a canonical string, "2026-M03", "2026-Q1" or "2026", used as a storage key.

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace ekinerja::skp {

enum class PeriodKind { kMonthly, kQuarterly, kAnnual };

// "MONTHLY", "QUARTERLY", "ANNUAL", and back.
std::string_view PeriodKindName(PeriodKind kind);
std::optional<PeriodKind> ParsePeriodKind(std::string_view name);

// 12, 4 or 1: the period numbers of a kind run from 1 to this.
int PeriodsPerYear(PeriodKind kind);

inline constexpr int kMinPeriodYear = 2000;
inline constexpr int kMaxPeriodYear = 2100;

struct Period {
  int year = 0;
  PeriodKind kind = PeriodKind::kAnnual;
  int number = 1;  // 1–12 monthly, 1–4 quarterly, 1 annual

  bool operator==(const Period& o) const {
    return year == o.year && kind == o.kind && number == o.number;
  }
  bool operator!=(const Period& o) const { return !(*this == o); }
};

// INVALID_ARGUMENT with one field violation per bad field: "period.year" outside 2000–2100,
// "period.number" outside 1..PeriodsPerYear(kind).
absl::Status CheckPeriod(const Period& period);

// The first and last day of a valid period (CheckPeriod): 2024-M02 runs 2024-02-01 to 2024-02-29,
// 2026-Q4 2026-10-01 to 2026-12-31, 2026 2026-01-01 to 2026-12-31.
absl::CivilDay PeriodFirstDay(const Period& period);
absl::CivilDay PeriodLastDay(const Period& period);

// The period of `kind` that holds `day` (its year unchecked: CheckPeriod it if it came from
// outside).
Period PeriodOf(PeriodKind kind, absl::CivilDay day);

// "2026-M03" (month two digits), "2026-Q1", "2026"; and back, exactly that form and only for a
// valid period, else INVALID_ARGUMENT naming "period".
std::string FormatPeriod(const Period& period);
absl::StatusOr<Period> ParsePeriod(std::string_view text);

// OK for a period of the tenant's rules' kind (`rules_kind`, monthly or quarterly) or the annual
// one; INVALID_ARGUMENT naming `field` otherwise (DOMAIN §2: periodic evaluation is monthly or
// quarterly, a tenant choice, besides the annual one).
absl::Status CheckPeriodKind(const Period& period, PeriodKind rules_kind,
                             std::string_view field = "period");

// A period of one SKP (DOMAIN §2): `text` parsed as ParsePeriod does, of the kind of the tenant's
// rules (`rules_kind`, monthly or quarterly) or annual, overlapping the SKP's days [start, end]
// (a position period may start mid-year). INVALID_ARGUMENT naming `field` otherwise.
absl::StatusOr<Period> ParseSkpPeriod(std::string_view text, PeriodKind rules_kind,
                                      absl::CivilDay start, absl::CivilDay end,
                                      std::string_view field = "period");

}  // namespace ekinerja::skp
