// Bad input to attendance (issue 8): NUL bytes and other control characters in any text field,
// dates outside the work-date window, references to employees and org units that do not exist,
// numbers beyond their bounds — each INVALID_ARGUMENT with one field violation per bad field and
// nothing written. Request ids are keys of one caller's calls of one RPC, matched exactly; an
// import answers its per-row report in its body.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "date_proto.h"
#include "gmock/gmock.h"
#include "google/rpc/code.pb.h"
#include "gtest/gtest.h"
#include "integration/attendance/attendance_fixture.h"

namespace ekinerja::attendance::it {
namespace {

using ::testing::ElementsAre;

// "a<NUL>b": the bytes Postgres refused (or pqxx cut at the NUL).
const std::string kNul("a\0b", 3);

class BadInputTest : public AttendanceTest {
 protected:
  void SetUp() override {
    AttendanceTest::SetUp();
    if (HasFatalFailure()) return;
    SeedAttendance("dinkes");
    if (HasFatalFailure()) return;
    employee_ = Token(seeded_, seeded_.staf_s1_a);
  }

  // Rows of the tables a bad request could have written.
  int64_t Written() {
    return Count(
        "SELECT (SELECT count(*) FROM absences) + (SELECT count(*) FROM corrections) + "
        "(SELECT count(*) FROM schedule_templates) + (SELECT count(*) FROM schedule_assignments) "
        "+ (SELECT count(*) FROM holidays) + (SELECT count(*) FROM rules)");
  }

  av1::Absence AbsenceOf(const std::string& nip, absl::CivilDay day) {
    av1::Absence a;
    a.set_nip(nip);
    a.set_kind(av1::ABSENCE_KIND_SAKIT);
    *a.mutable_start_date() = Date(day);
    *a.mutable_end_date() = Date(day);
    a.set_reason("demam");
    return a;
  }

  grpc::Status Import(const std::string& csv, const std::string& request_id,
                      av1::ImportAbsencesResponse* out, bool dry_run = false) {
    av1::ImportAbsencesRequest req;
    req.set_csv(csv);
    req.set_request_id(request_id);
    req.set_dry_run(dry_run);
    return att().ImportAbsences(Ctx(admin_token_).get(), req, out);
  }

  std::string employee_;
};

// ---- item 8: text --------------------------------------------------------------------------

TEST_F(BadInputTest, NulBytesInAbsencesAreFieldViolationsNotDatabaseErrors) {
  ASSERT_FALSE(HasFatalFailure());
  const int64_t before = Written();
  av1::CreateAbsenceRequest req;
  *req.mutable_absence() = AbsenceOf(seeded_.staf_s1_a, kWednesday);
  req.mutable_absence()->set_reason(kNul);
  req.mutable_absence()->set_evidence_uri(kNul);
  req.set_request_id(kNul);
  av1::Absence out;
  grpc::Status st = att().CreateAbsence(Ctx(employee_).get(), req, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              ElementsAre("absence.reason", "absence.evidence_uri", "request_id"));
  EXPECT_EQ(integration::Violations(st)[0].description(), "contains a control character");

  av1::ImportAbsencesResponse imported;
  st = Import(absl::StrCat("nip,kind,start_date,end_date,reason\n", seeded_.staf_s1_a,
                           ",SAKIT,2025-03-12,2025-03-12,", kNul, "\n"),
              kNul, &imported);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("csv", "request_id"));
  EXPECT_EQ(Written(), before);
}

TEST_F(BadInputTest, NulBytesAreRefusedInCorrectionsDevicesTemplatesAndNotes) {
  ASSERT_FALSE(HasFatalFailure());
  const int64_t before = Written();
  av1::CreateCorrectionRequest correction;
  correction.mutable_correction()->set_nip(seeded_.staf_s1_a);
  *correction.mutable_correction()->mutable_date() = Date(kWednesday);
  correction.mutable_correction()->set_check_in("07:30");
  correction.mutable_correction()->set_reason(kNul);
  correction.mutable_correction()->set_evidence_uri("https://x.example/\x01");
  av1::Correction c;
  grpc::Status st = att().CreateCorrection(Ctx(employee_).get(), correction, &c);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("correction.reason", "correction.evidence_uri"));

