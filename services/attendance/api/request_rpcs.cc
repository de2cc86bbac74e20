// AttendanceService: absences (izin, sakit, cuti, dinas luar, tugas belajar) and attendance
// corrections (koreksi presensi) as requests, DOMAIN §4. An employee files their own (PENDING);
// the atasan langsung of the request's date, or the tenant's ADMIN_INSTANSI, approves or rejects
// it; an admin's own entries and imports are APPROVED at once. Approved requests change the days
// they cover: those are marked dirty in the deciding transaction and recomputed after it.

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "api/attendance_service.h"
#include "api/rpc_support.h"
#include "civil.h"
#include "date_proto.h"
#include "domain/absence.h"
#include "domain/absence_csv.h"
#include "domain/hhmm.h"
#include "domain/request.h"
#include "import_problems.h"
#include "nip.h"
#include "page_token.h"
#include "request_id.h"
#include "request_log.h"
#include "status.h"
#include "store/attendance_store.h"
#include "store/request_store.h"
#include "text.h"

namespace ekinerja::attendance {
namespace {

constexpr char kAbsenceKindPrefix[] = "ABSENCE_KIND_";
constexpr char kRequestStatePrefix[] = "REQUEST_STATE_";

using ApproverCheck = std::function<absl::Status(const std::string& nip, absl::CivilDay day)>;

v1::RequestState ToProto(RequestState s) {
  v1::RequestState out = v1::REQUEST_STATE_UNSPECIFIED;
  v1::RequestState_Parse(absl::StrCat(kRequestStatePrefix, RequestStateName(s)), &out);
  return out;
}

void ToProto(const store::AbsenceRow& a, v1::Absence* out) {
  out->set_id(a.id);
  out->set_nip(a.nip);
  v1::AbsenceKind kind = v1::ABSENCE_KIND_UNSPECIFIED;
  v1::AbsenceKind_Parse(kAbsenceKindPrefix + a.kind, &kind);
  out->set_kind(kind);
  *out->mutable_start_date() = ToProtoDate(a.start);
  *out->mutable_end_date() = ToProtoDate(a.end);
  out->set_reason(a.reason);
  out->set_evidence_uri(a.evidence_uri);
  out->set_state(ToProto(a.state));
  out->set_decided_by(a.decided_by);
  if (a.decide_time) *out->mutable_decide_time() = ToProtoTimestamp(*a.decide_time);
  out->set_decision_note(a.decision_note);
  *out->mutable_create_time() = ToProtoTimestamp(a.create_time);
}

void ToProto(const store::CorrectionRow& c, v1::Correction* out) {
  out->set_id(c.id);
  out->set_nip(c.nip);
  *out->mutable_date() = ToProtoDate(c.day);
  if (c.check_in_minute) out->set_check_in(FormatHhMm(*c.check_in_minute));
  if (c.check_out_minute) out->set_check_out(FormatHhMm(*c.check_out_minute));
  out->set_reason(c.reason);
  out->set_evidence_uri(c.evidence_uri);
  out->set_state(ToProto(c.state));
  out->set_decided_by(c.decided_by);
  if (c.decide_time) *out->mutable_decide_time() = ToProtoTimestamp(*c.decide_time);
  out->set_decision_note(c.decision_note);
  *out->mutable_create_time() = ToProtoTimestamp(c.create_time);
}

void ValidateTexts(const std::string& reason, const std::string& evidence_uri,
                   const std::string& prefix, Violations& v) {
  CheckText(v, prefix + "reason", reason, kReasonText);
  CheckText(v, prefix + "evidence_uri", evidence_uri, kUriText);
}

// The state a new request of `nip` filed by `caller` starts in (InitialRequestState).
absl::StatusOr<RequestState> InitialState(const Caller& caller, const std::string& nip) {
  return InitialRequestState(caller.principal.subject == nip, caller.IsTenantAdmin());
}

// The filters of ListAbsences / ListCorrections: nip (optional), both dates or neither, state.
struct ListQuery {
  store::RequestFilter filter;
  int page_size = 0;
  std::string fingerprint;
};
absl::StatusOr<ListQuery> ParseListQuery(const WorkDateWindow& window, const std::string& kind,
                                         const std::string& nip, const google::type::Date& start,
                                         const google::type::Date& end, v1::RequestState state,
                                         int page_size, const std::string& page_token) {
  ListQuery q;
  Violations v;
  if (!nip.empty()) {
    absl::StatusOr<Nip> parsed = ParseNip(nip, "nip");
    v.Merge(parsed.status());
    if (parsed.ok()) q.filter.nip = parsed->digits;
  }
  if (IsSet(start) || IsSet(end)) {
    absl::StatusOr<DateRange> span = ParseDateSpan(window, start, end, "", /*end_required=*/true);
    v.Merge(span.status());
    if (span.ok()) {
      q.filter.first = span->start;
      q.filter.last = span->end;
    }
  }
  if (state != v1::REQUEST_STATE_UNSPECIFIED) {
    if (!v1::RequestState_IsValid(state)) {
      v.Add("state", "PENDING, APPROVED or REJECTED");
    } else {
      q.filter.state =
          ParseRequestState(EnumSuffix(v1::RequestState_Name(state), kRequestStatePrefix));
    }
  }
  absl::StatusOr<int> size = PageSize(page_size);
  v.Merge(size.status());
  EK_RETURN_IF_ERROR(v.ToStatus());
  q.page_size = *size;
  q.filter.limit = q.page_size + 1;
  q.fingerprint =
      absl::StrCat(kind, "|", q.filter.nip, "|", q.filter.first ? FormatDate(*q.filter.first) : "",
                   "|", q.filter.last ? FormatDate(*q.filter.last) : "", "|", state);
  EK_ASSIGN_OR_RETURN(std::string after, DecodePageToken(page_token, q.fingerprint));
  if (!after.empty() && !absl::SimpleAtoi(after, &q.filter.after_id)) {
    return InvalidField("page_token", "not a page token of this list");
  }
  return q;
}

// The days of `nip` from `first` to `last` that are stored or may be stored now (up to
// `last_storable`): the keys a change of those days marks dirty and recomputes.
std::vector<store::DayKey> StorableKeys(const std::string& nip, absl::CivilDay first,
                                        absl::CivilDay last, absl::CivilDay last_storable) {
  return DayKeys({nip}, first, std::min(last, last_storable));
}

// Who may list: one employee's requests, by CheckReads over every day of the range; everyone's,
// tenant-wide readers only. A reader whose right depends on the day (a supervisor, ADMIN_OPD)
// gives a range of at most clients::Directory::kMaxCheckedDays days, and without one reads the
// requests overlapping today: never the days they had no right to.
absl::Status CheckListRights(const Caller& c, ListQuery& q, const char* what,
                             Recomputer& recomputer,
                             const std::function<absl::Status(const std::string&, absl::CivilDay,
                                                              absl::CivilDay)>& check_reads) {
  if (q.filter.nip.empty()) {
    if (c.ReadsTenant()) return absl::OkStatus();
    return absl::PermissionDeniedError(
        absl::StrCat("listing every employee's ", what, " needs a tenant-wide role; give nip"));
  }
  if (c.principal.subject == q.filter.nip || c.ReadsTenant()) {
    EK_ASSIGN_OR_RETURN(const absl::CivilDay last, recomputer.LastStorableDay(c.tenant()));
    return check_reads(q.filter.nip, q.filter.first.value_or(last - 1),
                       q.filter.first.value_or(last - 1));
  }
  if (!q.filter.first) {
    EK_ASSIGN_OR_RETURN(const absl::CivilDay last, recomputer.LastStorableDay(c.tenant()));
    q.filter.first = q.filter.last = last - 1;
  } else if (*q.filter.last - *q.filter.first >= clients::Directory::kMaxCheckedDays) {
    return InvalidField("end_date", absl::StrCat("at most ", clients::Directory::kMaxCheckedDays,
                                                 " days from start_date, unless you read your "
                                                 "own or the whole tenant's"));
  }
  return check_reads(q.filter.nip, *q.filter.first, *q.filter.last);
}

// What deciding one kind of request needs of the store: absences and corrections go through the
// same state machine (domain/request.h) and differ only in their rows.
template <typename Row>
struct RequestKind {
  const char* name;   // "absence": errors, "ABSENCE": audit actions
  const char* audit;  // "ABSENCE"
  absl::StatusOr<Row> (*get)(db::Tx&, const std::string& tenant, int64_t id);
  bool (*decide)(db::Tx&, const std::string& tenant, int64_t id, RequestState to,
                 const std::string& by, const std::string& reason);
  // The request's first day (whose approver decides it), the days an approval changes, and the
  // audit's description of it.
  absl::CivilDay (*first_day)(const Row&);
  absl::CivilDay (*last_day)(const Row&);
  std::vector<store::DayKey> (*days)(const Row&, absl::CivilDay last_storable);
  std::string (*describe)(const Row&);
};

const RequestKind<store::AbsenceRow> kAbsence{"absence",
                                              "ABSENCE",
                                              &store::GetAbsence,
                                              &store::DecideAbsence,
                                              [](const store::AbsenceRow& a) { return a.start; },
                                              [](const store::AbsenceRow& a) { return a.end; },
                                              [](const store::AbsenceRow& a, absl::CivilDay last) {
                                                return StorableKeys(a.nip, a.start, a.end, last);
                                              },
                                              [](const store::AbsenceRow& a) {
                                                return absl::StrCat("absence ", a.id, " ", a.kind,
                                                                    " ", FormatDate(a.start), "..",
                                                                    FormatDate(a.end));
                                              }};

const RequestKind<store::CorrectionRow> kCorrection{
    "correction",
    "CORRECTION",
    &store::GetCorrection,
    &store::DecideCorrection,
    [](const store::CorrectionRow& c) { return c.day; },
    [](const store::CorrectionRow& c) { return c.day; },
    [](const store::CorrectionRow& c, absl::CivilDay last) {
      return StorableKeys(c.nip, c.day, c.day, last);
    },
    [](const store::CorrectionRow& c) {
      return absl::StrCat("correction ", c.id, " of ", FormatDate(c.day));
    }};

// Approves or rejects request `id` of `kind` for `caller` (Approve/Reject{Absence,Correction}):
// the approver of its first day decides a PENDING request once; an approval marks the days it
// covers dirty in the same transaction and recomputes them after.
template <typename Row, typename Proto>
absl::Status DecideRequest(const RequestKind<Row>& kind, db::Pool& pool, Recomputer& recomputer,
                           const Caller& caller, int64_t id, bool approve,
                           const std::string& reason, const ApproverCheck& check_approves,
                           Proto* resp) {
  Violations v;
  if (id <= 0) v.Add("id", "required");
  v.Merge(CheckDecision(approve, reason));
  CheckText(v, "reason", reason, kReasonText);
  EK_RETURN_IF_ERROR(v.ToStatus());
  const std::string what = absl::StrCat(kind.name, " ", id);
  Row row;
  EK_RETURN_IF_ERROR(pool.Read([&](db::Tx& tx) -> absl::Status {
    EK_ASSIGN_OR_RETURN(row, kind.get(tx, caller.tenant(), id));
    return absl::OkStatus();
  }));
  EK_RETURN_IF_ERROR(check_approves(row.nip, kind.first_day(row)));
  EK_ASSIGN_OR_RETURN(const RequestState to, Decide(what, row.state, approve));
  EK_ASSIGN_OR_RETURN(absl::CivilDay last_storable, recomputer.LastStorableDay(caller.tenant()));
  std::vector<store::DayKey> keys;
  EK_RETURN_IF_ERROR(pool.Write([&](db::Tx& tx) -> absl::Status {
    if (approve) {
      EK_RETURN_IF_ERROR(
          CheckDaysOpen(tx, caller.tenant(), row.nip, kind.first_day(row), kind.last_day(row)));
    }
    if (!kind.decide(tx, caller.tenant(), id, to, caller.principal.subject, reason)) {
      // Decided by someone else since it was read: say what it is now.
      EK_ASSIGN_OR_RETURN(row, kind.get(tx, caller.tenant(), id));
      return Decide(what, row.state, approve).status();
    }
    if (approve) {
      keys = kind.days(row, last_storable);
      store::MarkDirty(tx, caller.tenant(), keys);
    }
    db::Audit(tx, caller.tenant(), caller.principal.subject,
              absl::StrCat(kind.audit, approve ? "_APPROVE" : "_REJECT"), row.nip,
              absl::StrCat(kind.describe(row), reason.empty() ? "" : ": " + reason));
    EK_ASSIGN_OR_RETURN(row, kind.get(tx, caller.tenant(), id));
    return absl::OkStatus();
  }));
  RecomputeAfterCommit(recomputer, caller.tenant(), std::move(keys));
  ToProto(row, resp);
  return absl::OkStatus();
}

// The line of an import row's violation field ("rows[12].nip" -> 12).
std::string Describe(const store::AbsenceRow& a) {
  return absl::StrCat("absence ", a.id, " (", a.kind, ", ", RequestStateName(a.state), ", ",
                      FormatDate(a.start), " to ", FormatDate(a.end), ")");
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Absences

grpc::Status AttendanceServiceImpl::CreateAbsence(grpc::ServerContext* ctx,
                                                  const v1::CreateAbsenceRequest* req,
                                                  v1::Absence* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(c));
    const v1::Absence& a = req->absence();
    Violations v;
    absl::StatusOr<Nip> nip = ParseNip(a.nip(), "absence.nip");
    v.Merge(nip.status());
    if (a.kind() == v1::ABSENCE_KIND_UNSPECIFIED || !v1::AbsenceKind_IsValid(a.kind())) {
      v.Add("absence.kind", "required: IZIN, SAKIT, CUTI_*, DINAS_LUAR or TUGAS_BELAJAR");
    }
    absl::StatusOr<DateRange> span =
        ParseDateSpan(window, a.start_date(), a.end_date(), "absence.", /*end_required=*/true);
    v.Merge(span.status());
    if (span.ok()) {
      if (auto error = AbsenceRangeError(span->start, *span->end))
        v.Add("absence.end_date", *error);
    }
    ValidateTexts(a.reason(), a.evidence_uri(), "absence.", v);
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(RequestState state, InitialState(c, nip->digits));
    if (state == RequestState::kApproved) {  // the admin's entry: the employee must exist
      EK_RETURN_IF_ERROR(NotFoundAsField(CheckReads(c, nip->digits, span->start), "absence.nip"));
    }

    store::AbsenceRow row;
    row.nip = nip->digits;
    row.kind = EnumSuffix(v1::AbsenceKind_Name(a.kind()), kAbsenceKindPrefix);
    row.start = span->start;
    row.end = *span->end;
    row.reason = a.reason();
    row.evidence_uri = a.evidence_uri();
    row.state = state;
    row.created_by = c.principal.subject;
    if (state == RequestState::kApproved) row.decided_by = c.principal.subject;
    EK_ASSIGN_OR_RETURN(absl::CivilDay last_storable, recomputer().LastStorableDay(c.tenant()));

    std::vector<store::DayKey> keys;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::LockEmployeeRequests(tx, c.tenant(), row.nip);
      std::optional<store::AbsenceRow> earlier;
      if (std::optional<int64_t> earlier_id = db::FindRequestKey(
              tx, c.tenant(), c.principal.subject, "CreateAbsence", req->request_id())) {
        EK_ASSIGN_OR_RETURN(earlier, store::GetAbsence(tx, c.tenant(), *earlier_id));
      }
      EK_ASSIGN_OR_RETURN(const RequestIdUse use, CheckRequestId(
                                                      earlier,
                                                      [&](const store::AbsenceRow& e) {
                                                        return e.nip == row.nip &&
                                                               e.kind == row.kind &&
                                                               e.start == row.start &&
                                                               e.end == row.end;
                                                      },
                                                      "another absence"));
      if (use == RequestIdUse::kReplay) {
        row = *earlier;  // a retry: the absence exists, nothing changes
        return absl::OkStatus();
      }
      EK_RETURN_IF_ERROR(CheckDaysOpen(tx, c.tenant(), row.nip, row.start, row.end));
      const auto overlapping =
          store::ActiveAbsencesOverlapping(tx, c.tenant(), {row.nip}, row.start, row.end);
      if (!overlapping.empty()) {
        return absl::FailedPreconditionError(absl::StrCat("the range overlaps ",
                                                          Describe(overlapping.front()),
                                                          "; reject or shorten that one first"));
      }
      row.id = store::InsertAbsences(tx, c.tenant(), {row}).front();
      if (!db::InsertRequestKey(tx, c.tenant(), c.principal.subject, "CreateAbsence",
                                req->request_id(), row.id)) {
        return RequestIdRace();
      }
      if (row.state == RequestState::kApproved) {
        keys = StorableKeys(row.nip, row.start, row.end, last_storable);
        store::MarkDirty(tx, c.tenant(), keys);
        db::Audit(tx, c.tenant(), c.principal.subject, "ABSENCE_CREATE", row.nip,
                  absl::StrCat("absence ", row.id, " ", row.kind, " ", FormatDate(row.start), "..",
                               FormatDate(row.end), " entered approved"));
      }
      EK_ASSIGN_OR_RETURN(row, store::GetAbsence(tx, c.tenant(), row.id));
      return absl::OkStatus();
    }));
    RecomputeAfterCommit(recomputer(), c.tenant(), std::move(keys));
    ToProto(row, resp);
    return absl::OkStatus();
  });
}

