// Month summaries (DOMAIN §5; what scoring and warnings read) and month locks (the scoring
// service's TPP runs), against fakes of identity and attendance.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "integration/activity/activity_fixture.h"

namespace ekinerja::activity::it {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

// January 2026: 22 workdays (Thursday the 1st to Friday the 30th).
constexpr int kYear = 2026, kJanuary = 1;
absl::CivilDay Jan(int day) { return absl::CivilDay(kYear, kJanuary, day); }

class SummaryTest : public ActivityTest {
 protected:
  // An entry of `nip` on `day` from minute `start` to `end` in `status`, earning its span. Written
  // directly: deciding entries is not this topic's.
  void Insert(const std::string& nip, absl::CivilDay day, int start, int end,
              const std::string& status) {
    Exec(absl::StrCat(
        "INSERT INTO entries (tenant_id, nip, work_date, start_minute, end_minute, description, "
        "tugas_tambahan_ref, earned_minutes, status) VALUES ('",
        seeded_.code, "', '", nip, "', '", FormatDate(day), "', ", start, ", ", end,
        ", 'Kegiatan', 'Nota dinas 1/2026', ", end - start, ", '", status, "')"));
  }
  av1::MonthSummary Summary(const std::string& nip, const std::string& token,
                            int month = kJanuary) {
    av1::GetMonthSummaryRequest req;
    req.set_nip(nip);
    req.set_year(kYear);
    req.set_month(month);
    av1::MonthSummary out;
    EXPECT_TRUE(Ok(activity().GetMonthSummary(Ctx(token).get(), req, &out)));
    return out;
  }
  grpc::Status Stream(const std::string& token, const std::string& unit, int month,
                      std::vector<av1::MonthSummary>* out) {
    av1::StreamMonthSummariesRequest req;
    req.set_org_unit_code(unit);
    req.set_year(kYear);
    req.set_month(month);
    auto ctx = Ctx(token);
    auto reader = activity().StreamMonthSummaries(ctx.get(), req);
    av1::MonthSummary s;
    while (reader->Read(&s)) out->push_back(s);
    return reader->Finish();
  }
  static std::vector<std::string> Days(
      const google::protobuf::RepeatedPtrField<google::type::Date>& days) {
    std::vector<std::string> out;
    for (const google::type::Date& d : days) {
      out.push_back(absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day()));
    }
    return out;
  }
  // "numerator/denominator percent" of the capaian and of the approval ratio.
  static std::string Capaian(const av1::MonthSummary& s) {
    return absl::StrCat(s.capaian_numerator(), "/", s.capaian_denominator(), " ",
                        s.capaian_percent());
  }
  static std::string Approval(const av1::MonthSummary& s) {
    return absl::StrCat(s.approval_numerator(), "/", s.approval_denominator(), " ",
                        s.approval_percent());
  }
  static std::vector<std::string> ByStatus(const av1::MonthSummary& s) {
    std::vector<std::string> out;
    for (const av1::StatusCount& c : s.entries_by_status()) {
      out.push_back(absl::StrCat(av1::EntryStatus_Name(c.status()), "=", c.entries()));
    }
    return out;
  }
  grpc::Status Lock(const std::string& token, bool lock, const std::string& reference,
                    av1::MonthLock* out, int year = kYear, int month = 2) {
    if (lock) {
      av1::LockMonthRequest req;
      req.set_year(year);
      req.set_month(month);
      req.set_reference(reference);
      return activity().LockMonth(Ctx(token).get(), req, out);
    }
    av1::UnlockMonthRequest req;
    req.set_year(year);
    req.set_month(month);
    req.set_reference(reference);
    return activity().UnlockMonth(Ctx(token).get(), req, out);
  }
};