  av1::RegisterDeviceRequest device;
  device.mutable_device()->set_serial_number("ZK-NUL-01");
  device.mutable_device()->set_time_zone("Asia/Jakarta");
  *device.mutable_device()->mutable_in_service_date() = Date(kDeviceInService);
  device.mutable_device()->set_description(kNul);
  device.mutable_device()->set_org_unit_code(kNul);
  av1::Device d;
  st = att().RegisterDevice(Ctx(admin_token_).get(), device, &d);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  // In field-number order: the platform's check of every request string (request_text.h) finds
  // them before the handler's own.
  EXPECT_THAT(ViolatedFields(st), ElementsAre("device.org_unit_code", "device.description"));

  av1::CreateScheduleTemplateRequest tmpl;
  tmpl.mutable_template_()->set_code("PAGI");
  tmpl.mutable_template_()->set_name(kNul);
  for (int i = 0; i < 7; ++i) tmpl.mutable_template_()->add_days();
  av1::ScheduleTemplate t;
  st = att().CreateScheduleTemplate(Ctx(admin_token_).get(), tmpl, &t);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("template.name"));

  av1::CreateAbsenceRequest filed;
  *filed.mutable_absence() = AbsenceOf(seeded_.staf_s1_a, kWednesday);
  av1::Absence absence;
  ASSERT_TRUE(Ok(att().CreateAbsence(Ctx(employee_).get(), filed, &absence)));
  av1::RejectAbsenceRequest reject;
  reject.set_id(absence.id());
  reject.set_reason(kNul);
  st = att().RejectAbsence(Ctx(admin_token_).get(), reject, &absence);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("reason"));
  EXPECT_EQ(Count("SELECT count(*) FROM absences WHERE state = 'PENDING'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM devices WHERE serial_number = 'ZK-NUL-01'"), 0);
  EXPECT_EQ(Written(), before + 1);  // the one absence filed
}

TEST_F(BadInputTest, AnImportedLogWithANulByteIsRefusedWhole) {
  ASSERT_FALSE(HasFatalFailure());
  av1::ImportAttendanceLogRequest req;
  req.set_device_serial(kDevice);
  req.set_format(av1::LOG_FORMAT_ATTLOG);
  req.set_content(absl::StrCat("1\t2025-03-12 07:20:00\t0\t1\n", kNul, "\n"));
  av1::ImportAttendanceLogResponse resp;
  grpc::Status st = att().ImportAttendanceLog(Ctx(admin_token_).get(), req, &resp);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("content"));
  EXPECT_EQ(Count("SELECT count(*) FROM punches"), 0);
}

// ---- item 10: dates, references and numbers ---------------------------------------------------

TEST_F(BadInputTest, DatesOutsideTheWorkDateWindowAreRefused) {
  ASSERT_FALSE(HasFatalFailure());
  const int64_t before = Written();
  av1::AssignScheduleRequest assign;
  assign.mutable_assignment()->set_template_code("6HK");
  *assign.mutable_assignment()->mutable_start_date() = Date(absl::CivilDay(1, 1, 1));
  av1::ScheduleAssignment a;
  grpc::Status st = att().AssignSchedule(Ctx(admin_token_).get(), assign, &a);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("assignment.start_date"));
  EXPECT_EQ(integration::Violations(st)[0].description(),
            "outside the work dates 2000-01-01 to 2100-12-31");

  av1::CreateHolidayRequest holiday;
  *holiday.mutable_holiday()->mutable_date() = Date(absl::CivilDay(2101, 1, 1));
  holiday.mutable_holiday()->set_name("Tahun Baru");
  holiday.mutable_holiday()->set_kind(av1::HOLIDAY_KIND_LIBUR_NASIONAL);
  av1::Holiday h;
  st = att().CreateHoliday(Ctx(admin_token_).get(), holiday, &h);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("holiday.date"));

  av1::CreateAbsenceRequest absence;
  *absence.mutable_absence() = AbsenceOf(seeded_.staf_s1_a, absl::CivilDay(1999, 12, 31));
  av1::Absence out;
  st = att().CreateAbsence(Ctx(employee_).get(), absence, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("absence.start_date", "absence.end_date"));

  av1::GetAttendanceDayRequest day;
  day.set_nip(seeded_.staf_s1_a);
  *day.mutable_date() = Date(absl::CivilDay(1, 1, 1));
  av1::AttendanceDay d;
  st = att().GetAttendanceDay(Ctx(admin_token_).get(), day, &d);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("date"));

  av1::ListHolidaysRequest year;
  year.set_year(1);
  av1::ListHolidaysResponse holidays;
  st = att().ListHolidays(Ctx(admin_token_).get(), year, &holidays);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("year"));
  EXPECT_EQ(Written(), before);
}

