#pragma once

// The SKP service's Postgres repository (DESIGN §3): plain rows in, plain rows out, every
// statement a named query of sql/queries*.sql, rows read by column name (store/skp_store.cc).
// Transactions are the caller's (db::Pool::Write / Read / ReadOne).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "db.h"

namespace ekinerja::skp::store {

// The array literal of `v` ({1,2,3}), passed as one parameter and cast in SQL ($1::bigint[]).
std::string IntArray(const std::vector<int64_t>& v);

// ---- rules ---------------------------------------------------------------------------------

struct RulesRow {
  absl::CivilDay effective_from = absl::CivilDay(2000, 1, 1);
  int version = 0;  // 0: the national defaults
  std::string model = "PERMENPANRB_6_2022";
  int skp_weight = 60, perilaku_weight = 40;
  std::string period_kind = "MONTHLY";
  bool submission_gate = true;
  bool sanctions_include_kurang = false;
  // atasan, rekan, bawahan, self
  std::vector<int> feedback_weights = {60, 20, 20, 0};
  std::optional<absl::Time> create_time;
};

// The rule set in force on `day`: the tenant's latest version from on or before it, else the
// national defaults (version 0).
RulesRow RulesInForce(db::Tx& tx, const std::string& tenant, absl::CivilDay day);
std::vector<RulesRow> ListRules(db::Tx& tx, const std::string& tenant);
// ALREADY_EXISTS when a version starts that day.
absl::StatusOr<RulesRow> InsertRules(db::Tx& tx, const std::string& tenant, RulesRow rules,
                                     const std::string& created_by);

// ---- SKPs and revisions ---------------------------------------------------------------------

struct SkpRow {
  int64_t id = 0;
  std::string nip;
  int year = 0;
  absl::CivilDay start, end;
  std::string position_code, org_unit_code, model;
  int latest_revision = 1, approved_revision = 0;
  absl::Time create_time;
};

// PersonSnapshot as stored: nip, name, golongan, position_code, position_name, org_unit_code,
// org_unit_name, acting.
using Snapshot = std::vector<std::string>;

struct RevisionRow {
  int revision = 0;
  std::string status;
  std::string pending_approver, decided_by, rejection_reason;
  Snapshot employee, penilai;  // empty until approved
  // BerAKHLAK value name, expectation, value name, expectation, ...
  std::vector<std::string> perilaku_expectations;
  absl::Time create_time, update_time;
  std::optional<absl::Time> submit_time, decide_time;
};

// Serialises the SKPs of one employee (creates, overlap checks) until the transaction ends.
void LockEmployee(db::Tx& tx, const std::string& tenant, const std::string& nip);
// The id of an SKP of `nip` whose dates overlap [start, end], if any.
std::optional<int64_t> Overlapping(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                   absl::CivilDay start, absl::CivilDay end);
// Inserts the SKP and its revision 1 (DRAFT); returns the id.
int64_t InsertSkp(db::Tx& tx, const std::string& tenant, const SkpRow& skp);
// NOT_FOUND when the tenant has no such SKP; `for_update` locks its row.
absl::StatusOr<SkpRow> GetSkp(db::Tx& tx, const std::string& tenant, int64_t id,
                              bool for_update = false);
std::vector<SkpRow> ListSkps(db::Tx& tx, const std::string& tenant, const std::string& nip,
                             int year);
void SetRevisions(db::Tx& tx, const std::string& tenant, int64_t id, int latest, int approved);
// Whether `nip` has an SKP of `year` with an approved revision.
bool HasApprovedSkp(db::Tx& tx, const std::string& tenant, const std::string& nip, int year);
// The SKPs of `nip` approved and covering `day`.
std::vector<SkpRow> SkpsInForceOn(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                  absl::CivilDay day);

void InsertRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision);
absl::StatusOr<RevisionRow> GetRevision(db::Tx& tx, const std::string& tenant, int64_t skp,
                                        int revision);
std::vector<RevisionRow> ListRevisions(db::Tx& tx, const std::string& tenant, int64_t skp);
void SubmitRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision,
                    const std::string& approver);
void WithdrawRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision);
void ApproveRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision,
                     const std::string& by, const Snapshot& employee, const Snapshot& penilai,
                     const std::vector<std::string>& perilaku_expectations);
void RejectRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision,
                    const std::string& by, const std::string& reason);
void TouchRevision(db::Tx& tx, const std::string& tenant, int64_t skp, int revision);

struct PendingRow {
  SkpRow skp;
  absl::Time submit_time;
};
// The SKPs submitted to `approver`, oldest submission first, after (submit_time, id).
std::vector<PendingRow> ListPending(db::Tx& tx, const std::string& tenant,
                                    const std::string& approver, absl::Time after_time,
                                    int64_t after_id, int limit);

// ---- plans ------------------------------------------------------------------------------

struct IkiRow {
  int64_t id = 0;
  std::string description;
  int64_t quantity = 0;
  std::string unit;
  int quality = 0, months = 0;
  int64_t cost_idr = 0;
  std::string breakdown_kind;      // "", "MONTHLY", "QUARTERLY"
  std::vector<int64_t> breakdown;  // periods 1..12 or 1..4
};

struct RhkRow {
  int64_t id = 0;
  std::string kind;  // "UTAMA", "TAMBAHAN"
  std::string description;
  int64_t parent_rhk_id = 0;
  std::string expectation;
  std::vector<IkiRow> ikis;
};

// `n` fresh RHK/IKI ids.
std::vector<int64_t> NextPlanIds(db::Tx& tx, int n);
// The RHK and the IKI ids of any revision of the SKP.
struct KnownIds {
  std::vector<int64_t> rhks, ikis;
};
KnownIds PlanIds(db::Tx& tx, const std::string& tenant, int64_t skp);
// Replaces a revision's plan.
void ReplacePlan(db::Tx& tx, const std::string& tenant, int64_t skp, int revision,
                 const std::vector<RhkRow>& rhks);
std::vector<RhkRow> GetPlan(db::Tx& tx, const std::string& tenant, int64_t skp, int revision);
// Copies revision `from`'s plan into `to` (expectations are not copied).
void CopyPlan(db::Tx& tx, const std::string& tenant, int64_t skp, int from, int to);
void SetRhkExpectations(db::Tx& tx, const std::string& tenant, int64_t skp, int revision,
                        const std::vector<int64_t>& rhk_ids, const std::vector<std::string>& texts);
// Of `ids`, those that are RHKs of `nip`'s approved SKP of `year`.
std::vector<int64_t> RhksOfApproved(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                    int year, const std::vector<int64_t>& ids);

struct CascadeRhkRow {
  std::string nip;
  int64_t skp_id = 0, rhk_id = 0, parent_rhk_id = 0;
  std::string kind, description, penilai;
};
// Approved RHKs of `year`: those of `nips`, those intervening them, those they intervene, and
// those of employees whose pejabat penilai (at approval) is one of `nips`.
std::vector<CascadeRhkRow> CascadeRhks(db::Tx& tx, const std::string& tenant, int year,
                                       const std::vector<std::string>& nips);

struct StatusRow {
  std::string nip;
  int64_t skp_id = 0;
  std::string status;
  int approved_revision = 0;
  std::optional<absl::Time> first_submit, first_approve;
};
// `nips` empty with `all` true: every employee of the tenant with an SKP of the year.
std::vector<StatusRow> StatusOfYear(db::Tx& tx, const std::string& tenant, int year, bool all,
                                    const std::vector<std::string>& nips);

struct ApprovedInForceRow {
  int64_t skp_id = 0;
  std::string nip;
  int revision = 0;
  bool top_of_tree = false;  // approved by the tenant admin (no atasan then)
};
// The SKPs approved and in force on `day`, NIP order; of `nips` only unless `all`.
std::vector<ApprovedInForceRow> ApprovedInForceOn(db::Tx& tx, const std::string& tenant,
                                                  absl::CivilDay day, bool all,
                                                  const std::vector<std::string>& nips);

}  // namespace ekinerja::skp::store
