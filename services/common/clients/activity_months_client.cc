// The ActivityMonths over activity's gRPC API (activity_months.h).

#include <utility>

#include "clients/activity_months.h"
#include "clients/call.h"
#include "date_proto.h"
#include "ekinerja/activity/v1/activity.grpc.pb.h"
#include "grpcpp/grpcpp.h"

namespace ekinerja::clients {

namespace acv1 = ::ekinerja::activity::v1;

namespace {

absl::CivilDay DayOf(const google::type::Date& d) {
  return absl::CivilDay(d.year(), d.month(), d.day());
}

ActivityMonth FromProto(const acv1::MonthSummary& s) {
  ActivityMonth out;
  out.nip = s.nip();
  out.workdays = s.workdays();
  out.workdays_present = s.workdays_present();
  for (const auto& d : s.present_without_submitted()) {
    out.present_without_submitted.push_back(DayOf(d));
  }
  for (const auto& d : s.present_without_approved()) {
    out.present_without_approved.push_back(DayOf(d));
  }
  out.approved_minutes = s.approved_minutes();
  out.target_minutes = s.target_minutes();
  out.capaian_numerator = s.capaian_numerator();
  out.capaian_denominator = s.capaian_denominator();
  out.approval_numerator = s.approval_numerator();
  out.approval_denominator = s.approval_denominator();
  out.locked = s.locked();
  return out;
}

class ActivityMonthsClient final : public ActivityMonths {
 public:
  ActivityMonthsClient(std::shared_ptr<grpc::Channel> channel, absl::Duration timeout,
                       absl::Duration stream_timeout)
      : stub_(acv1::ActivityService::NewStub(channel)),
        timeout_(timeout),
        stream_timeout_(stream_timeout) {}

  absl::Status StreamMonths(const std::string& bearer, const std::string& org_unit, int year,
                            int month,
                            const std::function<void(const ActivityMonth&)>& each) override {
    acv1::StreamMonthSummariesRequest req;
    req.set_org_unit_code(org_unit);
    req.set_year(year);
    req.set_month(month);
    auto ctx = BearerContext(bearer, stream_timeout_);
    auto reader = stub_->StreamMonthSummaries(ctx.get(), req);
    acv1::MonthSummary s;
    while (reader->Read(&s)) each(FromProto(s));
    return FromPeer(reader->Finish(), "activity", "StreamMonthSummaries");
  }

  absl::Status StreamDayFilings(const std::string& bearer, absl::CivilDay first,
                                absl::CivilDay last,
                                const std::function<void(const DayFiling&)>& each) override {
    acv1::StreamDayFilingsRequest req;
    *req.mutable_first_date() = ToProtoDate(first);
    *req.mutable_last_date() = ToProtoDate(last);
    auto ctx = BearerContext(bearer, stream_timeout_);
    auto reader = stub_->StreamDayFilings(ctx.get(), req);
    acv1::DayFiling f;
    while (reader->Read(&f)) {
      each({f.nip(), DayOf(f.work_date()), f.entries(), f.submitted()});
    }
    return FromPeer(reader->Finish(), "activity", "StreamDayFilings");
  }

  absl::Status StreamPendingApprovals(
      const std::string& bearer, absl::Time submitted_before,
      const std::function<void(const PendingApprovals&)>& each) override {
    acv1::StreamPendingApprovalsRequest req;
    *req.mutable_submitted_before() = ToProtoTimestamp(submitted_before);
    auto ctx = BearerContext(bearer, stream_timeout_);
    auto reader = stub_->StreamPendingApprovals(ctx.get(), req);
    acv1::PendingApprovals p;
    while (reader->Read(&p)) {
      each({p.verifier_nip(), p.pending(), FromProtoTimestamp(p.oldest_submit_time())});
    }
    return FromPeer(reader->Finish(), "activity", "StreamPendingApprovals");
  }

  absl::Status LockMonth(const std::string& service_bearer, int year, int month,
                         const std::string& reference) override {
    acv1::LockMonthRequest req;
    req.set_year(year);
    req.set_month(month);
    req.set_reference(reference);
    acv1::MonthLock resp;
    auto ctx = BearerContext(service_bearer, timeout_);
    return FromPeer(stub_->LockMonth(ctx.get(), req, &resp), "activity", "LockMonth");
  }

  absl::Status UnlockMonth(const std::string& service_bearer, int year, int month,
                           const std::string& reference) override {
    acv1::UnlockMonthRequest req;
    req.set_year(year);
    req.set_month(month);
    req.set_reference(reference);
    acv1::MonthLock resp;
    auto ctx = BearerContext(service_bearer, timeout_);
    return FromPeer(stub_->UnlockMonth(ctx.get(), req, &resp), "activity", "UnlockMonth");
  }

 private:
  std::unique_ptr<acv1::ActivityService::Stub> stub_;
  const absl::Duration timeout_, stream_timeout_;
};

}  // namespace

std::unique_ptr<ActivityMonths> MakeActivityMonthsClient(std::shared_ptr<grpc::Channel> channel,
                                                         absl::Duration timeout,
                                                         absl::Duration stream_timeout) {
  return std::make_unique<ActivityMonthsClient>(std::move(channel), timeout, stream_timeout);
}

}  // namespace ekinerja::clients
