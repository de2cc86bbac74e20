#include "migrate.h"

#include <algorithm>
#include <map>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "crypto.h"
#include "db.h"
#include "status.h"

namespace ekinerja::db {
namespace {

struct Migration {
  int version;
  std::string name;
  absl::string_view sql;
};

absl::StatusOr<std::vector<Migration>> MigrationsOf(absl::Span<const EmbeddedFile> files) {
  std::vector<Migration> out;
  for (const auto& f : files) {
    absl::string_view name = f.name;
    if (!absl::ConsumePrefix(&name, "V")) continue;  // queries.sql and others
    const size_t sep = name.find("__");
    int version = 0;
    if (sep == absl::string_view::npos || !absl::SimpleAtoi(name.substr(0, sep), &version)) {
      return absl::InternalError(absl::StrCat("bad migration file name: ", f.name));
    }
    out.push_back({version, std::string(f.name), f.content});
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i].version == out[i - 1].version) {
      return absl::InternalError(absl::StrCat("two migrations with version ", out[i].version));
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> Migrate(const std::string& url, const std::string& schema,
                                                 absl::Span<const EmbeddedFile> files) {
  EK_ASSIGN_OR_RETURN(std::vector<Migration> migrations, MigrationsOf(files));
  std::vector<std::string> applied_now;
  try {
    pqxx::connection conn(url);
    pqxx::work tx(conn);
    const std::string q = QuoteIdent(schema);
    if (tx.exec_params("SELECT 1 FROM pg_namespace WHERE nspname = $1", schema).empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "schema ", schema, " does not exist; create it (owned by the service role)"));
    }
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", "ekinerja.migrate." + schema);
    tx.exec("SET LOCAL search_path TO " + q);
    tx.exec("CREATE TABLE IF NOT EXISTS " + q +
            ".schema_migrations (version int PRIMARY KEY, name text NOT NULL, "
            "checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    std::map<int, std::pair<std::string, std::string>> done;
    for (const auto& row :
         tx.exec("SELECT version, name, checksum FROM " + q + ".schema_migrations")) {
      done[row["version"].as<int>()] = {row["name"].as<std::string>(),
                                        row["checksum"].as<std::string>()};
    }
    for (const auto& m : migrations) {
      const std::string checksum = auth::Sha256Hex(std::string(m.sql));
      if (auto it = done.find(m.version); it != done.end()) {
        if (it->second.second != checksum) {
          return absl::FailedPreconditionError(absl::StrCat(
              "migration ", m.name, " was changed after it was applied; add a new one instead"));
        }
        continue;
      }
      tx.exec(std::string(m.sql));
      tx.exec_params(
          "INSERT INTO " + q + ".schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
          m.version, m.name, checksum);
      applied_now.push_back(m.name);
    }
    tx.commit();
  } catch (const std::exception& e) {
    return absl::Status(ToStatus(e).code(), absl::StrCat("migrating ", schema, ": ", e.what()));
  }
  return applied_now;
}

}  // namespace ekinerja::db
