// The SkpPlans over SKP's gRPC API (skp_plans.h).

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "clients/call.h"
#include "clients/skp_plans.h"
#include "date_proto.h"
#include "ekinerja/skp/v1/skp.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "lru_cache.h"
#include "status.h"

namespace ekinerja::clients {

namespace skv1 = ::ekinerja::skp::v1;

namespace {

PlanRhk FromProto(const skv1::Rhk& r) {
  PlanRhk out;
  out.id = r.id();
  out.kind = skv1::RhkKind_Name(r.kind()).substr(sizeof("RHK_KIND_") - 1);
  out.description = r.description();
  out.parent_rhk_id = r.parent_rhk_id();
  std::set<int> months;
  for (const skv1::Iki& iki : r.ikis()) {
    for (const skv1::BreakdownEntry& b : iki.breakdown()) {
      if (iki.breakdown_kind() == skv1::PERIOD_KIND_QUARTERLY) {
        for (int m = 3 * b.period() - 2; m <= 3 * b.period(); ++m) months.insert(m);
      } else {
        months.insert(b.period());
      }
    }
  }
  out.breakdown_months.assign(months.begin(), months.end());
  return out;
}

class SkpPlansClient final : public SkpPlans {
 public:
  SkpPlansClient(std::shared_ptr<grpc::Channel> channel, absl::Duration timeout,
                 absl::Duration cache_for)
      : stub_(skv1::SkpService::NewStub(channel)), timeout_(timeout), cache_for_(cache_for) {}

  absl::StatusOr<ApprovedPlan> PlanOn(const std::string& bearer, const std::string& nip,
                                      absl::CivilDay day) override {
    const Key key{bearer, nip, day};
    if (auto hit = cache_.Find(key); hit && absl::Now() < hit->expires) return *hit->plan;
    skv1::ListRhksForDateRequest req;
    req.set_nip(nip);
    *req.mutable_date() = ToProtoDate(day);
    skv1::ListRhksForDateResponse resp;
    auto ctx = BearerContext(bearer, timeout_);
    EK_RETURN_IF_ERROR(
        FromPeer(stub_->ListRhksForDate(ctx.get(), req, &resp), "skp", "ListRhksForDate"));
    auto plan = std::make_shared<ApprovedPlan>();
    plan->skp_id = resp.skp_id();
    plan->revision = resp.revision();
    for (const skv1::Rhk& r : resp.rhks()) plan->rhks.push_back(FromProto(r));
    if (cache_for_ > absl::ZeroDuration()) cache_.Insert(key, {plan, absl::Now() + cache_for_});
    return *plan;
  }

  absl::Status StreamPlans(const std::string& bearer, const std::string& org_unit,
                           absl::CivilDay day,
                           const std::function<void(const EmployeePlan&)>& each) override {
    skv1::StreamApprovedPlansRequest req;
    req.set_org_unit_code(org_unit);
    *req.mutable_date() = ToProtoDate(day);
    auto ctx = BearerContext(bearer, timeout_ * 10);
    auto reader = stub_->StreamApprovedPlans(ctx.get(), req);
    skv1::ApprovedPlan p;
    while (reader->Read(&p)) {
      EmployeePlan out;
      out.nip = p.nip();
      out.plan.skp_id = p.skp_id();
      out.plan.revision = p.revision();
      for (const skv1::Rhk& r : p.rhks()) out.plan.rhks.push_back(FromProto(r));
      out.top_of_tree = p.top_of_tree();
      each(out);
    }
    return FromPeer(reader->Finish(), "skp", "StreamApprovedPlans");
  }

  absl::Status Propose(const std::string& service_bearer,
                       const std::vector<RealisationProposal>& proposals) override {
    skv1::ProposeRealisationsRequest req;
    for (const RealisationProposal& p : proposals) {
      skv1::RealisationProposal* out = req.add_proposals();
      out->set_nip(p.nip);
      out->set_rhk_id(p.rhk_id);
      out->set_period(p.period);
      out->set_quantity(p.quantity);
      out->set_minutes(p.minutes);
    }
    skv1::ProposeRealisationsResponse resp;
    auto ctx = BearerContext(service_bearer, timeout_);
    return FromPeer(stub_->ProposeRealisations(ctx.get(), req, &resp), "skp",
                    "ProposeRealisations");
  }

 private:
  using Key = std::tuple<std::string, std::string, absl::CivilDay>;
  struct Cached {
    std::shared_ptr<const ApprovedPlan> plan;
    absl::Time expires;
  };

  std::unique_ptr<skv1::SkpService::Stub> stub_;
  const absl::Duration timeout_, cache_for_;
  LruCache<Key, Cached> cache_{10000};
};

}  // namespace

std::unique_ptr<SkpPlans> MakeSkpPlansClient(std::shared_ptr<grpc::Channel> channel,
                                             absl::Duration timeout, absl::Duration cache_for) {
  return std::make_unique<SkpPlansClient>(std::move(channel), timeout, cache_for);
}

}  // namespace ekinerja::clients
