#include "domain/catalogue.h"

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "csv.h"

namespace ekinerja::activity {
namespace {

constexpr std::array<absl::string_view, 5> kPositionKinds = {"JPT", "ADMINISTRATOR", "PENGAWAS",
                                                             "PELAKSANA", "FUNGSIONAL"};

// The fields of an item, in the order of the CSV columns.
enum Field { kCode, kPositionCode, kPositionKind, kName, kUnit, kMinutes, kFieldCount };
constexpr std::array<absl::string_view, kFieldCount> kFieldNames = {
    "code", "position_code", "position_kind", "name", "output_unit", "minutes_per_unit"};
// std::string_view: csv.h's type.
constexpr std::array<std::string_view, kFieldCount> kColumnNames = {
    "kode", "kode_jabatan", "jenis_jabatan", "uraian_kegiatan", "satuan", "menit_per_satuan"};

// 1..max_chars of A-Z 0-9 . _ - (and a-z when `lower`).
bool IsCode(absl::string_view s, size_t max_chars, bool lower) {
  if (s.empty() || s.size() > max_chars) return false;
  for (char c : s) {
    const bool ok = absl::ascii_isupper(c) || absl::ascii_isdigit(c) || c == '.' || c == '_' ||
                    c == '-' || (lower && absl::ascii_islower(c));
    if (!ok) return false;
  }
  return true;
}

std::optional<std::string> TextFieldProblem(absl::string_view value, TextRule rule) {
  if (absl::StripAsciiWhitespace(value).empty()) return std::string("required");
  return TextProblem(value, rule);
}

// Every problem of `item`, by field.
std::vector<std::pair<Field, std::string>> ItemProblems(const CatalogueItem& item) {
  std::vector<std::pair<Field, std::string>> out;
  if (!IsCode(item.code, 32, false)) out.push_back({kCode, "1 to 32 of A-Z 0-9 . _ -"});
  const bool has_position = !item.position_code.empty();
  const bool has_kind = !item.position_kind.empty();
  if (has_position == has_kind) {
    out.push_back({kPositionCode, "exactly one of position_code and position_kind"});
  } else if (has_position && !IsCode(item.position_code, 64, true)) {
    out.push_back({kPositionCode, "1 to 64 of A-Z a-z 0-9 . _ -"});
  } else if (has_kind && !IsPositionKind(item.position_kind)) {
    out.push_back({kPositionKind, "JPT, ADMINISTRATOR, PENGAWAS, PELAKSANA or FUNGSIONAL"});
  }
  if (auto problem = TextFieldProblem(item.name, kCatalogueNameText)) {
    out.push_back({kName, *std::move(problem)});
  }
  if (auto problem = TextFieldProblem(item.output_unit, kCatalogueUnitText)) {
    out.push_back({kUnit, *std::move(problem)});
  }
  if (item.minutes_per_unit < 1 || item.minutes_per_unit > kMaxMinutesPerUnit) {
    out.push_back({kMinutes, absl::StrCat("1 to ", kMaxMinutesPerUnit)});
  }
  return out;
}

const csv::TableSpec& Spec() {
  static const csv::TableSpec* spec =
      new csv::TableSpec{{kColumnNames.begin(), kColumnNames.end()}, kFieldCount, {}};
  return *spec;
}

// One record as an item, or nullopt after adding each of its problems to `violations`.
std::optional<CatalogueItem> ReadRow(const csv::TableRow& row,
                                     std::map<std::string, int>& code_lines,
                                     Violations& violations) {
  const std::string where = absl::StrCat("line ", row.line, ": ");
  const auto bad = [&](Field field, absl::string_view problem) {
    violations.Add(csv::CellField(row.line, kColumnNames[field]),
                   absl::StrCat(where, std::string(kColumnNames[field]), " ", problem));
  };
  CatalogueItem item;
  item.code = row.cells[kCode];
  item.position_code = row.cells[kPositionCode];
  item.position_kind = absl::AsciiStrToUpper(row.cells[kPositionKind]);
  item.name = row.cells[kName];
  item.output_unit = row.cells[kUnit];
  const bool whole = absl::SimpleAtoi(row.cells[kMinutes], &item.minutes_per_unit);
  if (!whole) bad(kMinutes, "is not a whole number");
  bool ok = whole;
  for (const auto& [field, problem] : ItemProblems(item)) {
    if (field == kMinutes && !whole) continue;  // said above
    bad(field, problem);
    ok = false;
  }
  if (!item.code.empty()) {
    const auto [earlier, fresh] = code_lines.emplace(item.code, row.line);
    if (!fresh) {
      bad(kCode, absl::StrCat("already used on line ", earlier->second));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return item;
}

}  // namespace

bool IsPositionKind(absl::string_view kind) {
  for (absl::string_view k : kPositionKinds) {
    if (k == kind) return true;
  }
  return false;
}

std::vector<FieldViolation> CatalogueItemViolations(const CatalogueItem& item,
                                                    absl::string_view prefix) {
  std::vector<FieldViolation> out;
  for (auto& [field, problem] : ItemProblems(item)) {
    out.push_back({absl::StrCat(prefix, kFieldNames[field]), std::move(problem)});
  }
  return out;
}

CatalogueImport ParseCatalogueCsv(absl::string_view text) {
  CatalogueImport result;
  Violations violations;
  std::map<std::string, int> code_lines;  // the first line of each code
  csv::ReadTable(std::string_view(text.data(), text.size()), Spec(), violations,
                 [&](const csv::TableRow& row) {
                   std::optional<CatalogueItem> item = ReadRow(row, code_lines, violations);
                   if (!item) return;
                   result.items.push_back(*std::move(item));
                   result.lines.push_back(row.line);
                 });
  if (violations.empty() && result.items.empty()) {
    violations.Add("csv", "the file has a header but no catalogue rows");
  }
  result.problems = violations.list();
  return result;
}

}  // namespace ekinerja::activity
