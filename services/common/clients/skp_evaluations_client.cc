// The SkpEvaluations over SKP's gRPC API (skp_evaluations.h).

#include <utility>

#include "absl/strings/strip.h"
#include "clients/call.h"
#include "clients/skp_evaluations.h"
#include "date_proto.h"
#include "ekinerja/skp/v1/skp.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "status.h"

namespace ekinerja::clients {

namespace skv1 = ::ekinerja::skp::v1;

namespace {

std::string RatingName(skv1::Rating r) {
  return r == skv1::RATING_UNSPECIFIED ? "" : skv1::Rating_Name(r).substr(sizeof("RATING_") - 1);
}

SkpEvaluation FromProto(const skv1::Evaluation& e) {
  SkpEvaluation out;
  out.nip = e.nip();
  out.org_unit_code = e.org_unit_code();
  out.skp_id = e.skp_id();
  out.period = e.period();
  out.model = skv1::SkpModel_Name(e.model()).substr(sizeof("SKP_MODEL_") - 1);
  if (e.has_permenpanrb()) {
    out.rating_hasil_kerja = RatingName(e.permenpanrb().rating_hasil_kerja());
    out.rating_perilaku = RatingName(e.permenpanrb().rating_perilaku());
    out.predikat = e.permenpanrb().predikat();
  }
  if (e.has_pp46()) out.nilai_prestasi_kerja = e.pp46().nilai_prestasi_kerja();
  out.final = e.final();
  return out;
}

SkpYearStatus FromProto(const skv1::SkpStatusEntry& e) {
  SkpYearStatus out;
  out.nip = e.nip();
  out.skp_id = e.skp_id();
  out.status = std::string(absl::StripPrefix(skv1::SkpStatus_Name(e.status()), "SKP_STATUS_"));
  out.approved_revision = e.approved_revision();
  if (e.has_first_submit_time()) out.first_submit_time = FromProtoTimestamp(e.first_submit_time());
  if (e.has_first_approve_time()) {
    out.first_approve_time = FromProtoTimestamp(e.first_approve_time());
  }
  return out;
}

class SkpEvaluationsClient final : public SkpEvaluations {
 public:
  SkpEvaluationsClient(std::shared_ptr<grpc::Channel> channel, absl::Duration timeout,
                       absl::Duration stream_timeout)
      : stub_(skv1::SkpService::NewStub(channel)),
        timeout_(timeout),
        stream_timeout_(stream_timeout) {}

  absl::Status StreamEvaluations(const std::string& bearer, const std::string& period,
                                 const std::string& org_unit,
                                 const std::function<void(const SkpEvaluation&)>& each) override {
    skv1::StreamEvaluationsRequest req;
    req.set_period(period);
    req.set_org_unit_code(org_unit);
    auto ctx = BearerContext(bearer, stream_timeout_);
    auto reader = stub_->StreamEvaluations(ctx.get(), req);
    skv1::Evaluation e;
    while (reader->Read(&e)) each(FromProto(e));
    return FromPeer(reader->Finish(), "skp", "StreamEvaluations");
  }

  absl::StatusOr<std::vector<SkpEvaluation>> AnnualEvaluationsOf(const std::string& bearer,
                                                                 const std::string& nip,
                                                                 int year) override {
    skv1::ListSkpsRequest list;
    list.set_nip(nip);
    list.set_year(year);
    skv1::ListSkpsResponse skps;
    {
      auto ctx = BearerContext(bearer, timeout_);
      EK_RETURN_IF_ERROR(FromPeer(stub_->ListSkps(ctx.get(), list, &skps), "skp", "ListSkps"));
    }
    const std::string period = std::to_string(year);
    std::vector<SkpEvaluation> out;
    for (const skv1::Skp& skp : skps.skps()) {
      skv1::ListEvaluationsRequest req;
      req.set_skp_id(skp.id());
      skv1::ListEvaluationsResponse resp;
      auto ctx = BearerContext(bearer, timeout_);
      EK_RETURN_IF_ERROR(
          FromPeer(stub_->ListEvaluations(ctx.get(), req, &resp), "skp", "ListEvaluations"));
      for (const skv1::Evaluation& e : resp.evaluations()) {
        if (e.period() == period) out.push_back(FromProto(e));
      }
    }
    return out;
  }

  absl::Status StreamSkpStatus(const std::string& bearer, int year, const std::string& org_unit,
                               const std::function<void(const SkpYearStatus&)>& each) override {
    skv1::StreamSkpStatusRequest req;
    req.set_year(year);
    req.set_org_unit_code(org_unit);
    auto ctx = BearerContext(bearer, stream_timeout_);
    auto reader = stub_->StreamSkpStatus(ctx.get(), req);
    skv1::SkpStatusEntry e;
    while (reader->Read(&e)) each(FromProto(e));
    return FromPeer(reader->Finish(), "skp", "StreamSkpStatus");
  }

 private:
  std::unique_ptr<skv1::SkpService::Stub> stub_;
  const absl::Duration timeout_, stream_timeout_;
};

}  // namespace

std::unique_ptr<SkpEvaluations> MakeSkpEvaluationsClient(std::shared_ptr<grpc::Channel> channel,
                                                         absl::Duration timeout,
                                                         absl::Duration stream_timeout) {
  return std::make_unique<SkpEvaluationsClient>(std::move(channel), timeout, stream_timeout);
}

}  // namespace ekinerja::clients
