#pragma once

// The norma waktu catalogue in Postgres (DOMAIN §5): each item by code, a new version from its
// effective_from replacing the one before.

#include <optional>
#include <string>

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

// A catalogue row as the queries of queries_catalogue.sql return it.
CatalogueRow ToCatalogueRow(const pqxx::row& r);

}  // namespace ekinerja::activity::store