grpc::Status AttendanceServiceImpl::ListAbsences(grpc::ServerContext* ctx,
                                                 const v1::ListAbsencesRequest* req,
                                                 v1::ListAbsencesResponse* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(c));
    EK_ASSIGN_OR_RETURN(
        ListQuery q,
        ParseListQuery(window, "absences", req->nip(), req->start_date(), req->end_date(),
                       req->state(), req->page_size(), req->page_token()));
    EK_RETURN_IF_ERROR(
        CheckListRights(c, q, "absences", recomputer(),
                        [&](const std::string& nip, absl::CivilDay first, absl::CivilDay last) {
                          return CheckReads(c, nip, first, last);
                        }));
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      const auto rows = store::ListAbsences(tx, c.tenant(), q.filter);
      resp->set_next_page_token(WritePage(
          rows, q.page_size, q.fingerprint,
          [&](const auto& r) { ToProto(r, resp->add_absences()); },
          [](const auto& r) { return std::to_string(r.id); }));
      return absl::OkStatus();
    });
  });
}

grpc::Status AttendanceServiceImpl::ApproveAbsence(grpc::ServerContext* ctx,
                                                   const v1::ApproveAbsenceRequest* req,
                                                   v1::Absence* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    return DecideRequest(
        kAbsence, pool_, recomputer(), c, req->id(), /*approve=*/true, "",
        [&](const std::string& nip, absl::CivilDay day) { return CheckApproves(c, nip, day); },
        resp);
  });
}

