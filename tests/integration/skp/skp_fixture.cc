#include "integration/skp/skp_fixture.h"

#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"
#include "integration/common/test_host.h"
#include "nip.h"

namespace ekinerja::skp::it {

void SkpTest::SetUp() {
  seeded_ = integration::DeclareSeedTenant(*directory_, "dinkes", 0);
  auto schema = integration::TestSchema::Create();
  ASSERT_TRUE(schema.ok()) << schema.status();
  schema_ = std::move(*schema);
  auto host = ServiceHost::Create(integration::TestServerOptions("skp", *schema_), SkpSql());
  ASSERT_TRUE(host.ok()) << host.status();
  host_ = std::move(*host);
  SkpOptions skp_options;
  skp_options.service.today = [] { return kToday; };
  skp_options.service.max_evidence_bytes = 1024;
  skp_options.count_statuses_every = absl::ZeroDuration();
  SkpClients clients;
  clients.directory = directory_;
  clients.public_keys = tokens_.PublicKeys();
  auto built = BuildSkp(*host_, skp_options, std::move(clients));
  ASSERT_TRUE(built.ok()) << built.status();
  built_ = *std::move(built);
  const absl::Status st =
      host_->Start(built_.setup.services, built_.setup.verifier, built_.setup.public_methods);
  ASSERT_TRUE(st.ok()) << st;
  stub_ = sv1::SkpService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", host_->grpc_port()), grpc::InsecureChannelCredentials()));
}

void SkpTest::TearDown() {
  stub_.reset();
  if (host_) host_->Shutdown();
  built_ = Skp();
  host_.reset();
  schema_.reset();
}

std::string SkpTest::Token(const std::string& username) {
  if (IsValidNip(username)) return directory_->Login({seeded_.code, username, username, {}, ""});
  return integration::SeededLogin(*directory_, seeded_, username);
}

std::string SkpTest::OtherAdmin() {
  if (other_admin_.empty()) {
    other_admin_ = integration::DeclareSeedTenant(*directory_, "lain", 1).admin_token;
  }
  return other_admin_;
}

std::shared_ptr<grpc::Channel> SkpTest::Channel() const {
  return grpc::CreateChannel(absl::StrCat("127.0.0.1:", host_->grpc_port()),
                             grpc::InsecureChannelCredentials());
}

std::string SkpTest::ServiceToken() {
  auto token = directory_->ServiceToken(seeded_.code);
  EXPECT_TRUE(token.ok()) << token.status();
  return token.value_or("");
}

sv1::Skp SkpTest::Create(const std::string& nip, int year) {
  sv1::CreateSkpRequest req;
  req.mutable_skp()->set_nip(nip);
  req.mutable_skp()->set_year(year);
  sv1::Skp out;
  EXPECT_TRUE(Ok(skp().CreateSkp(Ctx(Token(nip)).get(), req, &out))) << nip;
  return out;
}

sv1::Skp SkpTest::Plan(const sv1::Skp& s, int64_t parent, const std::string& what) {
  sv1::UpdateSkpPlanRequest req;
  req.set_id(s.id());
  req.set_revision(s.revision());
  sv1::Rhk* rhk = req.add_rhks();
  rhk->set_kind(sv1::RHK_KIND_UTAMA);
  rhk->set_description(absl::StrCat(what, " tersusun tepat waktu"));
  rhk->set_parent_rhk_id(parent);
  sv1::Iki* iki = rhk->add_ikis();
  iki->set_description(absl::StrCat("Jumlah ", what));
  iki->mutable_target()->set_quantity(12);
  iki->mutable_target()->set_unit("dokumen");
  iki->mutable_target()->set_quality(100);
  iki->mutable_target()->set_months(12);
  iki->set_breakdown_kind(sv1::PERIOD_KIND_MONTHLY);
  for (int m = 1; m <= 12; ++m) {
    sv1::BreakdownEntry* e = iki->add_breakdown();
    e->set_period(m);
    e->set_quantity(1);
  }
  sv1::Skp out;
  EXPECT_TRUE(Ok(skp().UpdateSkpPlan(Ctx(Token(s.nip())).get(), req, &out))) << s.nip();
  return out;
}

sv1::Skp SkpTest::Submit(const sv1::Skp& s) {
  sv1::SubmitSkpRequest req;
  req.set_id(s.id());
  req.set_revision(s.revision());
  sv1::Skp out;
  EXPECT_TRUE(Ok(skp().SubmitSkp(Ctx(Token(s.nip())).get(), req, &out))) << s.nip();
  return out;
}

sv1::Skp SkpTest::Approve(const std::string& token, const sv1::Skp& s) {
  sv1::ApproveSkpRequest req;
  req.set_id(s.id());
  req.set_revision(s.revision());
  sv1::Skp out;
  EXPECT_TRUE(Ok(skp().ApproveSkp(Ctx(token).get(), req, &out))) << s.nip();
  return out;
}

void SkpTest::ApproveChainDownTo(const std::string& nip) {
  struct Step {
    std::string nip, approver_token, parent_nip;
  };
  const std::vector<Step> chain = {{seeded_.kadis, seeded_.admin_token, ""},
                                   {seeded_.kabid_p2p, Token(seeded_.kadis), seeded_.kadis},
                                   {seeded_.staf_p2p, Token(seeded_.kabid_p2p), seeded_.kabid_p2p}};
  for (const Step& step : chain) {
    const int64_t parent = step.parent_nip.empty() ? 0 : approved_[step.parent_nip].rhks(0).id();
    sv1::Skp s = Submit(Plan(Create(step.nip), parent));
    approved_[step.nip] = Approve(step.approver_token, s);
    ASSERT_EQ(approved_[step.nip].status(), sv1::SKP_STATUS_APPROVED) << step.nip;
    if (step.nip == nip) return;
  }
}

double SkpTest::Gauge(const std::string& name, const std::map<std::string, std::string>& labels) {
  for (const auto& family : host_->metrics().registry().Collect()) {
    if (family.name != name) continue;
    for (const auto& metric : family.metric) {
      std::map<std::string, std::string> have;
      for (const auto& label : metric.label) have[label.name] = label.value;
      if (have == labels) return metric.gauge.value;
    }
  }
  return -1;
}

int64_t SkpTest::Count(const std::string& sql) {
  auto r = schema_->Query(sql);
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok() || r->empty()) return -1;
  return (*r)[0][0].as<int64_t>();
}

}  // namespace ekinerja::skp::it
