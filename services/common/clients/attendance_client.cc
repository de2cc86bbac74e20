// The Attendance over attendance's gRPC API (attendance.h).

#include <tuple>
#include <utility>

#include "absl/strings/strip.h"
#include "clients/attendance.h"
#include "clients/call.h"
#include "date_proto.h"
#include "ekinerja/attendance/v1/attendance.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "lru_cache.h"
#include "status.h"

namespace ekinerja::clients {

namespace atv1 = ::ekinerja::attendance::v1;

namespace {

// The day as this client answers it; the status name without its "DAY_STATUS_" prefix.
AttendanceDay FromProto(const atv1::AttendanceDay& d) {
  AttendanceDay out;
  out.nip = d.nip();
  out.date = absl::CivilDay(d.date().year(), d.date().month(), d.date().day());
  out.status = atv1::DayStatus_Name(d.status()).substr(sizeof("DAY_STATUS_") - 1);
  out.workday = d.status() != atv1::DAY_STATUS_LIBUR;
  out.checked_in = d.checked_in();
  if (d.has_first_in_time()) out.first_in = absl::FromUnixSeconds(d.first_in_time().seconds());
  if (d.has_last_out_time()) out.last_out = absl::FromUnixSeconds(d.last_out_time().seconds());
  out.tl_tier = d.tl_tier();
  out.psw_tier = d.psw_tier();
  out.minutes_late = d.minutes_late();
  out.minutes_early = d.minutes_early();
  if (d.absence_kind() != atv1::ABSENCE_KIND_UNSPECIFIED) {
    out.absence_kind =
        std::string(absl::StripPrefix(atv1::AbsenceKind_Name(d.absence_kind()), "ABSENCE_KIND_"));
  }
  return out;
}

class AttendanceClient final : public Attendance {
 public:
  AttendanceClient(std::shared_ptr<grpc::Channel> channel, absl::Duration timeout,
                   absl::Duration cache_for, absl::Duration stream_timeout)
      : stub_(atv1::AttendanceService::NewStub(channel)),
        timeout_(timeout),
        cache_for_(cache_for),
        stream_timeout_(stream_timeout) {}

  absl::StatusOr<std::vector<AttendanceDay>> DaysOf(const std::string& bearer,
                                                    const std::string& nip, absl::CivilDay first,
                                                    absl::CivilDay last) override {
    const Key key{bearer, nip, first, last};
    if (auto hit = cache_.Find(key); hit && absl::Now() < hit->expires) return *hit->days;
    atv1::ListAttendanceDaysRequest req;
    req.set_nip(nip);
    *req.mutable_start_date() = ToProtoDate(first);
    *req.mutable_end_date() = ToProtoDate(last);
    atv1::ListAttendanceDaysResponse resp;
    auto ctx = BearerContext(bearer, timeout_);
    EK_RETURN_IF_ERROR(FromPeer(stub_->ListAttendanceDays(ctx.get(), req, &resp), "attendance",
                                "ListAttendanceDays"));
    auto days = std::make_shared<std::vector<AttendanceDay>>();
    days->reserve(resp.days_size());
    for (const atv1::AttendanceDay& d : resp.days()) days->push_back(FromProto(d));
    if (cache_for_ > absl::ZeroDuration()) cache_.Insert(key, {days, absl::Now() + cache_for_});
    return *days;
  }

  absl::Status StreamDays(const std::string& bearer, const std::string& org_unit,
                          absl::CivilDay first, absl::CivilDay last,
                          const std::function<void(const AttendanceDay&)>& each) override {
    atv1::StreamDaySummariesRequest req;
    req.set_org_unit_code(org_unit);
    *req.mutable_start_date() = ToProtoDate(first);
    *req.mutable_end_date() = ToProtoDate(last);
    auto ctx = BearerContext(bearer, stream_timeout_);
    auto reader = stub_->StreamDaySummaries(ctx.get(), req);
    atv1::AttendanceDay d;
    while (reader->Read(&d)) each(FromProto(d));
    return FromPeer(reader->Finish(), "attendance", "StreamDaySummaries");
  }

  absl::Status LockMonth(const std::string& bearer, int year, int month,
                         const std::string& reference) override {
    atv1::LockMonthRequest req;
    req.set_year(year);
    req.set_month(month);
    req.set_reference(reference);
    atv1::MonthLock resp;
    auto ctx = BearerContext(bearer, timeout_);
    return FromPeer(stub_->LockMonth(ctx.get(), req, &resp), "attendance", "LockMonth");
  }

  absl::Status UnlockMonth(const std::string& bearer, int year, int month,
                           const std::string& reference) override {
    atv1::UnlockMonthRequest req;
    req.set_year(year);
    req.set_month(month);
    req.set_reference(reference);
    atv1::MonthLock resp;
    auto ctx = BearerContext(bearer, timeout_);
    return FromPeer(stub_->UnlockMonth(ctx.get(), req, &resp), "attendance", "UnlockMonth");
  }

  absl::StatusOr<std::vector<Holiday>> HolidaysIn(const std::string& bearer, absl::CivilDay first,
                                                  absl::CivilDay last) override {
    if (last < first) return InvalidField("last", "must not be before first");
    std::vector<Holiday> out;
    for (int64_t year = first.year(); year <= last.year(); ++year) {
      atv1::ListHolidaysRequest req;
      req.set_year(static_cast<int>(year));
      atv1::ListHolidaysResponse resp;
      auto ctx = BearerContext(bearer, timeout_);
      EK_RETURN_IF_ERROR(
          FromPeer(stub_->ListHolidays(ctx.get(), req, &resp), "attendance", "ListHolidays"));
      for (const atv1::Holiday& h : resp.holidays()) {
        const absl::CivilDay day(h.date().year(), h.date().month(), h.date().day());
        if (day < first || day > last) continue;
        out.push_back(
            {day, h.name(),
             std::string(absl::StripPrefix(atv1::HolidayKind_Name(h.kind()), "HOLIDAY_KIND_"))});
      }
    }
    return out;
  }

 private:
  using Key = std::tuple<std::string, std::string, absl::CivilDay, absl::CivilDay>;
  struct Cached {
    std::shared_ptr<const std::vector<AttendanceDay>> days;
    absl::Time expires;
  };

  std::unique_ptr<atv1::AttendanceService::Stub> stub_;
  const absl::Duration timeout_, cache_for_, stream_timeout_;
  LruCache<Key, Cached> cache_{10000};
};

}  // namespace

std::unique_ptr<Attendance> MakeAttendanceClient(std::shared_ptr<grpc::Channel> channel,
                                                 absl::Duration timeout, absl::Duration cache_for,
                                                 absl::Duration stream_timeout) {
  return std::make_unique<AttendanceClient>(std::move(channel), timeout, cache_for, stream_timeout);
}

}  // namespace ekinerja::clients
