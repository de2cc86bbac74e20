#include "store/request_store.h"

#include <algorithm>
#include <utility>

#include "attendance_sql.h"
#include "civil.h"
#include "db_fields.h"
#include "store/rows.h"

namespace ekinerja::attendance::store {
namespace {

using db::DayText;

std::string OptText(std::optional<int> v) { return v ? std::to_string(*v) : ""; }

std::string StateText(const std::optional<RequestState>& s) {
  return s ? RequestStateName(*s) : "";
}

}  // namespace

void LockEmployeeRequests(db::Tx& tx, const std::string& tenant, const std::string& nip) {
  tx.Exec(sql::kReqLockEmployee, tenant, nip);
}

// ---- absences --------------------------------------------------------------------------------

std::vector<int64_t> InsertAbsences(db::Tx& tx, const std::string& tenant,
                                    const std::vector<AbsenceRow>& rows) {
  std::vector<std::string> nips, kinds, starts, ends, reasons, evidence, states, created_by,
      decided_by, notes;
  for (const AbsenceRow& a : rows) {
    nips.push_back(a.nip);
    kinds.push_back(a.kind);
    starts.push_back(FormatDate(a.start));
    ends.push_back(FormatDate(a.end));
    reasons.push_back(a.reason);
    evidence.push_back(a.evidence_uri);
    states.push_back(RequestStateName(a.state));
    created_by.push_back(a.created_by);
    decided_by.push_back(a.decided_by);
    notes.push_back(a.decision_note);
  }
  std::vector<int64_t> ids;
  for (const auto& r :
       tx.Exec(sql::kReqAbsenceInsert, tenant, db::ArrayLiteral(nips), db::ArrayLiteral(kinds),
               db::ArrayLiteral(starts), db::ArrayLiteral(ends), db::ArrayLiteral(reasons),
               db::ArrayLiteral(evidence), db::ArrayLiteral(states), db::ArrayLiteral(created_by),
               db::ArrayLiteral(decided_by), db::ArrayLiteral(notes))) {
    ids.push_back(r["id"].as<int64_t>());
  }
  // The rows are inserted in order, so their ids from the sequence ascend in that order;
  // RETURNING itself promises no order.
  std::sort(ids.begin(), ids.end());
  return ids;
}

absl::StatusOr<AbsenceRow> GetAbsence(db::Tx& tx, const std::string& tenant, int64_t id) {
  auto r = tx.Exec(sql::kReqAbsenceGet, tenant, id);
  if (r.empty()) return absl::NotFoundError("absence " + std::to_string(id) + " not found");
  return ToAbsence(r[0]);
}

std::vector<AbsenceRow> ListAbsences(db::Tx& tx, const std::string& tenant,
                                     const RequestFilter& f) {
  std::vector<AbsenceRow> out;
  for (const auto& r : tx.Exec(sql::kReqAbsenceList, tenant, f.nip, DayText(f.first),
                               DayText(f.last), StateText(f.state), f.after_id, f.limit)) {
    out.push_back(ToAbsence(r));
  }
  return out;
}

std::vector<AbsenceRow> ActiveAbsencesOverlapping(db::Tx& tx, const std::string& tenant,
                                                  const std::vector<std::string>& nips,
                                                  absl::CivilDay first, absl::CivilDay last) {
  std::vector<AbsenceRow> out;
  for (const auto& r : tx.Exec(sql::kReqAbsenceOverlapping, tenant, db::ArrayLiteral(nips),
                               FormatDate(first), FormatDate(last))) {
    out.push_back(ToAbsence(r));
  }
  return out;
}

bool DecideAbsence(db::Tx& tx, const std::string& tenant, int64_t id, RequestState state,
                   const std::string& decided_by, const std::string& note) {
  return !tx.Exec(sql::kReqAbsenceDecide, tenant, id, std::string(RequestStateName(state)),
                  decided_by, note)
              .empty();
}

// ---- corrections -----------------------------------------------------------------------------

int64_t InsertCorrection(db::Tx& tx, const std::string& tenant, const CorrectionRow& c) {
  return tx
      .Exec(sql::kReqCorrectionInsert, tenant, c.nip, FormatDate(c.day), OptText(c.check_in_minute),
            OptText(c.check_out_minute), c.time_zone, c.reason, c.evidence_uri,
            std::string(RequestStateName(c.state)), c.created_by, c.decided_by,
            c.decision_note)[0]["id"]
      .as<int64_t>();
}

absl::StatusOr<CorrectionRow> GetCorrection(db::Tx& tx, const std::string& tenant, int64_t id) {
  auto r = tx.Exec(sql::kReqCorrectionGet, tenant, id);
  if (r.empty()) return absl::NotFoundError("correction " + std::to_string(id) + " not found");
  return ToCorrection(r[0]);
}

std::vector<CorrectionRow> ListCorrections(db::Tx& tx, const std::string& tenant,
                                           const RequestFilter& f) {
  std::vector<CorrectionRow> out;
  for (const auto& r : tx.Exec(sql::kReqCorrectionList, tenant, f.nip, DayText(f.first),
                               DayText(f.last), StateText(f.state), f.after_id, f.limit)) {
    out.push_back(ToCorrection(r));
  }
  return out;
}

std::vector<CorrectionRow> PendingCorrectionsOn(db::Tx& tx, const std::string& tenant,
                                                const std::string& nip, absl::CivilDay day) {
  std::vector<CorrectionRow> out;
  for (const auto& r : tx.Exec(sql::kReqCorrectionPendingOn, tenant, nip, FormatDate(day))) {
    out.push_back(ToCorrection(r));
  }
  return out;
}

bool DecideCorrection(db::Tx& tx, const std::string& tenant, int64_t id, RequestState state,
                      const std::string& decided_by, const std::string& note) {
  return !tx.Exec(sql::kReqCorrectionDecide, tenant, id, std::string(RequestStateName(state)),
                  decided_by, note)
              .empty();
}

}  // namespace ekinerja::attendance::store