TEST_F(BadInputTest, EachTenantSetsItsOwnWorkDateWindow) {
  ASSERT_FALSE(HasFatalFailure());
  av1::UpdateAttendanceRulesRequest update;
  av1::AttendanceRules& rules = *update.mutable_rules();
  rules.set_time_zone("Asia/Jakarta");
  for (int m : {30, 60, 90}) rules.add_tier_max_minutes(m);
  rules.set_future_tolerance_minutes(5);
  rules.set_window_margin_minutes(240);
  // Outside the deployment's bounds, and a window that ends before it starts: refused, unwritten.
  *rules.mutable_first_work_date() = Date(absl::CivilDay(1969, 12, 31));
  *rules.mutable_last_work_date() = Date(absl::CivilDay(2200, 1, 1));
  av1::AttendanceRules out;
  grpc::Status st = att().UpdateAttendanceRules(Ctx(admin_token_).get(), update, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("rules.first_work_date", "rules.last_work_date"));
  EXPECT_EQ(integration::Violations(st)[0].description(), "between 1970-01-01 and 2199-12-31");
  *rules.mutable_first_work_date() = Date(absl::CivilDay(2030, 1, 1));
  *rules.mutable_last_work_date() = Date(absl::CivilDay(2024, 1, 1));
  st = att().UpdateAttendanceRules(Ctx(admin_token_).get(), update, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("rules.last_work_date"));
  EXPECT_EQ(Count("SELECT count(*) FROM rules"), 0);

  // A Pemda that went live in 2024 narrows its window; every RPC of the tenant follows at once.
  *rules.mutable_first_work_date() = Date(absl::CivilDay(2024, 1, 1));
  *rules.mutable_last_work_date() = Date(absl::CivilDay(2030, 12, 31));
  ASSERT_TRUE(Ok(att().UpdateAttendanceRules(Ctx(admin_token_).get(), update, &out)));
  av1::AttendanceRules read;
  ASSERT_TRUE(Ok(att().GetAttendanceRules(Ctx(employee_).get(), {}, &read)));
  EXPECT_EQ(FormatDate(FromProtoDate(read.first_work_date(), "").value()), "2024-01-01");
  EXPECT_EQ(FormatDate(FromProtoDate(read.last_work_date(), "").value()), "2030-12-31");
  const int64_t before = Written();

  av1::AssignScheduleRequest assign;
  assign.mutable_assignment()->set_template_code("6HK");
  *assign.mutable_assignment()->mutable_start_date() = Date(absl::CivilDay(2014, 1, 6));
  av1::ScheduleAssignment a;
  st = att().AssignSchedule(Ctx(admin_token_).get(), assign, &a);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("assignment.start_date"));
  EXPECT_EQ(integration::Violations(st)[0].description(),
            "outside the work dates 2024-01-01 to 2030-12-31");

  av1::ImportAbsencesResponse imported;
  ASSERT_TRUE(Ok(Import(absl::StrCat("nip,kind,start_date,end_date\n", seeded_.staf_s1_a,
                                     ",SAKIT,2023-12-30,2024-01-02\n"),
                        "window-1", &imported)));
  ASSERT_EQ(imported.problems_size(), 1);
  EXPECT_EQ(imported.problems(0).line(), 2);
  EXPECT_EQ(imported.problems(0).field(), "rows[2].start_date");
  EXPECT_EQ(imported.problems(0).description(),
            "line 2: start_date outside the work dates 2024-01-01 to 2030-12-31");

  av1::ListHolidaysRequest year;
  year.set_year(2031);
  av1::ListHolidaysResponse holidays;
  st = att().ListHolidays(Ctx(admin_token_).get(), year, &holidays);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(integration::Violations(st)[0].description(), "required: 2024-2030");
  EXPECT_EQ(Written(), before);

  // Inside the window nothing changed, and another tenant keeps the default window.
  *assign.mutable_assignment()->mutable_start_date() = Date(absl::CivilDay(2026, 1, 5));
  EXPECT_TRUE(Ok(att().AssignSchedule(Ctx(admin_token_).get(), assign, &a)));
  ASSERT_TRUE(Ok(att().GetAttendanceRules(Ctx(OtherAdmin()).get(), {}, &read)));
  EXPECT_EQ(FormatDate(FromProtoDate(read.first_work_date(), "").value()), "2000-01-01");
  EXPECT_EQ(FormatDate(FromProtoDate(read.last_work_date(), "").value()), "2100-12-31");
}

