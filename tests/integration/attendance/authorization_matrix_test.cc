// Who may call what: every AttendanceService RPC × every kind of caller → the gRPC code, as one
// table (STYLE.md: a matrix per service). A row is {caller, rpc, code}; the table is written one
// line per RPC, its codes in the order of kCallers. To copy it for another service: list its
// caller kinds (the tokens), one Call per RPC, and the expected line of each.
//
// The target is staf_s1_a, who moves from S1 (Plt Kasi: staf_p2p) to YANKES (Kabid: kabid_yankes)
// on kMoved; the calls concern September 2025, after the move. Each call may build its request
// from the caller's index (distinct dates), so that one caller's success never changes another's.
// The other tenant is seeded with the same org tree: its admin's calls about its own tenant (rules,
// templates, its DINKES.YANKES) succeed there, and name nobody of ours.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/attendance/attendance_fixture.h"

namespace ekinerja::attendance::it {
namespace {

using Code = grpc::StatusCode;

const absl::CivilDay kMoved(2025, 7, 1);
const absl::CivilDay kAugust(2025, 8, 1), kSept(2025, 9, 1), kSeptEnd(2025, 9, 30);

// The caller kinds, in the order of every line of the table.
enum Caller {
  kNoToken,
  kPlatformAdmin,
  kSelf,            // PEGAWAI: the employee
  kPeer,            // PEGAWAI: another employee
  kAtasanNow,       // supervises the employee in September
  kAtasanPast,      // supervised the employee only before kMoved
  kOpdAdminOfUnit,  // ADMIN_OPD of the employee's unit
  kOpdAdminOther,   // ADMIN_OPD of another OPD
  kTenantAdmin,     // ADMIN_INSTANSI
  kAuditor,
  kVerifikator,  // VERIFIKATOR_TPP
  kService,
  kOtherAdmin,     // another tenant's ADMIN_INSTANSI
  kOtherEmployee,  // another tenant's employee
  kCallerCount
};
const char* const kCallerNames[] = {"no token",
                                    "PLATFORM_ADMIN",
                                    "PEGAWAI self",
                                    "PEGAWAI peer",
                                    "ATASAN now",
                                    "ATASAN past",
                                    "ADMIN_OPD of the unit",
                                    "ADMIN_OPD other",
                                    "ADMIN_INSTANSI",
                                    "AUDITOR",
                                    "VERIFIKATOR_TPP",
                                    "SERVICE",
                                    "other tenant's admin",
                                    "other tenant's employee"};

// Letters of a table line: O OK, U UNAUTHENTICATED, D PERMISSION_DENIED, N NOT_FOUND,
// I INVALID_ARGUMENT, F FAILED_PRECONDITION, A ALREADY_EXISTS.
Code CodeOf(char c) {
  switch (c) {
    case 'O':
      return Code::OK;
    case 'U':
      return Code::UNAUTHENTICATED;
    case 'D':
      return Code::PERMISSION_DENIED;
    case 'N':
      return Code::NOT_FOUND;
    case 'I':
      return Code::INVALID_ARGUMENT;
    case 'F':
      return Code::FAILED_PRECONDITION;
    case 'A':
      return Code::ALREADY_EXISTS;
  }
  ADD_FAILURE() << "unknown code letter " << c;
  return Code::UNKNOWN;
}

struct Row {
  Caller caller;
  std::string rpc;
  Code code;
};

class AuthorizationMatrixTest : public AttendanceTest {
 protected:
  using Call = std::function<grpc::Status(const std::string& token, int caller)>;

