// AttendanceService: the daily summaries (what the activity gate, scoring and warnings read) and
// the admin's recompute. Every read first recomputes the days in its range that are dirty or were
// never computed (Recomputer::Refresh), so an answer never lags a change.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "api/attendance_service.h"
#include "api/rpc_support.h"
#include "civil.h"
#include "date_proto.h"
#include "domain/hhmm.h"
#include "domain/month_summary.h"
#include "domain/work_dates.h"
#include "nip.h"
#include "request_log.h"
#include "status.h"
#include "text.h"

namespace ekinerja::attendance {
namespace {

// The longest range one List/Stream/Recompute call covers: a quarter.
constexpr int kMaxRangeDays = 92;
// Employees per read of a streamed range.
constexpr size_t kStreamChunk = 500;

std::string HhMmSs(absl::CivilSecond s) {
  return absl::StrFormat("%02d:%02d:%02d", s.hour(), s.minute(), s.second());
}

v1::DayStatus StatusToProto(DayStatus status) {
  v1::DayStatus out = v1::DAY_STATUS_UNSPECIFIED;
  v1::DayStatus_Parse("DAY_STATUS_" + std::string(DayStatusName(status)), &out);
  return out;
}

void ToProto(const store::SummaryRow& r, v1::AttendanceDay* out) {
  out->set_nip(r.nip);
  *out->mutable_date() = ToProtoDate(r.day);
  out->set_status(StatusToProto(r.summary.status));
  if (r.scheduled) {
    out->mutable_scheduled()->set_start(FormatHhMm(r.scheduled->start_minute));
    out->mutable_scheduled()->set_end(FormatHhMm(r.scheduled->end_minute));
  }
  if (r.summary.first_in) {
    *out->mutable_first_in_time() = ToProtoTimestamp(r.summary.first_in->at);
    out->set_first_in_local(HhMmSs(r.summary.first_in->local));
  }
  if (r.summary.last_out) {
    *out->mutable_last_out_time() = ToProtoTimestamp(r.summary.last_out->at);
    out->set_last_out_local(HhMmSs(r.summary.last_out->local));
  }
  out->set_minutes_late(r.summary.minutes_late);
  out->set_minutes_early(r.summary.minutes_early);
  out->set_tl_tier(r.summary.tl_tier);
  out->set_psw_tier(r.summary.psw_tier);
  out->set_absence_id(r.absence_id);
  if (!r.absence_kind.empty()) {
    v1::AbsenceKind kind = v1::ABSENCE_KIND_UNSPECIFIED;
    v1::AbsenceKind_Parse(absl::StrCat("ABSENCE_KIND_", r.absence_kind), &kind);
    out->set_absence_kind(kind);
  }
  out->set_correction_id(r.correction_id);
  out->set_checked_in(r.checked_in);
  *out->mutable_compute_time() = ToProtoTimestamp(r.compute_time);
}

struct Range {
  absl::CivilDay first, last;
};

// start_date and end_date of a request: both set, end not before start, at most kMaxRangeDays.
absl::StatusOr<Range> RangeOf(const WorkDateWindow& window, const google::type::Date& start,
                              const google::type::Date& end) {
  EK_ASSIGN_OR_RETURN(const DateRange span,
                      ParseDateSpan(window, start, end, "", /*end_required=*/true));
  if (*span.end - span.start >= kMaxRangeDays) {
    return InvalidField("end_date",
                        absl::StrCat("at most ", kMaxRangeDays, " days from start_date"));
  }
  return Range{span.start, *span.end};
}

}  // namespace

grpc::Status AttendanceServiceImpl::GetAttendanceDay(grpc::ServerContext* ctx,
                                                     const v1::GetAttendanceDayRequest* req,
                                                     v1::AttendanceDay* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(caller));
    Violations v;
    auto nip = ParseNip(req->nip(), "nip");
    auto day = ParseWorkDate(window, req->date(), "date");
    v.Merge(nip.status());
    v.Merge(day.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckReads(caller, nip->digits, *day));
    EK_ASSIGN_OR_RETURN(const absl::CivilDay last, recomputer_.LastStorableDay(caller.tenant()));
    if (*day > last) {
      return absl::OutOfRangeError(
          absl::StrCat(FormatDate(*day), " has not happened yet in the tenant's zone"));
    }
    EK_RETURN_IF_ERROR(recomputer_.Refresh(caller.tenant(), {nip->digits}, *day, *day).status());
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      const auto rows = store::ReadSummaries(tx, caller.tenant(), {nip->digits}, *day, *day);
      if (rows.empty()) return absl::InternalError("the day's summary was not stored");
      ToProto(rows.front(), resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status AttendanceServiceImpl::ListAttendanceDays(grpc::ServerContext* ctx,
                                                       const v1::ListAttendanceDaysRequest* req,
                                                       v1::ListAttendanceDaysResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(caller));
    Violations v;
    auto nip = ParseNip(req->nip(), "nip");
    auto range = RangeOf(window, req->start_date(), req->end_date());
    v.Merge(nip.status());
    v.Merge(range.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckReads(caller, nip->digits, range->first, range->last));
    EK_RETURN_IF_ERROR(
        recomputer_.Refresh(caller.tenant(), {nip->digits}, range->first, range->last).status());
    return pool_.Read([&](db::Tx& tx) {
      for (const auto& r :
           store::ReadSummaries(tx, caller.tenant(), {nip->digits}, range->first, range->last)) {
        ToProto(r, resp->add_days());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status AttendanceServiceImpl::StreamDaySummaries(
    grpc::ServerContext* ctx, const v1::StreamDaySummariesRequest* req,
    grpc::ServerWriter<v1::AttendanceDay>* writer) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(caller));
    Violations v;
    CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    auto range = RangeOf(window, req->start_date(), req->end_date());
    v.Merge(range.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (req->org_unit_code().empty() && !caller.ReadsTenant()) {
      return absl::PermissionDeniedError("the whole tenant needs a tenant-wide role");
    }
    // Identity decides who is in the unit and whether this caller may see them.
    EK_ASSIGN_OR_RETURN(auto employees,
                        directory_.EmployeesOf(caller.bearer, req->org_unit_code(), range->last));
    for (size_t begin = 0; begin < employees.size(); begin += kStreamChunk) {
      std::vector<std::string> nips;
      for (size_t i = begin; i < std::min(employees.size(), begin + kStreamChunk); ++i) {
        nips.push_back(employees[i].nip);
      }
      EK_RETURN_IF_ERROR(
          recomputer_.Refresh(caller.tenant(), nips, range->first, range->last).status());
      std::vector<store::SummaryRow> rows;
      EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) {
        rows = store::ReadSummaries(tx, caller.tenant(), nips, range->first, range->last);
        return absl::OkStatus();
      }));
      for (const auto& r : rows) {
        v1::AttendanceDay day;
        ToProto(r, &day);
        if (!writer->Write(day)) return absl::CancelledError("the client went away");
      }
    }
    return absl::OkStatus();
  });
}

