#pragma once

// The gRPC adapter of the SKP service (DESIGN §3): checks the caller's rights, converts proto <->
// domain, calls the domain rules and the store. The RPCs are defined by topic: plan_rpcs.cc (rules,
// the SKP, its plan and lifecycle, the cascade, the reads of other services), year_rpcs.cc
// (realisations, evidence, proposals, feedback), evaluation_rpcs.cc (organisational predikat,
// evaluations); the rights shared by all of them are here.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "api/skp_metrics.h"
#include "caller.h"
#include "clients/directory.h"
#include "db.h"
#include "domain/lifecycle.h"
#include "ekinerja/skp/v1/skp.grpc.pb.h"
#include "status.h"
#include "store/skp_store.h"

namespace ekinerja::skp {

namespace v1 = ::ekinerja::skp::v1;

struct SkpServiceOptions {
  // Evidence files: at most this many bytes each.
  int64_t max_evidence_bytes = 2 << 20;
  // "Today" (the day of a decision, the default day of reads): Asia/Jakarta unless a test sets it.
  std::function<absl::CivilDay()> today;
};

// The day an SKP's questions to identity are asked for: `today`, kept within the SKP's dates.
inline absl::CivilDay DayWithin(absl::CivilDay today, const store::SkpRow& skp) {
  return std::min(std::max(today, skp.start), skp.end);
}

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
  grpc::Status StreamApprovedPlans(grpc::ServerContext*, const v1::StreamApprovedPlansRequest*,
                                   grpc::ServerWriter<v1::ApprovedPlan>*) override;
  grpc::Status StreamSkpStatus(grpc::ServerContext*, const v1::StreamSkpStatusRequest*,
                               grpc::ServerWriter<v1::SkpStatusEntry>*) override;

  grpc::Status RequestFeedback360(grpc::ServerContext*, const v1::RequestFeedback360Request*,
                                  v1::RequestFeedback360Response*) override;
  grpc::Status ListFeedback360Requests(grpc::ServerContext*,
                                       const v1::ListFeedback360RequestsRequest*,
                                       v1::ListFeedback360RequestsResponse*) override;
  grpc::Status AnswerFeedback360(grpc::ServerContext*, const v1::AnswerFeedback360Request*,
                                 v1::Feedback360Request*) override;
  grpc::Status GetFeedback360Summary(grpc::ServerContext*, const v1::GetFeedback360SummaryRequest*,
                                     v1::Feedback360Summary*) override;

  // year_rpcs.cc
  grpc::Status RecordRealisation(grpc::ServerContext*, const v1::RecordRealisationRequest*,
                                 v1::Realisation*) override;
  grpc::Status ListRealisations(grpc::ServerContext*, const v1::ListRealisationsRequest*,
                                v1::ListRealisationsResponse*) override;
  grpc::Status GetEvidence(grpc::ServerContext*, const v1::GetEvidenceRequest*,
                           v1::Evidence*) override;
  grpc::Status ProposeRealisations(grpc::ServerContext*, const v1::ProposeRealisationsRequest*,
                                   v1::ProposeRealisationsResponse*) override;
  grpc::Status AddFeedback(grpc::ServerContext*, const v1::AddFeedbackRequest*,
                           v1::Feedback*) override;
  grpc::Status ListFeedback(grpc::ServerContext*, const v1::ListFeedbackRequest*,
                            v1::ListFeedbackResponse*) override;

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

  // `text` as a period of `skp` (domain ParseSkpPeriod with the kind of the rules in force on its
  // start date), in its canonical form; INVALID_ARGUMENT naming `field` otherwise.
  absl::StatusOr<std::string> SkpPeriod(const Caller& caller, const store::SkpRow& skp,
                                        const std::string& text,
                                        const std::string& field = "period");

  // One lifecycle act on revision `revision` of SKP `id` (DOMAIN §2): `v` holds the request's
  // other violations (id and revision are checked here); the SKP is read with the caller's right;
  // `before` checks who may act and asks identity what the act needs; then, in one transaction
  // with the SKP row locked, the transition `action` is checked and `act` writes. Answers the SKP
  // as it is after, and counts the status `entered`.
  using BeforeAct = std::function<absl::Status(const store::SkpRow& skp)>;
  using DoAct = std::function<absl::Status(db::Tx& tx, const store::SkpRow& locked)>;
  absl::Status Act(const Caller& caller, int64_t id, int revision, Violations v, SkpAction action,
                   const BeforeAct& before, const DoAct& act, absl::string_view entered,
                   v1::Skp* resp);

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