  void SetUp() override {
    AttendanceTest::SetUp();
    if (HasFatalFailure()) return;
    SeedAttendance("dinkes");
    if (HasFatalFailure()) return;
    target_ = seeded_.staf_s1_a;
    MoveEmployee(target_, "DINKES.YANKES.STAF", kMoved);
    if (HasFatalFailure()) return;
    tokens_[kNoToken] = "";
    tokens_[kPlatformAdmin] = PlatformToken();
    tokens_[kSelf] = Token(seeded_, target_);
    tokens_[kPeer] = Token(seeded_, seeded_.staf_s1_b);
    // The Kabid of YANKES has no login in the seed.
    tokens_[kAtasanNow] = LoginAs(seeded_.code, seeded_.kabid_yankes, seeded_.kabid_yankes, {}, "");
    tokens_[kAtasanPast] = Token(seeded_, seeded_.staf_p2p);
    tokens_[kOpdAdminOfUnit] =
        LoginAs(seeded_.code, "admin.yankes", "", {Role::kAdminOpd}, "DINKES.YANKES");
    tokens_[kOpdAdminOther] = Token(seeded_, integration::kOpdAdmin);
    tokens_[kTenantAdmin] = admin_token_;
    tokens_[kAuditor] = Token(seeded_, integration::kAuditor);
    tokens_[kVerifikator] = LoginAs(seeded_.code, "verifikator", "", {Role::kVerifikatorTpp}, "");
    tokens_[kService] = service_token_;
    const SeededTenant other = SeedTenant("lain");
    tokens_[kOtherAdmin] = other.admin_token;
    tokens_[kOtherEmployee] = Token(other, other.staf_s1_a);
    // What the deciding RPCs decide: a pending absence and correction per caller, on its own day,
    // one set to approve (September) and one to reject (August).
    for (absl::CivilDay first : {kSept, kAugust}) {
      for (int i = 0; i < kCallerCount; ++i) {
        av1::CreateAbsenceRequest a;
        *a.mutable_absence() = Absence(first + i);
        av1::Absence absence;
        ASSERT_TRUE(Ok(att().CreateAbsence(Ctx(tokens_[kSelf]).get(), a, &absence)));
        pending_absences_.push_back(absence.id());
        av1::CreateCorrectionRequest c;
        *c.mutable_correction() = Correction(first + i);
        av1::Correction correction;
        ASSERT_TRUE(Ok(att().CreateCorrection(Ctx(tokens_[kSelf]).get(), c, &correction)));
        pending_corrections_.push_back(correction.id());
      }
    }
    av1::CreateHolidayRequest h;
    *h.mutable_holiday() = Holiday(absl::CivilDay(2025, 12, 26));
    av1::Holiday holiday;
    ASSERT_TRUE(Ok(att().CreateHoliday(Ctx(admin_token_).get(), h, &holiday)));
  }

  av1::Absence Absence(absl::CivilDay day) {
    av1::Absence a;
    a.set_nip(target_);
    a.set_kind(av1::ABSENCE_KIND_IZIN);
    *a.mutable_start_date() = Date(day);
    *a.mutable_end_date() = Date(day);
    a.set_reason("keperluan keluarga");
    return a;
  }

  av1::Correction Correction(absl::CivilDay day) {
    av1::Correction c;
    c.set_nip(target_);
    *c.mutable_date() = Date(day);
    c.set_check_in("07:25");
    c.set_reason("lupa presensi");
    return c;
  }

  static av1::Holiday Holiday(absl::CivilDay day) {
    av1::Holiday h;
    *h.mutable_date() = Date(day);
    h.set_name("Cuti bersama");
    h.set_kind(av1::HOLIDAY_KIND_CUTI_BERSAMA);
    return h;
  }

  template <typename Req>
  void SetSeptember(Req& req) {
    req.set_nip(target_);
    *req.mutable_start_date() = Date(kSept);
    *req.mutable_end_date() = Date(kSeptEnd);
  }

