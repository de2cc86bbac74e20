#pragma once

// The store of absences and corrections as requests (filed, approved, rejected), through the
// named statements of sql/queries_requests.sql. Each function runs in a transaction the caller
// holds and filters by tenant; rows are the structs of store.h.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "db.h"
#include "store/attendance_store.h"

namespace ekinerja::attendance::store {

// Serialises the writers of one employee's requests until the transaction ends (a transaction
// advisory lock), so that two overlapping absences cannot both pass the overlap check. Callers
// that lock several employees lock them in NIP order.
void LockEmployeeRequests(db::Tx& tx, const std::string& tenant, const std::string& nip);

// What List* return: every field optional except the tenant.
struct RequestFilter {
  std::string nip;                      // "" = every employee
  std::optional<absl::CivilDay> first;  // with `last`: requests overlapping [first, last]
  std::optional<absl::CivilDay> last;
  std::optional<RequestState> state;
  int64_t after_id = 0;
  int limit = 50;
};

// ---- absences --------------------------------------------------------------------------------

// Inserts the absences (one statement) and returns their ids in order. `create_time`, `decide_time`
// and `id` of the rows are ignored: the database's now() and sequence are used (decide_time is set
// when the state is not PENDING).
std::vector<int64_t> InsertAbsences(db::Tx& tx, const std::string& tenant,
                                    const std::vector<AbsenceRow>& rows);
// NOT_FOUND when the tenant has no absence `id`.
absl::StatusOr<AbsenceRow> GetAbsence(db::Tx& tx, const std::string& tenant, int64_t id);
std::vector<AbsenceRow> ListAbsences(db::Tx& tx, const std::string& tenant,
                                     const RequestFilter& filter);
// The PENDING or APPROVED absences of `nips` that overlap [first, last].
std::vector<AbsenceRow> ActiveAbsencesOverlapping(db::Tx& tx, const std::string& tenant,
                                                  const std::vector<std::string>& nips,
                                                  absl::CivilDay first, absl::CivilDay last);
// Moves a PENDING absence to `state` (APPROVED or REJECTED) with who decided, now, and the note.
// False (nothing written) when it is not PENDING any more.
bool DecideAbsence(db::Tx& tx, const std::string& tenant, int64_t id, RequestState state,
                   const std::string& decided_by, const std::string& note);

// ---- corrections -----------------------------------------------------------------------------

// Inserts the correction and returns its id; as InsertAbsences.
int64_t InsertCorrection(db::Tx& tx, const std::string& tenant, const CorrectionRow& row);
absl::StatusOr<CorrectionRow> GetCorrection(db::Tx& tx, const std::string& tenant, int64_t id);
std::vector<CorrectionRow> ListCorrections(db::Tx& tx, const std::string& tenant,
                                           const RequestFilter& filter);
// The PENDING corrections of `nip` on `day`.
std::vector<CorrectionRow> PendingCorrectionsOn(db::Tx& tx, const std::string& tenant,
                                                const std::string& nip, absl::CivilDay day);
bool DecideCorrection(db::Tx& tx, const std::string& tenant, int64_t id, RequestState state,
                      const std::string& decided_by, const std::string& note);

}  // namespace ekinerja::attendance::store