grpc::Status AttendanceServiceImpl::RejectAbsence(grpc::ServerContext* ctx,
                                                  const v1::RejectAbsenceRequest* req,
                                                  v1::Absence* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    return DecideRequest(
        kAbsence, pool_, recomputer(), c, req->id(), /*approve=*/false, req->reason(),
        [&](const std::string& nip, absl::CivilDay day) { return CheckApproves(c, nip, day); },
        resp);
  });
}

grpc::Status AttendanceServiceImpl::ImportAbsences(grpc::ServerContext* ctx,
                                                   const v1::ImportAbsencesRequest* req,
                                                   v1::ImportAbsencesResponse* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(c));
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(c));
    Violations request;
    if (req->csv().empty()) request.Add("csv", "required");
    CheckText(request, "csv", req->csv(), kFileText);
    CheckRequestIdText(request, req->request_id());
    EK_RETURN_IF_ERROR(request.ToStatus());
    // The file's own problems (header, no rows) refuse the request; a row's go to the answer.
    Violations parsed;
    const std::vector<AbsenceImportRow> rows = ParseAbsenceCsv(req->csv(), window, parsed);
    std::vector<FieldViolation> row_errors;
    for (const FieldViolation& f : parsed.list()) {
      if (absl::StartsWith(f.field, "rows[")) {
        row_errors.push_back(f);
      } else {
        request.Add(f.field, f.description);
      }
    }
    EK_RETURN_IF_ERROR(request.ToStatus("import rejected; nothing was imported"));

    std::set<std::string> nips;
    for (const AbsenceImportRow& r : rows) nips.insert(r.nip);
    EK_ASSIGN_OR_RETURN(
        const std::vector<std::string> missing,
        directory_.MissingEmployees(c.bearer, std::vector<std::string>(nips.begin(), nips.end())));
    const std::set<std::string> unknown(missing.begin(), missing.end());
    for (const AbsenceImportRow& r : rows) {
      if (unknown.count(r.nip) > 0) {
        row_errors.push_back({absl::StrCat("rows[", r.line, "].nip"),
                              absl::StrCat("line ", r.line, ": no employee with this NIP")});
      }
    }
    EK_ASSIGN_OR_RETURN(absl::CivilDay last_storable, recomputer().LastStorableDay(c.tenant()));
    // The import's request id is its own key (not its rows'): a retry answers the first count.

    std::vector<store::DayKey> keys;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (!req->dry_run()) {
        if (std::optional<int64_t> done = db::FindRequestKey(tx, c.tenant(), c.principal.subject,
                                                             "ImportAbsences", req->request_id())) {
          resp->set_imported(static_cast<int32_t>(*done));  // a retry of an applied import
          resp->set_applied(true);
          return absl::OkStatus();
        }
      }
      std::map<std::string, std::vector<store::AbsenceRow>> existing;
      if (!rows.empty()) {
        absl::CivilDay first = rows.front().start, last = rows.front().end;
        for (const AbsenceImportRow& r : rows) {
          first = std::min(first, r.start);
          last = std::max(last, r.end);
        }
        for (const std::string& nip : nips) store::LockEmployeeRequests(tx, c.tenant(), nip);
        for (store::AbsenceRow& a : store::ActiveAbsencesOverlapping(
                 tx, c.tenant(), std::vector<std::string>(nips.begin(), nips.end()), first, last)) {
          existing[a.nip].push_back(std::move(a));
        }
      }
      std::vector<FieldViolation> locked_rows;  // rows covering a day of a locked month
      for (const AbsenceImportRow& r : rows) {
        if (absl::Status st = CheckDaysOpen(tx, c.tenant(), r.nip, r.start, r.end); !st.ok()) {
          locked_rows.push_back({absl::StrCat("rows[", r.line, "].start_date"),
                                 absl::StrCat("line ", r.line, ": ", st.message())});
        }
        for (const store::AbsenceRow& a : existing[r.nip]) {
          if (a.start <= r.end && r.start <= a.end) {
            row_errors.push_back({absl::StrCat("rows[", r.line, "].start_date"),
                                  absl::StrCat("line ", r.line, ": overlaps ", Describe(a))});
            break;
          }
        }
      }
      if (!row_errors.empty() || !locked_rows.empty()) {  // all rows or none: the report
        AddImportProblems(row_errors, google::rpc::INVALID_ARGUMENT, resp->mutable_problems());
        AddImportProblems(locked_rows, google::rpc::FAILED_PRECONDITION, resp->mutable_problems());
        return absl::OkStatus();
      }
      resp->set_imported(static_cast<int32_t>(rows.size()));
      if (req->dry_run()) return absl::OkStatus();

      std::vector<store::AbsenceRow> inserts;
      for (const AbsenceImportRow& r : rows) {
        store::AbsenceRow a;
        a.nip = r.nip;
        a.kind = r.kind;
        a.start = r.start;
        a.end = r.end;
        a.reason = r.reason;
        a.state = RequestState::kApproved;
        a.created_by = c.principal.subject;
        a.decided_by = c.principal.subject;
        inserts.push_back(std::move(a));
      }
      const std::vector<int64_t> ids = store::InsertAbsences(tx, c.tenant(), inserts);
      if (!db::InsertRequestKey(tx, c.tenant(), c.principal.subject, "ImportAbsences",
                                req->request_id(), static_cast<int64_t>(ids.size()))) {
        return RequestIdRace();
      }
      for (size_t i = 0; i < inserts.size(); ++i) {
        const store::AbsenceRow& a = inserts[i];
        std::vector<store::DayKey> row_keys = StorableKeys(a.nip, a.start, a.end, last_storable);
        keys.insert(keys.end(), row_keys.begin(), row_keys.end());
        db::Audit(tx, c.tenant(), c.principal.subject, "ABSENCE_IMPORT", a.nip,
                  absl::StrCat("absence ", ids[i], " ", a.kind, " ", FormatDate(a.start), "..",
                               FormatDate(a.end), " imported approved"));
      }
      store::MarkDirty(tx, c.tenant(), keys);
      resp->set_applied(true);
      return absl::OkStatus();
    }));
    if (keys.size() <= kMaxImmediateRecompute) {
      RecomputeAfterCommit(recomputer(), c.tenant(), std::move(keys));
    }
    return absl::OkStatus();
  });
}

