// AttendanceService: the tenant's attendance rules, weekly schedule templates and their
// assignments, shift rosters and holidays (DOMAIN §4). The tenant's ADMIN_INSTANSI writes them;
// every caller of the tenant reads rules, templates and holidays; rosters and an employee's
// assignments are read as the employee's attendance is. Every change marks the employee-days it
// affects dirty in its own transaction and recomputes them after the commit.

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "api/attendance_service.h"
#include "api/rpc_support.h"
#include "civil.h"
#include "date_proto.h"
#include "domain/calendar_rules.h"
#include "domain/hhmm.h"
#include "domain/work_dates.h"
#include "nip.h"
#include "page_token.h"
#include "request_id.h"
#include "request_log.h"
#include "status.h"
#include "store/attendance_store.h"
#include "store/calendar_store.h"
#include "text.h"

namespace ekinerja::attendance {
namespace {

constexpr int kMaxRosterDays = 400;
// UpdateAttendanceRules marks this many days (up to today) of every employee dirty.
constexpr int kRulesDirtyDays = 62;
constexpr char kHolidayKindPrefix[] = "HOLIDAY_KIND_";

absl::Status ValidateName(const std::string& name, const std::string& field) {
  if (name.empty()) return InvalidField(field, "required");
  Violations v;
  CheckText(v, field, name, kNameText);
  return v.ToStatus();
}

void ToProto(const WeekTemplate& week, const std::string& name, v1::ScheduleTemplate* out) {
  out->set_code(week.code);
  out->set_name(name);
  for (const std::optional<WorkHours>& day : week.days) {
    v1::WorkHours* hours = out->add_days();
    if (!day) continue;
    hours->set_start(FormatHhMm(day->start_minute));
    hours->set_end(FormatHhMm(day->end_minute));
  }
}

void ToProto(const store::AssignmentRow& a, v1::ScheduleAssignment* out) {
  out->set_id(a.id);
  out->set_template_code(a.template_code);
  out->set_nip(a.nip);
  out->set_org_unit_code(a.org_unit_code);
  *out->mutable_start_date() = ToProtoDate(a.start);
  if (a.end) *out->mutable_end_date() = ToProtoDate(*a.end);
}

void ToProto(const store::RulesRow& r, v1::AttendanceRules* out) {
  out->set_time_zone(r.time_zone);
  out->clear_tier_max_minutes();
  for (int m : r.tiers.max_minutes) out->add_tier_max_minutes(m);
  out->set_future_tolerance_minutes(r.future_tolerance_minutes);
  out->set_window_margin_minutes(r.window_margin_minutes);
  *out->mutable_first_work_date() = ToProtoDate(r.work_dates.first);
  *out->mutable_last_work_date() = ToProtoDate(r.work_dates.last);
}

void ToProto(const store::HolidayRow& h, v1::Holiday* out) {
  *out->mutable_date() = ToProtoDate(h.day);
  out->set_name(h.name);
  v1::HolidayKind kind = v1::HOLIDAY_KIND_UNSPECIFIED;
  v1::HolidayKind_Parse(kHolidayKindPrefix + h.kind, &kind);
  out->set_kind(kind);
}

bool SameAssignment(const store::AssignmentRow& a, const store::AssignmentRow& b) {
  return a.template_code == b.template_code && a.nip == b.nip &&
         a.org_unit_code == b.org_unit_code && a.start == b.start && a.end == b.end;
}

// The employee-days a holiday on `day` changes: every employee with a stored summary that day,
// marked dirty; the keys to recompute are returned (none for a day not stored yet).
std::vector<store::DayKey> MarkHolidayDirty(db::Tx& tx, const std::string& tenant,
                                            absl::CivilDay day, absl::CivilDay last_storable) {
  if (day > last_storable) return {};
  store::MarkDirtyRange(tx, tenant, {}, day, day);
  return DayKeys(store::NipsWithSummaries(tx, tenant, day, day), day, day);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Rules

grpc::Status AttendanceServiceImpl::GetAttendanceRules(grpc::ServerContext* ctx,
                                                       const v1::GetAttendanceRulesRequest*,
                                                       v1::AttendanceRules* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      ToProto(store::GetRules(tx, c.tenant()), resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status AttendanceServiceImpl::UpdateAttendanceRules(
    grpc::ServerContext* ctx, const v1::UpdateAttendanceRulesRequest* req,
    v1::AttendanceRules* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(c));
    const v1::AttendanceRules& r = req->rules();
    RulesInput input;
    input.time_zone = r.time_zone();
    input.tier_max_minutes.assign(r.tier_max_minutes().begin(), r.tier_max_minutes().end());
    input.future_tolerance_minutes = r.future_tolerance_minutes();
    input.window_margin_minutes = r.window_margin_minutes();
    // An unset date keeps the default; a malformed one is its own field's violation.
    Violations v;
    for (auto [date, field, out] :
         {std::tuple(&r.first_work_date(), "rules.first_work_date", &input.work_dates.first),
          std::tuple(&r.last_work_date(), "rules.last_work_date", &input.work_dates.last)}) {
      if (!IsSet(*date)) continue;
      absl::StatusOr<absl::CivilDay> day = FromProtoDate(*date, field);
      v.Merge(day.status());
      if (day.ok()) *out = *day;
    }
    v.Merge(ValidateRules(input, "rules."));
    EK_RETURN_IF_ERROR(v.ToStatus());
    store::RulesRow row;
    row.time_zone = input.time_zone;
    std::copy_n(input.tier_max_minutes.begin(), 3, row.tiers.max_minutes.begin());
    row.future_tolerance_minutes = input.future_tolerance_minutes;
    row.window_margin_minutes = input.window_margin_minutes;
    row.work_dates = input.work_dates;
    EK_ASSIGN_OR_RETURN(absl::CivilDay last, recomputer().LastStorableDay(c.tenant()));
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::PutRules(tx, c.tenant(), row);
      // The stored days are judged by the old rules: readers and RecomputeDays compute them again.
      store::MarkDirtyRange(tx, c.tenant(), {}, last - (kRulesDirtyDays - 1), last);
      db::Audit(tx, c.tenant(), c.principal.subject, "RULES_UPDATE", "rules",
                absl::StrCat(row.time_zone, " tiers ", row.tiers.max_minutes[0], "/",
                             row.tiers.max_minutes[1], "/", row.tiers.max_minutes[2], " tolerance ",
                             row.future_tolerance_minutes, " margin ", row.window_margin_minutes,
                             " work dates ", FormatDate(row.work_dates.first), "..",
                             FormatDate(row.work_dates.last)));
      return absl::OkStatus();
    }));
    rules_.Forget(c.tenant());
    ToProto(row, resp);
    return absl::OkStatus();
  });
}

