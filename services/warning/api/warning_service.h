#pragma once

// The gRPC adapter of the warning service (DESIGN §3): checks the caller's rights, converts proto
// <-> domain and calls the store, or the sweeper for a manual sweep. The RPCs are defined by
// topic: rule_rpcs.cc (rule sets, the webhook), inbox_rpcs.cc (inboxes, BKPSDM's view, the watch
// stream), sweep_rpcs.cc (manual sweeps, dead deliveries); the rights shared by all of them are
// here.

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "caller.h"
#include "db.h"
#include "ekinerja/warning/v1/warning.grpc.pb.h"
#include "jobs/inbox_signal.h"
#include "jobs/sweep.h"
#include "status.h"

namespace ekinerja::warning {

namespace v1 = ::ekinerja::warning::v1;

struct WarningServiceOptions {
  // How often WatchInbox looks for new warnings written by another replica (a sweep on this
  // replica wakes it at once), and how long a watch lasts at most.
  absl::Duration watch_poll = absl::Seconds(5);
  absl::Duration watch_limit = absl::Minutes(30);
};

class WarningServiceImpl final : public v1::WarningService::Service {
 public:
  WarningServiceImpl(db::Pool& pool, Sweeper& sweeper, InboxSignal& signal,
                     WarningServiceOptions options);

  // rule_rpcs.cc
  grpc::Status GetWarningRules(grpc::ServerContext*, const v1::GetWarningRulesRequest*,
                               v1::WarningRules*) override;
  grpc::Status ListWarningRules(grpc::ServerContext*, const v1::ListWarningRulesRequest*,
                                v1::ListWarningRulesResponse*) override;
  grpc::Status CreateWarningRules(grpc::ServerContext*, const v1::CreateWarningRulesRequest*,
                                  v1::WarningRules*) override;
  grpc::Status GetWebhook(grpc::ServerContext*, const v1::GetWebhookRequest*,
                          v1::Webhook*) override;
  grpc::Status UpdateWebhook(grpc::ServerContext*, const v1::UpdateWebhookRequest*,
                             v1::Webhook*) override;

  // inbox_rpcs.cc
  grpc::Status ListWarnings(grpc::ServerContext*, const v1::ListWarningsRequest*,
                            v1::ListWarningsResponse*) override;
  grpc::Status CountWarnings(grpc::ServerContext*, const v1::CountWarningsRequest*,
                             v1::WarningCount*) override;
  grpc::Status AcknowledgeWarning(grpc::ServerContext*, const v1::AcknowledgeWarningRequest*,
                                  v1::Warning*) override;
  grpc::Status AcknowledgeAllWarnings(grpc::ServerContext*,
                                      const v1::AcknowledgeAllWarningsRequest*,
                                      v1::AcknowledgeAllWarningsResponse*) override;
  grpc::Status ListSubordinateWarnings(grpc::ServerContext*,
                                       const v1::ListSubordinateWarningsRequest*,
                                       v1::ListWarningsResponse*) override;
  grpc::Status SummarizeWarnings(grpc::ServerContext*, const v1::SummarizeWarningsRequest*,
                                 v1::SummarizeWarningsResponse*) override;
  grpc::Status ListTenantWarnings(grpc::ServerContext*, const v1::ListTenantWarningsRequest*,
                                  v1::ListWarningsResponse*) override;
  grpc::Status WatchInbox(grpc::ServerContext*, const v1::WatchInboxRequest*,
                          grpc::ServerWriter<v1::Warning>*) override;

  // sweep_rpcs.cc
  grpc::Status RunSweep(grpc::ServerContext*, const v1::RunSweepRequest*, v1::Sweep*) override;
  grpc::Status ListSweeps(grpc::ServerContext*, const v1::ListSweepsRequest*,
                          v1::ListSweepsResponse*) override;
  grpc::Status ListDeadDeliveries(grpc::ServerContext*, const v1::ListDeadDeliveriesRequest*,
                                  v1::ListDeadDeliveriesResponse*) override;
  grpc::Status RetryDelivery(grpc::ServerContext*, const v1::RetryDeliveryRequest*,
                             v1::Delivery*) override;

 private:
  grpc::Status Serve(grpc::ServerContext* ctx,
                     const std::function<absl::Status(const Caller&)>& handler);

  // Tenant-wide roles (ADMIN_INSTANSI, VERIFIKATOR_TPP, AUDITOR): BKPSDM's views.
  static absl::Status RequireTenantReader(const Caller& caller);
  // `nip`'s own inbox: the employee themself, or a tenant-wide reader (of the caller's tenant:
  // every inbox read is the token's tenant's). A supervisor reads their subordinates' warnings
  // through ListSubordinateWarnings, not their inboxes.
  static absl::Status CheckInbox(const Caller& caller, const std::string& nip);

  db::Pool& pool_;
  Sweeper& sweeper_;
  InboxSignal& signal_;
  WarningServiceOptions options_;
};

}  // namespace ekinerja::warning
