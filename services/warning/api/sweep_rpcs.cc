// Manual sweeps (a backfill, or a day the scheduler missed) and the dead deliveries.

#include "absl/strings/str_cat.h"
#include "api/convert.h"
#include "api/warning_service.h"
#include "civil.h"
#include "date_proto.h"
#include "page_token.h"
#include "request_log.h"
#include "store/outbox_store.h"
#include "store/warning_store.h"

namespace ekinerja::warning {

grpc::Status WarningServiceImpl::RunSweep(grpc::ServerContext* ctx, const v1::RunSweepRequest* req,
                                          v1::Sweep* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    absl::StatusOr<absl::CivilDay> day = FromProtoDate(req->date(), "date");
    v.Merge(day.status());
    if (req->kind() != v1::SWEEP_KIND_UNSPECIFIED && req->kind() != v1::SWEEP_KIND_DAILY &&
        req->kind() != v1::SWEEP_KIND_EARLY) {
      v.Add("kind", "must be DAILY or EARLY");
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    const SweepKind kind =
        req->kind() == v1::SWEEP_KIND_EARLY ? SweepKind::kEarly : SweepKind::kDaily;
    EK_ASSIGN_OR_RETURN(const store::SweepRow row,
                        sweeper_.Run(caller.tenant(), *day, kind, caller.subject()));
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      db::Audit(tx, caller.tenant(), caller.subject(), "RunSweep", absl::StrCat("sweeps/", row.id),
                absl::StrCat(SweepKindName(kind), " ", FormatDate(*day), " created ",
                             row.warnings_created));
      return absl::OkStatus();
    }));
    *resp = ToProto(row);
    return absl::OkStatus();
  });
}

grpc::Status WarningServiceImpl::ListSweeps(grpc::ServerContext* ctx,
                                            const v1::ListSweepsRequest* req,
                                            v1::ListSweepsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    absl::StatusOr<int> size = PageSize(req->page_size());
    v.Merge(size.status());
    absl::StatusOr<int64_t> before = DecodeIdPageToken(req->page_token(), "sweeps");
    v.Merge(before.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantReader(caller));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      resp->set_next_page_token(WritePage(
          store::ListSweeps(tx, caller.tenant(), *before, *size + 1), *size, "sweeps",
          [&](const store::SweepRow& s) { *resp->add_sweeps() = ToProto(s); },
          [](const store::SweepRow& s) { return absl::StrCat(s.id); }));
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::ListDeadDeliveries(grpc::ServerContext* ctx,
                                                    const v1::ListDeadDeliveriesRequest* req,
                                                    v1::ListDeadDeliveriesResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    absl::StatusOr<int> size = PageSize(req->page_size());
    v.Merge(size.status());
    absl::StatusOr<int64_t> after = DecodeIdPageToken(req->page_token(), "dead");
    v.Merge(after.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      resp->set_next_page_token(WritePage(
          store::ListDead(tx, caller.tenant(), *after, *size + 1), *size, "dead",
          [&](const store::OutboxRow& d) { *resp->add_deliveries() = ToProto(d); },
          [](const store::OutboxRow& d) { return absl::StrCat(d.id); }));
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::RetryDelivery(grpc::ServerContext* ctx,
                                               const v1::RetryDeliveryRequest* req,
                                               v1::Delivery* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (req->id() <= 0) return InvalidField("id", "must be a delivery id");
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      std::optional<store::OutboxRow> d = store::Retry(tx, caller.tenant(), req->id(), absl::Now());
      if (!d) {
        return absl::NotFoundError(absl::StrCat("no dead delivery ", req->id()));
      }
      db::Audit(tx, caller.tenant(), caller.subject(), "RetryDelivery",
                absl::StrCat("webhookDeliveries/", req->id()), d->idempotency_key);
      *resp = ToProto(*d);
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::warning
