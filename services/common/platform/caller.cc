#include "caller.h"

#include "absl/strings/str_cat.h"
#include "rpc_util.h"
#include "status.h"

namespace ekinerja {

absl::StatusOr<Caller> CallerFrom(const grpc::ServerContext* ctx, const Principal& p,
                                  absl::string_view what) {
  if (p.Has(Role::kPlatformAdmin)) {
    return absl::PermissionDeniedError(
        absl::StrCat("the platform operator reads no tenant's ", what));
  }
  Caller caller;
  caller.principal = p;
  const auto auth = ctx->client_metadata().find("authorization");
  if (auth != ctx->client_metadata().end()) {
    caller.bearer =
        std::string(BearerToken(absl::string_view(auth->second.data(), auth->second.size())));
  }
  return caller;
}

grpc::Status ServeCaller(grpc::ServerContext* ctx, absl::string_view what,
                         const std::function<absl::Status(const Caller&)>& handler) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    EK_ASSIGN_OR_RETURN(Caller caller, CallerFrom(ctx, p, what));
    return handler(caller);
  });
}

absl::Status RequireTenantAdmin(const Caller& caller) {
  if (caller.IsTenantAdmin()) return absl::OkStatus();
  return absl::PermissionDeniedError("only the tenant's ADMIN_INSTANSI may do this");
}

}  // namespace ekinerja
