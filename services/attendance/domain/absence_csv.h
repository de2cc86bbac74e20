#pragma once

// The absence import (ImportAbsences): parse and check every row before anything is written, so
// that the import is all rows or none.

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "domain/work_dates.h"
#include "status.h"
#include "text.h"

namespace ekinerja::attendance {

// The reason of an absence or correction, and a decision's note: several lines, at most 1000
// characters.
inline constexpr TextRule kReasonText{1000, true};

struct AbsenceImportRow {
  int line = 0;      // physical line (1-based, the header is line 1) where the record starts
  std::string nip;   // 18 digits
  std::string kind;  // IZIN, SAKIT, CUTI_TAHUNAN, … (AbsenceKindNames)
  absl::CivilDay start, end;
  std::string reason;
};

// Parses an RFC 4180 CSV file (fields separated by ',', records by CRLF or LF; quoted fields may
// hold commas, line breaks and "" for a quote; an optional UTF-8 BOM, blank lines and a final line
// break are accepted). The first line is a header naming the columns in any order and any case:
// required nip, kind, start_date, end_date; optional reason. Cells are stripped of surrounding
// spaces. nip: 18 digits or the grouped form, valid by Perka BKN 22/2007; kind: an absence kind
// name (any case); dates YYYY-MM-DD, end_date not before start_date and at most 366 days after
// it, both within the tenant's `window` of work dates; reason as kReasonText. Two rows of one NIP
// whose ranges overlap are an error on the later row's start_date.
//
// Every problem is reported: one field violation each, on "rows[<line>].<column>" ("rows[<line>]"
// for a malformed record, "header" for the header, "csv" for an empty file), the description
// starting "line <line>: ". Returns the good rows; the caller rejects the import when
// `violations` is not empty.
std::vector<AbsenceImportRow> ParseAbsenceCsv(std::string_view csv, const WorkDateWindow& window,
                                              Violations& violations);

}  // namespace ekinerja::attendance
