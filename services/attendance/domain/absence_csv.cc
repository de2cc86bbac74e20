#include "domain/absence_csv.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "civil.h"
#include "csv.h"
#include "domain/absence.h"
#include "domain/work_dates.h"
#include "nip.h"

namespace ekinerja::attendance {
namespace {

using csv::kUtf8Bom;
using csv::Record;
using csv::SplitRecords;

enum Column { kNip, kKind, kStartDate, kEndDate, kReason, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {"nip", "kind", "start_date",
                                                                     "end_date", "reason"};
constexpr int kRequiredColumns = kEndDate + 1;

std::string Str(std::string_view s) { return std::string(s); }

std::string Strip(std::string_view s) {
  return std::string(absl::StripAsciiWhitespace(absl::string_view(s.data(), s.size())));
}

std::string RowField(int line, Column column) {
  return absl::StrCat("rows[", line, "].", Str(kColumnNames[column]));
}

std::string KindList() {
  std::string list;
  for (std::string_view k : AbsenceKindNames())
    absl::StrAppend(&list, list.empty() ? "" : ", ", Str(k));
  return list;
}

std::optional<std::array<int, kColumnCount>> ReadHeader(const Record& header,
                                                        Violations& violations) {
  std::array<int, kColumnCount> index;
  index.fill(-1);
  const std::string where = absl::StrCat("line ", header.line, ": ");
  if (!header.error.empty()) {
    violations.Add("header", where + header.error);
    return std::nullopt;
  }
  bool ok = true;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = absl::AsciiStrToLower(Strip(header.fields[i]));
    int column = -1;
    for (int c = 0; c < kColumnCount; ++c) {
      if (name == kColumnNames[c]) column = c;
    }
    if (column < 0) {
      violations.Add("header", absl::StrCat(where, "unknown column \"", name,
                                            "\"; the columns are nip, kind, start_date, "
                                            "end_date, reason"));
      ok = false;
    } else if (index[column] >= 0) {
      violations.Add("header", absl::StrCat(where, "column \"", name, "\" appears twice"));
      ok = false;
    } else {
      index[column] = static_cast<int>(i);
    }
  }
  for (int c = 0; c < kRequiredColumns; ++c) {
    if (index[c] < 0) {
      violations.Add("header", absl::StrCat(where, "required column \"", Str(kColumnNames[c]),
                                            "\" is missing"));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return index;
}

// The description of a one-violation status.
std::string Reason(const absl::Status& status) {
  std::vector<FieldViolation> v = FieldViolationsOf(status);
  return v.empty() ? std::string(status.message()) : v.front().description;
}

std::optional<AbsenceImportRow> ReadRow(const Record& record,
                                        const std::array<int, kColumnCount>& index,
                                        const WorkDateWindow& window, Violations& violations) {
  const int line = record.line;
  const std::string where = absl::StrCat("line ", line, ": ");
  bool ok = true;
  const auto bad = [&](Column column, const std::string& reason) {
    violations.Add(RowField(line, column), where + reason);
    ok = false;
  };
  const auto cell = [&](Column column) {
    return index[column] < 0 ? std::string() : Strip(record.fields[index[column]]);
  };

  AbsenceImportRow row;
  row.line = line;
  for (int c = 0; c < kRequiredColumns; ++c) {
    if (cell(static_cast<Column>(c)).empty()) {
      bad(static_cast<Column>(c), absl::StrCat(Str(kColumnNames[c]), " is required"));
    }
  }
  if (std::string nip = cell(kNip); !nip.empty()) {
    absl::StatusOr<Nip> parsed = ParseNip(nip, RowField(line, kNip));
    if (parsed.ok()) {
      row.nip = parsed->digits;
    } else {
      bad(kNip, Reason(parsed.status()));
    }
  }
  if (std::string kind = absl::AsciiStrToUpper(cell(kKind)); !kind.empty()) {
    if (IsAbsenceKindName(kind)) {
      row.kind = kind;
    } else {
      bad(kKind, absl::StrCat("unknown kind \"", cell(kKind), "\"; the kinds are ", KindList()));
    }
  }
  std::optional<absl::CivilDay> start, end;
  for (Column c : {kStartDate, kEndDate}) {
    std::string text = cell(c);
    if (text.empty()) continue;
    absl::StatusOr<absl::CivilDay> parsed = ParseDate(text);
    if (parsed.ok()) {
      if (std::optional<std::string> error = WorkDateError(window, *parsed)) {
        bad(c, absl::StrCat(Str(kColumnNames[c]), " ", *error));
        continue;
      }
      (c == kStartDate ? start : end) = *parsed;
    } else {
      bad(c, absl::StrCat(Str(kColumnNames[c]), " ", std::string(parsed.status().message())));
    }
  }
  if (start && end) {
    if (std::optional<std::string> error = AbsenceRangeError(*start, *end)) {
      bad(kEndDate, "end_date " + *error);
    } else {
      row.start = *start;
      row.end = *end;
    }
  }
  if (index[kReason] >= 0) {
    row.reason = cell(kReason);
    if (std::optional<std::string> problem = TextProblem(row.reason, kReasonText)) {
      bad(kReason, "reason " + *problem);
    }
  }
  if (!ok) return std::nullopt;
  return row;
}

}  // namespace

std::vector<AbsenceImportRow> ParseAbsenceCsv(std::string_view csv, const WorkDateWindow& window,
                                              Violations& violations) {
  if (csv.substr(0, kUtf8Bom.size()) == kUtf8Bom) csv.remove_prefix(kUtf8Bom.size());
  std::vector<Record> records = SplitRecords(csv);

  auto it = records.begin();
  while (it != records.end() && it->blank) ++it;
  if (it == records.end()) {
    violations.Add("csv", "the file is empty; it needs a header line naming the columns");
    return {};
  }
  const std::optional<std::array<int, kColumnCount>> index = ReadHeader(*it, violations);
  if (!index) return {};
  const size_t columns = it->fields.size();

  std::vector<AbsenceImportRow> rows;
  // The good rows of each NIP so far, for overlaps within the file.
  std::map<std::string, std::vector<const AbsenceImportRow*>> by_nip;
  std::vector<AbsenceImportRow> parsed;
  for (++it; it != records.end(); ++it) {
    const Record& record = *it;
    if (record.blank) continue;
    const std::string where = absl::StrCat("line ", record.line, ": ");
    const std::string row_field = absl::StrCat("rows[", record.line, "]");
    if (!record.error.empty()) {
      violations.Add(row_field, where + record.error);
      continue;
    }
    if (record.fields.size() != columns) {
      violations.Add(row_field,
                     absl::StrCat(where, "expected ", columns, " fields as in the header, got ",
                                  record.fields.size()));
      continue;
    }
    std::optional<AbsenceImportRow> row = ReadRow(record, *index, window, violations);
    if (row) parsed.push_back(*std::move(row));
  }
  for (const AbsenceImportRow& row : parsed) {
    std::vector<const AbsenceImportRow*>& earlier = by_nip[row.nip];
    const auto overlap = std::find_if(earlier.begin(), earlier.end(), [&](const auto* e) {
      return e->start <= row.end && row.start <= e->end;
    });
    if (overlap != earlier.end()) {
      violations.Add(
          RowField(row.line, kStartDate),
          absl::StrCat("line ", row.line, ": overlaps the absence of the same NIP on line ",
                       (*overlap)->line));
      continue;
    }
    earlier.push_back(&row);
    rows.push_back(row);
  }
  if (violations.empty() && rows.empty()) {
    violations.Add("csv", "the file has a header but no absence rows");
  }
  return rows;
}

}  // namespace ekinerja::attendance
