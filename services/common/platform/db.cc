#include "db.h"

#include <stdexcept>
#include <type_traits>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "log.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "status.h"

namespace ekinerja::db {

struct Pool::Conn {
  std::unique_ptr<pqxx::connection> c;
};

absl::StatusOr<std::vector<Statement>> ParseNamedQueries(absl::string_view text) {
  std::vector<Statement> out;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    absl::string_view rest = absl::StripLeadingAsciiWhitespace(line);
    if (absl::ConsumePrefix(&rest, "-- name:")) {
      std::string name(absl::StripAsciiWhitespace(rest));
      if (name.empty())
        return absl::InternalError(absl::StrCat("queries.sql:", line_no, ": empty name"));
      for (const auto& s : out) {
        if (s.name == name) {
          return absl::InternalError(absl::StrCat("queries.sql:", line_no, ": duplicate ", name));
        }
      }
      out.push_back({std::move(name), ""});
      continue;
    }
    if (out.empty()) continue;  // header comments
    absl::StrAppend(&out.back().sql, line, "\n");
  }
  for (auto& s : out) {
    s.sql = std::string(absl::StripAsciiWhitespace(s.sql));
    if (s.sql.empty())
      return absl::InternalError(absl::StrCat("queries.sql: ", s.name, " is empty"));
  }
  return out;
}

absl::StatusOr<std::vector<Statement>> NamedQueriesOf(absl::Span<const EmbeddedFile> files) {
  std::vector<Statement> all;
  for (const auto& f : files) {
    if (!absl::StartsWith(f.name, "queries") || !absl::EndsWith(f.name, ".sql")) continue;
    auto parsed = ParseNamedQueries(f.content);
    if (!parsed.ok()) {
      return absl::InternalError(absl::StrCat(f.name, ": ", parsed.status().message()));
    }
    for (auto& s : *parsed) {
      for (const auto& seen : all) {
        if (seen.name == s.name) {
          return absl::InternalError(absl::StrCat(f.name, ": ", s.name, " is named twice"));
        }
      }
      all.push_back(std::move(s));
    }
  }
  return all;
}

std::string QuoteIdent(absl::string_view ident) {
  return absl::StrCat("\"", absl::StrReplaceAll(ident, {{"\"", "\"\""}}), "\"");
}

absl::Status ToStatus(const std::exception& e) {
  // Postgres' text names tables, constraints and values: it is logged here and never sent to a
  // client, whose status carries only the code and a fixed message.
  absl::Status out;
  if (dynamic_cast<const pqxx::unique_violation*>(&e)) {
    out = absl::AlreadyExistsError("database: the row already exists");
  } else if (dynamic_cast<const pqxx::foreign_key_violation*>(&e) ||
             dynamic_cast<const pqxx::check_violation*>(&e)) {
    out = absl::FailedPreconditionError("database: a constraint refused the change");
  } else if (dynamic_cast<const pqxx::broken_connection*>(&e)) {
    out = absl::UnavailableError("database connection lost");
  } else if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e);
             sql && (sql->sqlstate() == "40001" || sql->sqlstate() == "40P01")) {
    // Serialization failure, deadlock: the client may retry.
    out = absl::AbortedError("database: concurrent change; retry");
  } else if (sql && sql->sqlstate() == "57014") {
    out = absl::DeadlineExceededError("database: the statement took too long");
  } else {
    out = absl::InternalError("database error");
  }
  LogWarn("database error", {{"code", absl::StatusCodeToString(out.code())}, {"error", e.what()}});
  return out;
}

Pool::Pool(PoolOptions options, prometheus::Registry* registry) : options_(std::move(options)) {
  if (registry == nullptr) return;
  query_seconds_ = &prometheus::BuildHistogram()
                        .Name("ekinerja_db_query_duration_seconds")
                        .Help("Time of each named statement, by statement")
                        .Register(*registry);
  wait_seconds_ = &prometheus::BuildHistogram()
                       .Name("ekinerja_db_pool_wait_seconds")
                       .Help("Time waited for a pooled connection")
                       .Register(*registry)
                       .Add({}, prometheus::Histogram::BucketBoundaries{0.0001, 0.001, 0.005, 0.01,
                                                                        0.05, 0.1, 0.5, 1, 2, 5});
  in_use_ = &prometheus::BuildGauge()
                 .Name("ekinerja_db_pool_connections_in_use")
                 .Help("Pooled connections lent out now")
                 .Register(*registry)
                 .Add({});
  open_gauge_ = &prometheus::BuildGauge()
                     .Name("ekinerja_db_pool_connections_open")
                     .Help("Pooled connections open now")
                     .Register(*registry)
                     .Add({});
  prometheus::BuildGauge()
      .Name("ekinerja_db_pool_size")
      .Help("Maximum pooled connections")
      .Register(*registry)
      .Add({})
      .Set(options_.size);
  wait_timeouts_ = &prometheus::BuildCounter()
                        .Name("ekinerja_db_pool_wait_timeouts_total")
                        .Help("Requests that found no free connection in time")
                        .Register(*registry)
                        .Add({});
  errors_ = &prometheus::BuildCounter()
                 .Name("ekinerja_db_errors_total")
                 .Help("Database errors by resulting status code")
                 .Register(*registry);
}

Pool::~Pool() = default;

