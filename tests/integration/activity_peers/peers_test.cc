// The activity service with its REAL peers (issue 11): the real attendance and SKP services
// in-process, each on its own schema and port, activity talking to them through the shared gRPC
// clients (services/common/clients: attendance.h, skp_plans.h) as main.cc builds them; identity is
// the FakeDirectory all three share, with one token issuer all three trust. The service tests use
// fakes of attendance and SKP (activity_fixture.h); these tests hold the conversation itself: a
// punch pushed to attendance opens the day, an RHK approved in SKP is one to report on, and the
// fakes answer the gates as the real services do.
//
// The clock is the real one (attendance refuses days that have not come): the work date is the
// local day of a punch one minute ago in Asia/Jakarta.

#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "activity_wiring.h"
#include "civil.h"
#include "clients/attendance.h"
#include "clients/skp_plans.h"
#include "ekinerja/activity/v1/activity.grpc.pb.h"
#include "ekinerja/skp/v1/skp.grpc.pb.h"
#include "fake_attendance.h"
#include "fake_directory.h"
#include "fake_skp_plans.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "integration/attendance/attendance_process.h"
#include "integration/common/fake_seed.h"
#include "integration/common/grpc_expect.h"
#include "integration/common/test_db.h"
#include "integration/common/test_host.h"
#include "skp_wiring.h"
#include "test_tokens.h"

namespace ekinerja::activity::it {
namespace {

namespace atv1 = ::ekinerja::attendance::v1;
namespace av1 = ::ekinerja::activity::v1;
namespace sv1 = ::ekinerja::skp::v1;
using integration::Ctx;
using integration::Date;
using integration::HasCode;
using integration::Ok;
using integration::PreconditionOf;

// A service of the suite in-process on its own schema (SKP and activity; attendance has its own
// AttendanceProcess).
struct Hosted {
  std::unique_ptr<integration::TestSchema> schema;
  std::unique_ptr<ServiceHost> host;

  void Create(const std::string& name, absl::Span<const EmbeddedFile> sql) {
    auto s = integration::TestSchema::Create();
    ASSERT_TRUE(s.ok()) << s.status();
    schema = std::move(*s);
    auto h = ServiceHost::Create(integration::TestServerOptions(name, *schema), sql);
    ASSERT_TRUE(h.ok()) << h.status();
    host = std::move(*h);
  }
  void Start(const ServiceSetup& setup) {
    const absl::Status st = host->Start(setup.services, setup.verifier, setup.public_methods);
    ASSERT_TRUE(st.ok()) << st;
  }
  std::shared_ptr<grpc::Channel> Channel() const {
    return grpc::CreateChannel(absl::StrCat("127.0.0.1:", host->grpc_port()),
                               grpc::InsecureChannelCredentials());
  }
  ~Hosted() {
    if (host) host->Shutdown();
  }
};

class ActivityPeersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    seeded_ = integration::DeclareSeedTenant(*directory_, "dinkes", 0);
    absl::LoadTimeZone("Asia/Jakarta", &jakarta_);
    // A punch before the day's midpoint is its check-in: 07:41 today, or a few seconds ago when
    // the test runs earlier in the day.
    const absl::Time now = absl::Now();
    const absl::CivilDay today = LocalDay(now - absl::Seconds(5), jakarta_);
    punch_time_ = std::min(now - absl::Seconds(5),
                           absl::FromCivil(absl::CivilMinute(today) + 7 * 60 + 41, jakarta_));
    work_date_ = LocalDay(punch_time_, jakarta_);

    attendance_.Start({directory_, tokens_.PublicKeys()});
    ASSERT_FALSE(HasFatalFailure());
    attendance_.RegisterDevice(
        seeded_.admin_token, {seeded_.kadis, seeded_.kabid_p2p, seeded_.staf_p2p, seeded_.staf_s1_a,
                              seeded_.staf_s1_b, seeded_.staf_yankes});
    ASSERT_FALSE(HasFailure());
    WorkEveryHourOfToday();

    skp_.Create("skp", skp::SkpSql());
    ASSERT_FALSE(HasFatalFailure());
    auto skp_built =
        skp::BuildSkp(*skp_.host, skp::SkpOptions{}, {directory_, tokens_.PublicKeys()});
    ASSERT_TRUE(skp_built.ok()) << skp_built.status();
    skp_built_ = *std::move(skp_built);
    skp_.Start(skp_built_.setup);
    ASSERT_FALSE(HasFatalFailure());
    skp_stub_ = sv1::SkpService::NewStub(skp_.Channel());

