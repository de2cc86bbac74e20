#include "api/activity_service.h"

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "domain/entry_lifecycle.h"
#include "domain/gates.h"
#include "role.h"
#include "status.h"

namespace ekinerja::activity {

absl::Status GateRefusal(absl::string_view gate, const std::string& nip, absl::CivilDay day,
                         const absl::Status& refusal) {
  return FailedPrecondition({std::string(gate), absl::StrCat("entries/", nip, "/", FormatDate(day)),
                             std::string(refusal.message())});
}

ActivityServiceImpl::ActivityServiceImpl(db::Pool& pool, clients::Directory& directory,
                                         clients::Attendance& attendance, clients::SkpPlans& skp,
                                         ActivityMetrics& metrics, ActivityServiceOptions options)
    : pool_(pool),
      directory_(directory),
      attendance_(attendance),
      skp_(skp),
      metrics_(metrics),
      options_(std::move(options)) {
  if (!options_.now) options_.now = [] { return absl::Now(); };
}

grpc::Status ActivityServiceImpl::Serve(grpc::ServerContext* ctx,
                                        const std::function<absl::Status(const Caller&)>& handler) {
  return ServeCaller(ctx, "daily reports", handler);
}

absl::StatusOr<absl::TimeZone> ActivityServiceImpl::ZoneOf(const Caller& caller) {
  EK_ASSIGN_OR_RETURN(const std::string name,
                      directory_.TenantZone(caller.bearer, caller.tenant()));
  absl::TimeZone zone;
  if (!absl::LoadTimeZone(name, &zone)) {
    return absl::InternalError(absl::StrCat("tenant zone ", name, " is not known here"));
  }
  return zone;
}

absl::StatusOr<absl::CivilDay> ActivityServiceImpl::TodayOf(const Caller& caller) {
  EK_ASSIGN_OR_RETURN(const absl::TimeZone zone, ZoneOf(caller));
  return LocalDay(Now(), zone);
}

store::StoredRules ActivityServiceImpl::RulesOn(const Caller& caller, absl::CivilDay day) {
  store::StoredRules out;
  (void)pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
    out = store::RulesInForce(tx, caller.tenant(), day);
    return absl::OkStatus();
  });
  return out;
}

absl::Status ActivityServiceImpl::CheckReads(const Caller& caller, const std::string& nip,
                                             absl::CivilDay day) {
  if (caller.subject() == nip) return absl::OkStatus();
  const absl::Status st = directory_.CheckReadsEmployee(caller.bearer, nip, day);
  if (st.ok() || absl::IsUnavailable(st)) return st;
  if (caller.ReadsTenant() && absl::IsNotFound(st)) {
    return absl::NotFoundError(absl::StrCat("no employee ", nip, " in the tenant"));
  }
  return absl::PermissionDeniedError(absl::StrCat("the caller may not read the reports of ", nip));
}

absl::StatusOr<store::EntryRow> ActivityServiceImpl::ReadableEntry(const Caller& caller,
                                                                   int64_t id) {
  if (id <= 0) return InvalidField("id", "must be an entry id");
  store::EntryRow row;
  EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
    EK_ASSIGN_OR_RETURN(row, store::GetEntry(tx, caller.tenant(), id));
    return absl::OkStatus();
  }));
  EK_RETURN_IF_ERROR(CheckReads(caller, row.nip, row.work_date));
  return row;
}

absl::StatusOr<store::EntryRow> ActivityServiceImpl::OwnEntry(const Caller& caller, int64_t id) {
  EK_ASSIGN_OR_RETURN(store::EntryRow row, ReadableEntry(caller, id));
  if (row.nip != caller.subject()) {
    return absl::PermissionDeniedError(
        absl::StrCat("only ", row.nip, " may change their own entry ", id));
  }
  return row;
}

absl::Status ActivityServiceImpl::CheckBatchReader(const Caller& caller) {
  if (caller.ReadsTenant() || caller.principal.Has(Role::kService)) return absl::OkStatus();
  return absl::PermissionDeniedError("batch reads need a tenant-wide role or SERVICE");
}

