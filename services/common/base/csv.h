#pragma once

// RFC 4180 CSV records, as the importers read them (identity's employees, attendance's absences
// and device exports): quoted fields with doubled quotes and embedded line breaks, CRLF, LF or a
// lone CR between records, and physical line numbers kept so that errors name the line a person
// sees in their editor.

#include <string>
#include <string_view>
#include <vector>

namespace ekinerja::csv {

// The UTF-8 byte order mark spreadsheets put first; importers drop it.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One CSV record.
struct Record {
  int line = 0;  // where the record starts
  std::vector<std::string> fields;
  std::string error;   // a syntax error; the fields are then unreliable
  bool blank = false;  // an empty line
};

// Splits `text` into records. Line breaks inside a quoted field are data but still advance the
// line count, so later records keep their physical line numbers. A quote inside an unquoted field
// is kept as data (spreadsheets write them).
std::vector<Record> SplitRecords(std::string_view text);

}  // namespace ekinerja::csv
