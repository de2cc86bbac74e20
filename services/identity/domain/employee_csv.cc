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

// Issue 9: hashing every row's password made a large import take twenty minutes, and employees
// should choose their own passwords.
const csv::TableSpec& Spec() {
  static const csv::TableSpec* spec = new csv::TableSpec{
      {kColumnNames.begin(), kColumnNames.end()},
      kRequiredColumns,
      {{"password",
        "a password column is not accepted: imported logins get no password; each employee sets "
        "one with an activation code (IssuePasswordCodes)"}}};
  return *spec;
}

std::string RowField(int line, Column column) { return csv::CellField(line, kColumnNames[column]); }

// Validates one record; adds a violation per bad cell. nullopt if any cell was bad.
std::optional<ImportRow> ReadRow(const csv::TableRow& record, absl::CivilDay default_start,
                                 Violations& violations) {
  const int line = record.line;
  const std::string where = absl::StrCat("line ", line, ": ");
  bool ok = true;
  const auto bad = [&](Column column, std::string_view reason) {
    violations.Add(RowField(line, column), absl::StrCat(where, std::string(reason)));
    ok = false;
  };
  const auto cell = [&](Column column) { return record.cells[column]; };
  // A validator's verdict on `column`; true if good.
  const auto check = [&](Column column, const absl::Status& status) {
    if (!status.ok()) bad(column, csv::ProblemOf(status));
    return status.ok();
  };

  ImportRow row;
  row.line = line;
  for (int c = 0; c < kRequiredColumns; ++c) {
    if (cell(static_cast<Column>(c)).empty()) {
      bad(static_cast<Column>(c), std::string(kColumnNames[c]) + " is required");
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

std::vector<ImportRow> ParseEmployeeCsv(std::string_view text, absl::CivilDay default_start,
                                        Violations& violations) {
  std::vector<ImportRow> rows;
  absl::flat_hash_map<std::string, int> nip_line;
  absl::flat_hash_map<std::string, int> username_line;
  csv::ReadTable(text, Spec(), violations, [&](const csv::TableRow& record) {
    const std::string where = absl::StrCat("line ", record.line, ": ");
    std::optional<ImportRow> row = ReadRow(record, default_start, violations);
    if (!row) return;

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
  });
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
