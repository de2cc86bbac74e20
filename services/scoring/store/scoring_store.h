#pragma once

// The scoring service's Postgres repository (DESIGN §3): plain rows in, plain rows out, every
// statement a named query of sql/queries*.sql, rows read by column name. Transactions are the
// caller's (db::Pool::Write / Read / ReadOne). This file: rule sets, request keys, audit and
// hukuman disiplin; run_store.h: runs and instruments.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "db.h"
#include "domain/instrument.h"
#include "domain/tpp_rules.h"

namespace ekinerja::scoring::store {

// ---- rules ---------------------------------------------------------------------------------

// A rule-set version: the national defaults are version 0, in force from kDefaultsFrom.
struct StoredRules {
  absl::CivilDay effective_from;
  TppRules rules;
  std::optional<absl::Time> create_time;
};
inline constexpr absl::CivilDay kDefaultsFrom{2000, 1, 1};

// The version in force on `day`: the tenant's latest from on or before it, else the defaults.
StoredRules RulesInForce(db::Tx& tx, const std::string& tenant, absl::CivilDay day);
// Newest first; without the defaults.
std::vector<StoredRules> ListRules(db::Tx& tx, const std::string& tenant);
// ALREADY_EXISTS when a version starts that day. The answer carries the new version.
absl::StatusOr<StoredRules> InsertRules(db::Tx& tx, const std::string& tenant,
                                        absl::CivilDay effective_from, const TppRules& rules,
                                        const std::string& created_by);

// ---- hukuman disiplin ------------------------------------------------------------------------

struct SanctionRow {
  int64_t id = 0;
  std::string nip;
  std::string level;  // RINGAN, SEDANG, BERAT
  absl::CivilDay start_date, end_date;
  std::string reference;
  bool revoked = false;
  std::string revoke_reason, created_by;
  absl::Time create_time;
};

int64_t InsertSanction(db::Tx& tx, const std::string& tenant, const SanctionRow& row);
std::optional<SanctionRow> GetSanction(db::Tx& tx, const std::string& tenant, int64_t id);
// Of `nip` ("" for everyone), in force some day of [first, last], revoked ones included.
std::vector<SanctionRow> ListSanctions(db::Tx& tx, const std::string& tenant,
                                       const std::string& nip, absl::CivilDay first,
                                       absl::CivilDay last);
// False when there is no such sanction or it is already revoked.
bool RevokeSanction(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& reason);

// The hukuman of every employee with a sanction in force some day of [first, last], not revoked:
// the heaviest level (BERAT over SEDANG over RINGAN), with its reference.
std::map<std::string, Hukuman> HukumanInForce(db::Tx& tx, const std::string& tenant,
                                              absl::CivilDay first, absl::CivilDay last);

}  // namespace ekinerja::scoring::store
