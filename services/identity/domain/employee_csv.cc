#include "domain/employee_csv.h"

#include <array>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "civil.h"
#include "csv.h"
#include "domain/validation.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

constexpr char kStatusMessage[] = "invalid employee CSV";
using csv::kUtf8Bom;
using csv::Record;
using csv::SplitRecords;

enum Column {
  kNip,
  kName,
  kGolongan,
  kPositionCode,
  kOrgUnitCode,
  kStatus,
  kStartDate,
  kUsername,
  kColumnCount,
};

constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "nip", "name", "golongan", "position_code", "org_unit_code", "status", "start_date", "username",
};
constexpr int kRequiredColumns = kOrgUnitCode + 1;  // nip .. org_unit_code
constexpr char kNoPasswordColumn[] =
    "a password column is not accepted: imported logins get no password; each employee sets one "
    "with an activation code (IssuePasswordCodes)";

std::string Str(std::string_view s) { return std::string(s); }

std::string Strip(std::string_view s) {
  return std::string(absl::StripAsciiWhitespace(absl::string_view(s.data(), s.size())));
}

// The description of a one-violation status from a validator.
std::string Reason(const absl::Status& status) {
  std::vector<FieldViolation> v = FieldViolationsOf(status);
  return v.empty() ? std::string(status.message()) : v.front().description;
}

std::string ColumnList() {
  std::string list;
  for (std::string_view name : kColumnNames) {
    absl::StrAppend(&list, list.empty() ? "" : ", ", Str(name));
  }
  return list;
}

std::string RowField(int line, Column column) {
  return absl::StrCat("rows[", line, "].", Str(kColumnNames[column]));
}