// ---------------------------------------------------------------------------------------------
// Schedule templates and assignments

grpc::Status AttendanceServiceImpl::CreateScheduleTemplate(
    grpc::ServerContext* ctx, const v1::CreateScheduleTemplateRequest* req,
    v1::ScheduleTemplate* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(c));
    const v1::ScheduleTemplate& t = req->template_();
    Violations v;
    v.Merge(ValidateTemplateCode(t.code(), "template.code"));
    v.Merge(ValidateName(t.name(), "template.name"));
    std::vector<DayText> days;
    for (const v1::WorkHours& d : t.days()) days.push_back({d.start(), d.end()});
    absl::StatusOr<std::array<std::optional<WorkHours>, 7>> week =
        ParseWeekDays(days, "template.days");
    v.Merge(week.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (IsBuiltInTemplate(t.code())) {
      return absl::AlreadyExistsError(
          absl::StrCat("template ", t.code(), " is built in; choose another code"));
    }
    store::TemplateRow row;
    row.code = t.code();
    row.name = t.name();
    row.week.code = t.code();
    row.week.days = *week;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (!store::InsertTemplate(tx, c.tenant(), row)) {
        return absl::AlreadyExistsError(absl::StrCat("template ", row.code, " already exists"));
      }
      db::Audit(tx, c.tenant(), c.principal.subject, "TEMPLATE_CREATE", row.code, row.name);
      return absl::OkStatus();
    }));
    ToProto(row.week, row.name, resp);
    return absl::OkStatus();
  });
}

