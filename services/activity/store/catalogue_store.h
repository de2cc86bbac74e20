#pragma once

// The norma waktu catalogue in Postgres (DOMAIN §5): each item by code, a new version from its
// effective_from replacing the one before.

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "db.h"
#include "domain/catalogue.h"

namespace ekinerja::activity::store {

struct CatalogueRow {
  CatalogueItem item;
  absl::CivilDay effective_from;
  absl::Time create_time;
};

// The version of item `code` in force on `day`, when it is for `position_code` or for
// `position_kind` (the employee's position that day); nullopt otherwise.
std::optional<CatalogueRow> CatalogueItemFor(db::Tx& tx, const std::string& tenant,
                                             const std::string& code, absl::CivilDay day,
                                             const std::string& position_code,
                                             const std::string& position_kind);

// Version `effective_from` of `item`; nullopt (nothing written) when that version exists already.
std::optional<CatalogueRow> InsertCatalogueItem(db::Tx& tx, const std::string& tenant,
                                                const CatalogueItem& item,
                                                absl::CivilDay effective_from,
                                                const std::string& created_by);
// The codes among `codes` (A-Z 0-9 . _ -) that already have a version from `day`.
std::vector<std::string> CodesWithVersionOn(db::Tx& tx, const std::string& tenant,
                                            const std::vector<std::string>& codes,
                                            absl::CivilDay day);
// The items in force on `day`, by code: those for `position_code` when it is not empty, those
// for `position_kind` when it is not empty (each filter literal: an item for the kind of a
// position is not one for the position's code).
std::vector<CatalogueRow> CatalogueOn(db::Tx& tx, const std::string& tenant, absl::CivilDay day,
                                      const std::string& position_code,
                                      const std::string& position_kind);

// A catalogue row as the queries of queries_catalogue.sql return it.
CatalogueRow ToCatalogueRow(const pqxx::row& r);

}  // namespace ekinerja::activity::store
