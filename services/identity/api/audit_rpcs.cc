// IdentityService: the audit log.

#include "absl/strings/str_cat.h"
#include "api/convert.h"
#include "api/identity_service.h"
#include "page_token.h"
#include "status.h"

namespace ekinerja::identity {

grpc::Status IdentityServiceImpl::ListAuditEvents(grpc::ServerContext* ctx,
                                                  const v1::ListAuditEventsRequest* req,
                                                  v1::ListAuditEventsResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    if (!p.HasAny({Role::kAdminInstansi, Role::kAuditor, Role::kPlatformAdmin})) {
      return absl::PermissionDeniedError("only auditors and admins read the audit log");
    }
    EK_ASSIGN_OR_RETURN(int size, PageSize(req->page_size()));
    const std::string fingerprint =
        absl::StrCat("audit|", req->actor(), "|", req->action(), "|", req->target());
    EK_ASSIGN_OR_RETURN(std::string after, DecodePageToken(req->page_token(), fingerprint));
    int64_t before_id = 0;
    if (!after.empty() && !absl::SimpleAtoi(after, &before_id)) {
      return InvalidField("page_token", "malformed");
    }
    return pool_.Read([&](db::Tx& tx) {
      auto rows = store::ListAudit(tx, p.tenant, req->actor(), req->action(), req->target(),
                                   before_id, size + 1);
      resp->set_next_page_token(WritePage(
          rows, size, fingerprint, [&](const auto& r) { ToProto(r, resp->add_events()); },
          [](const auto& r) { return absl::StrCat(r.id); }));
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::identity
