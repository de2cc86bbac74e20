#pragma once

// The caller of one RPC as a tenant service sees it: the principal the auth interceptor verified
// and the bearer token it came with, which the service forwards to identity when it asks on the
// caller's behalf (who may read whom). Every tenant service's handlers run through ServeCaller.

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "auth.h"
#include "grpcpp/server_context.h"
#include "role.h"

namespace ekinerja {

struct Caller {
  Principal principal;
  std::string bearer;

  const std::string& tenant() const { return principal.tenant; }
  // The token's sub: an employee's NIP, else a username.
  const std::string& subject() const { return principal.subject; }
  // ADMIN_INSTANSI.
  bool IsTenantAdmin() const { return principal.Has(Role::kAdminInstansi); }
  // Reads every employee of the tenant (ReadsWholeTenant, role.h).
  bool ReadsTenant() const { return ReadsWholeTenant(principal.roles); }
};

// The verified principal `p` with the bearer token of `ctx`. PERMISSION_DENIED for
// PLATFORM_ADMIN, who reads no tenant's personnel data (`what`: "attendance", "SKPs", ...).
absl::StatusOr<Caller> CallerFrom(const grpc::ServerContext* ctx, const Principal& p,
                                  absl::string_view what);

// Serve (rpc_util.h) for a tenant service: the handler gets the Caller.
grpc::Status ServeCaller(grpc::ServerContext* ctx, absl::string_view what,
                         const std::function<absl::Status(const Caller&)>& handler);

// PERMISSION_DENIED unless the caller is the tenant's ADMIN_INSTANSI.
absl::Status RequireTenantAdmin(const Caller& caller);

}  // namespace ekinerja
