#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "embedded.h"
#include "pqxx/pqxx"

namespace prometheus {
class Registry;
template <typename T>
class Family;
class Histogram;
class Gauge;
class Counter;
}  // namespace prometheus

namespace ekinerja::db {

// Named statements, prepared once on each connection. Parsed from a `queries.sql` whose entries
// start with a line `-- name: <statement_name>`.
struct Statement {
  std::string name;
  std::string sql;
};
absl::StatusOr<std::vector<Statement>> ParseNamedQueries(absl::string_view text);
// Parses every embedded `queries*.sql` ("queries.sql", "queries_calendar.sql", …) into one list;
// a name used twice, in one file or across files, is an error. Empty when there is none.
absl::StatusOr<std::vector<Statement>> NamedQueriesOf(absl::Span<const EmbeddedFile> files);

struct PoolOptions {
  // libpq connection string or URI.
  std::string url;
  // The service's schema; set as search_path on every connection.
  std::string schema;
  int size = 8;
  // How long Acquire waits for a free connection before UNAVAILABLE (overload, as admission.h
  // sheds it: a condition of the server, not the client's fault).
  absl::Duration max_wait = absl::Seconds(2);
  std::vector<Statement> statements;
};

// The name of one named statement. Made only by the header the build writes for each service from
// its queries*.sql (embed_sql.cmake: `<service>_sql.h`, one constant per `-- name:`, e.g.
// identity::sql::kTenantGet), so that Tx::Exec of a statement that does not exist is a compile
// error, not a failure at run time.
class Query {
 public:
  constexpr explicit Query(const char* name) : name_(name) {}
  constexpr const char* name() const { return name_; }

 private:
  const char* name_;
};

class Pool;

// A transaction handed to store code: named statements only, each timed. Rows are read by column
// name (`row["time_zone"]`), so every column a statement returns has one (`AS` for expressions).
class Tx {
 public:
  template <typename... Args>
  pqxx::result Exec(const Query& statement, Args&&... args) {
    CountStatement();
    const absl::Time start = absl::Now();
    pqxx::result r = tx_.exec_prepared(statement.name(), std::forward<Args>(args)...);
    ObserveQuery(statement, absl::Now() - start);
    return r;
  }
  // Ad-hoc SQL, for the rare statement built at run time (migrations, tests).
  pqxx::result ExecRaw(const std::string& sql) {
    CountStatement();
    return tx_.exec(sql);
  }
  pqxx::transaction_base& raw() { return tx_; }

 private:
  friend class Pool;
  Tx(pqxx::transaction_base& tx, Pool* pool, int max_statements)
      : tx_(tx), pool_(pool), max_statements_(max_statements) {}
  // Counts a round trip; throws std::logic_error past max_statements (ReadOne's one).
  void CountStatement();
  void ObserveQuery(const Query& statement, absl::Duration d);
  pqxx::transaction_base& tx_;
  Pool* pool_;
  const int max_statements_;  // < 0: no limit
  int statements_ = 0;
};

class Pool {
 public:
  // Metrics go to `registry` when given (gauges of connections, wait and query histograms).
  Pool(PoolOptions options, prometheus::Registry* registry);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // Runs `fn` in a read-write transaction, committed when fn returns OK and rolled back otherwise.
  // Database exceptions become statuses (ToStatus below); a broken connection is replaced.
  absl::Status Write(const std::function<absl::Status(Tx&)>& fn);
  // The same, read only.
  absl::Status Read(const std::function<absl::Status(Tx&)>& fn);
  // A read of exactly one statement, without a transaction: one round trip, where Read makes three
  // (BEGIN READ ONLY, the statement, COMMIT). A single statement sees one consistent snapshot on
  // its own, so it needs no transaction; a second statement in `fn` is a bug (it would see another
  // snapshot) and fails with INTERNAL before it reaches the database. Reads that need several
  // statements to agree use Read. (README "Reads: one statement, one round trip".)
  absl::Status ReadOne(const std::function<absl::Status(Tx&)>& fn);
  // SELECT 1: whether the database answers now. Pooled connections it finds broken (the
  // database restarted since they were opened) are dropped and the next one tried, so that the
  // answer is the database's, not a stale connection's.
  absl::Status Ping();

  const PoolOptions& options() const { return options_; }
  // Round trips to the database so far: every statement, and the BEGIN and COMMIT/ROLLBACK of
  // each transaction (tests assert how many a call makes).
  int64_t round_trips() const { return round_trips_.load(std::memory_order_relaxed); }

 private:
  friend class Tx;
  struct Conn;
  absl::StatusOr<std::unique_ptr<Conn>> Acquire();
  void Release(std::unique_ptr<Conn> conn, bool broken);
  absl::StatusOr<std::unique_ptr<Conn>> Connect();
  // `lost`, when given, tells whether the connection broke (and was dropped).
  template <typename Txn>
  absl::Status Run(const std::function<absl::Status(Tx&)>& fn, bool* lost = nullptr,
                   int max_statements = -1);

  const PoolOptions options_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<Conn>> idle_ ABSL_GUARDED_BY(mu_);
  int open_ ABSL_GUARDED_BY(mu_) = 0;
  std::atomic<int64_t> round_trips_{0};

  prometheus::Family<prometheus::Histogram>* query_seconds_ = nullptr;
  prometheus::Histogram* wait_seconds_ = nullptr;
  prometheus::Gauge* in_use_ = nullptr;
  prometheus::Gauge* open_gauge_ = nullptr;
  prometheus::Counter* wait_timeouts_ = nullptr;
  prometheus::Family<prometheus::Counter>* errors_ = nullptr;
};

// Maps a database exception to a status: unique violation ALREADY_EXISTS, foreign key and check
// violations FAILED_PRECONDITION, broken connection UNAVAILABLE, anything else INTERNAL.
absl::Status ToStatus(const std::exception& e);

// Quotes an identifier for SQL built at run time ("identity" -> "\"identity\"").
std::string QuoteIdent(absl::string_view ident);

}  // namespace ekinerja::db
