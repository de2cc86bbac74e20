#include "domain/periods.h"

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "enum_names.h"
#include "status.h"

namespace ekinerja::skp {
namespace {

constexpr EnumNames<PeriodKind, 3> kKindNames = {{
    {PeriodKind::kMonthly, "MONTHLY"},
    {PeriodKind::kQuarterly, "QUARTERLY"},
    {PeriodKind::kAnnual, "ANNUAL"},
}};

// The value of `s` when it is exactly `digits` decimal digits.
std::optional<int> Digits(std::string_view s, size_t digits) {
  if (s.size() != digits) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// The months a period covers: [first, first + count).
int FirstMonth(const Period& p) {
  switch (p.kind) {
    case PeriodKind::kMonthly:
      return p.number;
    case PeriodKind::kQuarterly:
      return 3 * p.number - 2;
    case PeriodKind::kAnnual:
      return 1;
  }
  return 1;
}

int MonthsPerPeriod(PeriodKind kind) { return 12 / PeriodsPerYear(kind); }

}  // namespace

std::string_view PeriodKindName(PeriodKind kind) { return NameOf(kKindNames, kind); }

std::optional<PeriodKind> ParsePeriodKind(std::string_view name) {
  return ValueOf(kKindNames, name);
}

int PeriodsPerYear(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kMonthly:
      return 12;
    case PeriodKind::kQuarterly:
      return 4;
    case PeriodKind::kAnnual:
      return 1;
  }
  return 1;
}

absl::Status CheckPeriod(const Period& period) {
  Violations v;
  if (period.year < kMinPeriodYear || period.year > kMaxPeriodYear) {
    v.Add("period.year", absl::StrCat("must be between ", kMinPeriodYear, " and ", kMaxPeriodYear));
  }
  const int last = PeriodsPerYear(period.kind);
  if (period.number < 1 || period.number > last) {
    v.Add("period.number", absl::StrCat("must be between 1 and ", last, " (",
                                        std::string(PeriodKindName(period.kind)), ")"));
  }
  return v.ToStatus();
}

absl::CivilDay PeriodFirstDay(const Period& period) {
  return absl::CivilDay(period.year, FirstMonth(period), 1);
}

absl::CivilDay PeriodLastDay(const Period& period) {
  const absl::CivilMonth after =
      absl::CivilMonth(period.year, FirstMonth(period)) + MonthsPerPeriod(period.kind);
  return absl::CivilDay(after) - 1;
}

Period PeriodOf(PeriodKind kind, absl::CivilDay day) {
  const int year = static_cast<int>(day.year());
  return {year, kind, (day.month() - 1) / MonthsPerPeriod(kind) + 1};
}

std::string FormatPeriod(const Period& period) {
  switch (period.kind) {
    case PeriodKind::kMonthly:
      return absl::StrFormat("%04d-M%02d", period.year, period.number);
    case PeriodKind::kQuarterly:
      return absl::StrFormat("%04d-Q%d", period.year, period.number);
    case PeriodKind::kAnnual:
      break;
  }
  return absl::StrFormat("%04d", period.year);
}

absl::StatusOr<Period> ParsePeriod(std::string_view text) {
  const std::optional<int> year = Digits(text.substr(0, 4), 4);
  std::optional<Period> period;
  if (year && text.size() == 4) {
    period = Period{*year, PeriodKind::kAnnual, 1};
  } else if (year && text.size() == 8 && text.substr(4, 2) == "-M") {
    if (std::optional<int> n = Digits(text.substr(6), 2)) {
      period = Period{*year, PeriodKind::kMonthly, *n};
    }
  } else if (year && text.size() == 7 && text.substr(4, 2) == "-Q") {
    if (std::optional<int> n = Digits(text.substr(6), 1)) {
      period = Period{*year, PeriodKind::kQuarterly, *n};
    }
  }
  if (!period || !CheckPeriod(*period).ok()) {
    return InvalidField("period",
                        absl::StrCat("not a period of ", kMinPeriodYear, "-", kMaxPeriodYear,
                                     " in the form 2026, 2026-Q1 or 2026-M03"));
  }
  return *period;
}

absl::Status CheckPeriodKind(const Period& period, PeriodKind rules_kind, std::string_view field) {
  if (period.kind == PeriodKind::kAnnual || period.kind == rules_kind) return absl::OkStatus();
  return InvalidField(std::string(field), absl::StrCat("the tenant's SKP periods are ",
                                                       std::string(PeriodKindName(rules_kind)),
                                                       " (or the annual period)"));
}

absl::StatusOr<Period> ParseSkpPeriod(std::string_view text, PeriodKind rules_kind,
                                      absl::CivilDay start, absl::CivilDay end,
                                      std::string_view field) {
  absl::StatusOr<Period> period = ParsePeriod(text);
  const std::string name(field);
  if (!period.ok()) return InvalidField(name, FieldViolationsOf(period.status())[0].description);
  EK_RETURN_IF_ERROR(CheckPeriodKind(*period, rules_kind, field));
  if (PeriodLastDay(*period) < start || PeriodFirstDay(*period) > end) {
    return InvalidField(name, absl::StrCat("outside the SKP's days ", absl::FormatCivilTime(start),
                                           " to ", absl::FormatCivilTime(end)));
  }
  return period;
}

}  // namespace ekinerja::skp
