#pragma once

// The SIMPEG CSV import (ImportEmployees): parse and validate every row before anything is
// written, so that the import is all rows or none.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "domain/employee.h"
#include "nip.h"
#include "status.h"

namespace ekinerja::identity {

struct ImportRow {
  int line = 0;  // physical line (1-based, the header is line 1) where the record starts
  Nip nip;
  std::string name;  // stripped of surrounding whitespace
  int golongan = 0;  // 1..17, see ParseGolongan
  std::string position_code;
  std::string org_unit_code;
  EmploymentStatus status = EmploymentStatus::kAktif;
  absl::CivilDay start_date;
  std::string username;  // "" when the column is absent or the cell empty
};

// Parses an RFC 4180 CSV file: fields separated by ',', records by CRLF or LF; quoted fields may
// hold commas, line breaks and "" for a quote; an optional UTF-8 BOM, blank lines and a final line
// break are accepted. The first line is a header naming the columns, in any order and any case:
// required nip, name, golongan, position_code, org_unit_code; optional status (default aktif),
// start_date (YYYY-MM-DD, default `default_start`), username. A password column is refused (a
// violation on "header"): imported logins get no password, their owners set one with an
// activation code. Cells are stripped of surrounding spaces.
//
// Every problem is reported, not only the first: INVALID_ARGUMENT with one field violation each,
// on "rows[<line>].<column>" (or "rows[<line>]" for a malformed record, "header" for the header,
// "csv" for an empty file), the description starting "line <line>: ". A NIP or username that
// appears twice is reported on the later line, naming the earlier one.
absl::StatusOr<std::vector<ImportRow>> ParseEmployeeCsv(std::string_view csv,
                                                        absl::CivilDay default_start);
// The same for a caller that checks the rows further (CheckImportReferences) and reports every
// problem of the file together: adds the violations to `violations` and returns the good rows.
std::vector<ImportRow> ParseEmployeeCsv(std::string_view csv, absl::CivilDay default_start,
                                        Violations& violations);

// Reports, one violation on "rows[<line>].position_code" each, the rows whose position does not
// exist or is not in the row's org unit, as `position_in_unit` (the store) answers.
absl::Status CheckImportReferences(
    const std::vector<ImportRow>& rows,
    const std::function<bool(std::string_view position_code, std::string_view org_unit_code)>&
        position_in_unit);

}  // namespace ekinerja::identity
