#pragma once

// The activity service alone, per test, against fakes of its peers (tests/mocks): its own
// Postgres schema, the service built by BuildActivity as main.cc builds it, on port 0, with a
// FakeDirectory for identity (the Dinas Kesehatan of integration/common/seed_org.h), a
// FakeAttendance and a FakeSkpPlans, and tokens signed by a TestTokenIssuer whose key it trusts.
// The clock is 10:00 WIB on kToday (Tuesday 2026-02-10) unless a test moves it (SetNow):
//
//   kadis (top) <- kabid_p2p <- staf_p2p (STAF of P2P; Plt KASI of S1) <- staf_s1_a, staf_s1_b

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "activity_wiring.h"
#include "ekinerja/activity/v1/activity.grpc.pb.h"
#include "fake_attendance.h"
#include "fake_directory.h"
#include "fake_skp_plans.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/common/counter_value.h"
#include "integration/common/fake_seed.h"
#include "integration/common/grpc_expect.h"
#include "integration/common/seed_org.h"
#include "integration/common/test_db.h"
#include "test_tokens.h"

namespace ekinerja::activity::it {

namespace av1 = ::ekinerja::activity::v1;

using integration::Date;
using integration::HasCode;
using integration::Ok;
using integration::PreconditionOf;
using integration::SeededTenant;
using integration::ViolatedFields;

const absl::CivilDay kToday(2026, 2, 10);  // a Tuesday
// The instant of `day` hour:minute:second in Asia/Jakarta (WIB).
absl::Time JakartaTime(absl::CivilDay day, int hour, int minute, int second = 0);

class ActivityTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token = "") {
    return integration::Ctx(token);
  }
  av1::ActivityService::Stub& activity() { return *stub_; }
  // The channel the stub uses (for the shared clients of services/common/clients).
  std::shared_ptr<grpc::Channel> channel() { return channel_; }
  mocks::FakeDirectory& directory() { return *directory_; }
  mocks::FakeAttendance& attendance() { return *attendance_; }
  mocks::FakeSkpPlans& plans() { return *plans_; }
  double Counter(const std::string& name, const std::map<std::string, std::string>& labels = {}) {
    return integration::CounterValue(host_->metrics().registry(), name, labels);
  }
  void SetNow(absl::Time now) { now_->store(absl::ToUnixMicros(now)); }
  // Round trips to the database so far (db::Pool::round_trips).
  int64_t RoundTrips() { return host_->pool().round_trips(); }

  // The token of a seeded login (kTenantAdmin, kAuditor, kOpdAdmin), or of any seeded employee
  // by NIP (PEGAWAI, ATASAN when they have subordinates).
  std::string Token(const std::string& username);
  // A second tenant, "lain" (its own NIPs), its admin's token and its kabid_p2p's (a supervisor
  // there).
  const SeededTenant& Other();
  std::string OtherAdmin();
  std::string OtherSupervisor();
  // A SERVICE token of the seeded tenant.
  std::string ServiceToken();

  // `nip` present on `day` from `in` to `out` ("" out: not checked out yet).
  void CheckIn(const std::string& nip, absl::CivilDay day = kToday, const std::string& in = "07:30",
               const std::string& out = "16:00") {
    attendance_->SetPresent(nip, day, in, out);
  }
  // `nip`'s approved plan for 2026: SKP RhkOf(nip) / 10, one RHK utama RhkOf(nip).
  void ApprovePlan(const std::string& nip);
  static int64_t RhkOf(const std::string& nip);

  // An entry of `day` from `start` to `end` serving `nip`'s RHK, with a request id.
  av1::CreateEntryRequest EntryReq(const std::string& nip, absl::CivilDay day,
                                   const std::string& start, const std::string& end);
  // Creates it (the test fails when the call does not succeed).
  av1::Entry Create(const std::string& nip, absl::CivilDay day, const std::string& start,
                    const std::string& end);
  // Submits `nip`'s entries of [first, last].
  std::vector<av1::Entry> Submit(const std::string& nip, absl::CivilDay first, absl::CivilDay last);
  // Checks in, plans and files one submitted entry of `day` for `nip`.
  av1::Entry Filed(const std::string& nip, absl::CivilDay day, const std::string& start = "08:00",
                   const std::string& end = "10:00");

  // An entry written straight into the schema as a decision leaves it (for the readers of decided
  // entries): `nip`'s entry of `day` from 08:00 for `minutes` (earning them), naming `rhk_id` (0:
  // a tugas tambahan), with `quantity` and `status`.
  void StoreEntry(const std::string& nip, absl::CivilDay day, int minutes, int64_t rhk_id,
                  int64_t quantity, const std::string& status = "APPROVED");
  // A row count of the activity schema.
  int64_t Count(const std::string& sql);
  // Runs a statement on the activity schema (setting up what no RPC of the test's topic does).
  void Exec(const std::string& sql);

  SeededTenant seeded_;

 private:
  mocks::TestTokenIssuer tokens_;
  std::shared_ptr<mocks::FakeDirectory> directory_ =
      std::make_shared<mocks::FakeDirectory>(tokens_, "ekinerja-activity");
  std::shared_ptr<mocks::FakeAttendance> attendance_ =
      std::make_shared<mocks::FakeAttendance>(*directory_);
  std::shared_ptr<mocks::FakeSkpPlans> plans_ = std::make_shared<mocks::FakeSkpPlans>(*directory_);
  std::shared_ptr<std::atomic<int64_t>> now_ = std::make_shared<std::atomic<int64_t>>();
  std::unique_ptr<integration::TestSchema> schema_;
  std::unique_ptr<ServiceHost> host_;
  Activity built_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<av1::ActivityService::Stub> stub_;
  SeededTenant other_;
  int request_seq_ = 0;
};

}  // namespace ekinerja::activity::it