    activity_.Create("activity", ActivitySql());
    ASSERT_FALSE(HasFatalFailure());
    ActivityClients clients;
    clients.directory = directory_;
    clients.attendance = clients::MakeAttendanceClient(
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", attendance_.port()),
                            grpc::InsecureChannelCredentials()),
        absl::Seconds(5), /*cache_for=*/absl::ZeroDuration());
    clients.skp =
        clients::MakeSkpPlansClient(skp_.Channel(), absl::Seconds(5), absl::ZeroDuration());
    clients.public_keys = tokens_.PublicKeys();
    auto built = BuildActivity(*activity_.host, ActivityOptions{}, std::move(clients));
    ASSERT_TRUE(built.ok()) << built.status();
    activity_built_ = *std::move(built);
    activity_.Start(activity_built_.setup);
    ASSERT_FALSE(HasFatalFailure());
    stub_ = av1::ActivityService::NewStub(activity_.Channel());
  }

  void TearDown() override {
    stub_.reset();
    skp_stub_.reset();
    if (activity_.host) activity_.host->Shutdown();
    if (skp_.host) skp_.host->Shutdown();
    attendance_.Shutdown();
  }

  std::string Token(const std::string& login) {
    return integration::SeededLogin(*directory_, seeded_, login);
  }

  // Whatever the hour and weekday the test runs at, staf_s1_a works today (a seven-day template
  // assigned to them for today only) and a day's punches are taken from 12 hours either side of
  // its hours (the tenant's window margin at its maximum).
  void WorkEveryHourOfToday() {
    const std::string admin = seeded_.admin_token;
    atv1::CreateScheduleTemplateRequest tmpl;
    tmpl.mutable_template_()->set_code("IT-7HK");
    tmpl.mutable_template_()->set_name("Tujuh hari kerja");
    for (int d = 0; d < 7; ++d) {
      atv1::WorkHours* h = tmpl.mutable_template_()->add_days();
      h->set_start("07:30");
      h->set_end("16:00");
    }
    atv1::ScheduleTemplate made;
    ASSERT_TRUE(Ok(attendance_.stub().CreateScheduleTemplate(Ctx(admin).get(), tmpl, &made)));
    atv1::AssignScheduleRequest assign;
    assign.mutable_assignment()->set_template_code("IT-7HK");
    assign.mutable_assignment()->set_nip(seeded_.staf_s1_a);
    *assign.mutable_assignment()->mutable_start_date() = Date(work_date_);
    *assign.mutable_assignment()->mutable_end_date() = Date(work_date_);
    atv1::ScheduleAssignment assigned;
    ASSERT_TRUE(Ok(attendance_.stub().AssignSchedule(Ctx(admin).get(), assign, &assigned)));
    atv1::GetAttendanceRulesRequest get;
    atv1::AttendanceRules rules;
    ASSERT_TRUE(Ok(attendance_.stub().GetAttendanceRules(Ctx(admin).get(), get, &rules)));
    rules.set_window_margin_minutes(720);
    atv1::UpdateAttendanceRulesRequest update;
    *update.mutable_rules() = rules;
    ASSERT_TRUE(Ok(attendance_.stub().UpdateAttendanceRules(Ctx(admin).get(), update, &rules)));
  }

  // `nip` (PIN `pin` on the seeded device) punches at `at` (punch_time_ when unset).
  void PunchIn(const std::string& pin, std::optional<absl::Time> at = std::nullopt) {
    atv1::RawPunch p;
    p.set_device_serial(attendance::it::kDevice);
    p.set_pin(pin);
    *p.mutable_punch_time() = ToProtoTimestamp(at.value_or(punch_time_));
    auto service = directory_->ServiceToken(seeded_.code);
    ASSERT_TRUE(service.ok()) << service.status();
    atv1::IngestReport report;
    auto ctx = Ctx(*service);
    auto writer = attendance_.stub().PushPunches(ctx.get(), &report);
    atv1::PushPunchesRequest msg;
    *msg.add_punches() = p;
    writer->Write(msg);
    writer->WritesDone();
    ASSERT_TRUE(Ok(writer->Finish()));
  }

  // `nip`'s SKP of the year with one RHK utama linked to `parent` (0 at the top), submitted and
  // approved by `approver`; its RHK.
  int64_t ApprovedSkp(const std::string& nip, const std::string& approver, int64_t parent) {
    sv1::CreateSkpRequest create;
    create.mutable_skp()->set_nip(nip);
    create.mutable_skp()->set_year(work_date_.year());
    sv1::Skp skp;
    EXPECT_TRUE(Ok(skp_stub_->CreateSkp(Ctx(Token(nip)).get(), create, &skp))) << nip;
    sv1::UpdateSkpPlanRequest plan;
    plan.set_id(skp.id());
    plan.set_revision(skp.revision());
    sv1::Rhk* rhk = plan.add_rhks();
    rhk->set_kind(sv1::RHK_KIND_UTAMA);
    rhk->set_description("Laporan surveilans tersusun tepat waktu");
    rhk->set_parent_rhk_id(parent);
    sv1::Iki* iki = rhk->add_ikis();
    iki->set_description("Jumlah laporan");
    iki->mutable_target()->set_quantity(12);
    iki->mutable_target()->set_unit("laporan");
    iki->mutable_target()->set_quality(100);
    iki->mutable_target()->set_months(12);
    EXPECT_TRUE(Ok(skp_stub_->UpdateSkpPlan(Ctx(Token(nip)).get(), plan, &skp))) << nip;
    sv1::SubmitSkpRequest submit;
    submit.set_id(skp.id());
    submit.set_revision(skp.revision());
    EXPECT_TRUE(Ok(skp_stub_->SubmitSkp(Ctx(Token(nip)).get(), submit, &skp))) << nip;
    sv1::ApproveSkpRequest approve;
    approve.set_id(skp.id());
    approve.set_revision(skp.revision());
    EXPECT_TRUE(Ok(skp_stub_->ApproveSkp(Ctx(approver).get(), approve, &skp))) << nip;
    EXPECT_EQ(skp.status(), sv1::SKP_STATUS_APPROVED) << nip;
    return skp.rhks_size() > 0 ? skp.rhks(0).id() : 0;
  }

  // staf_s1_a's approved SKP, cascaded from the kepala dinas down (each RHK utama linked to the
  // atasan's): its RHK.
  int64_t ApprovedRhk() {
    int64_t parent = ApprovedSkp(seeded_.kadis, seeded_.admin_token, 0);
    parent = ApprovedSkp(seeded_.kabid_p2p, Token(seeded_.kadis), parent);
    parent = ApprovedSkp(seeded_.staf_p2p, Token(seeded_.kabid_p2p), parent);
    return ApprovedSkp(seeded_.staf_s1_a, Token(seeded_.staf_p2p), parent);
  }

  av1::CreateEntryRequest EntryReq(absl::CivilDay day, int64_t rhk, const std::string& id) {
    av1::CreateEntryRequest req;
    *req.mutable_entry()->mutable_work_date() = Date(day);
    req.mutable_entry()->set_start_time("08:00");
    req.mutable_entry()->set_end_time("09:00");
    req.mutable_entry()->set_description("Menyusun laporan surveilans mingguan");
    req.mutable_entry()->set_rhk_id(rhk);
    req.set_request_id(id);
    return req;
  }

  mocks::TestTokenIssuer tokens_;
  std::shared_ptr<mocks::FakeDirectory> directory_ =
      std::make_shared<mocks::FakeDirectory>(tokens_, "ekinerja-attendance");
  integration::SeededTenant seeded_;
  absl::TimeZone jakarta_;
  absl::Time punch_time_;
  absl::CivilDay work_date_;
  attendance::it::AttendanceProcess attendance_;
  Hosted skp_, activity_;
  skp::Skp skp_built_;
  Activity activity_built_;
  std::unique_ptr<sv1::SkpService::Stub> skp_stub_;
  std::unique_ptr<av1::ActivityService::Stub> stub_;
};

