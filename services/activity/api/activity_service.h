#pragma once

// The gRPC adapter of the activity service (DESIGN §3): checks the caller's rights, converts proto
// <-> domain, calls the domain rules and the store, asks attendance, SKP and identity what the
// gates need. The RPCs are defined by topic: entry_rpcs.cc (rules, entries and their gates,
// submission, evidence), decision_rpcs.cc (verification and the verifiers' queues),
// catalogue_rpcs.cc (norma waktu), summary_rpcs.cc (month summaries and locks),
// proposal_rpcs.cc (realisation proposals to SKP), workload_rpcs.cc (beban kerja and maturity);
// the rights and gates shared by all of them are here.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "api/activity_metrics.h"
#include "caller.h"
#include "clients/attendance.h"
#include "clients/directory.h"
#include "clients/skp_plans.h"
#include "db.h"
#include "domain/rules.h"
#include "ekinerja/activity/v1/activity.grpc.pb.h"
#include "status.h"
#include "store/activity_store.h"

namespace ekinerja::activity {

namespace v1 = ::ekinerja::activity::v1;

struct ActivityServiceOptions {
  // Evidence files: at most this many bytes each.
  int64_t max_evidence_bytes = 1 << 20;
  // The clock of the deadline gate (absl::Now unless a test sets it).
  std::function<absl::Time()> now;
};

class ActivityServiceImpl final : public v1::ActivityService::Service {
 public:
  ActivityServiceImpl(db::Pool& pool, clients::Directory& directory,
                      clients::Attendance& attendance, clients::SkpPlans& skp,
                      ActivityMetrics& metrics, ActivityServiceOptions options);

  // entry_rpcs.cc
  grpc::Status GetActivityRules(grpc::ServerContext*, const v1::GetActivityRulesRequest*,
                                v1::ActivityRules*) override;
  grpc::Status ListActivityRules(grpc::ServerContext*, const v1::ListActivityRulesRequest*,
                                 v1::ListActivityRulesResponse*) override;
  grpc::Status CreateActivityRules(grpc::ServerContext*, const v1::CreateActivityRulesRequest*,
                                   v1::ActivityRules*) override;
  grpc::Status CreateEntry(grpc::ServerContext*, const v1::CreateEntryRequest*,
                           v1::Entry*) override;
  grpc::Status GetEntry(grpc::ServerContext*, const v1::GetEntryRequest*, v1::Entry*) override;
  grpc::Status ListEntries(grpc::ServerContext*, const v1::ListEntriesRequest*,
                           v1::ListEntriesResponse*) override;
  grpc::Status UpdateEntry(grpc::ServerContext*, const v1::UpdateEntryRequest*,
                           v1::Entry*) override;
  grpc::Status WithdrawEntry(grpc::ServerContext*, const v1::WithdrawEntryRequest*,
                             v1::Entry*) override;
  grpc::Status SubmitEntries(grpc::ServerContext*, const v1::SubmitEntriesRequest*,
                             v1::SubmitEntriesResponse*) override;
  grpc::Status GetEntryEvidence(grpc::ServerContext*, const v1::GetEntryEvidenceRequest*,
                                v1::EntryEvidence*) override;

  // decision_rpcs.cc
  grpc::Status DecideEntries(grpc::ServerContext*, const v1::DecideEntriesRequest*,
                             v1::DecideEntriesResponse*) override;
  grpc::Status ListPendingEntries(grpc::ServerContext*, const v1::ListPendingEntriesRequest*,
                                  v1::ListPendingEntriesResponse*) override;
  grpc::Status StreamPendingApprovals(grpc::ServerContext*,
                                      const v1::StreamPendingApprovalsRequest*,
                                      grpc::ServerWriter<v1::PendingApprovals>*) override;

  // catalogue_rpcs.cc
  grpc::Status CreateCatalogueItem(grpc::ServerContext*, const v1::CreateCatalogueItemRequest*,
                                   v1::CatalogueItem*) override;
  grpc::Status ListCatalogueItems(grpc::ServerContext*, const v1::ListCatalogueItemsRequest*,
                                  v1::ListCatalogueItemsResponse*) override;
  grpc::Status ImportCatalogue(grpc::ServerContext*, const v1::ImportCatalogueRequest*,
                               v1::ImportCatalogueResponse*) override;

  // summary_rpcs.cc (month summaries and locks)
  grpc::Status GetMonthSummary(grpc::ServerContext*, const v1::GetMonthSummaryRequest*,
                               v1::MonthSummary*) override;
  grpc::Status StreamMonthSummaries(grpc::ServerContext*, const v1::StreamMonthSummariesRequest*,
                                    grpc::ServerWriter<v1::MonthSummary>*) override;
  grpc::Status StreamDayFilings(grpc::ServerContext*, const v1::StreamDayFilingsRequest*,
                                grpc::ServerWriter<v1::DayFiling>*) override;
  grpc::Status LockMonth(grpc::ServerContext*, const v1::LockMonthRequest*,
                         v1::MonthLock*) override;
  grpc::Status UnlockMonth(grpc::ServerContext*, const v1::UnlockMonthRequest*,
                           v1::MonthLock*) override;
  grpc::Status GetMonthLock(grpc::ServerContext*, const v1::GetMonthLockRequest*,
                            v1::MonthLock*) override;

