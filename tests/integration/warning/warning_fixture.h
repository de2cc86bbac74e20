#pragma once

// The warning service alone, per test, against fakes of its peers (tests/mocks): its own Postgres
// schema, the service built by BuildWarning as main.cc builds it (no scheduler thread, no drain
// thread: tests tick them), on port 0, with a FakeDirectory for identity (the Dinas Kesehatan of
// integration/common/seed_org.h, zone Asia/Jakarta), a FakeAttendance, a FakeActivityMonths, a
// FakeSkpEvaluations and a FakeScoring, and tokens signed by a TestTokenIssuer whose key it trusts.
//
// The clock is 10:00 WIB on Wednesday 14 October 2026 unless a test moves it: the days up to
// Monday 12 October are due (their reports were due by the next day 23:59 WIB), Tuesday 13 is
// not. Who reports to whom (seed_org.h): kadis at the top; kabid_p2p and kabid_yankes to kadis;
// staf_p2p to kabid_p2p; staf_s1_a and staf_s1_b to staf_p2p (Plt of the vacant KASI);
// staf_yankes to kabid_yankes; staf_sekretariat to kadis.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "ekinerja/warning/v1/warning.grpc.pb.h"
#include "fake_activity_months.h"
#include "fake_attendance.h"
#include "fake_directory.h"
#include "fake_scoring.h"
#include "fake_skp_evaluations.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/common/counter_value.h"
#include "integration/common/fake_seed.h"
#include "integration/common/grpc_expect.h"
#include "integration/common/seed_org.h"
#include "integration/common/test_db.h"
#include "test_tokens.h"
#include "warning_wiring.h"

namespace ekinerja::warning::it {

namespace wv1 = ::ekinerja::warning::v1;

using integration::Date;
using integration::HasCode;
using integration::Ok;
using integration::SeededTenant;
using integration::ViolatedFields;

const absl::CivilDay kThu(2026, 10, 8);
const absl::CivilDay kFri(2026, 10, 9);
const absl::CivilDay kMon(2026, 10, 12);
const absl::CivilDay kTue(2026, 10, 13);
const absl::CivilDay kToday(2026, 10, 14);  // a Wednesday

// The instant of `day` hour:minute:second in Asia/Jakarta (WIB).
absl::Time Wib(absl::CivilDay day, int hour, int minute, int second = 0);

class WarningTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token = "") {
    return integration::Ctx(token);
  }
  wv1::WarningService::Stub& warning() { return *stub_; }
  mocks::FakeDirectory& directory() { return *directory_; }
  mocks::FakeAttendance& attendance() { return *attendance_; }
  mocks::FakeActivityMonths& activity() { return *activity_; }
  mocks::FakeSkpEvaluations& skp() { return *skp_; }
  mocks::FakeScoring& scoring() { return *scoring_; }
  WarningParts& parts() { return *built_.parts; }
  double Counter(const std::string& name, const std::map<std::string, std::string>& labels = {}) {
    return integration::CounterValue(host_->metrics().registry(), name, labels);
  }
  void SetNow(absl::Time now) { now_->store(absl::ToUnixMicros(now)); }
  // The next sweep's transaction fails after it wrote everything, before it commits (killed).
  void FailNextCommit() { fail_next_commit_->store(true); }

  // The token of a seeded login (kTenantAdmin, kAuditor, kOpdAdmin) or of a seeded employee by NIP.
  std::string Token(const std::string& username);
  std::string Admin() { return seeded_.admin_token; }
  // A second tenant, "lain" (its own NIPs), and its admin's token.
  const SeededTenant& Other();

  // `nip` present on `day` 07:30-16:00 (an empty `out`: no check-out).
  void Present(const std::string& nip, absl::CivilDay day, const std::string& out = "16:00");
  // `nip` on approved leave (CUTI_TAHUNAN) on `day`.
  void OnLeave(const std::string& nip, absl::CivilDay day);
  // An entry of `nip` for `day` in `status` ("SUBMITTED", "DRAFT", ...), submitted to
  // `verifier` at `submitted` (when it was).
  void Entry(const std::string& nip, absl::CivilDay day, const std::string& status = "SUBMITTED",
             const std::string& verifier = "", absl::Time submitted = absl::InfinitePast());
  // Everyone of the seeded tenant present on `day` with a submitted entry, but `except`.
  void AllFiled(absl::CivilDay day, const std::vector<std::string>& except = {});

  // RunSweep as the tenant admin; the test fails when it does not succeed.
  wv1::Sweep Sweep(absl::CivilDay day, wv1::SweepKind kind = wv1::SWEEP_KIND_DAILY);
  grpc::Status TrySweep(absl::CivilDay day, wv1::SweepKind kind, wv1::Sweep* out,
                        const std::string& token = "");
  // `nip`'s inbox as `nip` sees it.
  std::vector<wv1::Warning> Inbox(const std::string& nip);
  // Every warning of the tenant as (rule, subject NIP, recipient NIP, day), sorted.
  std::vector<std::string> AllWarnings();

  long Count(const std::string& from) { return schema_->Count(from); }
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
  std::shared_ptr<mocks::FakeScoring> scoring_ = std::make_shared<mocks::FakeScoring>(*directory_);
  std::shared_ptr<std::atomic<int64_t>> now_ = std::make_shared<std::atomic<int64_t>>();
  std::shared_ptr<std::atomic<bool>> fail_next_commit_ = std::make_shared<std::atomic<bool>>();
  std::unique_ptr<integration::TestSchema> schema_;
  std::unique_ptr<ServiceHost> host_;
  Warning built_;
  std::unique_ptr<wv1::WarningService::Stub> stub_;
  SeededTenant other_;
  int request_seq_ = 0;
};

}  // namespace ekinerja::warning::it