  // Every RPC, each as one call whose request may depend on the caller's index.
  std::map<std::string, Call> Calls() {
    std::map<std::string, Call> calls;
    auto& s = att();
    calls["RegisterDevice"] = [&](const std::string& t, int i) {
      av1::RegisterDeviceRequest req;
      req.mutable_device()->set_serial_number(absl::StrCat("ZK-MATRIX-", i));
      req.mutable_device()->set_time_zone("Asia/Jakarta");
      *req.mutable_device()->mutable_in_service_date() = Date(kDeviceInService);
      av1::Device out;
      return s.RegisterDevice(Ctx(t).get(), req, &out);
    };
    calls["ListDevices"] = [&](const std::string& t, int) {
      av1::ListDevicesResponse out;
      return s.ListDevices(Ctx(t).get(), av1::ListDevicesRequest(), &out);
    };
    calls["MapPin"] = [&](const std::string& t, int i) {
      av1::MapPinRequest req;
      req.mutable_pin_mapping()->set_pin(absl::StrCat(70 + i));
      req.mutable_pin_mapping()->set_nip(target_);
      av1::PinMapping out;
      return s.MapPin(Ctx(t).get(), req, &out);
    };
    calls["ListPinMappings"] = [&](const std::string& t, int) {
      av1::ListPinMappingsRequest req;
      req.set_nip(target_);
      av1::ListPinMappingsResponse out;
      return s.ListPinMappings(Ctx(t).get(), req, &out);
    };
    calls["ListUnknownPins"] = [&](const std::string& t, int) {
      av1::ListUnknownPinsResponse out;
      return s.ListUnknownPins(Ctx(t).get(), av1::ListUnknownPinsRequest(), &out);
    };
    calls["PushPunches"] = [&](const std::string& t, int i) {
      av1::IngestReport out;
      return Push(t, {Punch("4", absl::CivilSecond(kSept + i) + 7 * 3600)}, &out);
    };
    calls["ImportAttendanceLog"] = [&](const std::string& t, int i) {
      av1::ImportAttendanceLogRequest req;
      req.set_device_serial(kDevice);
      req.set_format(av1::LOG_FORMAT_ATTLOG);
      req.set_content(absl::StrCat("4\t", FormatDate(kSept + i), " 16:10:00\t1\t1\n"));
      av1::ImportAttendanceLogResponse out;
      return s.ImportAttendanceLog(Ctx(t).get(), req, &out);
    };
    calls["GetAttendanceRules"] = [&](const std::string& t, int) {
      av1::AttendanceRules out;
      return s.GetAttendanceRules(Ctx(t).get(), av1::GetAttendanceRulesRequest(), &out);
    };
    calls["UpdateAttendanceRules"] = [&](const std::string& t, int) {
      av1::UpdateAttendanceRulesRequest req;
      req.mutable_rules()->set_time_zone("Asia/Jakarta");
      for (int m : {30, 60, 90}) req.mutable_rules()->add_tier_max_minutes(m);
      req.mutable_rules()->set_future_tolerance_minutes(5);
      req.mutable_rules()->set_window_margin_minutes(240);
      av1::AttendanceRules out;
      return s.UpdateAttendanceRules(Ctx(t).get(), req, &out);
    };
    calls["CreateScheduleTemplate"] = [&](const std::string& t, int i) {
      av1::CreateScheduleTemplateRequest req;
      req.mutable_template_()->set_code(absl::StrCat("MTX", i));
      req.mutable_template_()->set_name("Matriks");
      for (int d = 0; d < 7; ++d) {
        av1::WorkHours* h = req.mutable_template_()->add_days();
        if (d < 5) h->set_start("08:00"), h->set_end("16:00");
      }
      av1::ScheduleTemplate out;
      return s.CreateScheduleTemplate(Ctx(t).get(), req, &out);
    };
    calls["ListScheduleTemplates"] = [&](const std::string& t, int) {
      av1::ListScheduleTemplatesResponse out;
      return s.ListScheduleTemplates(Ctx(t).get(), av1::ListScheduleTemplatesRequest(), &out);
    };
    calls["AssignSchedule"] = [&](const std::string& t, int i) {
      av1::AssignScheduleRequest req;
      req.mutable_assignment()->set_template_code("6HK");
      req.mutable_assignment()->set_nip(target_);
      *req.mutable_assignment()->mutable_start_date() = Date(kSept + i);
      *req.mutable_assignment()->mutable_end_date() = Date(kSept + i);
      av1::ScheduleAssignment out;
      return s.AssignSchedule(Ctx(t).get(), req, &out);
    };
    calls["ListScheduleAssignments"] = [&](const std::string& t, int) {
      av1::ListScheduleAssignmentsRequest req;
      req.set_nip(target_);
      av1::ListScheduleAssignmentsResponse out;
      return s.ListScheduleAssignments(Ctx(t).get(), req, &out);
    };
    calls["SetRosterDays"] = [&](const std::string& t, int i) {
      av1::SetRosterDaysRequest req;
      req.set_nip(target_);
      *req.add_days()->mutable_date() = Date(kSept + i);
      av1::SetRosterDaysResponse out;
      return s.SetRosterDays(Ctx(t).get(), req, &out);
    };
    calls["ListRosterDays"] = [&](const std::string& t, int) {
      av1::ListRosterDaysRequest req;
      SetSeptember(req);
      av1::ListRosterDaysResponse out;
      return s.ListRosterDays(Ctx(t).get(), req, &out);
    };
    calls["CreateHoliday"] = [&](const std::string& t, int i) {
      av1::CreateHolidayRequest req;
      *req.mutable_holiday() = Holiday(absl::CivilDay(2025, 11, 1) + i);
      av1::Holiday out;
      return s.CreateHoliday(Ctx(t).get(), req, &out);
    };
    calls["ListHolidays"] = [&](const std::string& t, int) {
      av1::ListHolidaysRequest req;
      req.set_year(2025);
      av1::ListHolidaysResponse out;
      return s.ListHolidays(Ctx(t).get(), req, &out);
    };
    calls["DeleteHoliday"] = [&](const std::string& t, int) {
      av1::DeleteHolidayRequest req;
      *req.mutable_date() = Date(absl::CivilDay(2025, 12, 26));
      av1::DeleteHolidayResponse out;
      return s.DeleteHoliday(Ctx(t).get(), req, &out);
    };
    calls["CreateAbsence"] = [&](const std::string& t, int i) {
      av1::CreateAbsenceRequest req;
      *req.mutable_absence() = Absence(absl::CivilDay(2025, 10, 1) + i);
      av1::Absence out;
      return s.CreateAbsence(Ctx(t).get(), req, &out);
    };
    calls["ListAbsences"] = [&](const std::string& t, int) {
      av1::ListAbsencesRequest req;
      SetSeptember(req);
      av1::ListAbsencesResponse out;
      return s.ListAbsences(Ctx(t).get(), req, &out);
    };
    calls["ApproveAbsence"] = [&](const std::string& t, int i) {
      av1::ApproveAbsenceRequest req;
      req.set_id(pending_absences_[i]);
      av1::Absence out;
      return s.ApproveAbsence(Ctx(t).get(), req, &out);
    };
    calls["RejectAbsence"] = [&](const std::string& t, int i) {
      av1::RejectAbsenceRequest req;
      req.set_id(pending_absences_[kCallerCount + i]);
      req.set_reason("tanpa surat");
      av1::Absence out;
      return s.RejectAbsence(Ctx(t).get(), req, &out);
    };
    calls["ImportAbsences"] = [&](const std::string& t, int i) {
      av1::ImportAbsencesRequest req;
      req.set_csv(absl::StrCat("nip,kind,start_date,end_date\n", target_, ",SAKIT,",
                               FormatDate(absl::CivilDay(2025, 10, 20) + i), ",",
                               FormatDate(absl::CivilDay(2025, 10, 20) + i), "\n"));
      av1::ImportAbsencesResponse out;
      return s.ImportAbsences(Ctx(t).get(), req, &out);
    };
    calls["CreateCorrection"] = [&](const std::string& t, int i) {
      av1::CreateCorrectionRequest req;
      *req.mutable_correction() = Correction(absl::CivilDay(2025, 10, 1) + i);
      av1::Correction out;
      return s.CreateCorrection(Ctx(t).get(), req, &out);
    };
    calls["ListCorrections"] = [&](const std::string& t, int) {
      av1::ListCorrectionsRequest req;
      SetSeptember(req);
      av1::ListCorrectionsResponse out;
      return s.ListCorrections(Ctx(t).get(), req, &out);
    };
    calls["ApproveCorrection"] = [&](const std::string& t, int i) {
      av1::ApproveCorrectionRequest req;
      req.set_id(pending_corrections_[i]);
      av1::Correction out;
      return s.ApproveCorrection(Ctx(t).get(), req, &out);
    };
    calls["RejectCorrection"] = [&](const std::string& t, int i) {
      av1::RejectCorrectionRequest req;
      req.set_id(pending_corrections_[kCallerCount + i]);
      req.set_reason("tanpa bukti");
      av1::Correction out;
      return s.RejectCorrection(Ctx(t).get(), req, &out);
    };
    calls["GetAttendanceDay"] = [&](const std::string& t, int) {
      av1::GetAttendanceDayRequest req;
      req.set_nip(target_);
      *req.mutable_date() = Date(kSept + 9);
      av1::AttendanceDay out;
      return s.GetAttendanceDay(Ctx(t).get(), req, &out);
    };
    calls["ListAttendanceDays"] = [&](const std::string& t, int) {
      av1::ListAttendanceDaysRequest req;
      SetSeptember(req);
      av1::ListAttendanceDaysResponse out;
      return s.ListAttendanceDays(Ctx(t).get(), req, &out);
    };
    calls["StreamDaySummaries"] = [&](const std::string& t, int) {
      av1::StreamDaySummariesRequest req;
      req.set_org_unit_code("DINKES.YANKES");
      *req.mutable_start_date() = Date(kSept);
      *req.mutable_end_date() = Date(kSeptEnd);
      auto ctx = Ctx(t);
      auto reader = s.StreamDaySummaries(ctx.get(), req);
      for (av1::AttendanceDay day; reader->Read(&day);) {
      }
      return reader->Finish();
    };
    calls["GetMonthlySummary"] = [&](const std::string& t, int) {
      av1::GetMonthlySummaryRequest req;
      req.set_nip(target_);
      req.set_year(2025);
      req.set_month(9);
      av1::MonthlySummary out;
      return s.GetMonthlySummary(Ctx(t).get(), req, &out);
    };
    calls["RecomputeDays"] = [&](const std::string& t, int) {
      av1::RecomputeDaysRequest req;
      req.add_nips(target_);
      *req.mutable_start_date() = Date(kSept);
      *req.mutable_end_date() = Date(kSeptEnd);
      av1::RecomputeDaysResponse out;
      return s.RecomputeDays(Ctx(t).get(), req, &out);
    };
    // A month no other call touches: a lock would refuse their changes.
    calls["LockMonth"] = [&](const std::string& t, int) {
      av1::LockMonthRequest req;
      req.set_year(2024);
      req.set_month(1);
      req.set_reference("tpp-runs/1");
      av1::MonthLock out;
      return s.LockMonth(Ctx(t).get(), req, &out);
    };
    calls["UnlockMonth"] = [&](const std::string& t, int) {
      av1::UnlockMonthRequest req;
      req.set_year(2024);
      req.set_month(1);
      req.set_reference("tpp-runs/1");
      av1::MonthLock out;
      return s.UnlockMonth(Ctx(t).get(), req, &out);
    };
    calls["GetMonthLock"] = [&](const std::string& t, int) {
      av1::GetMonthLockRequest req;
      req.set_year(2024);
      req.set_month(1);
      av1::MonthLock out;
      return s.GetMonthLock(Ctx(t).get(), req, &out);
    };
    return calls;
  }

