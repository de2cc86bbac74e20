// Rules, schedule templates and assignments, rosters and holidays through the API (DOMAIN §4), in
// the seeded Dinas Kesehatan: who may change them, what bad input is refused (with nothing
// written), and how each change shows in the employees' days at once.

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "civil.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/attendance/attendance_fixture.h"

namespace ekinerja::attendance::it {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class CalendarTest : public AttendanceTest {
 protected:
  void SetUp() override {
    AttendanceTest::SetUp();
    if (HasFatalFailure()) return;
    SeedAttendance("dinkes");
    if (HasFatalFailure()) return;
    audit_baseline_ = Count("SELECT count(*) FROM audit_log");  // the seeding's
  }

  // Audit rows written since SetUp.
  int64_t NewAuditRows() { return Count("SELECT count(*) FROM audit_log") - audit_baseline_; }

  // The access token of a seeded login, logged in once per test.
  std::string T(const std::string& username) {
    auto it = tokens_.find(username);
    if (it == tokens_.end()) it = tokens_.emplace(username, Token(seeded_, username)).first;
    return it->second;
  }

  // The ADMIN_INSTANSI of a second tenant, seeded on first use.
  // The summary row the service stored (without recomputing it): "STATUS" or "" when none.
  std::string StoredStatus(const std::string& nip, absl::CivilDay day) {
    auto r = att_db().Query(absl::StrCat("SELECT status FROM day_summaries WHERE nip = '", nip,
                                         "' AND day = '", FormatDate(day), "'"));
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() && !r->empty() ? (*r)[0][0].as<std::string>() : "";
  }

  // staf_p2p (PIN 3) in at 07:20 and out at 16:05 on `day`.
  void PunchFullDay(absl::CivilDay day) {
    av1::IngestReport report;
    const absl::CivilSecond start(day);
    ASSERT_TRUE(
        Ok(Push(service_token_,
                {Punch("3", start + 7 * 3600 + 20 * 60), Punch("3", start + 16 * 3600 + 5 * 60)},
                &report)));
    ASSERT_EQ(report.accepted(), 2);
  }

  static av1::ScheduleTemplate Ramadan() {
    av1::ScheduleTemplate t;
    t.set_code("RAMADAN-2025");
    t.set_name("Jam kerja Ramadan 1446 H");
    for (int i = 0; i < 7; ++i) {
      av1::WorkHours* d = t.add_days();
      if (i < 4) {
        d->set_start("08:00");
        d->set_end("15:00");
      } else if (i == 4) {
        d->set_start("08:00");
        d->set_end("15:30");
      }
    }
    return t;
  }

  grpc::Status CreateTemplate(const std::string& token, const av1::ScheduleTemplate& t,
                              av1::ScheduleTemplate* out) {
    av1::CreateScheduleTemplateRequest req;
    *req.mutable_template_() = t;
    return att().CreateScheduleTemplate(Ctx(token).get(), req, out);
  }

  grpc::Status Assign(const std::string& token, const av1::ScheduleAssignment& a,
                      const std::string& request_id, av1::ScheduleAssignment* out) {
    av1::AssignScheduleRequest req;
    *req.mutable_assignment() = a;
    req.set_request_id(request_id);
    return att().AssignSchedule(Ctx(token).get(), req, out);
  }

  grpc::Status CreateHoliday(const std::string& token, absl::CivilDay day, const std::string& name,
                             av1::HolidayKind kind, av1::Holiday* out) {
    av1::CreateHolidayRequest req;
    *req.mutable_holiday()->mutable_date() = Date(day);
    req.mutable_holiday()->set_name(name);
    req.mutable_holiday()->set_kind(kind);
    return att().CreateHoliday(Ctx(token).get(), req, out);
  }

  grpc::Status DeleteHoliday(const std::string& token, absl::CivilDay day) {
    av1::DeleteHolidayRequest req;
    *req.mutable_date() = Date(day);
    av1::DeleteHolidayResponse out;
    return att().DeleteHoliday(Ctx(token).get(), req, &out);
  }

  static av1::RosterDay Roster(absl::CivilDay day, const std::string& start,
                               const std::string& end) {
    av1::RosterDay d;
    *d.mutable_date() = Date(day);
    if (!start.empty() || !end.empty()) {
      d.mutable_hours()->set_start(start);
      d.mutable_hours()->set_end(end);
    }
    return d;
  }

