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

enum Column { kNip, kKind, kStartDate, kEndDate, kReason, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {"nip", "kind", "start_date",
                                                                     "end_date", "reason"};
constexpr int kRequiredColumns = kEndDate + 1;

const csv::TableSpec& Spec() {
  static const csv::TableSpec* spec =
      new csv::TableSpec{{kColumnNames.begin(), kColumnNames.end()}, kRequiredColumns, {}};
  return *spec;
}

std::string RowField(int line, Column column) { return csv::CellField(line, kColumnNames[column]); }

std::string KindList() {
  std::string list;
  for (std::string_view k : AbsenceKindNames())
    absl::StrAppend(&list, list.empty() ? "" : ", ", std::string(k));
  return list;
}

std::optional<AbsenceImportRow> ReadRow(const csv::TableRow& record, const WorkDateWindow& window,
                                        Violations& violations) {
  const int line = record.line;
  const std::string where = absl::StrCat("line ", line, ": ");
  bool ok = true;
  const auto bad = [&](Column column, const std::string& reason) {
    violations.Add(RowField(line, column), where + reason);
    ok = false;
  };
  const auto cell = [&](Column column) { return record.cells[column]; };

  AbsenceImportRow row;
  row.line = line;
  for (int c = 0; c < kRequiredColumns; ++c) {
    if (cell(static_cast<Column>(c)).empty()) {
      bad(static_cast<Column>(c), absl::StrCat(std::string(kColumnNames[c]), " is required"));
    }
  }
  if (std::string nip = cell(kNip); !nip.empty()) {
    absl::StatusOr<Nip> parsed = ParseNip(nip, RowField(line, kNip));
    if (parsed.ok()) {
      row.nip = parsed->digits;
    } else {
      bad(kNip, csv::ProblemOf(parsed.status()));
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
        bad(c, absl::StrCat(std::string(kColumnNames[c]), " ", *error));
        continue;
      }
      (c == kStartDate ? start : end) = *parsed;
    } else {
      bad(c,
          absl::StrCat(std::string(kColumnNames[c]), " ", std::string(parsed.status().message())));
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
  row.reason = cell(kReason);  // "" when the column is absent
  if (std::optional<std::string> problem = TextProblem(row.reason, kReasonText)) {
    bad(kReason, "reason " + *problem);
  }
  if (!ok) return std::nullopt;
  return row;
}

}  // namespace

std::vector<AbsenceImportRow> ParseAbsenceCsv(std::string_view text, const WorkDateWindow& window,
                                              Violations& violations) {
  std::vector<AbsenceImportRow> parsed;
  csv::ReadTable(text, Spec(), violations, [&](const csv::TableRow& record) {
    std::optional<AbsenceImportRow> row = ReadRow(record, window, violations);
    if (row) parsed.push_back(*std::move(row));
  });
  std::vector<AbsenceImportRow> rows;
  // The good rows of each NIP so far, for overlaps within the file.
  std::map<std::string, std::vector<const AbsenceImportRow*>> by_nip;
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