// ---------------------------------------------------------------------------------------------
// Corrections

grpc::Status AttendanceServiceImpl::CreateCorrection(grpc::ServerContext* ctx,
                                                     const v1::CreateCorrectionRequest* req,
                                                     v1::Correction* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(c));
    const v1::Correction& in = req->correction();
    Violations v;
    absl::StatusOr<Nip> nip = ParseNip(in.nip(), "correction.nip");
    v.Merge(nip.status());
    absl::StatusOr<absl::CivilDay> day = ParseWorkDate(window, in.date(), "correction.date");
    v.Merge(day.status());
    const auto parse_time = [&](const std::string& text,
                                const std::string& field) -> std::optional<int> {
      if (text.empty()) return std::nullopt;
      std::optional<int> minute = ParseHhMm(text);
      if (!minute) v.Add(field, "not a time HH:MM (00:00-23:59)");
      return minute;
    };
    const std::optional<int> check_in = parse_time(in.check_in(), "correction.check_in");
    const std::optional<int> check_out = parse_time(in.check_out(), "correction.check_out");
    if (in.check_in().empty() && in.check_out().empty()) {
      v.Add("correction.check_in", "check_in or check_out (HH:MM) is required");
    }
    if (in.reason().empty()) v.Add("correction.reason", "required: why the punch is missing");
    ValidateTexts(in.reason(), in.evidence_uri(), "correction.", v);
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(absl::CivilDay last_storable, recomputer().LastStorableDay(c.tenant()));
    if (*day > last_storable - 1) {
      return InvalidField("correction.date", "a day after today has no attendance to correct");
    }
    EK_ASSIGN_OR_RETURN(RequestState state, InitialState(c, nip->digits));
    if (state == RequestState::kApproved) {  // the admin's entry: the employee must exist
      EK_RETURN_IF_ERROR(NotFoundAsField(CheckReads(c, nip->digits, *day), "correction.nip"));
    }

    store::CorrectionRow row;
    row.nip = nip->digits;
    row.day = *day;
    // Wall-clock minutes as given: the recompute reads a check-out before the start of a shift
    // that ends the next morning as that morning's (CorrectionPunches).
    row.check_in_minute = check_in;
    row.check_out_minute = check_out;
    row.reason = in.reason();
    row.evidence_uri = in.evidence_uri();
    row.state = state;
    row.created_by = c.principal.subject;
    if (state == RequestState::kApproved) row.decided_by = c.principal.subject;

    std::vector<store::DayKey> keys;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::LockEmployeeRequests(tx, c.tenant(), row.nip);
      std::optional<store::CorrectionRow> earlier;
      if (std::optional<int64_t> earlier_id = db::FindRequestKey(
              tx, c.tenant(), c.principal.subject, "CreateCorrection", req->request_id())) {
        EK_ASSIGN_OR_RETURN(earlier, store::GetCorrection(tx, c.tenant(), *earlier_id));
      }
      EK_ASSIGN_OR_RETURN(const RequestIdUse use,
                          CheckRequestId(
                              earlier,
                              [&](const store::CorrectionRow& e) {
                                return e.nip == row.nip && e.day == row.day &&
                                       e.check_in_minute == row.check_in_minute &&
                                       e.check_out_minute == row.check_out_minute;
                              },
                              "another correction"));
      if (use == RequestIdUse::kReplay) {
        row = *earlier;  // a retry: the correction exists, nothing changes
        return absl::OkStatus();
      }
      EK_RETURN_IF_ERROR(CheckDaysOpen(tx, c.tenant(), row.nip, row.day, row.day));
      if (const auto pending = store::PendingCorrectionsOn(tx, c.tenant(), row.nip, row.day);
          !pending.empty()) {
        return absl::FailedPreconditionError(
            absl::StrCat("correction ", pending.front().id, " of ", FormatDate(row.day),
                         " is still PENDING; have it decided first"));
      }
      // The times are on the tenant's wall clock at filing.
      row.time_zone = store::GetRules(tx, c.tenant()).time_zone;
      row.id = store::InsertCorrection(tx, c.tenant(), row);
      if (!db::InsertRequestKey(tx, c.tenant(), c.principal.subject, "CreateCorrection",
                                req->request_id(), row.id)) {
        return RequestIdRace();
      }
      if (row.state == RequestState::kApproved) {
        keys = {{row.nip, row.day}};
        store::MarkDirty(tx, c.tenant(), keys);
        db::Audit(
            tx, c.tenant(), c.principal.subject, "CORRECTION_CREATE", row.nip,
            absl::StrCat("correction ", row.id, " of ", FormatDate(row.day), " entered approved"));
      }
      EK_ASSIGN_OR_RETURN(row, store::GetCorrection(tx, c.tenant(), row.id));
      return absl::OkStatus();
    }));
    RecomputeAfterCommit(recomputer(), c.tenant(), std::move(keys));
    ToProto(row, resp);
    return absl::OkStatus();
  });
}