  // proposal_rpcs.cc
  grpc::Status ProposeRealisations(grpc::ServerContext*, const v1::ProposeRealisationsRequest*,
                                   v1::ProposeRealisationsResponse*) override;
  // workload_rpcs.cc
  grpc::Status GetWorkload(grpc::ServerContext*, const v1::GetWorkloadRequest*,
                           v1::Workload*) override;
  grpc::Status GetMaturity(grpc::ServerContext*, const v1::GetMaturityRequest*,
                           v1::MaturityReport*) override;

 private:
  grpc::Status Serve(grpc::ServerContext* ctx,
                     const std::function<absl::Status(const Caller&)>& handler);
  absl::Time Now() const { return options_.now(); }
  // The tenant's zone (identity, remembered) and today in it.
  absl::StatusOr<absl::TimeZone> ZoneOf(const Caller& caller);
  absl::StatusOr<absl::CivilDay> TodayOf(const Caller& caller);
  store::StoredRules RulesOn(const Caller& caller, absl::CivilDay day);

  // OK when the caller may read `nip`'s entries of `day`: themselves, or whoever identity lets
  // read that employee. NOT_FOUND for a tenant-wide reader asking for someone the tenant does not
  // have; PERMISSION_DENIED otherwise.
  absl::Status CheckReads(const Caller& caller, const std::string& nip, absl::CivilDay day);
  // The entry `id` of the caller's tenant, when the caller may read it (NOT_FOUND for another
  // tenant's: the caller never learns it exists).
  absl::StatusOr<store::EntryRow> ReadableEntry(const Caller& caller, int64_t id);
  // The caller's own entry `id`; PERMISSION_DENIED for another employee's.
  absl::StatusOr<store::EntryRow> OwnEntry(const Caller& caller, int64_t id);
  // Who decides `nip`'s entries of `day` when it is the caller (domain CheckDecider on identity's
  // resolution): the atasan langsung as identity gives them (Plt/Plh: their kind), or the tenant
  // admin (kind definitif) at the top of the tree. PERMISSION_DENIED otherwise; UNAVAILABLE when
  // identity is.
  absl::StatusOr<clients::Person> DeciderOf(const Caller& caller, const std::string& nip,
                                            absl::CivilDay day);
  // Tenant-wide roles or SERVICE.
  static absl::Status CheckBatchReader(const Caller& caller);

  // An entry as the caller asks it (`in`, with `entry.` fields), validated (every bad field one
  // violation, added to `v`) and with what it names checked: the RHK against the approved plan
  // of the work date (SKP), the catalogue item against the employee's position (identity); its
  // minutes earned under the rules of the day. `row` holds the entry before (an update) and gets
  // the result, and `rules` the rule set in force on its work date (read once, for the gates;
  // `read_rules` when the caller read it already for that date).
  absl::Status PrepareEntry(const Caller& caller, const v1::Entry& in,
                            const std::vector<std::string>& paths, Violations v,
                            const std::optional<store::StoredRules>& read_rules,
                            store::EntryRow* row, store::FileRow* file, bool* file_changed,
                            ActivityRules* rules);

  // The gates of DOMAIN §5 on `row` that need no transaction: the deadline (counted from the
  // work date, or from the day a returned entry came back) and the check-in of `day` (attendance).
  // Returns the minutes present that day (nullopt: unknown).
  absl::StatusOr<std::optional<int>> CheckDayOpen(const Caller& caller, const store::EntryRow& row,
                                                  const clients::AttendanceDay& day,
                                                  const ActivityRules& rules);
  // MONTH_LOCKED when a TPP run locked `day`'s month (read inside the write).
  static absl::Status CheckMonthOpen(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                     absl::CivilDay day);
  // The gates inside the write, with the employee's entries locked: the month lock, the overlap
  // with the day's other entries that hold time, and the day's minutes against the time present.
  absl::Status CheckDayInTx(db::Tx& tx, const std::string& tenant, const store::EntryRow& row,
                            std::optional<int> minutes_present, int unknown_presence_minutes);
  // `nip`'s attendance day `day`, asked with the caller's token.
  absl::StatusOr<clients::AttendanceDay> AttendanceDayOf(const Caller& caller,
                                                         const std::string& nip,
                                                         absl::CivilDay day);

  // Counts a refusal by a gate (or another failure) and passes it on.
  absl::Status Refused(const absl::Status& st);

  db::Pool& pool_;
  clients::Directory& directory_;
  clients::Attendance& attendance_;
  clients::SkpPlans& skp_;
  ActivityMetrics& metrics_;
  ActivityServiceOptions options_;
};

// A gate's refusal (DOMAIN §5): FAILED_PRECONDITION with a google.rpc.PreconditionFailure whose
// type is the gate (domain/gates.h) and whose subject is "entries/<nip>/<YYYY-MM-DD>"; the
// description is `refusal`'s message.
absl::Status GateRefusal(absl::string_view gate, const std::string& nip, absl::CivilDay day,
                         const absl::Status& refusal);

}  // namespace ekinerja::activity