  std::string target_;
  std::string tokens_[kCallerCount];
  std::vector<int64_t> pending_absences_, pending_corrections_;
};

// One line per RPC: the codes of the callers in the order of enum Caller,
//   no token, PLATFORM_ADMIN, self, peer, ATASAN now, ATASAN past, ADMIN_OPD of the unit,
//   ADMIN_OPD other, ADMIN_INSTANSI, AUDITOR, VERIFIKATOR_TPP, SERVICE, other tenant's admin,
//   other tenant's employee.
const std::map<std::string, std::string> kTable = {
    // clang-format off
    {"RegisterDevice",          "UDDDDDDDODDDOD"},
    {"ListDevices",             "UDDDDDDDOOOOOD"},
    {"MapPin",                  "UDDDDDDDODDDID"},
    {"ListPinMappings",         "UDODDDDDOOOOOD"},
    {"ListUnknownPins",         "UDDDDDDDOOOOOD"},
    {"PushPunches",             "UDDDDDDDODDOID"},
    {"ImportAttendanceLog",     "UDDDDDDDODDDID"},
    {"GetAttendanceRules",      "UDOOOOOOOOOOOO"},
    {"UpdateAttendanceRules",   "UDDDDDDDODDDOD"},
    {"CreateScheduleTemplate",  "UDDDDDDDODDDOD"},
    {"ListScheduleTemplates",   "UDOOOOOOOOOOOO"},
    {"AssignSchedule",          "UDDDDDDDODDDID"},
    {"ListScheduleAssignments", "UDODODODOOOOND"},
    {"SetRosterDays",           "UDDDDDDDODDDND"},
    {"ListRosterDays",          "UDODODODOOOOND"},
    {"CreateHoliday",           "UDDDDDDDODDDOD"},
    {"ListHolidays",            "UDOOOOOOOOOOOO"},
    {"DeleteHoliday",           "UDDDDDDDODDDND"},
    {"CreateAbsence",           "UDODDDDDODDDID"},
    {"ListAbsences",            "UDODODODOOOOND"},
    {"ApproveAbsence",          "UDDDODDDODDDNN"},
    {"RejectAbsence",           "UDDDODDDODDDNN"},
    {"ImportAbsences",          "UDDDDDDDODDDOD"},
    {"CreateCorrection",        "UDODDDDDODDDID"},
    {"ListCorrections",         "UDODODODOOOOND"},
    {"ApproveCorrection",       "UDDDODDDODDDNN"},
    {"RejectCorrection",        "UDDDODDDODDDNN"},
    {"GetAttendanceDay",        "UDODODODOOOOND"},
    {"ListAttendanceDays",      "UDODODODOOOOND"},
    {"StreamDaySummaries",      "UDDDDDODOOOOOD"},
    {"GetMonthlySummary",       "UDODODODOOOOND"},
    {"RecomputeDays",           "UDDDDDDDODDDID"},
    {"LockMonth",               "UDDDDDDDODDOOD"},
    {"UnlockMonth",             "UDDDDDDDODDOOD"},
    {"GetMonthLock",            "UDDDDDDDOOOOOD"},
    // clang-format on
};

std::vector<Row> Rows() {
  std::vector<Row> rows;
  for (const auto& [rpc, line] : kTable) {
    EXPECT_EQ(line.size(), static_cast<size_t>(kCallerCount)) << rpc;
    for (int c = 0; c < kCallerCount && c < static_cast<int>(line.size()); ++c) {
      rows.push_back({static_cast<Caller>(c), rpc, CodeOf(line[c])});
    }
  }
  return rows;
}

TEST_F(AuthorizationMatrixTest, EveryCallerOfEveryRpcGetsItsCode) {
  ASSERT_FALSE(HasFatalFailure());
  std::map<std::string, Call> calls = Calls();
  // Every RPC of the service is in the table, and every line has a call.
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          "ekinerja.attendance.v1.AttendanceService");
  ASSERT_NE(service, nullptr);
  ASSERT_EQ(kTable.size(), static_cast<size_t>(service->method_count()));
  for (int m = 0; m < service->method_count(); ++m) {
    EXPECT_EQ(kTable.count(service->method(m)->name()), 1u) << service->method(m)->name();
    EXPECT_EQ(calls.count(service->method(m)->name()), 1u) << service->method(m)->name();
  }
  for (const Row& row : Rows()) {
    auto call = calls.find(row.rpc);
    if (call == calls.end()) continue;
    const grpc::Status st = call->second(tokens_[row.caller], row.caller);
    EXPECT_EQ(st.error_code(), row.code)
        << row.rpc << " by " << kCallerNames[row.caller] << ": " << st.error_message();
  }
}

}  // namespace
}  // namespace ekinerja::attendance::it
