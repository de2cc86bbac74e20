// The small platform pieces of services/common that need no database: named queries, status
// mapping, flags' environment names, update masks and metric code names.

#include <stdexcept>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "db.h"
#include "flags.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpc_status.h"
#include "gtest/gtest.h"
#include "metrics.h"
#include "rpc_util.h"
#include "status.h"

namespace ekinerja {
namespace {

TEST(NamedQueries, SplitsOnNameLinesAndTrims) {
  auto q = db::ParseNamedQueries(
      "-- header comment\n\n-- name: a\nSELECT 1\n\n-- name: b\nSELECT $1\nFROM t\n");
  ASSERT_TRUE(q.ok()) << q.status();
  ASSERT_EQ(q->size(), 2u);
  EXPECT_EQ((*q)[0].name, "a");
  EXPECT_EQ((*q)[0].sql, "SELECT 1");
  EXPECT_EQ((*q)[1].name, "b");
  EXPECT_EQ((*q)[1].sql, "SELECT $1\nFROM t");
}

TEST(NamedQueries, RejectsDuplicateAndEmptyStatements) {
  EXPECT_FALSE(db::ParseNamedQueries("-- name: a\nSELECT 1\n-- name: a\nSELECT 2\n").ok());
  EXPECT_FALSE(db::ParseNamedQueries("-- name: a\n\n-- name: b\nSELECT 2\n").ok());
  EXPECT_FALSE(db::ParseNamedQueries("-- name:\nSELECT 2\n").ok());
}

TEST(NamedQueries, MergesEveryQueriesFileAndRejectsANameUsedTwice) {
  const EmbeddedFile files[] = {{"V001__init.sql", "CREATE TABLE t (a int);"},
                                {"queries.sql", "-- name: a\nSELECT 1\n"},
                                {"queries_more.sql", "-- name: b\nSELECT 2\n"},
                                {"notes.sql", "-- name: c\nSELECT 3\n"}};
  auto q = db::NamedQueriesOf(files);
  ASSERT_TRUE(q.ok()) << q.status();
  ASSERT_EQ(q->size(), 2u);
  EXPECT_EQ((*q)[0].name, "a");
  EXPECT_EQ((*q)[1].name, "b");

  const EmbeddedFile twice[] = {{"queries.sql", "-- name: a\nSELECT 1\n"},
                                {"queries_more.sql", "-- name: a\nSELECT 2\n"}};
  auto dup = db::NamedQueriesOf(twice);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().message(), "queries_more.sql: a is named twice");
}

TEST(QuoteIdent, DoublesEmbeddedQuotes) {
  EXPECT_EQ(db::QuoteIdent("identity"), "\"identity\"");
  EXPECT_EQ(db::QuoteIdent("a\"b"), "\"a\"\"b\"");
}

// Postgres' text names tables, constraints and values: the status a client gets has the code
// only, with a fixed message (issue 8).
TEST(DatabaseStatus, CarriesTheCodeButNeverPostgresText) {
  const std::string secret = "relation \"absences\" violates absences_tenant_id_request_id_key";
  const absl::Status unique = db::ToStatus(pqxx::unique_violation(secret, "INSERT ...", "23505"));
  EXPECT_EQ(unique, absl::AlreadyExistsError("database: the row already exists"));
  const absl::Status other = db::ToStatus(
      pqxx::sql_error("invalid byte sequence for encoding \"UTF8\": 0x00", "INSERT ...", "22021"));
  EXPECT_EQ(other, absl::InternalError("database error"));
  const absl::Status retry = db::ToStatus(pqxx::sql_error(secret, "UPDATE ...", "40001"));
  EXPECT_EQ(retry, absl::AbortedError("database: concurrent change; retry"));
  EXPECT_EQ(db::ToStatus(std::runtime_error(secret)), absl::InternalError("database error"));
}

TEST(GrpcStatus, CarriesFieldViolationsAsBadRequestDetails) {
  Violations v;
  v.Add("employee.nip", "must be 18 digits");
  v.Add("employee.name", "required");
  grpc::Status g = ToGrpcStatus(v.ToStatus());
  EXPECT_EQ(g.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(g.error_details()));
  EXPECT_EQ(details.code(), 3);
  ASSERT_EQ(details.details_size(), 1);
  google::rpc::BadRequest bad;
  ASSERT_TRUE(details.details(0).UnpackTo(&bad));
  ASSERT_EQ(bad.field_violations_size(), 2);
  EXPECT_EQ(bad.field_violations(0).field(), "employee.nip");
  EXPECT_EQ(bad.field_violations(0).description(), "must be 18 digits");
  EXPECT_EQ(bad.field_violations(1).field(), "employee.name");

  // And back: a client of another service sees the same violations.
  absl::Status back = FromGrpcStatus(g);
  EXPECT_EQ(back.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldViolationsOf(back), v.list());
}

TEST(GrpcStatus, KeepsCodeAndMessageWithoutDetails) {
  grpc::Status g = ToGrpcStatus(absl::PermissionDeniedError("not yours"));
  EXPECT_EQ(g.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(g.error_message(), "not yours");
  EXPECT_TRUE(g.error_details().empty());
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
}

// A gate's refusal reaches a client as google.rpc.PreconditionFailure naming the rule, and a
// client of another service reads the same violation back.
TEST(GrpcStatus, CarriesAPreconditionFailure) {
  const PreconditionViolation pv{"NO_CHECK_IN", "entries/199001012015011001/2026-02-10",
                                 "no check-in on 2026-02-10"};
  grpc::Status g = ToGrpcStatus(FailedPrecondition(pv));
  EXPECT_EQ(g.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(g.error_message(), "no check-in on 2026-02-10");
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(g.error_details()));
  EXPECT_EQ(details.code(), 9);
  ASSERT_EQ(details.details_size(), 1);
  google::rpc::PreconditionFailure failure;
  ASSERT_TRUE(details.details(0).UnpackTo(&failure));
  ASSERT_EQ(failure.violations_size(), 1);
  EXPECT_EQ(failure.violations(0).type(), "NO_CHECK_IN");
  EXPECT_EQ(failure.violations(0).subject(), "entries/199001012015011001/2026-02-10");
  EXPECT_EQ(failure.violations(0).description(), "no check-in on 2026-02-10");

  absl::Status back = FromGrpcStatus(g);
  EXPECT_EQ(back.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(PreconditionViolationOf(back), pv);
  EXPECT_FALSE(PreconditionViolationOf(absl::FailedPreconditionError("plain")).has_value());
}

// Issue 8.9: a field of 3 KB or 150 bad import rows overflowed gRPC's 8 KiB trailer limit, and
// the client got RESOURCE_EXHAUSTED instead of its INVALID_ARGUMENT.
TEST(GrpcStatus, ListsAtMostTenShortViolationsAndCountsTheRest) {
  Violations v;
  for (int i = 0; i < 150; ++i) {
    v.Add(absl::StrCat("rows[", i, "].name"),
          "line " + std::to_string(i) + ": " + std::string(3000, 'x'));
  }
  grpc::Status g = ToGrpcStatus(v.ToStatus());
  EXPECT_EQ(g.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::EndsWith(g.error_message(), "... (and 149 more)")) << g.error_message();
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(g.error_details()));
  google::rpc::BadRequest bad;
  ASSERT_TRUE(details.details(0).UnpackTo(&bad));
  ASSERT_EQ(bad.field_violations_size(), 11);
  EXPECT_EQ(bad.field_violations(0).field(), "rows[0].name");
  EXPECT_EQ(bad.field_violations(0).description().size(), kMaxViolationDescriptionBytes + 3);
  EXPECT_EQ(bad.field_violations(9).field(), "rows[9].name");
  EXPECT_EQ(bad.field_violations(10).field(), "");
  EXPECT_EQ(bad.field_violations(10).description(), "and 140 more not listed");
  // Message and details stay well inside the 8 KiB, even with the message percent-encoded and the
  // details in base64.
  EXPECT_LT(g.error_message().size() * 3 + g.error_details().size() * 4 / 3, 6144u);
}

TEST(GrpcStatus, NeverSendsInvalidUtf8OrControlCharacters) {
  // NUL, SOH, an overlong NUL, a surrogate and a cut euro sign; a tab and a newline are kept.
  const std::string bad_text = std::string(
                                   "a\0b\x01"
                                   "c\xC0\x80"
                                   "d\xED\xA0\x80"
                                   "e\xE2\x82",
                                   14) +
                               "\tf\nok";
  grpc::Status g = ToGrpcStatus(InvalidField("note", "echo: " + bad_text + " \xE2\x82\xAC"));
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(g.error_details()));
  google::rpc::BadRequest bad;
  ASSERT_TRUE(details.details(0).UnpackTo(&bad));
  EXPECT_EQ(bad.field_violations(0).description(), "echo: a?b?c??d???e??\tf\nok \xE2\x82\xAC");
  EXPECT_EQ(ToGrpcStatus(absl::NotFoundError(std::string("x\0y", 3))).error_message(), "x?y");
  EXPECT_EQ(ToGrpcStatus(absl::NotFoundError(std::string(1000, 'n'))).error_message(),
            std::string(kMaxStatusMessageBytes, 'n') + "...");
}

// A cut never splits a character: a description of 100 two-byte characters keeps 80 of them.
TEST(GrpcStatus, CutsAtACharacterBoundary) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "\xC3\xA9";  // é
  grpc::Status g = ToGrpcStatus(InvalidField("f", text));
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(g.error_details()));
  google::rpc::BadRequest bad;
  ASSERT_TRUE(details.details(0).UnpackTo(&bad));
  EXPECT_EQ(bad.field_violations(0).description(), absl::StrCat(text.substr(0, 160), "..."));
}

