#pragma once

// The gRPC adapter of the scoring service (DESIGN §3): checks the caller's rights, converts proto
// <-> domain, reads the other services in batches and calls the domain and the store. The RPCs
// are defined by topic: rule_rpcs.cc (TPP rule sets, hukuman disiplin), run_rpcs.cc (runs and
// their transitions), run_compute.cc (computing a run), instrument_rpcs.cc (instruments, payroll
// export), kotak_rpcs.cc (kotak kinerja, annual performance); the rights shared by all of them
// are here.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "api/scoring_metrics.h"
#include "caller.h"
#include "clients/activity_months.h"
#include "clients/attendance.h"
#include "clients/directory.h"
#include "clients/skp_evaluations.h"
#include "db.h"
#include "ekinerja/scoring/v1/scoring.grpc.pb.h"
#include "status.h"
#include "store/run_store.h"
#include "store/scoring_store.h"

namespace ekinerja::scoring {

namespace v1 = ::ekinerja::scoring::v1;

struct ScoringServiceOptions {
  // The clock (absl::Now unless a test sets it): which month has begun.
  std::function<absl::Time()> now;
};

// What a run reads of the other services (the wiring gives the real clients or the fakes).
struct ScoringPeers {
  clients::Directory* directory = nullptr;
  clients::Attendance* attendance = nullptr;
  clients::ActivityMonths* activity = nullptr;
  clients::SkpEvaluations* skp = nullptr;
};

class ScoringServiceImpl final : public v1::ScoringService::Service {
 public:
  ScoringServiceImpl(db::Pool& pool, ScoringPeers peers, ScoringMetrics& metrics,
                     ScoringServiceOptions options);

  // rule_rpcs.cc
  grpc::Status GetTppRules(grpc::ServerContext*, const v1::GetTppRulesRequest*,
                           v1::TppRules*) override;
  grpc::Status ListTppRules(grpc::ServerContext*, const v1::ListTppRulesRequest*,
                            v1::ListTppRulesResponse*) override;
  grpc::Status CreateTppRules(grpc::ServerContext*, const v1::CreateTppRulesRequest*,
                              v1::TppRules*) override;
  grpc::Status CreateSanction(grpc::ServerContext*, const v1::CreateSanctionRequest*,
                              v1::Sanction*) override;
  grpc::Status ListSanctions(grpc::ServerContext*, const v1::ListSanctionsRequest*,
                             v1::ListSanctionsResponse*) override;
  grpc::Status RevokeSanction(grpc::ServerContext*, const v1::RevokeSanctionRequest*,
                              v1::Sanction*) override;

  // run_rpcs.cc
  grpc::Status CreateTppRun(grpc::ServerContext*, const v1::CreateTppRunRequest*,
                            v1::TppRun*) override;
  grpc::Status GetTppRun(grpc::ServerContext*, const v1::GetTppRunRequest*, v1::TppRun*) override;
  grpc::Status ListTppRuns(grpc::ServerContext*, const v1::ListTppRunsRequest*,
                           v1::ListTppRunsResponse*) override;
  grpc::Status RecomputeTppRun(grpc::ServerContext*, const v1::RecomputeTppRunRequest*,
                               v1::TppRun*) override;
  grpc::Status VerifyTppRun(grpc::ServerContext*, const v1::VerifyTppRunRequest*,
                            v1::TppRun*) override;
  grpc::Status ReturnTppRun(grpc::ServerContext*, const v1::ReturnTppRunRequest*,
                            v1::TppRun*) override;
  grpc::Status LockTppRun(grpc::ServerContext*, const v1::LockTppRunRequest*, v1::TppRun*) override;
  grpc::Status CorrectTppRun(grpc::ServerContext*, const v1::CorrectTppRunRequest*,
                             v1::TppRun*) override;
  grpc::Status ListRunDifferences(grpc::ServerContext*, const v1::ListRunDifferencesRequest*,
                                  v1::ListRunDifferencesResponse*) override;