TEST_F(BadInputTest, NipsAndOrgUnitsMustExist) {
  ASSERT_FALSE(HasFatalFailure());
  av1::RecomputeDaysRequest recompute;
  recompute.add_nips(seeded_.staf_s1_a);
  recompute.add_nips(kNobody);
  *recompute.mutable_start_date() = Date(kWednesday);
  *recompute.mutable_end_date() = Date(kWednesday);
  av1::RecomputeDaysResponse recomputed;
  grpc::Status st = att().RecomputeDays(Ctx(admin_token_).get(), recompute, &recomputed);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nips[1]"));

  av1::ImportAbsencesResponse imported;
  ASSERT_TRUE(Ok(Import(
      absl::StrCat("nip,kind,start_date,end_date\n", seeded_.staf_s1_a,
                   ",SAKIT,2025-03-12,2025-03-12\n", kNobody, ",SAKIT,2025-03-12,2025-03-12\n"),
      "", &imported)));
  EXPECT_FALSE(imported.applied());
  EXPECT_EQ(imported.imported(), 0);
  ASSERT_EQ(imported.problems_size(), 1);
  EXPECT_EQ(imported.problems(0).line(), 3);
  EXPECT_EQ(imported.problems(0).field(), "rows[3].nip");
  EXPECT_EQ(imported.problems(0).description(), "line 3: no employee with this NIP");
  EXPECT_EQ(imported.problems(0).code(), google::rpc::INVALID_ARGUMENT);

  av1::RegisterDeviceRequest device;
  device.mutable_device()->set_serial_number("ZK-UNIT-01");
  device.mutable_device()->set_time_zone("Asia/Jakarta");
  *device.mutable_device()->mutable_in_service_date() = Date(kDeviceInService);
  device.mutable_device()->set_org_unit_code("DINKES.TIDAK.ADA");
  av1::Device d;
  st = att().RegisterDevice(Ctx(admin_token_).get(), device, &d);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("device.org_unit_code"));
  device.mutable_device()->set_org_unit_code("DINKES.P2P");
  EXPECT_TRUE(Ok(att().RegisterDevice(Ctx(admin_token_).get(), device, &d)));
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 0);
}

