#pragma once

// The gRPC adapter of the SKP service (DESIGN §3): checks the caller's rights, converts proto <->
// domain, calls the domain rules and the store. The RPCs are defined by topic: plan_rpcs.cc (rules,
// the SKP, its plan and lifecycle, the cascade, the reads of other services), year_rpcs.cc
// (realisations, evidence, proposals, feedback), evaluation_rpcs.cc (organisational predikat,
// evaluations); the rights shared by all of them are here.

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "api/skp_metrics.h"
#include "caller.h"
#include "clients/directory.h"
#include "db.h"
#include "ekinerja/skp/v1/skp.grpc.pb.h"
#include "store/skp_store.h"

namespace ekinerja::skp {

namespace v1 = ::ekinerja::skp::v1;

struct SkpServiceOptions {
  // Evidence files: at most this many bytes each.
  int64_t max_evidence_bytes = 2 << 20;
  // "Today" (the day of a decision, the default day of reads): Asia/Jakarta unless a test sets it.
  std::function<absl::CivilDay()> today;
};

class SkpServiceImpl final : public v1::SkpService::Service {
 public:
  SkpServiceImpl(db::Pool& pool, clients::Directory& directory, SkpMetrics& metrics,
                 SkpServiceOptions options);

  grpc::Status GetSkpRules(grpc::ServerContext*, const v1::GetSkpRulesRequest*,
                           v1::SkpRules*) override;
  grpc::Status ListSkpRules(grpc::ServerContext*, const v1::ListSkpRulesRequest*,
                            v1::ListSkpRulesResponse*) override;
  grpc::Status CreateSkpRules(grpc::ServerContext*, const v1::CreateSkpRulesRequest*,
                              v1::SkpRules*) override;

  grpc::Status CreateSkp(grpc::ServerContext*, const v1::CreateSkpRequest*, v1::Skp*) override;
  grpc::Status GetSkp(grpc::ServerContext*, const v1::GetSkpRequest*, v1::Skp*) override;
  grpc::Status ListSkps(grpc::ServerContext*, const v1::ListSkpsRequest*,
                        v1::ListSkpsResponse*) override;
  grpc::Status UpdateSkpPlan(grpc::ServerContext*, const v1::UpdateSkpPlanRequest*,
                             v1::Skp*) override;
  grpc::Status SubmitSkp(grpc::ServerContext*, const v1::SubmitSkpRequest*, v1::Skp*) override;
  grpc::Status WithdrawSkp(grpc::ServerContext*, const v1::WithdrawSkpRequest*, v1::Skp*) override;
  grpc::Status ApproveSkp(grpc::ServerContext*, const v1::ApproveSkpRequest*, v1::Skp*) override;
  grpc::Status RejectSkp(grpc::ServerContext*, const v1::RejectSkpRequest*, v1::Skp*) override;
  grpc::Status ReviseSkp(grpc::ServerContext*, const v1::ReviseSkpRequest*, v1::Skp*) override;
  grpc::Status ListSkpRevisions(grpc::ServerContext*, const v1::ListSkpRevisionsRequest*,
                                v1::ListSkpRevisionsResponse*) override;
  grpc::Status ListPendingSkps(grpc::ServerContext*, const v1::ListPendingSkpsRequest*,
                               v1::ListPendingSkpsResponse*) override;
  grpc::Status GetCascade(grpc::ServerContext*, const v1::GetCascadeRequest*,
                          v1::Cascade*) override;
  grpc::Status ListRhksForDate(grpc::ServerContext*, const v1::ListRhksForDateRequest*,
                               v1::ListRhksForDateResponse*) override;
  grpc::Status StreamSkpStatus(grpc::ServerContext*, const v1::StreamSkpStatusRequest*,
                               grpc::ServerWriter<v1::SkpStatusEntry>*) override;

  // evaluation_rpcs.cc: organisational predikat, evaluations, the distribution curve, sanctions.
  grpc::Status SetOrgPerformance(grpc::ServerContext*, const v1::SetOrgPerformanceRequest*,
                                 v1::OrgPerformance*) override;
  grpc::Status EvaluateSkp(grpc::ServerContext*, const v1::EvaluateSkpRequest*,
                           v1::Evaluation*) override;
  grpc::Status ListEvaluations(grpc::ServerContext*, const v1::ListEvaluationsRequest*,
                               v1::ListEvaluationsResponse*) override;
  grpc::Status StreamEvaluations(grpc::ServerContext*, const v1::StreamEvaluationsRequest*,
                                 grpc::ServerWriter<v1::Evaluation>*) override;
  grpc::Status GetDistribution(grpc::ServerContext*, const v1::GetDistributionRequest*,
                               v1::Distribution*) override;
  grpc::Status FinalizeAnnualRatings(grpc::ServerContext*, const v1::FinalizeAnnualRatingsRequest*,
                                     v1::FinalizeAnnualRatingsResponse*) override;
  grpc::Status ListSanctions(grpc::ServerContext*, const v1::ListSanctionsRequest*,
                             v1::ListSanctionsResponse*) override;

 private:
  grpc::Status Serve(grpc::ServerContext* ctx,
                     const std::function<absl::Status(const Caller&)>& handler);
  absl::CivilDay Today() const { return options_.today(); }

  // OK when the caller may read `nip`'s SKPs: themselves, or whoever identity lets read that
  // employee today. NOT_FOUND for a tenant-wide reader asking for someone the tenant does not
  // have; PERMISSION_DENIED otherwise.
  absl::Status CheckReads(const Caller& caller, const std::string& nip);
  // The SKP `id` of the caller's tenant, when the caller may read it; NOT_FOUND for an SKP of
  // another tenant (the caller never learns it exists).
  absl::StatusOr<store::SkpRow> ReadableSkp(const Caller& caller, int64_t id);
  // OK when the caller is `nip` themself (the owner's acts: plan, submit, withdraw, revise,
  // realise).
  static absl::Status CheckOwner(const Caller& caller, const std::string& nip);
  // The pejabat penilai of `nip` today by identity's resolution, when it is the caller (never
  // the employee themself); PERMISSION_DENIED otherwise.
  absl::StatusOr<clients::Person> CheckPenilai(const Caller& caller, const std::string& nip);
  // Streams need a tenant-wide role or SERVICE.
  static absl::Status CheckBatchReader(const Caller& caller);
  // The NIPs of `org_unit`'s subtree today (identity), for reads scoped to a unit.
  absl::StatusOr<std::vector<std::string>> NipsOf(const Caller& caller,
                                                  const std::string& org_unit);

  // The SKP with revision `revision` (0: the latest) and its plan.
  absl::Status LoadSkp(const Caller& caller, int64_t id, int revision, v1::Skp* out);
  // Loads `skp` (latest revision) into `out` inside `tx`.
  void FillSkp(db::Tx& tx, const std::string& tenant, const store::SkpRow& skp, int revision,
               v1::Skp* out);

  db::Pool& pool_;
  clients::Directory& directory_;
  SkpMetrics& metrics_;
  SkpServiceOptions options_;
};

}  // namespace ekinerja::skp