TEST_F(ActivityPeersTest, APunchOpensTheDayAndTheApprovedRhkIsOneToReportOn) {
  const std::string nip = seeded_.staf_s1_a;  // PIN "4"
  const int64_t rhk = ApprovedRhk();
  ASSERT_GT(rhk, 0);
  av1::Entry out;
  // No punch yet: attendance says so, and the gate refuses.
  grpc::Status st = stub_->CreateEntry(Ctx(Token(nip)).get(), EntryReq(work_date_, rhk, "a"), &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st),
            absl::StrCat("NO_CHECK_IN entries/", nip, "/", FormatDate(work_date_)));
  PunchIn("4");
  ASSERT_FALSE(HasFatalFailure());
  ASSERT_TRUE(Ok(stub_->CreateEntry(Ctx(Token(nip)).get(), EntryReq(work_date_, rhk, "b"), &out)));
  EXPECT_EQ(out.rhk_id(), rhk);
  EXPECT_GT(out.skp_id(), 0);
  EXPECT_EQ(out.earned_minutes(), 60);
  // A colleague cannot report on it: it is not an RHK of their SKP (they have none approved).
  PunchIn("5");
  st =
      stub_->CreateEntry(Ctx(Token(seeded_.staf_s1_b)).get(), EntryReq(work_date_, rhk, "c"), &out);
  EXPECT_EQ(PreconditionOf(st), absl::StrCat("NO_APPROVED_SKP entries/", seeded_.staf_s1_b, "/",
                                             FormatDate(work_date_)));
}

