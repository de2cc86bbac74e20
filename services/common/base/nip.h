#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace ekinerja {

// A Nomor Induk Pegawai (Perka BKN 22/2007, DOMAIN.md §1): 18 digits `YYYYMMDD YYYYMM G NNN` —
// date of birth, TMT CPNS (year-month of appointment), gender, sequence. PPPK NIs have the same
// shape and parse the same way.
struct Nip {
  std::string digits;  // the 18 digits, as stored
  absl::CivilDay birth_date;
  int tmt_year = 0;
  int tmt_month = 0;
  int gender = 0;    // 1 male, 2 female
  int sequence = 0;  // 1..999

  // Grouped for display: "19670227 199803 2 003".
  std::string Display() const;
};

// Parses 18 digits, or the grouped display form with single spaces ("19670227 199803 2 003"),
// which is normalised to 18 digits. Anything else, or a NIP breaking a rule of Perka BKN 22/2007,
// is INVALID_ARGUMENT with one field violation on `field` whose description starts with "NIP"
// and names the rule broken.
absl::StatusOr<Nip> ParseNip(std::string_view input, std::string_view field = "nip");

bool IsValidNip(std::string_view input);

}  // namespace ekinerja