TEST_F(SummaryTest, PresentDaysWithoutSubmittedAndApprovedEntries) {
  const std::string nip = seeded_.staf_s1_a;
  for (int d : {5, 6, 7}) CheckIn(nip, Jan(d));
  // Isra Mi'raj: a holiday, present or not, is no workday.
  clients::AttendanceDay holiday;
  holiday.nip = nip;
  holiday.date = Jan(16);
  holiday.checked_in = true;
  holiday.status = "LIBUR";
  attendance().SetDay(holiday);
  Insert(nip, Jan(5), 8 * 60, 12 * 60, "APPROVED");   // 240
  Insert(nip, Jan(5), 13 * 60, 14 * 60, "REJECTED");  // 60
  Insert(nip, Jan(7), 8 * 60, 10 * 60, "SUBMITTED");
  Insert(nip, Jan(7), 10 * 60, 11 * 60, "DRAFT");
  Insert(nip, Jan(16), 8 * 60, 9 * 60, "APPROVED");               // 60, on the holiday
  Insert(seeded_.staf_s1_b, Jan(6), 8 * 60, 9 * 60, "APPROVED");  // a colleague's

  const av1::MonthSummary s = Summary(nip, Token(nip));
  EXPECT_EQ(s.nip(), nip);
  EXPECT_EQ(s.year(), 2026);
  EXPECT_EQ(s.month(), 1);
  EXPECT_EQ(s.workdays(), 21);
  EXPECT_EQ(s.workdays_present(), 3);
  EXPECT_THAT(Days(s.present_without_submitted()), ElementsAre("2026-01-06"));
  EXPECT_THAT(Days(s.present_without_approved()), ElementsAre("2026-01-06", "2026-01-07"));
  EXPECT_EQ(s.approved_minutes(), 300);
  EXPECT_EQ(s.target_minutes(), 6750);
  EXPECT_EQ(Capaian(s), "2/45 4.44");   // 300/6750
  EXPECT_EQ(Approval(s), "1/2 50.00");  // 2 approved of 4 submitted
  EXPECT_THAT(ByStatus(s), ElementsAre("ENTRY_STATUS_DRAFT=1", "ENTRY_STATUS_SUBMITTED=1",
                                       "ENTRY_STATUS_APPROVED=2", "ENTRY_STATUS_REJECTED=1"));
  EXPECT_FALSE(s.locked());
  EXPECT_EQ(attendance().CallCount("DaysOf"), 1);
}

TEST_F(SummaryTest, NothingSubmittedIsAZeroApprovalRatio) {
  const av1::MonthSummary s = Summary(seeded_.staf_s1_a, Token(seeded_.staf_s1_a));
  EXPECT_EQ(s.workdays(), 22);
  EXPECT_EQ(s.workdays_present(), 0);
  EXPECT_EQ(Capaian(s), "0/1 0.00");
  EXPECT_EQ(Approval(s), "0/1 0.00");
  EXPECT_EQ(s.entries_by_status_size(), 0);
}

TEST_F(SummaryTest, CapaianBelowAtAndAboveTheTarget) {
  const std::string nip = seeded_.staf_s1_a;
  // 15 workdays of 450 minutes, one a minute short: 6749.
  std::vector<absl::CivilDay> days;
  for (absl::CivilDay d = Jan(5); d <= Jan(23); ++d) {
    if (absl::GetWeekday(d) != absl::Weekday::saturday &&
        absl::GetWeekday(d) != absl::Weekday::sunday) {
      days.push_back(d);
    }
  }
  ASSERT_EQ(days.size(), 15u);
  for (size_t i = 0; i < days.size(); ++i) {
    CheckIn(nip, days[i]);
    Insert(nip, days[i], 8 * 60, i == 0 ? 15 * 60 + 29 : 15 * 60 + 30, "APPROVED");
  }
  av1::MonthSummary s = Summary(nip, Token(nip));
  EXPECT_EQ(s.approved_minutes(), 6749);
  EXPECT_EQ(Capaian(s), "6749/6750 99.99");
  EXPECT_EQ(s.workdays_present(), 15);
  EXPECT_EQ(s.present_without_approved_size(), 0);
  EXPECT_EQ(s.approval_percent(), "100.00");

  Insert(nip, Jan(26), 8 * 60, 8 * 60 + 1, "APPROVED");  // 6750
  s = Summary(nip, Token(nip));
  EXPECT_EQ(s.approved_minutes(), 6750);
  EXPECT_EQ(Capaian(s), "1/1 100.00");

  Insert(nip, Jan(27), 8 * 60, 8 * 60 + 1, "APPROVED");  // 6751, capped
  s = Summary(nip, Token(nip));
  EXPECT_EQ(s.approved_minutes(), 6751);
  EXPECT_EQ(Capaian(s), "1/1 100.00");
}

TEST_F(SummaryTest, TheCurrentMonthCountsTheDaysUntilToday) {
  // February 2026 until Tuesday the 10th: 7 workdays.
  const av1::MonthSummary s = Summary(seeded_.staf_s1_a, Token(seeded_.staf_s1_a), 2);
  EXPECT_EQ(s.workdays(), 7);
}

