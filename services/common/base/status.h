#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

// Errors are absl::Status values until the gRPC edge (grpc_status.h). abseil 20220623 has no
// RETURN_IF_ERROR / ASSIGN_OR_RETURN, so here are the two we use.
#define EK_RETURN_IF_ERROR(expr)                                   \
  do {                                                             \
    if (absl::Status ek_st_ = (expr); !ek_st_.ok()) return ek_st_; \
  } while (0)

#define EK_CONCAT_INNER_(a, b) a##b
#define EK_CONCAT_(a, b) EK_CONCAT_INNER_(a, b)
#define EK_ASSIGN_OR_RETURN(lhs, expr) \
  EK_ASSIGN_OR_RETURN_IMPL_(EK_CONCAT_(ek_sor_, __LINE__), lhs, expr)
#define EK_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return std::move(tmp).status();  \
  lhs = std::move(tmp).value()

namespace ekinerja {

// How much of a field's path and of its description a violation keeps.
inline constexpr size_t kMaxViolationFieldBytes = 64;
inline constexpr size_t kMaxViolationDescriptionBytes = 160;

// One bad field of a request; the gRPC edge sends it as a google.rpc.BadRequest.FieldViolation
// (grpc_status.h). `field` is the request path in proto field names ("employee.nip",
// "rows[3].golongan").
struct FieldViolation {
  std::string field;
  std::string description;
  bool operator==(const FieldViolation& o) const {
    return field == o.field && description == o.description;
  }
};

// Collects field violations while validating; ToStatus() is OK when there were none, otherwise
// INVALID_ARGUMENT carrying every violation in a payload that FieldViolationsOf reads back.
class Violations {
 public:
  // Both are cut to kMaxViolationFieldBytes / kMaxViolationDescriptionBytes (SafePrefix): a
  // violation names the field and says what is wrong, never echoes what a client sent at length.
  void Add(std::string field, std::string description);
  // Adds every violation of `status` (if it carries any) with `prefix` before each field.
  void Merge(const absl::Status& status, absl::string_view prefix = "");
  bool empty() const { return list_.empty(); }
  const std::vector<FieldViolation>& list() const { return list_; }
  absl::Status ToStatus(absl::string_view message = "invalid request") const;

 private:
  std::vector<FieldViolation> list_;
};

// INVALID_ARGUMENT with one violation.
absl::Status InvalidField(std::string field, std::string description);

// The violations an INVALID_ARGUMENT status carries (empty if none).
std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status);

// A rule that refused a request in the state it found (google.rpc.PreconditionFailure.Violation):
// `type` names the rule ("NO_CHECK_IN"), `subject` what it was checked on
// ("entries/199001012015011001/2026-02-10"), `description` why, in words for the user.
struct PreconditionViolation {
  std::string type, subject, description;
  bool operator==(const PreconditionViolation& o) const {
    return type == o.type && subject == o.subject && description == o.description;
  }
};

// FAILED_PRECONDITION whose message is the description, carrying `v`; the gRPC edge sends it as
// a google.rpc.PreconditionFailure (grpc_status.h).
absl::Status FailedPrecondition(PreconditionViolation v);

// The violation a FAILED_PRECONDITION carries, if it carries one.
std::optional<PreconditionViolation> PreconditionViolationOf(const absl::Status& status);

}  // namespace ekinerja
