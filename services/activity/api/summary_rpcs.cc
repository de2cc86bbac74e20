// Month summaries (what scoring and warnings read; DOMAIN §5) and month locks (the scoring
// service's TPP runs).

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "api/activity_service.h"
#include "api/convert.h"
#include "civil.h"
#include "date_proto.h"
#include "domain/entry_month.h"
#include "month_lock.h"
#include "nip.h"
#include "request_log.h"
#include "role.h"
#include "text.h"

namespace ekinerja::activity {
namespace {

// Entries of a stream are read for this many employees at a time.
constexpr size_t kEntryBatch = 1000;
// StreamDayFilings: the longest range (a month), and the (nip, day) rows read per statement.
constexpr int kMaxFilingDays = 31;
constexpr int kFilingPage = 1000;

DayFacts ToFacts(const clients::AttendanceDay& d) { return {d.date, d.workday, d.checked_in}; }

std::string Percent(const Rational& r) { return (r * 100).ToFixed2(); }

void ToProto(const std::string& nip, const Month& m, const MonthSummary& s, bool locked,
             v1::MonthSummary* out) {
  out->set_nip(nip);
  out->set_year(m.year);
  out->set_month(m.month);
  out->set_workdays(s.workdays);
  out->set_workdays_present(s.workdays_present);
  for (absl::CivilDay d : s.present_without_submitted) {
    *out->add_present_without_submitted() = ToProtoDate(d);
  }
  for (absl::CivilDay d : s.present_without_approved) {
    *out->add_present_without_approved() = ToProtoDate(d);
  }
  out->set_approved_minutes(s.approved_minutes);
  out->set_target_minutes(s.target_minutes);
  out->set_capaian_numerator(s.capaian.numerator());
  out->set_capaian_denominator(s.capaian.denominator());
  out->set_capaian_percent(Percent(s.capaian));
  out->set_approval_numerator(s.approval_ratio.numerator());
  out->set_approval_denominator(s.approval_ratio.denominator());
  out->set_approval_percent(Percent(s.approval_ratio));
  for (const auto& [status, count] : s.entries_by_status) {
    v1::StatusCount* c = out->add_entries_by_status();
    c->set_status(ToProtoStatus(std::string(StatusName(status))));
    c->set_entries(count);
  }
  out->set_locked(locked);
}

// What every summary of a month shares: the target of the rules in force on its first day and
// its lock.
struct MonthFrame {
  int64_t target_minutes = 0;
  bool locked = false;
};

MonthFrame FrameOf(db::Tx& tx, const std::string& tenant, const Month& m) {
  return {store::RulesInForce(tx, tenant, m.first).rules.target_minutes,
          store::GetMonthLock(tx, tenant, m.year, m.month).locked};
}

// LockMonth and UnlockMonth: SERVICE only; nothing written (nor audited) when the month already
// is as asked.
absl::Status SetLock(db::Pool& pool, const Caller& caller, int year, int month,
                     const std::string& reference, bool lock, v1::MonthLock* resp) {
  Violations v;
  const Month m = MonthOf(v, year, month);
  CheckLockReference(v, reference);
  EK_RETURN_IF_ERROR(v.ToStatus());
  if (!caller.principal.Has(Role::kService)) {
    return absl::PermissionDeniedError(
        "only the scoring service (SERVICE) locks and unlocks a month");
  }
  return pool.Write([&](db::Tx& tx) -> absl::Status {
    store::MonthLockRow row = store::GetMonthLock(tx, caller.tenant(), m.year, m.month);
    if (row.locked != lock) {
      row = store::SetMonthLock(tx, caller.tenant(), m.year, m.month, lock, reference,
                                caller.subject());
      db::Audit(tx, caller.tenant(), caller.subject(), lock ? "LockMonth" : "UnlockMonth",
                absl::StrFormat("monthLocks/%04d-%02d", m.year, m.month),
                absl::StrCat("reference=", reference));
    }
    db::MonthLockToProto(row, resp);
    return absl::OkStatus();
  });
}

}  // namespace

grpc::Status ActivityServiceImpl::GetMonthSummary(grpc::ServerContext* ctx,
                                                  const v1::GetMonthSummaryRequest* req,
                                                  v1::MonthSummary* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    v.Merge(ParseNip(req->nip(), "nip").status());
    const Month m = MonthOf(v, req->year(), req->month());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckReads(caller, req->nip(), m.last));
    EK_ASSIGN_OR_RETURN(const absl::CivilDay today, TodayOf(caller));
    // Attendance answers only days that have happened.
    std::vector<DayFacts> days;
    if (m.first <= today) {
      EK_ASSIGN_OR_RETURN(
          const std::vector<clients::AttendanceDay> attended,
          attendance_.DaysOf(caller.bearer, req->nip(), m.first, std::min(m.last, today)));
      for (const clients::AttendanceDay& d : attended) days.push_back(ToFacts(d));
    }
    MonthFrame frame;
    std::map<std::string, std::vector<EntryFacts>> entries;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      frame = FrameOf(tx, caller.tenant(), m);
      entries = store::MonthEntryFacts(tx, caller.tenant(), {req->nip()}, m.first, m.last);
      return absl::OkStatus();
    }));
    ToProto(req->nip(), m, Summarize(days, entries[req->nip()], frame.target_minutes), frame.locked,
            resp);
    return absl::OkStatus();
  });
}

