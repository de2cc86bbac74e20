#pragma once

// A throwaway Postgres schema for one integration test, in the database EKINERJA_TEST_DB_URL
// names (tests/run starts a throwaway cluster and exports it). Header-only so that every service's
// integration binary can include it.
//
//   auto schema = TestSchema::Create();      // it_<pid>_<counter>_<random>
//   ASSERT_TRUE(schema.ok()) << schema.status();
//   options.db_url = (*schema)->url();
//   options.db_schema = (*schema)->name();
//   ...                                      // dropped, CASCADE, when *schema goes away

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "pqxx/pqxx"

namespace ekinerja::integration {

constexpr char kTestDbUrlVariable[] = "EKINERJA_TEST_DB_URL";

class TestSchema {
 public:
  // FAILED_PRECONDITION when EKINERJA_TEST_DB_URL is not set: integration tests need the real
  // Postgres, and a test that skipped itself would hide a broken CI. UNAVAILABLE when the schema
  // cannot be created.
  static absl::StatusOr<std::unique_ptr<TestSchema>> Create() {
    const char* url = std::getenv(kTestDbUrlVariable);
    if (url == nullptr || *url == '\0') {
      return absl::FailedPreconditionError(absl::StrCat(
          kTestDbUrlVariable,
          " is not set. Integration tests run against a real Postgres: run tests/run, or start "
          "one (source deploy/local/pg.sh; pg_start <dir> <port> fast) and export ",
          kTestDbUrlVariable, "=\"host=<dir> port=<port> dbname=<db> user=postgres\""));
    }
    static std::atomic<int> counter{0};
    std::random_device random;
    const std::string name = absl::StrFormat("it_%d_%d_%06x", static_cast<int>(getpid()),
                                             counter.fetch_add(1), random() & 0xffffff);
    try {
      pqxx::connection conn(url);
      pqxx::nontransaction tx(conn);
      tx.exec("CREATE SCHEMA " + tx.quote_name(name));
    } catch (const std::exception& e) {
      return absl::UnavailableError(
          absl::StrCat("cannot create schema ", name, " in ", url, ": ", e.what()));
    }
    return std::unique_ptr<TestSchema>(new TestSchema(url, name));
  }

  ~TestSchema() {
    try {
      pqxx::connection conn(url_);
      pqxx::nontransaction tx(conn);
      tx.exec("DROP SCHEMA IF EXISTS " + tx.quote_name(name_) + " CASCADE");
    } catch (const std::exception&) {
      // The cluster is throwaway; a schema left behind harms nothing.
    }
  }
  TestSchema(const TestSchema&) = delete;
  TestSchema& operator=(const TestSchema&) = delete;

  // The libpq connection string of the test database (superuser).
  const std::string& url() const { return url_; }
  // The schema: give it to the service as its db_schema.
  const std::string& name() const { return name_; }

  // Runs `sql` in one transaction on a fresh connection whose search_path is the schema, as a
  // test looks behind the API (what a table holds, what the database refuses). The database's
  // error message as an INTERNAL status when it fails.
  absl::StatusOr<pqxx::result> Query(const std::string& sql) const {
    try {
      pqxx::connection conn(url_);
      pqxx::work tx(conn);
      tx.exec("SET LOCAL search_path TO " + tx.quote_name(name_));
      pqxx::result r = tx.exec(sql);
      tx.commit();
      return r;
    } catch (const std::exception& e) {
      return absl::InternalError(e.what());
    }
  }

  // SELECT count(*) FROM <from>, in the schema: a table, optionally with a WHERE clause
  // ("employees WHERE status = 1"). -1 when the query fails.
  long Count(const std::string& from) const {
    auto r = Query("SELECT count(*) FROM " + from);
    return r.ok() ? (*r)[0][0].as<long>() : -1;
  }

 private:
  TestSchema(std::string url, std::string name) : url_(std::move(url)), name_(std::move(name)) {}

  std::string url_;
  std::string name_;
};

}  // namespace ekinerja::integration
