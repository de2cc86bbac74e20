#pragma once

// The scoring service alone, per test, against fakes of its peers (tests/mocks): its own Postgres
// schema, the service built by BuildScoring as main.cc builds it, on port 0, with a FakeDirectory
// for identity (the Dinas Kesehatan of integration/common/seed_org.h), a FakeAttendance, a
// FakeActivityMonths and a FakeSkpEvaluations, and tokens signed by a TestTokenIssuer whose key
// it trusts. The clock is 10:00 WIB on kToday (Tuesday 2026-05-05) unless a test moves it.
//
// The month of the tests is April 2026: 22 workdays (Monday to Friday; the fake attendance knows
// no holidays). The run of DINKES.P2P has four employees (kelas and golongan from seed_org.h):
//
//   kabid_p2p  IV/a  DINKES.P2P.KABID   kelas 12  6,750,000
//   staf_p2p   III/c DINKES.P2P.STAF    kelas  7  3,250,000
//   staf_s1_a  III/a DINKES.P2P.S1.STAF kelas  6  2,850,000
//   staf_s1_b  II/c  DINKES.P2P.S1.STAF kelas  6  2,850,000
//
// SeedApril (the national defaults, version 0) sets everyone present 07:30-16:00 on every workday,
// and then for staf_s1_a: Tue 7 TL tier 2, Wed 8 tanpa keterangan, Thu 9 izin, Fri 10 a check-in
// without check-out, capaian 4/5 with Tue 14 and Wed 15 present without an approved report, and
// a hukuman ringan from April 1; capaian 1/1 for kabid_p2p, 1/2 for staf_p2p, 9/10 for
// staf_s1_b. kAprilTotals are its run's totals, worked out in scoring_fixture.cc.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "ekinerja/scoring/v1/scoring.grpc.pb.h"
#include "fake_activity_months.h"
#include "fake_attendance.h"
#include "fake_directory.h"
#include "fake_skp_evaluations.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/common/counter_value.h"
#include "integration/common/fake_seed.h"
#include "integration/common/grpc_expect.h"
#include "integration/common/seed_org.h"
#include "integration/common/test_db.h"
#include "scoring_wiring.h"
#include "test_tokens.h"

namespace ekinerja::scoring::it {

namespace sv1 = ::ekinerja::scoring::v1;

using integration::Date;
using integration::HasCode;
using integration::Ok;
using integration::PreconditionOf;
using integration::SeededTenant;
using integration::ViolatedFields;

const absl::CivilDay kToday(2026, 5, 5);  // a Tuesday
constexpr int kYear = 2026;
constexpr int kApril = 4;
constexpr char kRunUnit[] = "DINKES.P2P";
constexpr char kVerifier[] = "verifikator";  // VERIFIKATOR_TPP of the seeded tenant

// The instant of `day` hour:minute in Asia/Jakarta (WIB).
absl::Time JakartaTime(absl::CivilDay day, int hour, int minute);

// The totals of SeedApril's run of DINKES.P2P.
sv1::RunTotals AprilTotals();

// Field by field (MessageDifferencer::Equals).
bool SameMessage(const google::protobuf::Message& a, const google::protobuf::Message& b);

class ScoringTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token = "") {
    return integration::Ctx(token);
  }
  sv1::ScoringService::Stub& scoring() { return *stub_; }
  mocks::FakeDirectory& directory() { return *directory_; }
  mocks::FakeAttendance& attendance() { return *attendance_; }
  mocks::FakeActivityMonths& activity() { return *activity_; }
  mocks::FakeSkpEvaluations& skp() { return *skp_; }
  double Counter(const std::string& name, const std::map<std::string, std::string>& labels = {}) {
    return integration::CounterValue(host_->metrics().registry(), name, labels);
  }
  void SetNow(absl::Time now) { now_->store(absl::ToUnixMicros(now)); }

  // The token of a seeded login (kTenantAdmin, kAuditor, kOpdAdmin, kVerifier), or of any seeded
  // employee by NIP (PEGAWAI, ATASAN when they have subordinates).
  std::string Token(const std::string& username);
  std::string Admin() { return seeded_.admin_token; }
  // A second tenant, "lain" (its own NIPs), its admin's token and its kabid_p2p's.
  const SeededTenant& Other();
  std::string OtherAdmin();
  std::string OtherSupervisor();
  // A SERVICE token of the seeded tenant.
  std::string ServiceToken();
  // A new channel to the service (for a peer's client of it).
  std::shared_ptr<grpc::Channel> Channel() const;

  // `nip` present 07:30-16:00 on every workday of `month`.
  void PresentMonth(const std::string& nip, absl::CivilMonth month);
  // `nip`'s day `date` on a workday with `status`, an absence kind and tiers (tier 4: a punch
  // missing, as attendance reports a check-in without check-out).
  void SetDay(const std::string& nip, absl::CivilDay date, const std::string& status,
              const std::string& absence_kind = "", int tl_tier = 0, int psw_tier = 0);
  // `nip`'s activity month: capaian num/den and the days present without an approved report.
  void SetActivity(const std::string& nip, absl::CivilMonth month, int64_t num, int64_t den,
                   std::vector<absl::CivilDay> without_approved = {});
  // Everyone of DINKES.P2P present every workday of `month`, capaian 1/1 (all in box 9).
  void SeedFullMonth(absl::CivilMonth month);
  // The month of the header comment (the sanction created through the API).
  void SeedApril();

  // A sanction request of `nip` (with a fresh request id).
  sv1::CreateSanctionRequest SanctionReq(const std::string& nip, sv1::SanctionLevel level,
                                         absl::CivilDay start, absl::CivilDay end,
                                         const std::string& reference);
  sv1::CreateTppRunRequest RunReq(int year, int month, const std::string& unit = kRunUnit);
  // Creates the run as the tenant admin (the test fails when the call does not succeed).
  sv1::TppRun CreateRun(int year, int month, const std::string& unit = kRunUnit);
  // DRAFT -> VERIFIED -> LOCKED by the verifier and the admin.
  sv1::TppRun VerifyAndLock(int64_t run_id);
  sv1::Instrument InstrumentOf(const std::string& nip, int year, int month, int64_t run_id = 0);

  // A row count of the scoring schema ("runs WHERE status = 'DRAFT'").
  long Count(const std::string& from) { return schema_->Count(from); }
  const integration::TestSchema& schema() const { return *schema_; }
  std::string NextRequestId() { return "req-" + std::to_string(++request_seq_); }

  SeededTenant seeded_;

 private:
  mocks::TestTokenIssuer tokens_;
  std::shared_ptr<mocks::FakeDirectory> directory_ =
      std::make_shared<mocks::FakeDirectory>(tokens_, integration::kPlatformService);
  std::shared_ptr<mocks::FakeAttendance> attendance_ =
      std::make_shared<mocks::FakeAttendance>(*directory_);
  std::shared_ptr<mocks::FakeActivityMonths> activity_ =
      std::make_shared<mocks::FakeActivityMonths>(*directory_);
  std::shared_ptr<mocks::FakeSkpEvaluations> skp_ =
      std::make_shared<mocks::FakeSkpEvaluations>(*directory_, kToday);
  std::shared_ptr<std::atomic<int64_t>> now_ = std::make_shared<std::atomic<int64_t>>();
  std::unique_ptr<integration::TestSchema> schema_;
  std::unique_ptr<ServiceHost> host_;
  Scoring built_;
  std::unique_ptr<sv1::ScoringService::Stub> stub_;
  SeededTenant other_;
  int request_seq_ = 0;
};

}  // namespace ekinerja::scoring::it