grpc::Status ActivityServiceImpl::StreamMonthSummaries(
    grpc::ServerContext* ctx, const v1::StreamMonthSummariesRequest* req,
    grpc::ServerWriter<v1::MonthSummary>* writer) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (!req->org_unit_code().empty()) {
      CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    }
    const Month m = MonthOf(v, req->year(), req->month());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    EK_ASSIGN_OR_RETURN(const absl::CivilDay today, TodayOf(caller));
    const absl::CivilDay counted = std::max(m.first, std::min(m.last, today));
    // One call for the unit's employees, one stream of their days, their entries in batches.
    EK_ASSIGN_OR_RETURN(std::vector<clients::EmployeeUnit> employees,
                        directory_.EmployeesOf(caller.bearer, req->org_unit_code(), counted));
    std::sort(employees.begin(), employees.end(),
              [](const clients::EmployeeUnit& a, const clients::EmployeeUnit& b) {
                return a.nip < b.nip;
              });
    MonthFrame frame;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      frame = FrameOf(tx, caller.tenant(), m);
      return absl::OkStatus();
    }));

    // The days stream in (nip, date) order: each employee's summary is written once the stream
    // has passed their NIP, so no more than one employee's days are held.
    absl::Status failure;
    size_t next = 0, batch_end = 0;
    std::map<std::string, std::vector<EntryFacts>> batch;
    std::string current;
    std::vector<DayFacts> current_days;
    const std::vector<DayFacts> no_days;
    v1::MonthSummary out;
    const auto write_before = [&](const std::string* bound) {
      while (failure.ok() && next < employees.size() &&
             (bound == nullptr || employees[next].nip < *bound)) {
        const size_t i = next++;
        if (i >= batch_end) {
          batch_end = std::min(i + kEntryBatch, employees.size());
          std::vector<std::string> nips;
          for (size_t j = i; j < batch_end; ++j) nips.push_back(employees[j].nip);
          failure = pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
            batch = store::MonthEntryFacts(tx, caller.tenant(), nips, m.first, m.last);
            return absl::OkStatus();
          });
          if (!failure.ok()) return;
        }
        const std::string& nip = employees[i].nip;
        out.Clear();
        ToProto(
            nip, m,
            Summarize(nip == current ? current_days : no_days, batch[nip], frame.target_minutes),
            frame.locked, &out);
        if (!writer->Write(out)) failure = absl::CancelledError("the client went away");
      }
    };
    if (m.first <= today) {
      EK_RETURN_IF_ERROR(attendance_.StreamDays(caller.bearer, req->org_unit_code(), m.first,
                                                std::min(m.last, today),
                                                [&](const clients::AttendanceDay& d) {
                                                  if (d.nip != current) {
                                                    write_before(&d.nip);
                                                    current = d.nip;
                                                    current_days.clear();
                                                  }
                                                  current_days.push_back(ToFacts(d));
                                                }));
    }
    write_before(nullptr);
    return failure;
  });
}

grpc::Status ActivityServiceImpl::StreamDayFilings(grpc::ServerContext* ctx,
                                                   const v1::StreamDayFilingsRequest* req,
                                                   grpc::ServerWriter<v1::DayFiling>* writer) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    const absl::StatusOr<absl::CivilDay> first = FromProtoDate(req->first_date(), "first_date");
    v.Merge(first.status());
    const absl::StatusOr<absl::CivilDay> last = FromProtoDate(req->last_date(), "last_date");
    v.Merge(last.status());
    if (first.ok() && last.ok()) {
      if (*last < *first) {
        v.Add("last_date", "before first_date");
      } else if (*last - *first >= kMaxFilingDays) {
        v.Add("last_date", absl::StrCat("at most ", kMaxFilingDays - 1, " days after first_date"));
      }
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    // Keyset pages on (nip, date), each one statement without a transaction: nothing stays open
    // while the client reads, and the entries alone answer (no attendance call).
    std::string after_nip;
    absl::CivilDay after_date = *first;
    v1::DayFiling out;
    for (;;) {
      std::vector<store::DayFilingRow> page;
      EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
        page = store::DayFilingsPage(tx, caller.tenant(), *first, *last, after_nip, after_date,
                                     kFilingPage);
        return absl::OkStatus();
      }));
      for (const store::DayFilingRow& r : page) {
        out.Clear();
        out.set_nip(r.nip);
        *out.mutable_work_date() = ToProtoDate(r.work_date);
        out.set_entries(r.entries);
        out.set_submitted(r.submitted);
        if (!writer->Write(out)) return absl::CancelledError("the client went away");
      }
      if (page.size() < static_cast<size_t>(kFilingPage)) return absl::OkStatus();
      after_nip = page.back().nip;
      after_date = page.back().work_date;
    }
  });
}

grpc::Status ActivityServiceImpl::LockMonth(grpc::ServerContext* ctx,
                                            const v1::LockMonthRequest* req, v1::MonthLock* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    return SetLock(pool_, caller, req->year(), req->month(), req->reference(), true, resp);
  });
}

grpc::Status ActivityServiceImpl::UnlockMonth(grpc::ServerContext* ctx,
                                              const v1::UnlockMonthRequest* req,
                                              v1::MonthLock* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    return SetLock(pool_, caller, req->year(), req->month(), req->reference(), false, resp);
  });
}

grpc::Status ActivityServiceImpl::GetMonthLock(grpc::ServerContext* ctx,
                                               const v1::GetMonthLockRequest* req,
                                               v1::MonthLock* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    const Month m = MonthOf(v, req->year(), req->month());
    EK_RETURN_IF_ERROR(v.ToStatus());
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      db::MonthLockToProto(store::GetMonthLock(tx, caller.tenant(), m.year, m.month), resp);
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::activity
