// The Scoring over scoring's gRPC API (scoring_kotak.h).

#include <utility>

#include "clients/call.h"
#include "clients/scoring_kotak.h"
#include "date_proto.h"
#include "ekinerja/scoring/v1/scoring.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "status.h"

namespace ekinerja::clients {

namespace scv1 = ::ekinerja::scoring::v1;

namespace {

class ScoringClient final : public Scoring {
 public:
  ScoringClient(std::shared_ptr<grpc::Channel> channel, absl::Duration timeout,
                absl::Duration stream_timeout)
      : stub_(scv1::ScoringService::NewStub(channel)),
        timeout_(timeout),
        stream_timeout_(stream_timeout) {}

  absl::Status StreamKotak(const std::string& bearer, int year, int month,
                           const std::string& org_unit,
                           const std::function<void(const KotakPlacement&)>& each) override {
    scv1::StreamKotakRequest req;
    req.set_year(year);
    req.set_month(month);
    req.set_org_unit_code(org_unit);
    auto ctx = BearerContext(bearer, stream_timeout_);
    auto reader = stub_->StreamKotak(ctx.get(), req);
    scv1::KotakPlacement p;
    KotakPlacement out;
    while (reader->Read(&p)) {
      out.nip = p.nip();
      out.org_unit_code = p.org_unit_code();
      out.opd_code = p.opd_code();
      out.box = p.box();
      out.previous_box = p.previous_box();
      out.run_id = p.run_id();
      each(out);
    }
    return FromPeer(reader->Finish(), "scoring", "StreamKotak");
  }

  absl::StatusOr<TppRuleSummary> TppRulesOn(const std::string& bearer,
                                            absl::CivilDay day) override {
    scv1::GetTppRulesRequest req;
    *req.mutable_date() = ToProtoDate(day);
    scv1::TppRules resp;
    auto ctx = BearerContext(bearer, timeout_);
    EK_RETURN_IF_ERROR(
        FromPeer(stub_->GetTppRules(ctx.get(), req, &resp), "scoring", "GetTppRules"));
    TppRuleSummary out;
    out.version = resp.version();
    out.effective_from = absl::CivilDay(resp.effective_from().year(), resp.effective_from().month(),
                                        resp.effective_from().day());
    out.disiplin_bp = resp.disiplin_bp();
    out.missing_report_bp = resp.missing_report_bp();
    return out;
  }

 private:
  std::unique_ptr<scv1::ScoringService::Stub> stub_;
  const absl::Duration timeout_, stream_timeout_;
};

}  // namespace

std::unique_ptr<Scoring> MakeScoringClient(std::shared_ptr<grpc::Channel> channel,
                                           absl::Duration timeout, absl::Duration stream_timeout) {
  return std::make_unique<ScoringClient>(std::move(channel), timeout, stream_timeout);
}

}  // namespace ekinerja::clients
