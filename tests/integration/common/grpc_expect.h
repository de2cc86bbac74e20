#pragma once

// What every service's integration tests assert about gRPC calls, and the client context they
// call with. Header-only, as the rest of integration/common.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "date_proto.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"

namespace ekinerja::integration {

// OK, or a failure naming the code and the server's message.
inline ::testing::AssertionResult Ok(const grpc::Status& status) {
  if (status.ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "gRPC code " << status.error_code() << ": " << status.error_message();
}

inline ::testing::AssertionResult HasCode(const grpc::Status& status, grpc::StatusCode code) {
  if (status.error_code() == code) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected gRPC code " << code << ", got "
                                       << status.error_code() << ": " << status.error_message();
}

// The google.rpc.BadRequest field violations a status carries (its error_details are a serialized
// google.rpc.Status whose details hold Any(BadRequest)).
inline std::vector<google::rpc::BadRequest::FieldViolation> Violations(const grpc::Status& status) {
  std::vector<google::rpc::BadRequest::FieldViolation> out;
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return out;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (!any.UnpackTo(&bad)) continue;
    out.insert(out.end(), bad.field_violations().begin(), bad.field_violations().end());
  }
  return out;
}

// Just their fields, in order.
inline std::vector<std::string> ViolatedFields(const grpc::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : Violations(status)) fields.push_back(v.field());
  return fields;
}

// The google.rpc.PreconditionFailure a FAILED_PRECONDITION carries, as "<type> <subject>" ("" when
// it carries none): which rule refused, on what.
inline std::string PreconditionOf(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  for (const auto& any : details.details()) {
    google::rpc::PreconditionFailure failure;
    if (any.UnpackTo(&failure) && failure.violations_size() > 0) {
      return failure.violations(0).type() + " " + failure.violations(0).subject();
    }
  }
  return "";
}

inline google::type::Date Date(absl::CivilDay day) { return ToProtoDate(day); }

// A ClientContext with `authorization: Bearer <token>` (none when token is empty) and a deadline,
// so that a hung call fails the test instead of hanging it.
inline std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token = "") {
  auto ctx = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return ctx;
}

}  // namespace ekinerja::integration