TEST(Flags, EnvironmentNameIsPrefixedUpperCase) {
  EXPECT_EQ(EnvNameOf("db_url"), "EKINERJA_DB_URL");
  EXPECT_EQ(EnvNameOf("grpc_port"), "EKINERJA_GRPC_PORT");
}

TEST(MaskPaths, AcceptsAllowedPathsAndRejectsOthers) {
  google::protobuf::FieldMask mask;
  auto all = MaskPaths(mask, {"name", "status"});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
  EXPECT_EQ(MaskPaths(mask, {"name"}, /*empty_means_all=*/false).status().code(),
            absl::StatusCode::kInvalidArgument);
  mask.add_paths("name");
  mask.add_paths("nip");
  auto bad = MaskPaths(mask, {"name", "status"});
  ASSERT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  auto violations = FieldViolationsOf(bad.status());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "update_mask");
}

TEST(Metrics, CodeNamesAreGoGrpcPrometheusNames) {
  EXPECT_EQ(GrpcCodeName(grpc::StatusCode::OK), "OK");
  EXPECT_EQ(GrpcCodeName(grpc::StatusCode::INVALID_ARGUMENT), "InvalidArgument");
  EXPECT_EQ(GrpcCodeName(grpc::StatusCode::PERMISSION_DENIED), "PermissionDenied");
  EXPECT_EQ(GrpcCodeName(grpc::StatusCode::UNAUTHENTICATED), "Unauthenticated");
  EXPECT_EQ(GrpcCodeName(static_cast<grpc::StatusCode>(99)), "Unknown");
}

}  // namespace
}  // namespace ekinerja