grpc::Status AttendanceServiceImpl::ListScheduleTemplates(grpc::ServerContext* ctx,
                                                          const v1::ListScheduleTemplatesRequest*,
                                                          v1::ListScheduleTemplatesResponse* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    std::vector<store::TemplateRow> rows;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      rows = store::ListTemplates(tx, c.tenant());
      return absl::OkStatus();
    }));
    for (BuiltInTemplate& b : BuiltInTemplates()) {
      rows.push_back({b.week.code, b.name, b.week});
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    for (const store::TemplateRow& row : rows) ToProto(row.week, row.name, resp->add_templates());
    return absl::OkStatus();
  });
}

grpc::Status AttendanceServiceImpl::AssignSchedule(grpc::ServerContext* ctx,
                                                   const v1::AssignScheduleRequest* req,
                                                   v1::ScheduleAssignment* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(c));
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(c));
    const v1::ScheduleAssignment& a = req->assignment();
    Violations v;
    v.Merge(ValidateTemplateCode(a.template_code(), "assignment.template_code"));
    store::AssignmentRow row;
    row.template_code = a.template_code();
    row.org_unit_code = a.org_unit_code();
    CheckText(v, "assignment.org_unit_code", a.org_unit_code(), kIdText);
    if (!a.nip().empty()) {
      absl::StatusOr<Nip> nip = ParseNip(a.nip(), "assignment.nip");
      v.Merge(nip.status());
      if (nip.ok()) row.nip = nip->digits;
      if (!a.org_unit_code().empty()) {
        v.Add("assignment.org_unit_code",
              "give nip (one employee) or org_unit_code (a unit), not both; neither is the "
              "whole tenant");
      }
    }
    absl::StatusOr<DateRange> span =
        ParseDateSpan(window, a.start_date(), a.end_date(), "assignment.", /*end_required=*/false);
    v.Merge(span.status());
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    row.start = span->start;
    row.end = span->end;

    if (!row.nip.empty()) {
      EK_RETURN_IF_ERROR(NotFoundAsField(CheckReads(c, row.nip, row.start), "assignment.nip"));
    }
    // The unit must exist (identity's), and its employees are the first to recompute.
    std::vector<std::string> unit_nips;
    if (!row.org_unit_code.empty()) {
      absl::StatusOr<std::vector<clients::EmployeeUnit>> employees =
          directory_.EmployeesOf(c.bearer, row.org_unit_code, row.start);
      if (absl::IsInvalidArgument(employees.status()) || absl::IsNotFound(employees.status())) {
        return InvalidField("assignment.org_unit_code",
                            absl::StrCat("no org unit ", row.org_unit_code, " in this tenant"));
      }
      EK_RETURN_IF_ERROR(employees.status());
      for (const clients::EmployeeUnit& e : *employees) unit_nips.push_back(e.nip);
    }
    EK_ASSIGN_OR_RETURN(absl::CivilDay last_storable, recomputer().LastStorableDay(c.tenant()));

    std::vector<store::DayKey> keys;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (!IsBuiltInTemplate(row.template_code) &&
          !store::GetTemplate(tx, c.tenant(), row.template_code)) {
        return InvalidField("assignment.template_code",
                            absl::StrCat("no template ", row.template_code, " in this tenant"));
      }
      const auto same = [&](const store::AssignmentRow& e) { return SameAssignment(e, row); };
      constexpr char kWhat[] = "another schedule assignment";
      std::optional<store::AssignmentRow> earlier =
          store::FindAssignmentByRequestId(tx, c.tenant(), req->request_id());
      EK_ASSIGN_OR_RETURN(RequestIdUse use, CheckRequestId(earlier, same, kWhat));
      if (use == RequestIdUse::kNew) {
        bool replayed = false;
        row.id = store::InsertAssignment(tx, c.tenant(), row, req->request_id(), &replayed);
        if (replayed) {  // a concurrent call with the same request id got there first
          earlier = store::GetAssignment(tx, c.tenant(), row.id);
          if (!earlier) return RequestIdRace();
          EK_ASSIGN_OR_RETURN(use, CheckRequestId(earlier, same, kWhat));
        }
      }
      if (use == RequestIdUse::kReplay) {
        row = *earlier;  // a retry: the assignment exists, nothing changes
        return absl::OkStatus();
      }
      const absl::CivilDay first = row.start;
      const absl::CivilDay last = row.end ? std::min(*row.end, last_storable) : last_storable;
      if (first <= last) {
        if (!row.nip.empty()) {
          store::MarkDirtyRange(tx, c.tenant(), {row.nip}, first, last);
          keys = DayKeys({row.nip}, first, last);
        } else {
          // Over-broad but correct: every employee with a stored day in the range; those of the
          // unit (or of the tenant) are recomputed now, the rest when read.
          store::MarkDirtyRange(tx, c.tenant(), {}, first, last);
          std::vector<std::string> nips = store::NipsWithSummaries(tx, c.tenant(), first, last);
          if (!row.org_unit_code.empty()) {
            std::vector<std::string> in_unit;
            std::sort(unit_nips.begin(), unit_nips.end());
            std::set_intersection(nips.begin(), nips.end(), unit_nips.begin(), unit_nips.end(),
                                  std::back_inserter(in_unit));
            nips = std::move(in_unit);
          }
          if (nips.size() * static_cast<size_t>(last - first + 1) <= kMaxImmediateRecompute) {
            keys = DayKeys(nips, first, last);
          }
        }
      }
      db::Audit(tx, c.tenant(), c.principal.subject, "SCHEDULE_ASSIGN",
                !row.nip.empty()             ? row.nip
                : !row.org_unit_code.empty() ? row.org_unit_code
                                             : std::string("tenant"),
                absl::StrCat(row.template_code, " from ", FormatDate(row.start),
                             row.end ? " to " + FormatDate(*row.end) : "", " (id ", row.id, ")"));
      return absl::OkStatus();
    }));
    RecomputeAfterCommit(recomputer(), c.tenant(), std::move(keys));
    ToProto(row, resp);
    return absl::OkStatus();
  });
}