// Position of each column in the records, from the header; nullopt if the header is bad.
std::optional<std::array<int, kColumnCount>> ReadHeader(const Record& header,
                                                        Violations& violations) {
  std::array<int, kColumnCount> index;
  index.fill(-1);
  const std::string where = absl::StrCat("line ", header.line, ": ");
  if (!header.error.empty()) {
    violations.Add("header", absl::StrCat(where, header.error));
    return std::nullopt;
  }
  bool ok = true;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = absl::AsciiStrToLower(Strip(header.fields[i]));
    int column = -1;
    for (int c = 0; c < kColumnCount; ++c) {
      if (name == kColumnNames[c]) column = c;
    }
    if (name == "password") {
      // Issue 9: hashing every row's password made a large import take twenty minutes, and
      // employees should choose their own passwords.
      violations.Add("header", absl::StrCat(where, kNoPasswordColumn));
      ok = false;
    } else if (column < 0) {
      violations.Add("header", absl::StrCat(where, "unknown column \"", name,
                                            "\"; the columns are ", ColumnList()));
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

// Validates one record; adds a violation per bad cell. nullopt if any cell was bad.
std::optional<ImportRow> ReadRow(const Record& record, const std::array<int, kColumnCount>& index,
                                 absl::CivilDay default_start, Violations& violations) {
  const int line = record.line;
  const std::string where = absl::StrCat("line ", line, ": ");
  bool ok = true;
  const auto bad = [&](Column column, std::string_view reason) {
    violations.Add(RowField(line, column), absl::StrCat(where, Str(reason)));
    ok = false;
  };
  // The cell of `column`, stripped ("" for an absent optional column).
  const auto cell = [&](Column column) {
    return index[column] < 0 ? std::string() : Strip(record.fields[index[column]]);
  };
  // A validator's verdict on `column`; true if good.
  const auto check = [&](Column column, const absl::Status& status) {
    if (!status.ok()) bad(column, Reason(status));
    return status.ok();
  };

  ImportRow row;
  row.line = line;
  for (int c = 0; c < kRequiredColumns; ++c) {
    if (cell(static_cast<Column>(c)).empty()) {
      bad(static_cast<Column>(c), absl::StrCat(Str(kColumnNames[c]), " is required"));
    }
  }
  if (std::string nip = cell(kNip); !nip.empty()) {
    absl::StatusOr<Nip> parsed = ParseNip(nip, RowField(line, kNip));
    if (check(kNip, parsed.status())) row.nip = *std::move(parsed);
  }
  if (std::string name = cell(kName); !name.empty()) {
    if (check(kName, ValidateName(name, RowField(line, kName)))) row.name = std::move(name);
  }
  if (std::string golongan = cell(kGolongan); !golongan.empty()) {
    absl::StatusOr<int> parsed = ParseGolongan(golongan, RowField(line, kGolongan));
    if (check(kGolongan, parsed.status())) row.golongan = *parsed;
  }
  if (std::string code = cell(kPositionCode); !code.empty()) {
    if (check(kPositionCode, ValidatePositionCode(code, RowField(line, kPositionCode)))) {
      row.position_code = std::move(code);
    }
  }
  if (std::string code = cell(kOrgUnitCode); !code.empty()) {
    if (check(kOrgUnitCode, ValidateOrgUnitCode(code, RowField(line, kOrgUnitCode)))) {
      row.org_unit_code = std::move(code);
    }
  }
  if (std::string status = cell(kStatus); !status.empty()) {
    absl::StatusOr<EmploymentStatus> parsed =
        ParseEmploymentStatus(status, RowField(line, kStatus));
    if (check(kStatus, parsed.status())) row.status = *parsed;
  }
  row.start_date = default_start;
  if (std::string date = cell(kStartDate); !date.empty()) {
    absl::StatusOr<absl::CivilDay> parsed = ParseDate(date);
    if (parsed.ok()) {
      row.start_date = *parsed;
    } else {
      bad(kStartDate, absl::StrCat("start_date ", parsed.status().message()));
    }
  }
  if (std::string username = cell(kUsername); !username.empty()) {
    if (check(kUsername, ValidateUsername(username, RowField(line, kUsername)))) {
      row.username = std::move(username);
    }
  }
  if (!ok) return std::nullopt;
  return row;
}

}  // namespace

absl::StatusOr<std::vector<ImportRow>> ParseEmployeeCsv(std::string_view csv,
                                                        absl::CivilDay default_start) {
  Violations violations;
  std::vector<ImportRow> rows = ParseEmployeeCsv(csv, default_start, violations);
  if (!violations.empty()) return violations.ToStatus(kStatusMessage);
  return rows;
}

std::vector<ImportRow> ParseEmployeeCsv(std::string_view csv, absl::CivilDay default_start,
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

  std::vector<ImportRow> rows;
  absl::flat_hash_map<std::string, int> nip_line;
  absl::flat_hash_map<std::string, int> username_line;
  for (++it; it != records.end(); ++it) {
    const Record& record = *it;
    if (record.blank) continue;
    const std::string where = absl::StrCat("line ", record.line, ": ");
    const std::string row_field = absl::StrCat("rows[", record.line, "]");
    if (!record.error.empty()) {
      violations.Add(row_field, absl::StrCat(where, record.error));
      continue;
    }
    if (record.fields.size() != columns) {
      violations.Add(row_field,
                     absl::StrCat(where, "expected ", columns, " fields as in the header, got ",
                                  record.fields.size()));
      continue;
    }
    std::optional<ImportRow> row = ReadRow(record, *index, default_start, violations);
    if (!row) continue;

    // Duplicates are looked for among good rows only: a bad row is reported already.
    auto [nip, new_nip] = nip_line.emplace(row->nip.digits, row->line);
    if (!new_nip) {
      violations.Add(RowField(row->line, kNip),
                     absl::StrCat(where, "NIP ", row->nip.Display(), " already appears on line ",
                                  nip->second));
    }
    bool new_username = true;
    if (!row->username.empty()) {
      auto [user, inserted] = username_line.emplace(row->username, row->line);
      new_username = inserted;
      if (!inserted) {
        violations.Add(RowField(row->line, kUsername),
                       absl::StrCat(where, "username \"", row->username,
                                    "\" already appears on line ", user->second));
      }
    }
    if (new_nip && new_username) rows.push_back(*std::move(row));
  }
  if (violations.empty() && rows.empty()) {
    violations.Add("csv", "the file has a header but no employee rows");
  }
  return rows;
}

absl::Status CheckImportReferences(
    const std::vector<ImportRow>& rows,
    const std::function<bool(std::string_view position_code, std::string_view org_unit_code)>&
        position_in_unit) {
  Violations violations;
  for (const ImportRow& row : rows) {
    if (position_in_unit(row.position_code, row.org_unit_code)) continue;
    violations.Add(
        RowField(row.line, kPositionCode),
        absl::StrCat("line ", row.line, ": position \"", row.position_code,
                     "\" does not exist or is not in org unit \"", row.org_unit_code, "\""));
  }
  return violations.ToStatus(kStatusMessage);
}

}  // namespace ekinerja::identity