TEST_F(BadInputTest, TierBoundsAreAtMostADay) {
  ASSERT_FALSE(HasFatalFailure());
  av1::UpdateAttendanceRulesRequest update;
  update.mutable_rules()->set_time_zone("Asia/Jakarta");
  for (int m : {30, 60, 2147483647}) update.mutable_rules()->add_tier_max_minutes(m);
  update.mutable_rules()->set_future_tolerance_minutes(5);
  update.mutable_rules()->set_window_margin_minutes(240);
  av1::AttendanceRules out;
  grpc::Status st = att().UpdateAttendanceRules(Ctx(admin_token_).get(), update, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("rules.tier_max_minutes"));
  EXPECT_EQ(integration::Violations(st)[0].description(), "each at most 1440 (a day)");
  update.mutable_rules()->set_tier_max_minutes(2, 1440);
  EXPECT_TRUE(Ok(att().UpdateAttendanceRules(Ctx(admin_token_).get(), update, &out)));
}

// ---- item 11: request ids
// ------------------------------------------------------------------------

TEST_F(BadInputTest, AnEmployeesRequestIdNeverAnswersAnAdminsImport) {
  ASSERT_FALSE(HasFatalFailure());
  av1::CreateAbsenceRequest filed;
  *filed.mutable_absence() = AbsenceOf(seeded_.staf_s1_a, kWednesday - 7);
  filed.set_request_id("X#2");
  av1::Absence absence;
  ASSERT_TRUE(Ok(att().CreateAbsence(Ctx(employee_).get(), filed, &absence)));

  av1::ImportAbsencesResponse imported;
  ASSERT_TRUE(Ok(Import(absl::StrCat("nip,kind,start_date,end_date\n", seeded_.staf_s1_a,
                                     ",SAKIT,2025-03-12,2025-03-12\n", seeded_.staf_s1_b,
                                     ",IZIN,2025-03-12,2025-03-12\n"),
                        "X", &imported)));
  EXPECT_TRUE(imported.applied());
  EXPECT_EQ(imported.imported(), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 3);
}

TEST_F(BadInputTest, TwoEmployeesMayUseTheSameRequestId) {
  ASSERT_FALSE(HasFatalFailure());
  av1::CreateAbsenceRequest a;
  *a.mutable_absence() = AbsenceOf(seeded_.staf_s1_a, kWednesday);
  a.set_request_id("1");
  av1::Absence first, second, retry;
  ASSERT_TRUE(Ok(att().CreateAbsence(Ctx(employee_).get(), a, &first)));
  av1::CreateAbsenceRequest b;
  *b.mutable_absence() = AbsenceOf(seeded_.staf_s1_b, kWednesday);
  b.set_request_id("1");
  ASSERT_TRUE(Ok(att().CreateAbsence(Ctx(Token(seeded_, seeded_.staf_s1_b)).get(), b, &second)));
  EXPECT_NE(first.id(), second.id());
  ASSERT_TRUE(Ok(att().CreateAbsence(Ctx(employee_).get(), a, &retry)));  // a retry
  EXPECT_EQ(retry.id(), first.id());
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 2);
}

// ---- item 9: the import's report ---------------------------------------------------------------

TEST_F(BadInputTest, AnImportOfHundredsOfBadRowsAnswersEveryRowInItsBody) {
  ASSERT_FALSE(HasFatalFailure());
  std::string csv = "nip,kind,start_date,end_date\n";
  for (int i = 0; i < 300; ++i) absl::StrAppend(&csv, "123,LIBUR,2025-03-12,2025-03-12\n");
  av1::ImportAbsencesResponse out;
  ASSERT_TRUE(Ok(Import(csv, "besar", &out)));
  EXPECT_FALSE(out.applied());
  EXPECT_EQ(out.imported(), 0);
  ASSERT_EQ(out.problems_size(), 600);  // nip and kind of each row
  EXPECT_EQ(out.problems(0).line(), 2);
  EXPECT_EQ(out.problems(0).field(), "rows[2].nip");
  EXPECT_EQ(out.problems(1).field(), "rows[2].kind");
  EXPECT_EQ(out.problems(599).line(), 301);
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 0);
}

}  // namespace
}  // namespace ekinerja::attendance::it
