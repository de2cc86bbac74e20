#pragma once

// A small libpq connection for the benchmarks' baselines (raw COPYs into tables of the services'
// own shape), CHECKPOINTs between steps and checks of what the services stored. Any error ends
// the run. Shared by attendance_bench and identity_bench.

#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace ekinerja::bench {

[[noreturn]] inline void PgDie(const std::string& msg) {
  std::fprintf(stderr, "bench: %s\n", msg.c_str());
  std::exit(1);
}

class Pg {
 public:
  explicit Pg(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) PgDie(absl::StrCat("postgres: ", PQerrorMessage(conn_)));
  }
  ~Pg() { PQfinish(conn_); }
  Pg(const Pg&) = delete;
  Pg& operator=(const Pg&) = delete;

  void Exec(const std::string& sql) { Check(PQexec(conn_, sql.c_str()), sql, PGRES_COMMAND_OK); }

  // The rows of a query with text parameters, each column as text ("" for NULL).
  std::vector<std::vector<std::string>> Rows(const std::string& sql,
                                             const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0);
    Check(r, sql, PGRES_TUPLES_OK, /*keep=*/true);
    std::vector<std::vector<std::string>> rows(static_cast<size_t>(PQntuples(r)));
    for (int i = 0; i < PQntuples(r); ++i) {
      for (int c = 0; c < PQnfields(r); ++c) rows[i].emplace_back(PQgetvalue(r, i, c));
    }
    PQclear(r);
    return rows;
  }
  std::vector<std::string> Row(const std::string& sql, const std::vector<std::string>& params) {
    auto rows = Rows(sql, params);
    if (rows.empty()) PgDie("postgres: no row: " + sql);
    return rows.front();
  }

  std::string Literal(const std::string& s) {
    char* q = PQescapeLiteral(conn_, s.data(), s.size());
    if (q == nullptr) PgDie(absl::StrCat("postgres: ", PQerrorMessage(conn_)));
    std::string out(q);
    PQfreemem(q);
    return out;
  }

  // BEGIN; COPY ... FROM STDIN with `data`; COMMIT. Returns the seconds it took.
  double CopyIn(const std::string& copy_sql, const std::string& data) {
    const auto t0 = std::chrono::steady_clock::now();
    Exec("BEGIN");
    Copy(copy_sql, data);
    Exec("COMMIT");
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }

  // COPY ... FROM STDIN with `data`, in the transaction open (or its own).
  void Copy(const std::string& copy_sql, const std::string& data) {
    Check(PQexec(conn_, copy_sql.c_str()), copy_sql, PGRES_COPY_IN);
    constexpr size_t kPiece = 1 << 20;
    for (size_t at = 0; at < data.size(); at += kPiece) {
      const size_t n = std::min(kPiece, data.size() - at);
      if (PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) != 1) {
        PgDie(absl::StrCat("postgres: COPY: ", PQerrorMessage(conn_)));
      }
    }
    if (PQputCopyEnd(conn_, nullptr) != 1) PgDie(absl::StrCat("COPY end: ", PQerrorMessage(conn_)));
    Check(PQgetResult(conn_), copy_sql, PGRES_COMMAND_OK);
    while (PGresult* r = PQgetResult(conn_)) PQclear(r);
  }

  // The COPY text of COPY (query) TO STDOUT.
  std::string CopyOut(const std::string& copy_sql) {
    Check(PQexec(conn_, copy_sql.c_str()), copy_sql, PGRES_COPY_OUT);
    std::string out;
    char* buf = nullptr;
    int n;
    while ((n = PQgetCopyData(conn_, &buf, 0)) > 0) {
      out.append(buf, static_cast<size_t>(n));
      PQfreemem(buf);
    }
    if (n == -2) PgDie(absl::StrCat("postgres: COPY TO: ", PQerrorMessage(conn_)));
    Check(PQgetResult(conn_), copy_sql, PGRES_COMMAND_OK);
    while (PGresult* r = PQgetResult(conn_)) PQclear(r);
    return out;
  }

 private:
  void Check(PGresult* r, const std::string& sql, ExecStatusType want, bool keep = false) {
    if (PQresultStatus(r) != want) {
      std::string err = PQresultErrorMessage(r);
      PQclear(r);
      PgDie(absl::StrCat("postgres: ", sql.substr(0, 120), ": ", err));
    }
    if (!keep) PQclear(r);
  }

  PGconn* conn_;
};

}  // namespace ekinerja::bench