TEST_F(SummaryTest, ReadsFollowIdentitysRights) {
  const std::string nip = seeded_.staf_s1_a;
  av1::GetMonthSummaryRequest req;
  req.set_nip(nip);
  req.set_year(kYear);
  req.set_month(kJanuary);
  av1::MonthSummary out;
  EXPECT_TRUE(HasCode(activity().GetMonthSummary(Ctx(Token(seeded_.staf_s1_b)).get(), req, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(attendance().CallCount("DaysOf"), 0);
  // The Plt KASI of S1 supervises staf_s1_a; the kadis is above.
  EXPECT_EQ(Summary(nip, Token(seeded_.staf_p2p)).nip(), nip);
  EXPECT_EQ(Summary(nip, Token(seeded_.kadis)).nip(), nip);
  EXPECT_TRUE(HasCode(activity().GetMonthSummary(Ctx(OtherSupervisor()).get(), req, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(SummaryTest, BadInputNamesEachFieldOnce) {
  av1::GetMonthSummaryRequest req;
  req.set_nip("12345");
  req.set_year(1999);
  req.set_month(13);
  av1::MonthSummary out;
  grpc::Status st = activity().GetMonthSummary(Ctx(seeded_.admin_token).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nip", "year", "month"));
  req.set_nip(seeded_.staf_s1_a);
  req.set_year(2101);
  req.set_month(0);
  st = activity().GetMonthSummary(Ctx(seeded_.admin_token).get(), req, &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("year", "month"));
  req.set_year(2100);
  req.set_month(12);
  EXPECT_TRUE(Ok(activity().GetMonthSummary(Ctx(seeded_.admin_token).get(), req, &out)));
  std::vector<av1::MonthSummary> streamed;
  st = Stream(seeded_.admin_token, "", 0, &streamed);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("month"));
}

TEST_F(SummaryTest, StreamingAUnitSubtreeReadsInBatchesInNipOrder) {
  CheckIn(seeded_.staf_s1_a, Jan(5));
  Insert(seeded_.staf_s1_a, Jan(5), 8 * 60, 12 * 60, "APPROVED");
  Insert(seeded_.staf_yankes, Jan(5), 8 * 60, 12 * 60, "APPROVED");  // outside the subtree
  directory().ClearCalls();
  std::vector<av1::MonthSummary> got;
  ASSERT_TRUE(Ok(Stream(seeded_.admin_token, "DINKES.P2P", kJanuary, &got)));
  std::vector<std::string> nips;
  for (const av1::MonthSummary& s : got) nips.push_back(s.nip());
  EXPECT_THAT(
      nips, ElementsAre(seeded_.kabid_p2p, seeded_.staf_p2p, seeded_.staf_s1_a, seeded_.staf_s1_b));
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].workdays(), 22);
  EXPECT_EQ(got[0].workdays_present(), 0);
  EXPECT_EQ(got[0].approved_minutes(), 0);
  EXPECT_EQ(got[2].workdays_present(), 1);
  EXPECT_EQ(got[2].approved_minutes(), 240);
  EXPECT_EQ(Capaian(got[2]), "8/225 3.56");  // 240/6750
  EXPECT_EQ(got[3].approved_minutes(), 0);
  // One list of employees (the fake attendance asks the fake directory once more for its own
  // stream), one stream of days, no call per employee.
  EXPECT_EQ(directory().CallCount("EmployeesOf"), 2);
  EXPECT_EQ(attendance().CallCount("StreamDays"), 1);
  EXPECT_EQ(attendance().CallCount("DaysOf"), 0);
  EXPECT_EQ(directory().CallCount("CheckReadsEmployee"), 0);
}

TEST_F(SummaryTest, StreamingTheTenantAndAMonthNotBegun) {
  std::vector<av1::MonthSummary> got;
  ASSERT_TRUE(Ok(Stream(ServiceToken(), "", kJanuary, &got)));
  std::vector<std::string> nips;
  for (const av1::MonthSummary& s : got) nips.push_back(s.nip());
  EXPECT_THAT(nips, ElementsAreArray(seeded_.all_nips));
  // March has not begun: everyone, without a day.
  got.clear();
  ASSERT_TRUE(Ok(Stream(seeded_.admin_token, "DINKES.P2P.S1", 3, &got)));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].nip(), seeded_.staf_s1_a);
  EXPECT_EQ(got[0].workdays(), 0);
  EXPECT_EQ(got[0].capaian_percent(), "0.00");
  EXPECT_EQ(attendance().CallCount("StreamDays"), 1);
}

TEST_F(SummaryTest, BatchReadsNeedATenantWideRoleOrService) {
  std::vector<av1::MonthSummary> got;
  for (const std::string& token : {Token(seeded_.staf_s1_a), Token(seeded_.kabid_p2p)}) {
    EXPECT_TRUE(
        HasCode(Stream(token, "DINKES.P2P", kJanuary, &got), grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_TRUE(got.empty());
  EXPECT_EQ(attendance().CallCount("StreamDays"), 0);
}

TEST_F(SummaryTest, OnlyServiceLocksAndALockedMonthRefusesEntriesUntilUnlocked) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  av1::MonthLock lock;
  for (const std::string& token : {seeded_.admin_token, Token(nip)}) {
    EXPECT_TRUE(
        HasCode(Lock(token, true, "tpp-runs/7", &lock), grpc::StatusCode::PERMISSION_DENIED));
  }
  ASSERT_TRUE(Ok(Lock(ServiceToken(), true, "tpp-runs/7", &lock)));
  EXPECT_EQ(lock.year(), 2026);
  EXPECT_EQ(lock.month(), 2);
  EXPECT_TRUE(lock.locked());
  EXPECT_EQ(lock.reference(), "tpp-runs/7");
  EXPECT_EQ(lock.locked_by(), "ekinerja-activity");  // the fixture's service account
  av1::MonthLock again;
  ASSERT_TRUE(Ok(Lock(ServiceToken(), true, "tpp-runs/8", &again)));  // already locked
  EXPECT_EQ(again.reference(), "tpp-runs/7");
  EXPECT_EQ(again.update_time().seconds(), lock.update_time().seconds());
  EXPECT_EQ(again.update_time().nanos(), lock.update_time().nanos());

  av1::GetMonthLockRequest get;
  get.set_year(2026);
  get.set_month(2);
  av1::MonthLock read;
  ASSERT_TRUE(Ok(activity().GetMonthLock(Ctx(Token(nip)).get(), get, &read)));
  EXPECT_TRUE(read.locked());
  EXPECT_EQ(read.reference(), "tpp-runs/7");
  EXPECT_TRUE(Summary(nip, Token(nip), 2).locked());
  av1::Entry out;
  EXPECT_EQ(PreconditionOf(activity().CreateEntry(Ctx(Token(nip)).get(),
                                                  EntryReq(nip, kToday, "08:00", "09:00"), &out)),
            absl::StrCat("MONTH_LOCKED entries/", nip, "/2026-02-10"));
  EXPECT_TRUE(HasCode(Lock(seeded_.admin_token, false, "tpp-runs/7", &lock),
                      grpc::StatusCode::PERMISSION_DENIED));

  ASSERT_TRUE(Ok(Lock(ServiceToken(), false, "tpp-runs/7-batal", &lock)));
  EXPECT_FALSE(lock.locked());
  EXPECT_EQ(lock.reference(), "tpp-runs/7-batal");
  ASSERT_TRUE(Ok(Lock(ServiceToken(), false, "tpp-runs/7-batal", &again)));
  EXPECT_FALSE(again.locked());
  EXPECT_TRUE(Ok(activity().CreateEntry(Ctx(Token(nip)).get(),
                                        EntryReq(nip, kToday, "08:00", "09:00"), &out)));
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'LockMonth'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'UnlockMonth'"), 1);
  // A month never locked reads open.
  get.set_month(3);
  ASSERT_TRUE(Ok(activity().GetMonthLock(Ctx(Token(nip)).get(), get, &read)));
  EXPECT_FALSE(read.locked());
  EXPECT_FALSE(read.has_update_time());
}

TEST_F(SummaryTest, LockBadInputNamesEachFieldOnce) {
  av1::MonthLock lock;
  grpc::Status st = Lock(ServiceToken(), true, "", &lock, 1999, 13);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("year", "month", "reference"));
  st = Lock(ServiceToken(), false, std::string(201, 'r'), &lock);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("reference"));
  EXPECT_TRUE(Ok(Lock(ServiceToken(), true, std::string(200, 'r'), &lock)));
  av1::GetMonthLockRequest get;
  get.set_month(13);
  st = activity().GetMonthLock(Ctx(Token(seeded_.staf_s1_a)).get(), get, &lock);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("year", "month"));
}

}  // namespace
}  // namespace ekinerja::activity::it