  // instrument_rpcs.cc
  grpc::Status ListInstruments(grpc::ServerContext*, const v1::ListInstrumentsRequest*,
                               v1::ListInstrumentsResponse*) override;
  grpc::Status GetInstrument(grpc::ServerContext*, const v1::GetInstrumentRequest*,
                             v1::Instrument*) override;
  grpc::Status ExportPayroll(grpc::ServerContext*, const v1::ExportPayrollRequest*,
                             google::api::HttpBody*) override;

  // kotak_rpcs.cc
  grpc::Status GetKotakSummary(grpc::ServerContext*, const v1::GetKotakSummaryRequest*,
                               v1::KotakSummary*) override;
  grpc::Status ListLowKotak(grpc::ServerContext*, const v1::ListLowKotakRequest*,
                            v1::ListLowKotakResponse*) override;
  grpc::Status GetAnnualKotak(grpc::ServerContext*, const v1::GetAnnualKotakRequest*,
                              v1::KotakSummary*) override;
  grpc::Status StreamKotak(grpc::ServerContext*, const v1::StreamKotakRequest*,
                           grpc::ServerWriter<v1::KotakPlacement>*) override;
  grpc::Status GetAnnualPerformance(grpc::ServerContext*, const v1::GetAnnualPerformanceRequest*,
                                    v1::AnnualPerformance*) override;

 private:
  grpc::Status Serve(grpc::ServerContext* ctx,
                     const std::function<absl::Status(const Caller&)>& handler);
  absl::Time Now() const { return options_.now(); }
  absl::StatusOr<absl::CivilDay> TodayOf(const Caller& caller);

  // Tenant-wide roles (ADMIN_INSTANSI, VERIFIKATOR_TPP, AUDITOR) or SERVICE.
  static absl::Status CheckBatchReader(const Caller& caller);
  // A batch reader asking for `org_unit`'s subtree ("" the whole tenant): NOT_FOUND when the
  // tenant has no such unit (identity).
  absl::Status CheckUnitReader(const Caller& caller, const std::string& org_unit);
  // `nip` themself, or whoever identity lets read them (supervisors, ADMIN_OPD, tenant-wide
  // roles); NOT_FOUND for a tenant-wide reader asking for someone the tenant does not have.
  absl::Status CheckReads(const Caller& caller, const std::string& nip, absl::CivilDay day);
  // The run `id` of the caller's tenant (NOT_FOUND otherwise).
  absl::StatusOr<store::RunRow> RunOf(const Caller& caller, int64_t id);

  // run_compute.cc: computes `run` (a DRAFT) from what the services say now and writes its
  // instruments and totals in `tx`, after taking the month's advisory lock (ABORTED when another
  // computation of the month holds it); FAILED_PRECONDITION EMPLOYEE_IN_OTHER_RUN when an
  // employee of its scope is in another run of the month. Sets the run's totals.
  absl::Status ComputeInTx(db::Tx& tx, const Caller& caller, store::RunRow& run);
  // kotak_rpcs.cc: the month's placements (only the low boxes when `low_only`) of `unit`'s
  // subtree, each with last month's box, handed to `each` by OPD, box and NIP.
  absl::Status Placements(const Caller& caller, int year, int month, const std::string& unit,
                          bool low_only,
                          const std::function<absl::Status(const v1::KotakPlacement&)>& each);
  // Runs `apply` on the run `id` under its row lock, in one write (NOT_FOUND when there is none).
  absl::Status Transition(const Caller& caller, int64_t id,
                          const std::function<absl::Status(db::Tx&, store::RunRow&)>& apply);
  // Sets the month's lock in activity and attendance (`lock`) or lifts it, with a SERVICE token.
  absl::Status SetPeerLocks(const Caller& caller, const store::RunRow& run, bool lock);

  db::Pool& pool_;
  ScoringPeers peers_;
  ScoringMetrics& metrics_;
  ScoringServiceOptions options_;
};

}  // namespace ekinerja::scoring
