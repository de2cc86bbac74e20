#pragma once

// The SKP service alone, per test, against fakes of its peers (tests/mocks): its own Postgres
// schema, the service built by BuildSkp as main.cc builds it, on port 0, with a FakeDirectory for
// identity (the Dinas Kesehatan of integration/common/seed_org.h) and tokens signed by a
// TestTokenIssuer whose key it trusts. "Today" is kToday, when the seed's Plt is in force:
//
//   kadis (top) <- kabid_p2p <- staf_p2p (STAF of P2P; Plt KASI of S1) <- staf_s1_a, staf_s1_b

#include <memory>
#include <string>
#include <vector>

#include "ekinerja/skp/v1/skp.grpc.pb.h"
#include "fake_directory.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/common/counter_value.h"
#include "integration/common/fake_seed.h"
#include "integration/common/grpc_expect.h"
#include "integration/common/seed_org.h"
#include "integration/common/test_db.h"
#include "skp_wiring.h"
#include "test_tokens.h"

namespace ekinerja::skp::it {

namespace sv1 = ::ekinerja::skp::v1;

using integration::Date;
using integration::HasCode;
using integration::Ok;
using integration::SeededTenant;
using integration::ViolatedFields;

const absl::CivilDay kToday(2026, 2, 10);
constexpr int kYear = 2026;

class SkpTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token = "") {
    return integration::Ctx(token);
  }
  sv1::SkpService::Stub& skp() { return *stub_; }
  mocks::FakeDirectory& directory() { return *directory_; }
  SkpMetrics& metrics() { return *built_.metrics; }
  SkpStatusGauge& status_gauge() { return *built_.status_gauge; }
  // A counter of the service's registry (integration/common/counter_value.h).
  double Counter(const std::string& name, const std::map<std::string, std::string>& labels = {}) {
    return integration::CounterValue(host_->metrics().registry(), name, labels);
  }
  // A gauge of the service's registry: the value of its series with exactly `labels`' values.
  double Gauge(const std::string& name, const std::map<std::string, std::string>& labels);

  // The token of a seeded login (kTenantAdmin, kAuditor, kOpdAdmin), or of any seeded employee
  // by NIP (a login as identity would issue it: PEGAWAI, ATASAN when they have subordinates).
  std::string Token(const std::string& username);
  // The admin token of a second tenant, "lain".
  std::string OtherAdmin();
  // A SERVICE token of the seeded tenant.
  std::string ServiceToken();
  // A new channel to the service (for a peer's client of it).
  std::shared_ptr<grpc::Channel> Channel() const;

  // --- Steps of the flow; each fails the test when the call does not succeed.
  sv1::Skp Create(const std::string& nip, int year = kYear);
  // One RHK utama (linked to `parent`, 0 at the top) with one IKI of 12 "dokumen", broken down
  // 1 per month.
  sv1::Skp Plan(const sv1::Skp& skp, int64_t parent, const std::string& what = "Dokumen");
  sv1::Skp Submit(const sv1::Skp& skp);
  sv1::Skp Approve(const std::string& token, const sv1::Skp& skp);
  // kadis, kabid_p2p and staf_p2p planned, submitted and approved, each linked to the one above.
  void ApproveChainDownTo(const std::string& nip);
  // The approved SKP of each NIP ApproveChainDownTo made.
  std::map<std::string, sv1::Skp> approved_;

  // A row count of the SKP schema.
  int64_t Count(const std::string& sql);

  SeededTenant seeded_;

 private:
  mocks::TestTokenIssuer tokens_;
  std::shared_ptr<mocks::FakeDirectory> directory_ =
      std::make_shared<mocks::FakeDirectory>(tokens_, integration::kPlatformService);
  std::unique_ptr<integration::TestSchema> schema_;
  std::unique_ptr<ServiceHost> host_;
  Skp built_;
  std::unique_ptr<sv1::SkpService::Stub> stub_;
  std::string other_admin_;
};

}  // namespace ekinerja::skp::it
