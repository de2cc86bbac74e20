#include "api/warning_service.h"

#include "absl/strings/str_cat.h"
#include "role.h"

namespace ekinerja::warning {

WarningServiceImpl::WarningServiceImpl(db::Pool& pool, Sweeper& sweeper, InboxSignal& signal,
                                       WarningServiceOptions options)
    : pool_(pool), sweeper_(sweeper), signal_(signal), options_(std::move(options)) {}

grpc::Status WarningServiceImpl::Serve(grpc::ServerContext* ctx,
                                       const std::function<absl::Status(const Caller&)>& handler) {
  return ServeCaller(ctx, "warnings", handler);
}

absl::Status WarningServiceImpl::RequireTenantReader(const Caller& caller) {
  if (caller.ReadsTenant()) return absl::OkStatus();
  return absl::PermissionDeniedError("this read needs a tenant-wide role");
}

absl::Status WarningServiceImpl::CheckInbox(const Caller& caller, const std::string& nip) {
  if (caller.subject() == nip || caller.ReadsTenant()) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat("the caller may not read the inbox of ", nip));
}

}  // namespace ekinerja::warning