grpc::Status AttendanceServiceImpl::ListCorrections(grpc::ServerContext* ctx,
                                                    const v1::ListCorrectionsRequest* req,
                                                    v1::ListCorrectionsResponse* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(c));
    EK_ASSIGN_OR_RETURN(
        ListQuery q,
        ParseListQuery(window, "corrections", req->nip(), req->start_date(), req->end_date(),
                       req->state(), req->page_size(), req->page_token()));
    EK_RETURN_IF_ERROR(
        CheckListRights(c, q, "corrections", recomputer(),
                        [&](const std::string& nip, absl::CivilDay first, absl::CivilDay last) {
                          return CheckReads(c, nip, first, last);
                        }));
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      const auto rows = store::ListCorrections(tx, c.tenant(), q.filter);
      resp->set_next_page_token(WritePage(
          rows, q.page_size, q.fingerprint,
          [&](const auto& r) { ToProto(r, resp->add_corrections()); },
          [](const auto& r) { return std::to_string(r.id); }));
      return absl::OkStatus();
    });
  });
}

grpc::Status AttendanceServiceImpl::ApproveCorrection(grpc::ServerContext* ctx,
                                                      const v1::ApproveCorrectionRequest* req,
                                                      v1::Correction* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    return DecideRequest(
        kCorrection, pool_, recomputer(), c, req->id(), /*approve=*/true, "",
        [&](const std::string& nip, absl::CivilDay day) { return CheckApproves(c, nip, day); },
        resp);
  });
}

grpc::Status AttendanceServiceImpl::RejectCorrection(grpc::ServerContext* ctx,
                                                     const v1::RejectCorrectionRequest* req,
                                                     v1::Correction* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    return DecideRequest(
        kCorrection, pool_, recomputer(), c, req->id(), /*approve=*/false, req->reason(),
        [&](const std::string& nip, absl::CivilDay day) { return CheckApproves(c, nip, day); },
        resp);
  });
}

}  // namespace ekinerja::attendance