grpc::Status AttendanceServiceImpl::ListScheduleAssignments(
    grpc::ServerContext* ctx, const v1::ListScheduleAssignmentsRequest* req,
    v1::ListScheduleAssignmentsResponse* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    std::string nip;
    if (!req->nip().empty()) {
      EK_ASSIGN_OR_RETURN(Nip parsed, ParseNip(req->nip(), "nip"));
      nip = parsed.digits;
    }
    EK_ASSIGN_OR_RETURN(int size, PageSize(req->page_size()));
    const std::string fingerprint = absl::StrCat("assignments|", nip);
    EK_ASSIGN_OR_RETURN(std::string after, DecodePageToken(req->page_token(), fingerprint));
    int64_t after_id = 0;
    if (!after.empty() && !absl::SimpleAtoi(after, &after_id)) {
      return InvalidField("page_token", "not a page token of this list");
    }
    if (nip.empty()) {
      if (!c.ReadsTenant()) {
        return absl::PermissionDeniedError(
            "listing every assignment needs a tenant-wide role; give nip for one employee");
      }
    } else {
      EK_ASSIGN_OR_RETURN(absl::CivilDay last, recomputer().LastStorableDay(c.tenant()));
      EK_RETURN_IF_ERROR(CheckReads(c, nip, last - 1));
    }
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      const auto rows = store::ListAssignments(tx, c.tenant(), nip, after_id, size + 1);
      resp->set_next_page_token(WritePage(
          rows, size, fingerprint, [&](const auto& r) { ToProto(r, resp->add_assignments()); },
          [](const auto& r) { return std::to_string(r.id); }));
      return absl::OkStatus();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Rosters

grpc::Status AttendanceServiceImpl::SetRosterDays(grpc::ServerContext* ctx,
                                                  const v1::SetRosterDaysRequest* req,
                                                  v1::SetRosterDaysResponse* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(c));
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(c));
    Violations v;
    absl::StatusOr<Nip> nip = ParseNip(req->nip(), "nip");
    v.Merge(nip.status());
    if (req->days_size() == 0) v.Add("days", "at least one day");
    if (req->days_size() > kMaxRosterDays) {
      v.Add("days", absl::StrCat("at most ", kMaxRosterDays, " days per call"));
    }
    // A date given again replaces the earlier entry.
    std::map<absl::CivilDay, std::optional<WorkHours>> days;
    for (int i = 0; i < req->days_size() && i < kMaxRosterDays; ++i) {
      const v1::RosterDay& d = req->days(i);
      const std::string field = absl::StrCat("days[", i, "]");
      absl::StatusOr<absl::CivilDay> day = ParseWorkDate(window, d.date(), field + ".date");
      v.Merge(day.status());
      absl::StatusOr<std::optional<WorkHours>> hours =
          ParseWorkHours(d.hours().start(), d.hours().end(), field + ".hours");
      v.Merge(hours.status());
      if (day.ok() && hours.ok()) days[*day] = *hours;
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    std::vector<RosterEntry> entries;
    for (const auto& [day, hours] : days) entries.push_back({day, hours});
    // NOT_FOUND when the tenant has no such employee.
    EK_RETURN_IF_ERROR(CheckReads(c, nip->digits, entries.front().day));
    EK_ASSIGN_OR_RETURN(absl::CivilDay last_storable, recomputer().LastStorableDay(c.tenant()));

    std::vector<store::DayKey> keys;
    for (const RosterEntry& e : entries) {
      if (e.day <= last_storable) keys.push_back({nip->digits, e.day});
    }
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::UpsertRosterDays(tx, c.tenant(), nip->digits, entries);
      store::MarkDirty(tx, c.tenant(), keys);
      db::Audit(tx, c.tenant(), c.principal.subject, "ROSTER_SET", nip->digits,
                absl::StrCat(entries.size(), " days from ", FormatDate(entries.front().day), " to ",
                             FormatDate(entries.back().day)));
      return absl::OkStatus();
    }));
    RecomputeAfterCommit(recomputer(), c.tenant(), std::move(keys));
    resp->set_days_set(static_cast<int32_t>(entries.size()));
    return absl::OkStatus();
  });
}

