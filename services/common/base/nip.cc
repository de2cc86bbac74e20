#include "nip.h"

#include <iterator>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "status.h"

namespace ekinerja {
namespace {

constexpr size_t kNipDigits = 18;
// Where the grouped display form "19670227 199803 2 003" has its single spaces.
constexpr size_t kGroupedLength = 21;
constexpr size_t kGroupSpaces[] = {8, 15, 17};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// The 18 digits of `input` if it is in one of the two accepted forms.
std::optional<std::string> NormalisedDigits(std::string_view input) {
  if (input.size() == kNipDigits && AllDigits(input)) return std::string(input);
  if (input.size() != kGroupedLength) return std::nullopt;
  std::string digits;
  digits.reserve(kNipDigits);
  size_t next_space = 0;
  for (size_t i = 0; i < input.size(); ++i) {
    if (next_space < std::size(kGroupSpaces) && i == kGroupSpaces[next_space]) {
      if (input[i] != ' ') return std::nullopt;
      ++next_space;
    } else if (IsDigit(input[i])) {
      digits.push_back(input[i]);
    } else {
      return std::nullopt;
    }
  }
  return digits;
}

int Number(absl::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// Counts months so that year-months compare as integers.
int MonthIndex(int year, int month) { return year * 12 + (month - 1); }

}  // namespace

std::string Nip::Display() const {
  if (digits.size() != kNipDigits) return digits;
  absl::string_view d = digits;
  return absl::StrCat(d.substr(0, 8), " ", d.substr(8, 6), " ", d.substr(14, 1), " ",
                      d.substr(15, 3));
}

absl::StatusOr<Nip> ParseNip(std::string_view input, std::string_view field) {
  auto bad = [&](std::string description) {
    return InvalidField(std::string(field), std::move(description));
  };
  std::optional<std::string> digits = NormalisedDigits(input);
  if (!digits) {
    return bad(
        "NIP must be 18 digits, written together or grouped as \"YYYYMMDD YYYYMM G NNN\" with "
        "single spaces");
  }
  absl::string_view d = *digits;  // absl's own string_view: this abseil build is not std's

  Nip nip;
  const int birth_year = Number(d.substr(0, 4));
  const int birth_month = Number(d.substr(4, 2));
  const int birth_day = Number(d.substr(6, 2));
  // CivilDay normalises out-of-range fields (Feb 30 -> Mar 2), so a real date is one that survives
  // unchanged.
  const absl::CivilDay birth(birth_year, birth_month, birth_day);
  if (birth.year() != birth_year || birth.month() != birth_month || birth.day() != birth_day) {
    return bad(absl::StrCat("NIP birth date ", d.substr(0, 8), " is not a real date"));
  }
  nip.birth_date = birth;

  nip.tmt_year = Number(d.substr(8, 4));
  nip.tmt_month = Number(d.substr(12, 2));
  if (nip.tmt_month < 1 || nip.tmt_month > 12) {
    return bad(absl::StrCat("NIP TMT CPNS ", d.substr(8, 6), " has no month ", d.substr(12, 2)));
  }
  // DOMAIN §1: the appointment comes at least 18 years after birth. The NIP carries only the
  // year-month of the TMT, so the rule is read at month precision: the TMT month may not be earlier
  // than the month of the 18th birthday (born 2000-02-29 -> TMT 2018-02 or later).
  const int earliest_tmt = MonthIndex(birth_year + 18, birth_month);
  if (MonthIndex(nip.tmt_year, nip.tmt_month) < earliest_tmt) {
    return bad(absl::StrFormat(
        "NIP TMT CPNS %s is before the month of the 18th birthday (%04d%02d); an appointment "
        "comes at least 18 years after birth",
        d.substr(8, 6), birth_year + 18, birth_month));
  }

  nip.gender = d[14] - '0';
  if (nip.gender != 1 && nip.gender != 2) {
    return bad(
        absl::StrCat("NIP gender digit must be 1 (male) or 2 (female), got ", d.substr(14, 1)));
  }

  nip.sequence = Number(d.substr(15, 3));
  if (nip.sequence == 0) return bad("NIP sequence 000 is not allowed");

  nip.digits = std::move(*digits);
  return nip;
}

bool IsValidNip(std::string_view input) { return ParseNip(input).ok(); }

}  // namespace ekinerja