absl::StatusOr<std::unique_ptr<Pool::Conn>> Pool::Connect() {
  try {
    auto conn = std::make_unique<Conn>();
    conn->c = std::make_unique<pqxx::connection>(options_.url);
    if (!options_.schema.empty()) conn->c->set_variable("search_path", QuoteIdent(options_.schema));
    // Statements are prepared once per connection but planned on every execution: batch
    // statements take arrays (unnest($1::text[]), = ANY($2)), and the generic plan Postgres
    // settles on after five runs assumes ten elements, which turned 10,000-row batches into
    // nested loops (docs/benchmarks.md, attendance). Planning costs tens of microseconds.
    conn->c->set_variable("plan_cache_mode", "force_custom_plan");
    for (const auto& s : options_.statements) conn->c->prepare(s.name, s.sql);
    return conn;
  } catch (const std::exception& e) {
    LogError("cannot connect to the database", {{"error", e.what()}});
    return absl::UnavailableError("cannot connect to the database");
  }
}

absl::StatusOr<std::unique_ptr<Pool::Conn>> Pool::Acquire() {
  const absl::Time start = absl::Now();
  bool create = false;
  std::unique_ptr<Conn> conn;
  {
    absl::MutexLock lock(&mu_);
    auto available = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
      return !idle_.empty() || open_ < options_.size;
    };
    if (!mu_.AwaitWithTimeout(absl::Condition(&available), options_.max_wait)) {
      if (wait_timeouts_) wait_timeouts_->Increment();
      return absl::UnavailableError("overloaded: no database connection free in time; retry later");
    }
    if (!idle_.empty()) {
      conn = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++open_;
      create = true;
    }
  }
  if (create) {
    auto made = Connect();
    if (!made.ok()) {
      absl::MutexLock lock(&mu_);
      --open_;
      return made.status();
    }
    conn = std::move(made).value();
    if (open_gauge_) open_gauge_->Increment();
  }
  if (wait_seconds_) wait_seconds_->Observe(absl::ToDoubleSeconds(absl::Now() - start));
  if (in_use_) in_use_->Increment();
  return conn;
}

void Pool::Release(std::unique_ptr<Conn> conn, bool broken) {
  if (in_use_) in_use_->Decrement();
  absl::MutexLock lock(&mu_);
  if (broken || !conn->c->is_open()) {
    --open_;
    if (open_gauge_) open_gauge_->Decrement();
    return;  // the next Acquire opens a fresh one
  }
  idle_.push_back(std::move(conn));
}

template <typename Txn>
absl::Status Pool::Run(const std::function<absl::Status(Tx&)>& fn, bool* lost, int max_statements) {
  if (lost != nullptr) *lost = false;
  EK_ASSIGN_OR_RETURN(std::unique_ptr<Conn> conn, Acquire());
  absl::Status status;
  bool broken = false;
  // A transaction sends BEGIN when made and COMMIT or ROLLBACK at its end; a nontransaction
  // sends neither.
  constexpr bool kExplicit = !std::is_same_v<Txn, pqxx::nontransaction>;
  if constexpr (kExplicit) round_trips_.fetch_add(2, std::memory_order_relaxed);
  try {
    Txn txn(*conn->c);
    Tx tx(txn, this, max_statements);
    status = fn(tx);
    if (status.ok()) txn.commit();
  } catch (const pqxx::broken_connection& e) {
    broken = true;
    status = ToStatus(e);
  } catch (const std::exception& e) {
    status = ToStatus(e);
  }
  // A connection the server closed may also end in an SQL error (57P01 on a terminated backend).
  broken = broken || !conn->c->is_open();
  if (lost != nullptr) *lost = broken;
  Release(std::move(conn), broken);
  if (!status.ok() && errors_ != nullptr) {
    errors_->Add({{"code", absl::StatusCodeToString(status.code())}}).Increment();
  }
  return status;
}

absl::Status Pool::Write(const std::function<absl::Status(Tx&)>& fn) { return Run<pqxx::work>(fn); }

absl::Status Pool::Read(const std::function<absl::Status(Tx&)>& fn) {
  return Run<pqxx::read_transaction>(fn);
}

absl::Status Pool::ReadOne(const std::function<absl::Status(Tx&)>& fn) {
  return Run<pqxx::nontransaction>(fn, nullptr, /*max_statements=*/1);
}

absl::Status Pool::Ping() {
  const auto select_1 = [](Tx& tx) {
    tx.ExecRaw("SELECT 1");
    return absl::OkStatus();
  };
  // At most every pooled connection, then a fresh one.
  absl::Status status;
  bool lost = true;
  for (int tries = 0; lost && tries <= options_.size; ++tries) {
    status = Run<pqxx::read_transaction>(select_1, &lost);
  }
  return status;
}

void Tx::CountStatement() {
  if (max_statements_ >= 0 && ++statements_ > max_statements_) {
    throw std::logic_error("Pool::ReadOne runs one statement; this is another (use Pool::Read)");
  }
  pool_->round_trips_.fetch_add(1, std::memory_order_relaxed);
}

void Tx::ObserveQuery(const Query& statement, absl::Duration d) {
  if (pool_->query_seconds_ == nullptr) return;
  pool_->query_seconds_
      ->Add({{"statement", statement.name()}},
            prometheus::Histogram::BucketBoundaries{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                    0.1, 0.25, 0.5, 1, 2.5})
      .Observe(absl::ToDoubleSeconds(d));
}

}  // namespace ekinerja::db
