#pragma once

// The norma waktu catalogue (DOMAIN §5; Bandung E-RK, analisis beban kerja): per tenant, the
// activities (uraian kegiatan) of a position or of a position kind, each with an output unit and
// the standard minutes per unit. Items are checked here; the CSV import parses and checks every
// row before anything is written (all or nothing is the caller's: it stores nothing when
// `problems` is not empty).

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "status.h"
#include "text.h"

namespace ekinerja::activity {

inline constexpr TextRule kCatalogueNameText{200, false};
inline constexpr TextRule kCatalogueUnitText{40, false};
inline constexpr int kMaxMinutesPerUnit = 24 * 60;

struct CatalogueItem {
  std::string code;           // 1-32 of A-Z 0-9 . _ -
  std::string position_code;  // a position (identity's code) ...
  std::string position_kind;  // ... or a kind: JPT, ADMINISTRATOR, PENGAWAS, PELAKSANA, FUNGSIONAL
  std::string name;           // uraian kegiatan, 1-200 characters, one line
  std::string output_unit;    // satuan, 1-40 characters, one line
  int minutes_per_unit = 0;   // 1..1440
};

// The position kinds an item may name (identity's PositionKind without its prefix).
bool IsPositionKind(absl::string_view kind);

// One violation per bad field, on `prefix` + "code", "position_code", "position_kind", "name",
// "output_unit", "minutes_per_unit" ("items[2].code"). Exactly one of position_code and
// position_kind is set (both or neither: a violation on position_code). A position code is
// identity's: 1-64 of A-Z a-z 0-9 . _ -.
std::vector<FieldViolation> CatalogueItemViolations(const CatalogueItem& item,
                                                    absl::string_view prefix);

struct CatalogueImport {
  std::vector<CatalogueItem> items;  // the good rows, in file order
  std::vector<int> lines;            // the line of each of `items`
  // As the other importers (csv.h ReadTable): "csv", "header", "rows[L]" or "rows[L].<column>",
  // each description starting "line L: ".
  std::vector<FieldViolation> problems;
};

// An RFC 4180 CSV file whose header names, in any order and any case, the columns kode,
// kode_jabatan, jenis_jabatan, uraian_kegiatan, satuan, menit_per_satuan (csv.h ReadTable: BOM,
// blank lines, quoted fields). Each row is an item as CatalogueItemViolations checks it; the kind
// is read in any case; menit_per_satuan is a whole number. A code already used on an earlier line
// is a problem on the later line's kode. A header without rows is a problem on "csv".
CatalogueImport ParseCatalogueCsv(absl::string_view csv);

}  // namespace ekinerja::activity
