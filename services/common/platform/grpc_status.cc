#include "grpc_status.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "status.h"
#include "text.h"

namespace ekinerja {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(status.code());
  const std::string message = SafePrefix(status.message(), kMaxStatusMessageBytes);
  google::rpc::Status details;
  details.set_code(static_cast<int>(code));
  details.set_message(message);
  if (auto pv = PreconditionViolationOf(status)) {
    google::rpc::PreconditionFailure failure;
    auto* v = failure.add_violations();
    v->set_type(pv->type);
    v->set_subject(pv->subject);
    v->set_description(pv->description);
    details.add_details()->PackFrom(failure);
    return grpc::Status(code, message, details.SerializeAsString());
  }
  auto violations = FieldViolationsOf(status);
  if (violations.empty()) return grpc::Status(code, message);
  google::rpc::BadRequest bad;
  for (size_t i = 0; i < violations.size() && i < kMaxFieldViolations; ++i) {
    auto* fv = bad.add_field_violations();
    fv->set_field(violations[i].field);
    fv->set_description(violations[i].description);
  }
  if (violations.size() > kMaxFieldViolations) {
    // The rest are counted, not listed: the details travel in a trailer that gRPC caps at 8 KiB.
    bad.add_field_violations()->set_description(
        absl::StrCat("and ", violations.size() - kMaxFieldViolations, " more not listed"));
  }
  details.add_details()->PackFrom(bad);
  return grpc::Status(code, message, details.SerializeAsString());
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  const auto code = static_cast<absl::StatusCode>(status.error_code());
  google::rpc::Status details;
  if (!status.error_details().empty() && details.ParseFromString(status.error_details())) {
    Violations v;
    for (const auto& any : details.details()) {
      google::rpc::PreconditionFailure failure;
      if (any.UnpackTo(&failure) && failure.violations_size() > 0) {
        // Keep the server's code and message; carry the violation as status.h does.
        const auto& pv = failure.violations(0);
        absl::Status out(code, status.error_message());
        FailedPrecondition({pv.type(), pv.subject(), pv.description()})
            .ForEachPayload([&](absl::string_view url, const absl::Cord& payload) {
              out.SetPayload(url, payload);
            });
        return out;
      }
      google::rpc::BadRequest bad;
      if (!any.UnpackTo(&bad)) continue;
      for (const auto& fv : bad.field_violations()) v.Add(fv.field(), fv.description());
    }
    if (!v.empty()) {
      // Keep the server's message; carry the violations as the payload status.h reads.
      absl::Status out(code, status.error_message());
      v.ToStatus().ForEachPayload(
          [&](absl::string_view url, const absl::Cord& payload) { out.SetPayload(url, payload); });
      return out;
    }
  }
  return absl::Status(code, status.error_message());
}

}  // namespace ekinerja