grpc::Status AttendanceServiceImpl::ListRosterDays(grpc::ServerContext* ctx,
                                                   const v1::ListRosterDaysRequest* req,
                                                   v1::ListRosterDaysResponse* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(c));
    Violations v;
    absl::StatusOr<Nip> nip = ParseNip(req->nip(), "nip");
    v.Merge(nip.status());
    absl::StatusOr<DateRange> span =
        ParseDateSpan(window, req->start_date(), req->end_date(), "", /*end_required=*/true);
    v.Merge(span.status());
    if (span.ok() && *span->end - span->start >= kMaxRosterDays) {
      v.Add("end_date", absl::StrCat("the range is at most ", kMaxRosterDays, " days"));
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckReads(c, nip->digits, span->start, *span->end));
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      for (const RosterEntry& e :
           store::ListRosterDays(tx, c.tenant(), nip->digits, span->start, *span->end)) {
        v1::RosterDay* out = resp->add_days();
        *out->mutable_date() = ToProtoDate(e.day);
        if (e.hours) {
          out->mutable_hours()->set_start(FormatHhMm(e.hours->start_minute));
          out->mutable_hours()->set_end(FormatHhMm(e.hours->end_minute));
        }
      }
      return absl::OkStatus();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Holidays

grpc::Status AttendanceServiceImpl::CreateHoliday(grpc::ServerContext* ctx,
                                                  const v1::CreateHolidayRequest* req,
                                                  v1::Holiday* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(c));
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(c));
    const v1::Holiday& h = req->holiday();
    Violations v;
    absl::StatusOr<absl::CivilDay> day = ParseWorkDate(window, h.date(), "holiday.date");
    v.Merge(day.status());
    v.Merge(ValidateName(h.name(), "holiday.name"));
    if (h.kind() == v1::HOLIDAY_KIND_UNSPECIFIED || !v1::HolidayKind_IsValid(h.kind())) {
      v.Add("holiday.kind", "required: LIBUR_NASIONAL, CUTI_BERSAMA or LIBUR_DAERAH");
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    const store::HolidayRow row{*day, h.name(),
                                EnumSuffix(v1::HolidayKind_Name(h.kind()), kHolidayKindPrefix)};
    EK_ASSIGN_OR_RETURN(absl::CivilDay last_storable, recomputer().LastStorableDay(c.tenant()));
    std::vector<store::DayKey> keys;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (!store::InsertHoliday(tx, c.tenant(), row)) {
        return absl::AlreadyExistsError(
            absl::StrCat("a holiday on ", FormatDate(row.day), " already exists"));
      }
      keys = MarkHolidayDirty(tx, c.tenant(), row.day, last_storable);
      db::Audit(tx, c.tenant(), c.principal.subject, "HOLIDAY_CREATE", FormatDate(row.day),
                absl::StrCat(row.kind, " ", row.name));
      return absl::OkStatus();
    }));
    RecomputeAfterCommit(recomputer(), c.tenant(), std::move(keys));
    ToProto(row, resp);
    return absl::OkStatus();
  });
}