absl::StatusOr<clients::AttendanceDay> ActivityServiceImpl::AttendanceDayOf(const Caller& caller,
                                                                            const std::string& nip,
                                                                            absl::CivilDay day) {
  EK_ASSIGN_OR_RETURN(std::vector<clients::AttendanceDay> days,
                      attendance_.DaysOf(caller.bearer, nip, day, day));
  if (days.empty()) return absl::UnavailableError("attendance: no answer for the day");
  return days.front();
}

absl::StatusOr<std::optional<int>> ActivityServiceImpl::CheckDayOpen(
    const Caller& caller, const store::EntryRow& row, const clients::AttendanceDay& day,
    const ActivityRules& rules) {
  EK_ASSIGN_OR_RETURN(const absl::TimeZone zone, ZoneOf(caller));
  // A returned entry is revised within the same time after it came back as the day had.
  absl::CivilDay base = row.work_date;
  if (row.status == StatusName(EntryStatus::kReturned) && row.decide_time) {
    base = std::max(base, LocalDay(*row.decide_time, zone));
  }
  if (absl::Status st = CheckDeadline(base, Now(), rules.deadline, zone); !st.ok()) {
    return GateRefusal(kGateDeadline, row.nip, row.work_date, st);
  }
  if (!day.checked_in) {
    return GateRefusal(
        kGateNoCheckIn, row.nip, row.work_date,
        absl::FailedPreconditionError(absl::StrCat(
            "no check-in on ", FormatDate(row.work_date),
            ": a report needs the fingerprint check-in of its day, an approved correction "
            "(koreksi presensi) or an approved dinas luar")));
  }
  return MinutesPresent(day.first_in, day.last_out);
}

namespace {

// MONTH_LOCKED when `lock` is locked.
absl::Status MonthOpen(const store::MonthLockRow& lock, const std::string& nip,
                       absl::CivilDay day) {
  if (!lock.locked) return absl::OkStatus();
  return GateRefusal(kGateMonthLocked, nip, day,
                     absl::FailedPreconditionError(
                         absl::StrCat(FormatDate(day).substr(0, 7), " is locked by ",
                                      lock.reference, ": its reports can no longer change")));
}

}  // namespace

absl::Status ActivityServiceImpl::CheckMonthOpen(db::Tx& tx, const std::string& tenant,
                                                 const std::string& nip, absl::CivilDay day) {
  return MonthOpen(store::GetMonthLock(tx, tenant, day.year(), day.month()), nip, day);
}

absl::Status ActivityServiceImpl::CheckDayInTx(db::Tx& tx, const std::string& tenant,
                                               const store::EntryRow& row,
                                               std::optional<int> minutes_present,
                                               int unknown_presence_minutes) {
  // The month lock and the day's spans in one round trip.
  const store::DayGateFacts facts = store::DayGates(tx, tenant, row.nip, row.work_date, row.id);
  EK_RETURN_IF_ERROR(MonthOpen(facts.lock, row.nip, row.work_date));
  std::vector<Span> others;
  int64_t other_minutes = 0;
  for (const store::DaySpan& e : facts.spans) {
    const std::optional<EntryStatus> status = ParseStatus(e.status);
    if (!status || !HoldsTime(*status)) continue;
    others.push_back({e.start_minute, e.end_minute});
    other_minutes += e.end_minute - e.start_minute;
  }
  const Span span{row.start_minute, row.end_minute};
  if (absl::Status st = CheckOverlap(span, others); !st.ok()) {
    return GateRefusal(kGateOverlap, row.nip, row.work_date, st);
  }
  if (absl::Status st =
          CheckDayMinutes(other_minutes, span.minutes(), minutes_present, unknown_presence_minutes);
      !st.ok()) {
    return GateRefusal(kGateDayMinutes, row.nip, row.work_date, st);
  }
  return absl::OkStatus();
}

absl::Status ActivityServiceImpl::Refused(const absl::Status& st) {
  if (std::optional<PreconditionViolation> gate = PreconditionViolationOf(st)) {
    metrics_.Entry("refused", gate->type);
  } else if (!st.ok()) {
    metrics_.Entry("refused");
  }
  return st;
}

}  // namespace ekinerja::activity