// The fakes the service tests use answer the questions of the gates as the real services do.
TEST_F(ActivityPeersTest, TheFakesAnswerAsTheRealServices) {
  const std::string nip = seeded_.staf_s1_a;
  const int64_t rhk = ApprovedRhk();
  PunchIn("4");
  ASSERT_FALSE(HasFatalFailure());
  auto real_attendance = clients::MakeAttendanceClient(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", attendance_.port()),
                          grpc::InsecureChannelCredentials()),
      absl::Seconds(5), absl::ZeroDuration());
  auto real_skp =
      clients::MakeSkpPlansClient(skp_.Channel(), absl::Seconds(5), absl::ZeroDuration());
  mocks::FakeAttendance fake_attendance(*directory_);
  mocks::FakeSkpPlans fake_skp(*directory_);
  // The fakes told what the real services hold: a check-in without check-out today; the plan.
  clients::AttendanceDay today;
  today.nip = nip;
  today.date = work_date_;
  today.checked_in = true;
  today.workday = true;  // the seven-day template of today
  today.first_in = absl::Now();
  fake_attendance.SetDay(today);
  auto plan = real_skp->PlanOn(Token(nip), nip, work_date_);
  ASSERT_TRUE(plan.ok()) << plan.status();
  fake_skp.SetPlan(nip, absl::CivilDay(work_date_.year(), 1, 1),
                   absl::CivilDay(work_date_.year(), 12, 31), *plan);

  auto describe_days = [](const absl::StatusOr<std::vector<clients::AttendanceDay>>& days) {
    if (!days.ok()) return std::string(absl::StatusCodeToString(days.status().code()));
    std::string out;
    for (const clients::AttendanceDay& d : *days) {
      absl::StrAppend(&out, FormatDate(d.date), d.workday ? " workday" : " off",
                      d.checked_in ? " in" : " -", d.first_in ? " first_in" : "",
                      d.last_out ? " last_out" : "", "; ");
    }
    return out;
  };
  const absl::CivilDay first = work_date_ - 3;
  for (const std::string& login :
       {nip, seeded_.staf_p2p, seeded_.staf_s1_b, std::string(integration::kTenantAdmin)}) {
    SCOPED_TRACE(login);
    EXPECT_EQ(describe_days(real_attendance->DaysOf(Token(login), nip, first, work_date_)),
              describe_days(fake_attendance.DaysOf(Token(login), nip, first, work_date_)));
    auto real_plan = real_skp->PlanOn(Token(login), nip, work_date_);
    auto fake_plan = fake_skp.PlanOn(Token(login), nip, work_date_);
    ASSERT_EQ(real_plan.status().code(), fake_plan.status().code());
    if (real_plan.ok()) {
      EXPECT_EQ(real_plan->skp_id, fake_plan->skp_id);
      ASSERT_EQ(real_plan->rhks.size(), 1u);
      EXPECT_EQ(real_plan->rhks[0].id, rhk);
      EXPECT_EQ(real_plan->rhks[0].kind, "UTAMA");
    }
  }
  // The month lock scoring sets: the same answers from both (the fake checks no right).
  const std::string admin = Token(integration::kTenantAdmin);
  for (clients::Attendance* att :
       {real_attendance.get(), static_cast<clients::Attendance*>(&fake_attendance)}) {
    SCOPED_TRACE(att == real_attendance.get() ? "real" : "fake");
    EXPECT_TRUE(att->LockMonth(admin, 2024, 3, "tpp-runs/9").ok());
    EXPECT_TRUE(att->LockMonth(admin, 2024, 3, "tpp-runs/9").ok());
    EXPECT_EQ(att->LockMonth(admin, 2024, 13, "tpp-runs/9").code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(att->UnlockMonth(admin, 2024, 3, "").code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(att->UnlockMonth(admin, 2024, 3, "tpp-runs/9").ok());
  }
  EXPECT_EQ(real_attendance->LockMonth(Token(nip), 2024, 3, "tpp-runs/9").code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(fake_attendance.LockOf(2024, 3), std::nullopt);
  ASSERT_TRUE(fake_attendance.LockMonth(admin, 2024, 4, "tpp-runs/10").ok());
  EXPECT_EQ(fake_attendance.LockOf(2024, 4), "tpp-runs/10");
  // Someone without an approved SKP: an empty plan from both.
  auto none = real_skp->PlanOn(Token(seeded_.staf_s1_b), seeded_.staf_s1_b, work_date_);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_EQ(none->skp_id, 0);
  EXPECT_EQ(fake_skp.PlanOn(Token(seeded_.staf_s1_b), seeded_.staf_s1_b, work_date_)->skp_id, 0);
}

// What scoring reads of a day through the shared client (issue 12): the tiers and minutes as
// attendance computed them, the check-in and check-out each alone, the absence's kind.
TEST_F(ActivityPeersTest, TheAttendanceClientReadsWhatScoringDeductsFor) {
  const std::string nip = seeded_.staf_s1_a;
  const absl::CivilDay late = work_date_ - 7, sick = work_date_ - 6, no_out = work_date_ - 5;
  PunchIn("4", absl::FromCivil(absl::CivilSecond(late.year(), late.month(), late.day(), 8, 47, 0),
                               jakarta_));
  PunchIn("4", absl::FromCivil(absl::CivilSecond(late.year(), late.month(), late.day(), 15, 2, 0),
                               jakarta_));
  PunchIn("4",
          absl::FromCivil(absl::CivilSecond(no_out.year(), no_out.month(), no_out.day(), 7, 10, 0),
                          jakarta_));
  ASSERT_FALSE(HasFatalFailure());
  const std::string admin = Token(integration::kTenantAdmin);
  atv1::CreateAbsenceRequest absence;
  absence.mutable_absence()->set_nip(nip);
  absence.mutable_absence()->set_kind(atv1::ABSENCE_KIND_SAKIT);
  *absence.mutable_absence()->mutable_start_date() = ToProtoDate(sick);
  *absence.mutable_absence()->mutable_end_date() = ToProtoDate(sick);
  absence.set_request_id("sakit-1");
  atv1::Absence created;
  ASSERT_TRUE(Ok(attendance_.stub().CreateAbsence(Ctx(admin).get(), absence, &created)));

  auto client = clients::MakeAttendanceClient(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", attendance_.port()),
                          grpc::InsecureChannelCredentials()),
      absl::Seconds(5), absl::ZeroDuration());
  auto days = client->DaysOf(admin, nip, late, no_out);
  ASSERT_TRUE(days.ok()) << days.status();
  ASSERT_EQ(days->size(), 3u);
  atv1::ListAttendanceDaysRequest list;
  list.set_nip(nip);
  *list.mutable_start_date() = ToProtoDate(late);
  *list.mutable_end_date() = ToProtoDate(no_out);
  atv1::ListAttendanceDaysResponse served;
  ASSERT_TRUE(Ok(attendance_.stub().ListAttendanceDays(Ctx(admin).get(), list, &served)));
  ASSERT_EQ(served.days_size(), 3);
  for (int i = 0; i < 3; ++i) {
    SCOPED_TRACE(i);
    const clients::AttendanceDay& d = (*days)[i];
    const atv1::AttendanceDay& s = served.days(i);
    EXPECT_EQ(d.tl_tier, s.tl_tier());
    EXPECT_EQ(d.psw_tier, s.psw_tier());
    EXPECT_EQ(d.minutes_late, s.minutes_late());
    EXPECT_EQ(d.minutes_early, s.minutes_early());
    EXPECT_EQ(d.first_in.has_value(), s.has_first_in_time());
    EXPECT_EQ(d.last_out.has_value(), s.has_last_out_time());
  }
  EXPECT_EQ((*days)[0].first_in,
            absl::FromCivil(absl::CivilSecond(late.year(), late.month(), late.day(), 8, 47, 0),
                            jakarta_));
  EXPECT_EQ((*days)[0].absence_kind, "");
  EXPECT_EQ((*days)[1].absence_kind, "SAKIT");
  EXPECT_EQ((*days)[1].status, "SAKIT");
  // A check-in without a check-out: first_in alone (PSW tier 4 for scoring).
  EXPECT_TRUE((*days)[2].first_in.has_value());
  EXPECT_FALSE((*days)[2].last_out.has_value());
}

}  // namespace
}  // namespace ekinerja::activity::it