  std::map<std::string, std::string> tokens_;
  int64_t audit_baseline_ = 0;
};

std::vector<std::string> Codes(const av1::ListScheduleTemplatesResponse& r) {
  std::vector<std::string> codes;
  for (const auto& t : r.templates()) codes.push_back(t.code());
  return codes;
}

// ---- rules -----------------------------------------------------------------------------------

TEST_F(CalendarTest, RulesAreTheNationalDefaultsUntilTheAdminReplacesThem) {
  av1::AttendanceRules rules;
  ASSERT_TRUE(Ok(att().GetAttendanceRules(Ctx(T(seeded_.staf_s1_a)).get(), {}, &rules)));
  EXPECT_EQ(rules.time_zone(), "Asia/Jakarta");
  EXPECT_THAT(rules.tier_max_minutes(), ElementsAre(30, 60, 90));
  EXPECT_EQ(rules.future_tolerance_minutes(), 5);
  EXPECT_EQ(rules.window_margin_minutes(), 240);

  av1::UpdateAttendanceRulesRequest update;
  update.mutable_rules()->set_time_zone("Asia/Makassar");
  for (int m : {15, 45, 90}) update.mutable_rules()->add_tier_max_minutes(m);
  update.mutable_rules()->set_future_tolerance_minutes(10);
  update.mutable_rules()->set_window_margin_minutes(180);
  av1::AttendanceRules updated;
  ASSERT_TRUE(Ok(att().UpdateAttendanceRules(Ctx(admin_token_).get(), update, &updated)));
  EXPECT_EQ(updated.time_zone(), "Asia/Makassar");
  EXPECT_THAT(updated.tier_max_minutes(), ElementsAre(15, 45, 90));

  ASSERT_TRUE(Ok(att().GetAttendanceRules(Ctx(T(seeded_.kadis)).get(), {}, &rules)));
  EXPECT_EQ(rules.time_zone(), "Asia/Makassar");
  EXPECT_THAT(rules.tier_max_minutes(), ElementsAre(15, 45, 90));
  EXPECT_EQ(rules.future_tolerance_minutes(), 10);
  EXPECT_EQ(rules.window_margin_minutes(), 180);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'RULES_UPDATE'"), 1);

  // Another tenant still has the defaults.
  ASSERT_TRUE(Ok(att().GetAttendanceRules(Ctx(OtherAdmin()).get(), {}, &rules)));
  EXPECT_EQ(rules.time_zone(), "Asia/Jakarta");
}

TEST_F(CalendarTest, NewRulesJudgeTheRecentStoredDaysAgain) {
  // A Wednesday of last week or the one before: within the 62 days an update marks.
  absl::CivilDay day = LocalDay(absl::Now(), LoadZone("Asia/Jakarta").value()) - 7;
  while (absl::GetWeekday(day) != absl::Weekday::wednesday) --day;
  av1::IngestReport report;
  ASSERT_TRUE(Ok(Push(service_token_,
                      {Punch("3", absl::CivilSecond(day) + 8 * 3600 + 15 * 60),
                       Punch("3", absl::CivilSecond(day) + 16 * 3600 + 5 * 60)},
                      &report)));
  av1::AttendanceDay before = Day(admin_token_, seeded_.staf_p2p, day);
  EXPECT_EQ(before.minutes_late(), 45);
  EXPECT_EQ(before.tl_tier(), 2);

  av1::UpdateAttendanceRulesRequest update;
  update.mutable_rules()->set_time_zone("Asia/Jakarta");
  for (int m : {10, 20, 30}) update.mutable_rules()->add_tier_max_minutes(m);
  update.mutable_rules()->set_future_tolerance_minutes(5);
  update.mutable_rules()->set_window_margin_minutes(240);
  av1::AttendanceRules updated;
  ASSERT_TRUE(Ok(att().UpdateAttendanceRules(Ctx(admin_token_).get(), update, &updated)));
  EXPECT_EQ(
      Count(absl::StrCat("SELECT count(*) FROM dirty_days WHERE day = '", FormatDate(day), "'")),
      1);
  EXPECT_EQ(Day(admin_token_, seeded_.staf_p2p, day).tl_tier(), 4);
}

TEST_F(CalendarTest, UpdateRulesRefusesEveryBadFieldAndWritesNothing) {
  av1::UpdateAttendanceRulesRequest update;
  update.mutable_rules()->set_time_zone("Asia/Singapore");
  for (int m : {30, 30, 90}) update.mutable_rules()->add_tier_max_minutes(m);
  update.mutable_rules()->set_future_tolerance_minutes(-1);
  update.mutable_rules()->set_window_margin_minutes(0);
  av1::AttendanceRules out;
  grpc::Status st = att().UpdateAttendanceRules(Ctx(admin_token_).get(), update, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              ElementsAre("rules.time_zone", "rules.tier_max_minutes",
                          "rules.future_tolerance_minutes", "rules.window_margin_minutes"));
  // Replacing the rules whole: an empty message names what is required.
  st = att().UpdateAttendanceRules(Ctx(admin_token_).get(), {}, &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("rules.time_zone", "rules.tier_max_minutes",
                                              "rules.window_margin_minutes"));
  EXPECT_EQ(Count("SELECT count(*) FROM rules"), 0);
  EXPECT_EQ(NewAuditRows(), 0);
}

TEST_F(CalendarTest, OnlyTheTenantAdminUpdatesRules) {
  av1::UpdateAttendanceRulesRequest update;
  update.mutable_rules()->set_time_zone("Asia/Jayapura");
  for (int m : {30, 60, 90}) update.mutable_rules()->add_tier_max_minutes(m);
  update.mutable_rules()->set_window_margin_minutes(240);
  av1::AttendanceRules out;
  for (const std::string& token : {T(seeded_.staf_p2p), T(seeded_.kadis), T(integration::kAuditor),
                                   T(integration::kOpdAdmin), service_token_}) {
    EXPECT_TRUE(HasCode(att().UpdateAttendanceRules(Ctx(token).get(), update, &out),
                        grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_TRUE(HasCode(att().UpdateAttendanceRules(Ctx("").get(), update, &out),
                      grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_EQ(Count("SELECT count(*) FROM rules"), 0);
  // Another tenant's admin changes only their own tenant.
  ASSERT_TRUE(Ok(att().UpdateAttendanceRules(Ctx(OtherAdmin()).get(), update, &out)));
  av1::AttendanceRules rules;
  ASSERT_TRUE(Ok(att().GetAttendanceRules(Ctx(admin_token_).get(), {}, &rules)));
  EXPECT_EQ(rules.time_zone(), "Asia/Jakarta");
}

// ---- templates -------------------------------------------------------------------------------

TEST_F(CalendarTest, TemplatesListTheBuiltInsAndTheTenantsOwn) {
  av1::ListScheduleTemplatesResponse list;
  ASSERT_TRUE(Ok(att().ListScheduleTemplates(Ctx(T(seeded_.staf_s1_b)).get(), {}, &list)));
  ASSERT_THAT(Codes(list), ElementsAre("5HK", "6HK"));
  const av1::ScheduleTemplate& five = list.templates(0);
  ASSERT_EQ(five.days_size(), 7);
  EXPECT_EQ(five.days(0).start(), "07:30");
  EXPECT_EQ(five.days(0).end(), "16:00");
  EXPECT_EQ(five.days(4).end(), "16:30");
  EXPECT_EQ(five.days(5).start(), "");
  EXPECT_EQ(five.days(6).end(), "");
  EXPECT_EQ(list.templates(1).days(5).end(), "13:00");

  av1::ScheduleTemplate created;
  ASSERT_TRUE(Ok(CreateTemplate(admin_token_, Ramadan(), &created)));
  EXPECT_EQ(created.code(), "RAMADAN-2025");
  EXPECT_EQ(created.days(4).end(), "15:30");
  av1::ScheduleTemplate night;
  night.set_code("MALAM");
  night.set_name("Jaga malam");
  for (int i = 0; i < 7; ++i) {
    night.add_days()->set_start("22:00");
    night.mutable_days(i)->set_end("06:00");
  }
  ASSERT_TRUE(Ok(CreateTemplate(admin_token_, night, &created)));
  EXPECT_EQ(created.days(0).end(), "06:00");

  list.Clear();
  ASSERT_TRUE(Ok(att().ListScheduleTemplates(Ctx(T(seeded_.staf_s1_b)).get(), {}, &list)));
  EXPECT_THAT(Codes(list), ElementsAre("5HK", "6HK", "MALAM", "RAMADAN-2025"));
  EXPECT_EQ(list.templates(2).days(3).start(), "22:00");
  EXPECT_EQ(list.templates(2).days(3).end(), "06:00");
  EXPECT_EQ(list.templates(3).name(), "Jam kerja Ramadan 1446 H");
  EXPECT_EQ(Count("SELECT count(*) FROM schedule_templates"), 2);
  EXPECT_EQ(Count("SELECT end_minutes[1] FROM schedule_templates WHERE code = 'MALAM'"), 1800);
}

TEST_F(CalendarTest, TemplateCodesAreUniqueAndTheBuiltInsTaken) {
  av1::ScheduleTemplate out;
  ASSERT_TRUE(Ok(CreateTemplate(admin_token_, Ramadan(), &out)));
  EXPECT_TRUE(
      HasCode(CreateTemplate(admin_token_, Ramadan(), &out), grpc::StatusCode::ALREADY_EXISTS));
  av1::ScheduleTemplate five = Ramadan();
  five.set_code("5HK");
  EXPECT_TRUE(HasCode(CreateTemplate(admin_token_, five, &out), grpc::StatusCode::ALREADY_EXISTS));
  EXPECT_EQ(Count("SELECT count(*) FROM schedule_templates"), 1);
  // The same code in another tenant is that tenant's own.
  ASSERT_TRUE(Ok(CreateTemplate(OtherAdmin(), Ramadan(), &out)));
  EXPECT_EQ(Count("SELECT count(*) FROM schedule_templates"), 2);
}

TEST_F(CalendarTest, CreateTemplateRefusesBadInputAndWritesNothing) {
  av1::ScheduleTemplate bad = Ramadan();
  bad.set_code("ramadan 2025");
  bad.set_name("");
  bad.mutable_days()->RemoveLast();
  av1::ScheduleTemplate out;
  grpc::Status st = CreateTemplate(admin_token_, bad, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("template.code", "template.name", "template.days"));

  bad = Ramadan();
  bad.set_code("KODE-YANG-TERLALU-PANJANG");
  bad.mutable_days(1)->set_start("8:00");
  bad.mutable_days(2)->set_end("");
  bad.mutable_days(6)->set_end("12:00");
  st = CreateTemplate(admin_token_, bad, &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("template.code", "template.days[1].start",
                                              "template.days[2].end", "template.days[6].start"));
  EXPECT_EQ(Count("SELECT count(*) FROM schedule_templates"), 0);
  EXPECT_EQ(NewAuditRows(), 0);
}

TEST_F(CalendarTest, OnlyTheTenantAdminCreatesTemplates) {
  av1::ScheduleTemplate out;
  for (const std::string& token :
       {T(seeded_.staf_p2p), T(seeded_.kabid_p2p), T(integration::kOpdAdmin), service_token_}) {
    EXPECT_TRUE(
        HasCode(CreateTemplate(token, Ramadan(), &out), grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_EQ(Count("SELECT count(*) FROM schedule_templates"), 0);
  // Another tenant's template is not listed here.
  ASSERT_TRUE(Ok(CreateTemplate(OtherAdmin(), Ramadan(), &out)));
  av1::ListScheduleTemplatesResponse list;
  ASSERT_TRUE(Ok(att().ListScheduleTemplates(Ctx(admin_token_).get(), {}, &list)));
  EXPECT_THAT(Codes(list), ElementsAre("5HK", "6HK"));
}

// ---- assignments -----------------------------------------------------------------------------

TEST_F(CalendarTest, ARamadanTemplateForTheTenantChangesTheHoursInsideItsRangeOnly) {
  const absl::CivilDay before(2025, 2, 26), inside(2025, 3, 12), friday(2025, 3, 14),
      after(2025, 4, 9);
  // Stored under 5HK first: the assignment must recompute the stored days.
  for (absl::CivilDay d : {before, inside, friday, after}) {
    av1::AttendanceDay day = Day(admin_token_, seeded_.staf_p2p, d);
    EXPECT_EQ(day.scheduled().start(), "07:30") << FormatDate(d);
  }
  av1::ScheduleTemplate t;
  ASSERT_TRUE(Ok(CreateTemplate(admin_token_, Ramadan(), &t)));
  av1::ScheduleAssignment a;
  a.set_template_code("RAMADAN-2025");
  *a.mutable_start_date() = Date(absl::CivilDay(2025, 3, 1));
  *a.mutable_end_date() = Date(absl::CivilDay(2025, 3, 30));
  av1::ScheduleAssignment saved;
  ASSERT_TRUE(Ok(Assign(admin_token_, a, "ramadan-1446", &saved)));
  EXPECT_GT(saved.id(), 0);
  EXPECT_EQ(saved.template_code(), "RAMADAN-2025");
  EXPECT_EQ(saved.nip(), "");
  EXPECT_EQ(saved.org_unit_code(), "");
  EXPECT_EQ(saved.end_date().day(), 30);
  // Recomputed in the call, not only when read.
  EXPECT_EQ(Count("SELECT count(*) FROM dirty_days"), 0);

  for (const std::string& nip : {seeded_.staf_p2p, seeded_.kadis}) {
    av1::AttendanceDay day = Day(admin_token_, nip, inside);
    EXPECT_EQ(day.scheduled().start(), "08:00") << nip;
    EXPECT_EQ(day.scheduled().end(), "15:00") << nip;
  }
  av1::AttendanceDay fri = Day(admin_token_, seeded_.staf_p2p, friday);
  EXPECT_EQ(fri.scheduled().start(), "08:00");
  EXPECT_EQ(fri.scheduled().end(), "15:30");
  for (absl::CivilDay d : {before, after}) {
    av1::AttendanceDay day = Day(admin_token_, seeded_.staf_p2p, d);
    EXPECT_EQ(day.scheduled().start(), "07:30") << FormatDate(d);
    EXPECT_EQ(day.scheduled().end(), "16:00") << FormatDate(d);
  }
}

TEST_F(CalendarTest, AnAssignmentForOneEmployeeOrOneUnit) {
  av1::ScheduleAssignment a;
  a.set_template_code("6HK");
  a.set_nip(seeded_.staf_yankes);
  *a.mutable_start_date() = Date(absl::CivilDay(2025, 3, 1));
  av1::ScheduleAssignment saved;
  ASSERT_TRUE(Ok(Assign(admin_token_, a, "", &saved)));
  EXPECT_EQ(saved.nip(), seeded_.staf_yankes);
  EXPECT_FALSE(saved.has_end_date());
  const absl::CivilDay saturday(2025, 3, 15);
  EXPECT_EQ(Day(admin_token_, seeded_.staf_yankes, saturday).scheduled().end(), "13:00");
  EXPECT_EQ(Day(admin_token_, seeded_.staf_yankes, kWednesday).scheduled().end(), "14:00");
  EXPECT_EQ(Day(admin_token_, seeded_.staf_p2p, saturday).status(), av1::DAY_STATUS_LIBUR);

  a.clear_nip();
  a.set_org_unit_code("DINKES.P2P");
  ASSERT_TRUE(Ok(Assign(admin_token_, a, "", &saved)));
  EXPECT_EQ(saved.org_unit_code(), "DINKES.P2P");
  EXPECT_EQ(Day(admin_token_, seeded_.staf_s1_a, kWednesday).scheduled().end(), "14:00");
  EXPECT_EQ(Day(admin_token_, seeded_.kadis, kWednesday).scheduled().end(), "16:00");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SCHEDULE_ASSIGN'"), 2);
}

TEST_F(CalendarTest, ARetriedAssignmentReturnsTheFirst) {
  av1::ScheduleAssignment a;
  a.set_template_code("6HK");
  a.set_org_unit_code("DINKES.YANKES");
  *a.mutable_start_date() = Date(absl::CivilDay(2025, 1, 1));
  av1::ScheduleAssignment first, again;
  ASSERT_TRUE(Ok(Assign(admin_token_, a, "assign-1", &first)));
  ASSERT_TRUE(Ok(Assign(admin_token_, a, "assign-1", &again)));
  EXPECT_EQ(again.id(), first.id());
  EXPECT_EQ(Count("SELECT count(*) FROM schedule_assignments"), 1);
  a.set_template_code("5HK");
  grpc::Status st = Assign(admin_token_, a, "assign-1", &again);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("request_id"));
  EXPECT_EQ(Count("SELECT count(*) FROM schedule_assignments"), 1);
}

TEST_F(CalendarTest, AssignScheduleRefusesBadInputAndWritesNothing) {
  av1::ScheduleAssignment out;
  av1::ScheduleAssignment a;
  a.set_template_code("tidak ada");
  a.set_nip("123");
  a.set_org_unit_code("DINKES");
  a.mutable_end_date()->set_year(2025);  // 30 February
  a.mutable_end_date()->set_month(2);
  a.mutable_end_date()->set_day(30);
  grpc::Status st = Assign(admin_token_, a, std::string(129, 'x'), &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              ElementsAre("assignment.template_code", "assignment.nip", "assignment.org_unit_code",
                          "assignment.start_date", "assignment.end_date", "request_id"));

  a = av1::ScheduleAssignment();
  a.set_template_code("RAMADAN-2025");  // well formed, but this tenant has none
  *a.mutable_start_date() = Date(absl::CivilDay(2025, 3, 1));
  st = Assign(admin_token_, a, "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("assignment.template_code"));

  a.set_template_code("5HK");
  a.set_org_unit_code("DINKES.TIDAK-ADA");
  st = Assign(admin_token_, a, "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("assignment.org_unit_code"));

  a.clear_org_unit_code();
  a.set_nip(kNobody);
  st = Assign(admin_token_, a, "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("assignment.nip"));

  a.clear_nip();
  *a.mutable_end_date() = Date(absl::CivilDay(2025, 2, 28));
  st = Assign(admin_token_, a, "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("assignment.end_date"));
  EXPECT_EQ(Count("SELECT count(*) FROM schedule_assignments"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM dirty_days"), 0);
}

TEST_F(CalendarTest, OnlyTheTenantAdminAssignsSchedules) {
  av1::ScheduleAssignment a;
  a.set_template_code("6HK");
  a.set_nip(seeded_.staf_s1_a);
  *a.mutable_start_date() = Date(absl::CivilDay(2025, 3, 1));
  av1::ScheduleAssignment out;
  for (const std::string& token : {T(seeded_.staf_s1_a), T(seeded_.staf_p2p),
                                   T(integration::kOpdAdmin), T(integration::kAuditor)}) {
    EXPECT_TRUE(HasCode(Assign(token, a, "", &out), grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_EQ(Count("SELECT count(*) FROM schedule_assignments"), 0);
}

TEST_F(CalendarTest, AssignmentsAreReadAsTheEmployeesAttendanceIs) {
  av1::ScheduleAssignment a, out;
  a.set_template_code("6HK");
  *a.mutable_start_date() = Date(absl::CivilDay(2025, 3, 1));
  for (const std::string& nip : {seeded_.staf_s1_a, seeded_.staf_s1_b}) {
    a.set_nip(nip);
    ASSERT_TRUE(Ok(Assign(admin_token_, a, "", &out)));
  }
  a.clear_nip();
  ASSERT_TRUE(Ok(Assign(admin_token_, a, "", &out)));

  av1::ListScheduleAssignmentsRequest req;
  av1::ListScheduleAssignmentsResponse list;
  ASSERT_TRUE(Ok(att().ListScheduleAssignments(Ctx(T(integration::kAuditor)).get(), req, &list)));
  EXPECT_EQ(list.assignments_size(), 3);
  // Page by page.
  req.set_page_size(2);
  list.Clear();
  ASSERT_TRUE(Ok(att().ListScheduleAssignments(Ctx(admin_token_).get(), req, &list)));
  ASSERT_EQ(list.assignments_size(), 2);
  ASSERT_FALSE(list.next_page_token().empty());
  req.set_page_token(list.next_page_token());
  list.Clear();
  ASSERT_TRUE(Ok(att().ListScheduleAssignments(Ctx(admin_token_).get(), req, &list)));
  ASSERT_EQ(list.assignments_size(), 1);
  EXPECT_EQ(list.assignments(0).nip(), "");
  EXPECT_EQ(list.next_page_token(), "");

  req = av1::ListScheduleAssignmentsRequest();
  req.set_nip(seeded_.staf_s1_a);
  for (const std::string& token : {T(seeded_.staf_s1_a), T(seeded_.staf_p2p) /* Plt atasan */}) {
    list.Clear();
    ASSERT_TRUE(Ok(att().ListScheduleAssignments(Ctx(token).get(), req, &list)));
    ASSERT_EQ(list.assignments_size(), 1);
    EXPECT_EQ(list.assignments(0).nip(), seeded_.staf_s1_a);
  }
  // A peer, an employee without nip, another tenant's admin (who sees its own tenant only).
  EXPECT_TRUE(HasCode(att().ListScheduleAssignments(Ctx(T(seeded_.staf_s1_b)).get(), req, &list),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(att().ListScheduleAssignments(Ctx(T(seeded_.staf_s1_b)).get(), {}, &list),
                      grpc::StatusCode::PERMISSION_DENIED));
  list.Clear();
  ASSERT_TRUE(Ok(att().ListScheduleAssignments(Ctx(OtherAdmin()).get(), {}, &list)));
  EXPECT_THAT(list.assignments(), IsEmpty());
  req.set_nip("12345");
  grpc::Status st = att().ListScheduleAssignments(Ctx(admin_token_).get(), req, &list);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nip"));
}

// ---- rosters ---------------------------------------------------------------------------------

TEST_F(CalendarTest, RosterDaysOverrideTheTemplate) {
  const absl::CivilDay thursday = kWednesday + 1, friday = kWednesday + 2;
  av1::SetRosterDaysRequest req;
  req.set_nip(seeded_.staf_s1_a);
  *req.add_days() = Roster(kWednesday, "07:00", "15:00");
  *req.add_days() = Roster(thursday, "", "");              // rostered off
  *req.add_days() = Roster(kWednesday, "22:00", "06:00");  // given again: replaces 07:00-15:00
  *req.add_days() = Roster(friday, "13:00", "21:00");
  av1::SetRosterDaysResponse set;
  ASSERT_TRUE(Ok(att().SetRosterDays(Ctx(admin_token_).get(), req, &set)));
  EXPECT_EQ(set.days_set(), 3);
  EXPECT_EQ(Count("SELECT count(*) FROM roster_days"), 3);
  EXPECT_EQ(Count("SELECT end_minute FROM roster_days WHERE day = '2025-03-12'"), 1800);

  av1::ListRosterDaysRequest list_req;
  list_req.set_nip(seeded_.staf_s1_a);
  *list_req.mutable_start_date() = Date(kWednesday - 7);
  *list_req.mutable_end_date() = Date(friday);
  av1::ListRosterDaysResponse list;
  ASSERT_TRUE(Ok(att().ListRosterDays(Ctx(T(seeded_.staf_s1_a)).get(), list_req, &list)));
  ASSERT_EQ(list.days_size(), 3);
  EXPECT_EQ(list.days(0).date().day(), 12);
  EXPECT_EQ(list.days(0).hours().start(), "22:00");
  EXPECT_EQ(list.days(0).hours().end(), "06:00");
  EXPECT_FALSE(list.days(1).has_hours());
  EXPECT_EQ(list.days(2).hours().start(), "13:00");

  EXPECT_EQ(Day(admin_token_, seeded_.staf_s1_a, kWednesday).scheduled().start(), "22:00");
  EXPECT_EQ(Day(admin_token_, seeded_.staf_s1_a, thursday).status(), av1::DAY_STATUS_LIBUR);
  EXPECT_EQ(Day(admin_token_, seeded_.staf_s1_b, thursday).scheduled().start(), "07:30");

  // Set again: the day is replaced, the others stay.
  req.Clear();
  req.set_nip(seeded_.staf_s1_a);
  *req.add_days() = Roster(thursday, "07:30", "16:00");
  ASSERT_TRUE(Ok(att().SetRosterDays(Ctx(admin_token_).get(), req, &set)));
  EXPECT_EQ(set.days_set(), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM roster_days"), 3);
  EXPECT_EQ(Day(admin_token_, seeded_.staf_s1_a, thursday).status(),
            av1::DAY_STATUS_TANPA_KETERANGAN);
}

TEST_F(CalendarTest, SetRosterDaysRefusesBadInputAndWritesNothing) {
  av1::SetRosterDaysRequest req;
  req.set_nip("19800101");
  req.add_days();                                     // no date
  *req.add_days() = Roster(kWednesday, "07:00", "");  // no end
  *req.add_days() = Roster(kWednesday, "25:00", "7:00");
  av1::SetRosterDaysResponse out;
  grpc::Status st = att().SetRosterDays(Ctx(admin_token_).get(), req, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nip", "days[0].date", "days[1].hours.end",
                                              "days[2].hours.start", "days[2].hours.end"));
  req.Clear();
  req.set_nip(seeded_.staf_s1_a);
  st = att().SetRosterDays(Ctx(admin_token_).get(), req, &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("days"));
  for (int i = 0; i < 401; ++i) *req.add_days() = Roster(kWednesday + i, "07:00", "15:00");
  st = att().SetRosterDays(Ctx(admin_token_).get(), req, &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("days"));
  // A well-formed NIP of nobody in the tenant.
  req.Clear();
  req.set_nip(kNobody);
  *req.add_days() = Roster(kWednesday, "07:00", "15:00");
  EXPECT_TRUE(HasCode(att().SetRosterDays(Ctx(admin_token_).get(), req, &out),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("SELECT count(*) FROM roster_days"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM dirty_days"), 0);

  av1::ListRosterDaysRequest list_req;
  list_req.set_nip(seeded_.staf_s1_a);
  *list_req.mutable_start_date() = Date(kWednesday);
  av1::ListRosterDaysResponse list;
  st = att().ListRosterDays(Ctx(admin_token_).get(), list_req, &list);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("end_date"));
  *list_req.mutable_end_date() = Date(kWednesday + 400);
  st = att().ListRosterDays(Ctx(admin_token_).get(), list_req, &list);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("end_date"));
  list_req.set_nip("");
  *list_req.mutable_end_date() = Date(kWednesday - 1);
  st = att().ListRosterDays(Ctx(admin_token_).get(), list_req, &list);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nip", "end_date"));
}

TEST_F(CalendarTest, OnlyTheTenantAdminSetsRostersAndPeersDoNotReadThem) {
  av1::SetRosterDaysRequest req;
  req.set_nip(seeded_.staf_s1_a);
  *req.add_days() = Roster(kWednesday, "22:00", "06:00");
  av1::SetRosterDaysResponse out;
  for (const std::string& token :
       {T(seeded_.staf_s1_a), T(seeded_.staf_p2p), T(integration::kOpdAdmin), service_token_}) {
    EXPECT_TRUE(HasCode(att().SetRosterDays(Ctx(token).get(), req, &out),
                        grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_EQ(Count("SELECT count(*) FROM roster_days"), 0);
  ASSERT_TRUE(Ok(att().SetRosterDays(Ctx(admin_token_).get(), req, &out)));

  av1::ListRosterDaysRequest list_req;
  list_req.set_nip(seeded_.staf_s1_a);
  *list_req.mutable_start_date() = Date(kWednesday);
  *list_req.mutable_end_date() = Date(kWednesday);
  av1::ListRosterDaysResponse list;
  EXPECT_TRUE(HasCode(att().ListRosterDays(Ctx(T(seeded_.staf_s1_b)).get(), list_req, &list),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(att().ListRosterDays(Ctx(T(seeded_.staf_yankes)).get(), list_req, &list),
                      grpc::StatusCode::PERMISSION_DENIED));
  // The supervisor (the Plt Kasi) and the OPD admin read it; another tenant sees nothing.
  for (const std::string& token : {T(seeded_.staf_p2p), T(integration::kOpdAdmin)}) {
    list.Clear();
    ASSERT_TRUE(Ok(att().ListRosterDays(Ctx(token).get(), list_req, &list)));
    EXPECT_EQ(list.days_size(), 1);
  }
  // Another tenant has no such employee.
  EXPECT_TRUE(HasCode(att().ListRosterDays(Ctx(OtherAdmin()).get(), list_req, &list),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_TRUE(HasCode(att().SetRosterDays(Ctx(OtherAdmin()).get(), req, &out),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("SELECT count(*) FROM roster_days"), 1);
}

// ---- holidays --------------------------------------------------------------------------------

TEST_F(CalendarTest, AHolidayTurnsAWorkdayIntoLiburAndBack) {
  PunchFullDay(kWednesday);
  if (HasFatalFailure()) return;
  EXPECT_EQ(Day(admin_token_, seeded_.staf_p2p, kWednesday).status(), av1::DAY_STATUS_HADIR);
  EXPECT_EQ(Day(admin_token_, seeded_.kadis, kWednesday).status(),
            av1::DAY_STATUS_TANPA_KETERANGAN);

  av1::Holiday holiday;
  ASSERT_TRUE(Ok(CreateHoliday(admin_token_, kWednesday, "Hari Suci Nyepi",
                               av1::HOLIDAY_KIND_LIBUR_NASIONAL, &holiday)));
  EXPECT_EQ(holiday.kind(), av1::HOLIDAY_KIND_LIBUR_NASIONAL);
  // Every stored day of that date is recomputed in the call.
  EXPECT_EQ(StoredStatus(seeded_.staf_p2p, kWednesday), "LIBUR");
  EXPECT_EQ(StoredStatus(seeded_.kadis, kWednesday), "LIBUR");
  EXPECT_EQ(Count("SELECT count(*) FROM dirty_days"), 0);
  av1::AttendanceDay day = Day(T(seeded_.staf_p2p), seeded_.staf_p2p, kWednesday);
  EXPECT_EQ(day.status(), av1::DAY_STATUS_LIBUR);
  EXPECT_EQ(day.tl_tier(), 0);

  av1::ListHolidaysRequest list_req;
  list_req.set_year(2025);
  av1::ListHolidaysResponse list;
  ASSERT_TRUE(Ok(att().ListHolidays(Ctx(T(seeded_.staf_yankes)).get(), list_req, &list)));
  ASSERT_EQ(list.holidays_size(), 1);
  EXPECT_EQ(list.holidays(0).name(), "Hari Suci Nyepi");
  EXPECT_EQ(list.holidays(0).date().month(), 3);
  EXPECT_EQ(list.holidays(0).kind(), av1::HOLIDAY_KIND_LIBUR_NASIONAL);
  list_req.set_year(2026);
  list.Clear();
  ASSERT_TRUE(Ok(att().ListHolidays(Ctx(T(seeded_.staf_yankes)).get(), list_req, &list)));
  EXPECT_THAT(list.holidays(), IsEmpty());

  EXPECT_TRUE(HasCode(
      CreateHoliday(admin_token_, kWednesday, "lagi", av1::HOLIDAY_KIND_CUTI_BERSAMA, &holiday),
      grpc::StatusCode::ALREADY_EXISTS));

  ASSERT_TRUE(Ok(DeleteHoliday(admin_token_, kWednesday)));
  EXPECT_EQ(StoredStatus(seeded_.staf_p2p, kWednesday), "HADIR");
  EXPECT_EQ(Day(admin_token_, seeded_.staf_p2p, kWednesday).status(), av1::DAY_STATUS_HADIR);
  EXPECT_TRUE(HasCode(DeleteHoliday(admin_token_, kWednesday), grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action LIKE 'HOLIDAY_%'"), 2);
}

TEST_F(CalendarTest, HolidayRpcsRefuseBadInputAndWriteNothing) {
  av1::CreateHolidayRequest req;
  req.mutable_holiday()->set_name("");
  av1::Holiday out;
  grpc::Status st = att().CreateHoliday(Ctx(admin_token_).get(), req, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("holiday.date", "holiday.name", "holiday.kind"));
  req.mutable_holiday()->mutable_date()->set_year(2025);  // a partial date
  req.mutable_holiday()->set_name("Hari Raya");
  req.mutable_holiday()->set_kind(static_cast<av1::HolidayKind>(9));
  st = att().CreateHoliday(Ctx(admin_token_).get(), req, &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("holiday.date", "holiday.kind"));
  EXPECT_EQ(Count("SELECT count(*) FROM holidays"), 0);

  av1::ListHolidaysResponse list;
  st = att().ListHolidays(Ctx(admin_token_).get(), {}, &list);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("year"));
  av1::DeleteHolidayResponse deleted;
  st = att().DeleteHoliday(Ctx(admin_token_).get(), {}, &deleted);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("date"));
  EXPECT_EQ(NewAuditRows(), 0);
}

TEST_F(CalendarTest, OnlyTheTenantAdminManagesHolidays) {
  av1::Holiday out;
  for (const std::string& token :
       {T(seeded_.staf_p2p), T(seeded_.kadis), T(integration::kAuditor), service_token_}) {
    EXPECT_TRUE(
        HasCode(CreateHoliday(token, kWednesday, "Nyepi", av1::HOLIDAY_KIND_LIBUR_NASIONAL, &out),
                grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_EQ(Count("SELECT count(*) FROM holidays"), 0);
  ASSERT_TRUE(
      Ok(CreateHoliday(admin_token_, kWednesday, "Nyepi", av1::HOLIDAY_KIND_LIBUR_NASIONAL, &out)));
  EXPECT_TRUE(
      HasCode(DeleteHoliday(T(seeded_.kadis), kWednesday), grpc::StatusCode::PERMISSION_DENIED));
  // Another tenant has no such holiday, and lists none.
  EXPECT_TRUE(HasCode(DeleteHoliday(OtherAdmin(), kWednesday), grpc::StatusCode::NOT_FOUND));
  av1::ListHolidaysRequest list_req;
  list_req.set_year(2025);
  av1::ListHolidaysResponse list;
  ASSERT_TRUE(Ok(att().ListHolidays(Ctx(OtherAdmin()).get(), list_req, &list)));
  EXPECT_THAT(list.holidays(), IsEmpty());
  EXPECT_EQ(Count("SELECT count(*) FROM holidays"), 1);
}

}  // namespace
}  // namespace ekinerja::attendance::it