grpc::Status AttendanceServiceImpl::ListHolidays(grpc::ServerContext* ctx,
                                                 const v1::ListHolidaysRequest* req,
                                                 v1::ListHolidaysResponse* resp) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(c));
    if (req->year() < window.first.year() || req->year() > window.last.year()) {
      return InvalidField("year",
                          absl::StrCat("required: ", window.first.year(), "-", window.last.year()));
    }
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      for (const store::HolidayRow& h :
           store::ListHolidays(tx, c.tenant(), absl::CivilDay(req->year(), 1, 1),
                               absl::CivilDay(req->year(), 12, 31))) {
        ToProto(h, resp->add_holidays());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status AttendanceServiceImpl::DeleteHoliday(grpc::ServerContext* ctx,
                                                  const v1::DeleteHolidayRequest* req,
                                                  v1::DeleteHolidayResponse*) {
  return Serve(ctx, [&](const Caller& c) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(c));
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(c));
    EK_ASSIGN_OR_RETURN(absl::CivilDay day, ParseWorkDate(window, req->date(), "date"));
    EK_ASSIGN_OR_RETURN(absl::CivilDay last_storable, recomputer().LastStorableDay(c.tenant()));
    std::vector<store::DayKey> keys;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (!store::DeleteHoliday(tx, c.tenant(), day)) {
        return absl::NotFoundError(absl::StrCat("no holiday on ", FormatDate(day)));
      }
      keys = MarkHolidayDirty(tx, c.tenant(), day, last_storable);
      db::Audit(tx, c.tenant(), c.principal.subject, "HOLIDAY_DELETE", FormatDate(day), "");
      return absl::OkStatus();
    }));
    RecomputeAfterCommit(recomputer(), c.tenant(), std::move(keys));
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::attendance
