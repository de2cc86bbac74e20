#include "api/attendance_service.h"

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "grpc_status.h"
#include "log.h"
#include "role.h"
#include "rpc_util.h"
#include "status.h"

namespace ekinerja::attendance {

AttendanceServiceImpl::AttendanceServiceImpl(db::Pool& pool, clients::Directory& directory,
                                             AttendanceMetrics& metrics)
    : pool_(pool),
      directory_(directory),
      metrics_(metrics),
      rules_(pool),
      recomputer_(pool, directory, metrics),
      ingestor_(pool, recomputer_, metrics) {}

grpc::Status AttendanceServiceImpl::Serve(
    grpc::ServerContext* ctx, const std::function<absl::Status(const Caller&)>& handler) {
  return ServeCaller(ctx, "attendance", handler);
}

absl::Status AttendanceServiceImpl::CheckReads(const Caller& caller, const std::string& nip,
                                               absl::CivilDay first, absl::CivilDay last) {
  if (caller.principal.subject == nip) return absl::OkStatus();
  // Identity knows who exists in the tenant and who may read whom; attendance only knows PINs.
  // A tenant-wide role reads on every day alike; anyone else's right is asked for each day.
  const absl::Status st =
      caller.ReadsTenant() || first == last
          ? directory_.CheckReadsEmployee(caller.bearer, nip, first)
          : directory_.CheckReadsEmployeeDuring(caller.bearer, nip, first, last);
  if (st.ok() || absl::IsUnavailable(st)) return st;
  if (caller.ReadsTenant() && absl::IsNotFound(st)) {
    return absl::NotFoundError(absl::StrCat("no employee ", nip, " in the tenant"));
  }
  // Whatever else identity said, this caller may not read that employee.
  return absl::PermissionDeniedError(
      absl::StrCat("the caller may not read the attendance of ", nip));
}

absl::StatusOr<WorkDateWindow> AttendanceServiceImpl::WorkDates(const Caller& caller) {
  EK_ASSIGN_OR_RETURN(const store::RulesRow rules, rules_.Get(caller.tenant()));
  return rules.work_dates;
}

absl::Status AttendanceServiceImpl::CheckApproves(const Caller& caller, const std::string& nip,
                                                  absl::CivilDay day) {
  if (caller.principal.subject == nip) {
    return absl::PermissionDeniedError("nobody approves their own request");
  }
  if (caller.IsTenantAdmin()) return absl::OkStatus();
  if (caller.principal.Has(Role::kAtasan)) {
    auto atasan = directory_.AtasanOf(caller.bearer, nip, day);
    if (!atasan.ok() && absl::IsUnavailable(atasan.status())) return atasan.status();
    if (atasan.ok() && *atasan == caller.principal.subject) return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      absl::StrCat("only the atasan langsung of ", nip, " on ", FormatDate(day),
                   " (or the tenant admin) may decide this request"));
}

}  // namespace ekinerja::attendance