grpc::Status AttendanceServiceImpl::GetMonthlySummary(grpc::ServerContext* ctx,
                                                      const v1::GetMonthlySummaryRequest* req,
                                                      v1::MonthlySummary* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(caller));
    Violations v;
    auto nip = ParseNip(req->nip(), "nip");
    v.Merge(nip.status());
    if (req->year() < window.first.year() || req->year() > window.last.year()) {
      v.Add("year", absl::StrCat(window.first.year(), "-", window.last.year()));
    }
    if (req->month() < 1 || req->month() > 12) v.Add("month", "1-12");
    EK_RETURN_IF_ERROR(v.ToStatus());
    const absl::CivilDay first(req->year(), req->month(), 1);
    const absl::CivilDay month_end = absl::CivilDay(absl::CivilMonth(first) + 1) - 1;
    // Up to today: later days of the month have not happened.
    EK_ASSIGN_OR_RETURN(const absl::CivilDay storable,
                        recomputer_.LastStorableDay(caller.tenant()));
    const absl::CivilDay last = std::min(month_end, storable - 1);
    EK_RETURN_IF_ERROR(CheckReads(caller, nip->digits, first, std::max(first, last)));
    resp->set_nip(nip->digits);
    resp->set_year(req->year());
    resp->set_month(req->month());
    std::vector<DayOfMonth> days;
    if (first <= last) {
      EK_RETURN_IF_ERROR(recomputer_.Refresh(caller.tenant(), {nip->digits}, first, last).status());
      EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) {
        for (auto& r : store::ReadSummaries(tx, caller.tenant(), {nip->digits}, first, last)) {
          days.push_back({r.scheduled, r.summary});
        }
        return absl::OkStatus();
      }));
    }
    const MonthSummary m = SummarizeMonth(days);
    resp->set_workdays(m.workdays);
    for (const auto& [status, n] : m.by_status) {
      auto* c = resp->add_by_status();
      c->set_status(StatusToProto(status));
      c->set_days(n);
    }
    for (int t = 0; t < 5; ++t) {
      resp->add_tl_tier_days(m.tl_tier_days[t]);
      resp->add_psw_tier_days(m.psw_tier_days[t]);
    }
    resp->set_minutes_late(m.minutes_late);
    resp->set_minutes_early(m.minutes_early);
    return absl::OkStatus();
  });
}

grpc::Status AttendanceServiceImpl::RecomputeDays(grpc::ServerContext* ctx,
                                                  const v1::RecomputeDaysRequest* req,
                                                  v1::RecomputeDaysResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(caller));
    Violations v;
    std::vector<std::string> nips;
    for (int i = 0; i < req->nips_size(); ++i) {
      auto nip = ParseNip(req->nips(i), absl::StrCat("nips[", i, "]"));
      v.Merge(nip.status());
      if (nip.ok()) nips.push_back(nip->digits);
    }
    auto range = RangeOf(window, req->start_date(), req->end_date());
    v.Merge(range.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(const std::vector<std::string> missing,
                        directory_.MissingEmployees(caller.bearer, nips));
    for (int i = 0; i < req->nips_size(); ++i) {
      if (std::find(missing.begin(), missing.end(), nips[i]) != missing.end()) {
        v.Add(absl::StrCat("nips[", i, "]"), "no employee with this NIP in the tenant");
      }
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (nips.empty()) {
      EK_ASSIGN_OR_RETURN(auto employees, directory_.EmployeesOf(caller.bearer, "", range->last));
      for (auto& e : employees) nips.push_back(std::move(e.nip));
    }
    std::vector<store::DayKey> keys = DayKeys(nips, range->first, range->last);
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_RETURN_IF_ERROR(CheckDaysOpen(tx, caller.tenant(), nips.size() == 1 ? nips[0] : "",
                                       range->first, range->last));
      store::MarkDirtyRange(tx, caller.tenant(), nips, range->first, range->last);
      db::Audit(tx, caller.tenant(), caller.principal.subject, "RecomputeDays",
                absl::StrCat(FormatDate(range->first), "..", FormatDate(range->last)),
                absl::StrCat(nips.size(), " employees"));
      return absl::OkStatus();
    }));
    EK_ASSIGN_OR_RETURN(const int64_t n, recomputer_.Recompute(caller.tenant(), std::move(keys)));
    resp->set_days_recomputed(n);
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::attendance
