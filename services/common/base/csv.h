#pragma once

// RFC 4180 CSV records, as the importers read them (identity's employees, attendance's absences
// and device exports): quoted fields with doubled quotes and embedded line breaks, CRLF, LF or a
// lone CR between records, and physical line numbers kept so that errors name the line a person
// sees in their editor.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "status.h"

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

// A file whose first non-blank line names its columns, as the importers take it: the columns in
// any order and any case, blanks around names and cells ignored.
struct TableSpec {
  std::vector<std::string_view> columns;  // the known columns, lower case
  size_t required = 0;                    // the first `required` of them must be named
  // Columns refused by name, each with its own reason (identity refuses "password").
  std::vector<std::pair<std::string_view, std::string_view>> refused;
};

// A data record's cells by column of the spec, stripped; "" for a column the header did not name.
struct TableRow {
  int line = 0;
  std::vector<std::string> cells;
};

// Drops a byte order mark, skips blank lines, maps the header onto `spec`, and calls `each` with
// every record whose syntax and field count are good, in file order. Violations, each text
// starting "line L: ": "csv" for a file without a header; "header" for the header's syntax error
// or an unknown, repeated, missing or refused column (then no record is read); "rows[L]", added in
// line order between the calls, for a record's syntax error or a field count other than the
// header's.
void ReadTable(std::string_view text, const TableSpec& spec, Violations& violations,
               const std::function<void(const TableRow&)>& each);

// Where a cell's problem is reported: "rows[L].<column>".
std::string CellField(int line, std::string_view column);

// What a field validator said of a cell: its first violation's description, else its message.
std::string ProblemOf(const absl::Status& status);

// One record as RFC 4180 writes it: fields joined by commas, a field quoted (its quotes doubled)
// when it holds a comma, a quote or a line break; ended by CRLF.
std::string FormatRecord(const std::vector<std::string>& fields);

}  // namespace ekinerja::csv
