// Absences and corrections as requests (DOMAIN §4), in the seeded Dinas Kesehatan: an employee
// files their own, the atasan langsung (the Plt Kasi for the S1 staff) decides, the tenant admin
// enters and imports approved ones; bad input and wrong callers change nothing; approved requests
// show in the days at once.

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/attendance/attendance_fixture.h"

namespace ekinerja::attendance::it {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class RequestsTest : public AttendanceTest {
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

  std::string T(const std::string& username) {
    auto it = tokens_.find(username);
    if (it == tokens_.end()) it = tokens_.emplace(username, Token(seeded_, username)).first;
    return it->second;
  }

  grpc::Status CreateAbsence(const std::string& token, const std::string& nip,
                             av1::AbsenceKind kind, absl::CivilDay start, absl::CivilDay end,
                             const std::string& request_id, av1::Absence* out) {
    av1::CreateAbsenceRequest req;
    req.mutable_absence()->set_nip(nip);
    req.mutable_absence()->set_kind(kind);
    *req.mutable_absence()->mutable_start_date() = Date(start);
    *req.mutable_absence()->mutable_end_date() = Date(end);
    req.mutable_absence()->set_reason("demam");
    req.mutable_absence()->set_evidence_uri("https://files.example/surat-dokter.pdf");
    req.set_request_id(request_id);
    return att().CreateAbsence(Ctx(token).get(), req, out);
  }

  grpc::Status Approve(const std::string& token, int64_t id, av1::Absence* out) {
    av1::ApproveAbsenceRequest req;
    req.set_id(id);
    return att().ApproveAbsence(Ctx(token).get(), req, out);
  }

  grpc::Status Reject(const std::string& token, int64_t id, const std::string& reason,
                      av1::Absence* out) {
    av1::RejectAbsenceRequest req;
    req.set_id(id);
    req.set_reason(reason);
    return att().RejectAbsence(Ctx(token).get(), req, out);
  }

  grpc::Status CreateCorrection(const std::string& token, const std::string& nip,
                                absl::CivilDay day, const std::string& check_in,
                                const std::string& check_out, const std::string& request_id,
                                av1::Correction* out) {
    av1::CreateCorrectionRequest req;
    req.mutable_correction()->set_nip(nip);
    *req.mutable_correction()->mutable_date() = Date(day);
    req.mutable_correction()->set_check_in(check_in);
    req.mutable_correction()->set_check_out(check_out);
    req.mutable_correction()->set_reason("mesin rusak");
    req.set_request_id(request_id);
    return att().CreateCorrection(Ctx(token).get(), req, out);
  }

  grpc::Status ApproveCorrection(const std::string& token, int64_t id, av1::Correction* out) {
    av1::ApproveCorrectionRequest req;
    req.set_id(id);
    return att().ApproveCorrection(Ctx(token).get(), req, out);
  }

  grpc::Status Import(const std::string& token, const std::string& csv, bool dry_run,
                      const std::string& request_id, av1::ImportAbsencesResponse* out) {
    av1::ImportAbsencesRequest req;
    req.set_csv(csv);
    req.set_dry_run(dry_run);
    req.set_request_id(request_id);
    return att().ImportAbsences(Ctx(token).get(), req, out);
  }

  // The fields of an import's per-row report, in order.
  static std::vector<std::string> ErrorFields(const av1::ImportAbsencesResponse& out) {
    std::vector<std::string> fields;
    for (const auto& e : out.problems()) fields.push_back(e.field());
    return fields;
  }

  // staf_s1_a (PIN 4) in at 08:15 and out at 16:05 on kWednesday: TL tier 2, 45 minutes late.
  void PunchLateDay() {
    av1::IngestReport report;
    const absl::CivilSecond start(kWednesday);
    ASSERT_TRUE(
        Ok(Push(service_token_,
                {Punch("4", start + 8 * 3600 + 15 * 60), Punch("4", start + 16 * 3600 + 5 * 60)},
                &report)));
    ASSERT_EQ(report.accepted(), 2);
  }

  std::map<std::string, std::string> tokens_;
  int64_t audit_baseline_ = 0;
};

// ---- absences --------------------------------------------------------------------------------

TEST_F(RequestsTest, AnAbsenceApprovedByTheAtasanTurnsTanpaKeteranganIntoSakit) {
  EXPECT_EQ(Day(admin_token_, seeded_.staf_p2p, kWednesday).status(),
            av1::DAY_STATUS_TANPA_KETERANGAN);

  av1::Absence filed;
  ASSERT_TRUE(Ok(CreateAbsence(T(seeded_.staf_p2p), seeded_.staf_p2p, av1::ABSENCE_KIND_SAKIT,
                               kWednesday, kWednesday, "sakit-1", &filed)));
  EXPECT_GT(filed.id(), 0);
  EXPECT_EQ(filed.state(), av1::REQUEST_STATE_PENDING);
  EXPECT_EQ(filed.nip(), seeded_.staf_p2p);
  EXPECT_EQ(filed.kind(), av1::ABSENCE_KIND_SAKIT);
  EXPECT_EQ(filed.decided_by(), "");
  EXPECT_FALSE(filed.has_decide_time());
  EXPECT_TRUE(filed.has_create_time());
  EXPECT_EQ(filed.evidence_uri(), "https://files.example/surat-dokter.pdf");
  // Pending: the day does not change.
  EXPECT_EQ(Day(admin_token_, seeded_.staf_p2p, kWednesday).status(),
            av1::DAY_STATUS_TANPA_KETERANGAN);

  av1::Absence approved;
  ASSERT_TRUE(Ok(Approve(T(seeded_.kabid_p2p), filed.id(), &approved)));
  EXPECT_EQ(approved.state(), av1::REQUEST_STATE_APPROVED);
  EXPECT_EQ(approved.decided_by(), seeded_.kabid_p2p);
  EXPECT_TRUE(approved.has_decide_time());
  EXPECT_EQ(Count("SELECT count(*) FROM dirty_days"), 0);

  av1::AttendanceDay day = Day(T(seeded_.staf_p2p), seeded_.staf_p2p, kWednesday);
  EXPECT_EQ(day.status(), av1::DAY_STATUS_SAKIT);
  EXPECT_EQ(day.absence_id(), filed.id());
  EXPECT_EQ(day.absence_kind(), av1::ABSENCE_KIND_SAKIT);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'ABSENCE_APPROVE' AND actor = '" +
                  seeded_.kabid_p2p + "' AND target = '" + seeded_.staf_p2p + "'"),
            1);

  // Decided once.
  EXPECT_TRUE(HasCode(Approve(T(seeded_.kabid_p2p), filed.id(), &approved),
                      grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_TRUE(HasCode(Reject(T(seeded_.kabid_p2p), filed.id(), "salah", &approved),
                      grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_TRUE(
      HasCode(Approve(T(seeded_.kabid_p2p), 999999, &approved), grpc::StatusCode::NOT_FOUND));
}

TEST_F(RequestsTest, ARetriedAbsenceReturnsTheFirstAndOverlapsAreRefused) {
  av1::Absence first, again;
  ASSERT_TRUE(Ok(CreateAbsence(T(seeded_.staf_s1_a), seeded_.staf_s1_a, av1::ABSENCE_KIND_IZIN,
                               kWednesday, kWednesday + 1, "izin-1", &first)));
  ASSERT_TRUE(Ok(CreateAbsence(T(seeded_.staf_s1_a), seeded_.staf_s1_a, av1::ABSENCE_KIND_IZIN,
                               kWednesday, kWednesday + 1, "izin-1", &again)));
  EXPECT_EQ(again.id(), first.id());
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 1);

  grpc::Status st = CreateAbsence(T(seeded_.staf_s1_a), seeded_.staf_s1_a, av1::ABSENCE_KIND_SAKIT,
                                  kWednesday, kWednesday, "izin-1", &again);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("request_id"));

  // Overlapping a pending absence (also the admin's entry); touching it is fine.
  st = CreateAbsence(T(seeded_.staf_s1_a), seeded_.staf_s1_a, av1::ABSENCE_KIND_SAKIT,
                     kWednesday + 1, kWednesday + 3, "", &again);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(st.error_message(), HasSubstr(absl::StrCat("absence ", first.id())));
  EXPECT_TRUE(HasCode(CreateAbsence(admin_token_, seeded_.staf_s1_a, av1::ABSENCE_KIND_SAKIT,
                                    kWednesday - 1, kWednesday, "", &again),
                      grpc::StatusCode::FAILED_PRECONDITION));
  ASSERT_TRUE(Ok(CreateAbsence(T(seeded_.staf_s1_a), seeded_.staf_s1_a, av1::ABSENCE_KIND_SAKIT,
                               kWednesday + 2, kWednesday + 2, "", &again)));
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 2);
  // A rejected absence no longer blocks its days.
  av1::Absence rejected;
  ASSERT_TRUE(Ok(Reject(T(seeded_.staf_p2p), first.id(), "tidak ada surat", &rejected)));
  ASSERT_TRUE(Ok(CreateAbsence(T(seeded_.staf_s1_a), seeded_.staf_s1_a, av1::ABSENCE_KIND_SAKIT,
                               kWednesday, kWednesday + 1, "", &again)));
}

TEST_F(RequestsTest, TheAdminEntersApprovedAbsencesForAnyone) {
  av1::Absence entered;
  ASSERT_TRUE(Ok(CreateAbsence(admin_token_, seeded_.staf_s1_b, av1::ABSENCE_KIND_CUTI_TAHUNAN,
                               kWednesday, kWednesday + 2, "", &entered)));
  EXPECT_EQ(entered.state(), av1::REQUEST_STATE_APPROVED);
  EXPECT_EQ(entered.decided_by(), integration::kTenantAdmin);
  EXPECT_TRUE(entered.has_decide_time());
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'ABSENCE_CREATE'"), 1);
  for (int i = 0; i < 3; ++i) {
    av1::AttendanceDay day = Day(admin_token_, seeded_.staf_s1_b, kWednesday + i);
    EXPECT_EQ(day.status(), av1::DAY_STATUS_CUTI) << i;
    EXPECT_EQ(day.absence_kind(), av1::ABSENCE_KIND_CUTI_TAHUNAN);
  }
  // The day after the range is not covered.
  EXPECT_EQ(Day(admin_token_, seeded_.staf_s1_b, kWednesday + 5).status(),
            av1::DAY_STATUS_TANPA_KETERANGAN);
}

TEST_F(RequestsTest, TwoRequestsWithoutARequestIdMakeTwo) {
  // The request id is optional: without one nothing is recorded and nothing is replayed.
  av1::Absence first_absence, second_absence;
  ASSERT_TRUE(Ok(CreateAbsence(admin_token_, seeded_.staf_s1_b, av1::ABSENCE_KIND_CUTI_TAHUNAN,
                               kWednesday, kWednesday, "", &first_absence)));
  ASSERT_TRUE(Ok(CreateAbsence(admin_token_, seeded_.staf_s1_b, av1::ABSENCE_KIND_CUTI_TAHUNAN,
                               kWednesday + 1, kWednesday + 1, "", &second_absence)));
  EXPECT_NE(second_absence.id(), first_absence.id());
  EXPECT_EQ(second_absence.start_date().day(), Date(kWednesday + 1).day());
  av1::Correction first_correction, second_correction;
  ASSERT_TRUE(Ok(CreateCorrection(admin_token_, seeded_.staf_p2p, kWednesday, "07:20", "16:10", "",
                                  &first_correction)));
  ASSERT_TRUE(Ok(CreateCorrection(admin_token_, seeded_.staf_p2p, kWednesday, "07:25", "16:15", "",
                                  &second_correction)));
  EXPECT_NE(second_correction.id(), first_correction.id());
  EXPECT_EQ(second_correction.check_in(), "07:25");
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM corrections"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM request_keys"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'ABSENCE_CREATE'"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'CORRECTION_CREATE'"), 2);
}

TEST_F(RequestsTest, CreateAbsenceRefusesBadInputAndWritesNothing) {
  av1::CreateAbsenceRequest req;
  req.mutable_absence()->set_nip("12345");
  req.mutable_absence()->set_reason(std::string(1001, 'x'));
  av1::Absence out;
  grpc::Status st = att().CreateAbsence(Ctx(admin_token_).get(), req, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("absence.nip", "absence.kind", "absence.start_date",
                                              "absence.end_date", "absence.reason"));

  st = CreateAbsence(admin_token_, seeded_.staf_s1_a, av1::ABSENCE_KIND_SAKIT, kWednesday,
                     kWednesday - 1, "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("absence.end_date"));
  st = CreateAbsence(admin_token_, seeded_.staf_s1_a, av1::ABSENCE_KIND_TUGAS_BELAJAR, kWednesday,
                     kWednesday + 367, "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("absence.end_date"));
  st = CreateAbsence(admin_token_, seeded_.staf_s1_a, static_cast<av1::AbsenceKind>(42), kWednesday,
                     kWednesday, std::string(129, 'r'), &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("absence.kind", "request_id"));
  // The admin enters absences of the tenant's employees only.
  st = CreateAbsence(admin_token_, kNobody, av1::ABSENCE_KIND_SAKIT, kWednesday, kWednesday, "",
                     &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("absence.nip"));
  st = CreateAbsence(OtherAdmin(), seeded_.staf_s1_a, av1::ABSENCE_KIND_SAKIT, kWednesday,
                     kWednesday, "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("absence.nip"));
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 0);
  EXPECT_EQ(NewAuditRows(), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM dirty_days"), 0);
}

TEST_F(RequestsTest, OnlyTheEmployeeOrTheAdminFilesAnAbsence) {
  av1::Absence out;
  // A peer, the atasan, the OPD admin, the auditor.
  for (const std::string& token : {T(seeded_.staf_s1_b), T(seeded_.staf_p2p),
                                   T(integration::kOpdAdmin), T(integration::kAuditor)}) {
    EXPECT_TRUE(HasCode(CreateAbsence(token, seeded_.staf_s1_a, av1::ABSENCE_KIND_SAKIT, kWednesday,
                                      kWednesday, "", &out),
                        grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 0);
}

TEST_F(RequestsTest, OnlyTheAtasanLangsungOrTheAdminDecides) {
  av1::Absence filed, out;
  ASSERT_TRUE(Ok(CreateAbsence(T(seeded_.staf_s1_a), seeded_.staf_s1_a, av1::ABSENCE_KIND_SAKIT,
                               kWednesday, kWednesday, "", &filed)));
  // A peer, the employee themselves, the atasan's own atasan (not the atasan langsung), the
  // OPD admin, the auditor.
  for (const std::string& token :
       {T(seeded_.staf_s1_b), T(seeded_.staf_s1_a), T(seeded_.kabid_p2p), T(seeded_.kadis),
        T(integration::kOpdAdmin), T(integration::kAuditor)}) {
    EXPECT_TRUE(HasCode(Approve(token, filed.id(), &out), grpc::StatusCode::PERMISSION_DENIED));
    EXPECT_TRUE(
        HasCode(Reject(token, filed.id(), "tidak", &out), grpc::StatusCode::PERMISSION_DENIED));
  }
  // Another tenant does not see it.
  EXPECT_TRUE(HasCode(Approve(OtherAdmin(), filed.id(), &out), grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("SELECT count(*) FROM absences WHERE state = 'PENDING'"), 1);
  EXPECT_EQ(NewAuditRows(), 0);

  // The Plt Kasi of S1 is the atasan langsung of the S1 staff.
  ASSERT_TRUE(Ok(Approve(T(seeded_.staf_p2p), filed.id(), &out)));
  EXPECT_EQ(out.state(), av1::REQUEST_STATE_APPROVED);
  EXPECT_EQ(out.decided_by(), seeded_.staf_p2p);
  EXPECT_EQ(Day(admin_token_, seeded_.staf_s1_a, kWednesday).status(), av1::DAY_STATUS_SAKIT);

  // The tenant admin decides too.
  ASSERT_TRUE(Ok(CreateAbsence(T(seeded_.staf_s1_b), seeded_.staf_s1_b, av1::ABSENCE_KIND_IZIN,
                               kWednesday, kWednesday, "", &filed)));
  ASSERT_TRUE(Ok(Approve(admin_token_, filed.id(), &out)));
  EXPECT_EQ(out.decided_by(), integration::kTenantAdmin);
}

TEST_F(RequestsTest, ARejectionNeedsAReasonAndLeavesTheDay) {
  av1::Absence filed, out;
  ASSERT_TRUE(Ok(CreateAbsence(T(seeded_.staf_p2p), seeded_.staf_p2p, av1::ABSENCE_KIND_IZIN,
                               kWednesday, kWednesday, "", &filed)));
  grpc::Status st = Reject(T(seeded_.kabid_p2p), filed.id(), "", &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("reason"));
  st = Reject(T(seeded_.kabid_p2p), 0, "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("id", "reason"));
  st = Approve(T(seeded_.kabid_p2p), -4, &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("id"));
  EXPECT_EQ(Count("SELECT count(*) FROM absences WHERE state = 'PENDING'"), 1);

  ASSERT_TRUE(Ok(Reject(T(seeded_.kabid_p2p), filed.id(), "tanpa surat izin", &out)));
  EXPECT_EQ(out.state(), av1::REQUEST_STATE_REJECTED);
  EXPECT_EQ(out.decision_note(), "tanpa surat izin");
  EXPECT_EQ(out.decided_by(), seeded_.kabid_p2p);
  EXPECT_EQ(Day(admin_token_, seeded_.staf_p2p, kWednesday).status(),
            av1::DAY_STATUS_TANPA_KETERANGAN);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'ABSENCE_REJECT'"), 1);
  EXPECT_TRUE(HasCode(Approve(T(seeded_.kabid_p2p), filed.id(), &out),
                      grpc::StatusCode::FAILED_PRECONDITION));
}

TEST_F(RequestsTest, AbsencesAreListedForThoseWhoReadTheEmployee) {
  av1::Absence out;
  ASSERT_TRUE(Ok(CreateAbsence(T(seeded_.staf_s1_a), seeded_.staf_s1_a, av1::ABSENCE_KIND_SAKIT,
                               kWednesday, kWednesday, "", &out)));
  ASSERT_TRUE(Ok(CreateAbsence(admin_token_, seeded_.staf_s1_a, av1::ABSENCE_KIND_IZIN,
                               kWednesday + 7, kWednesday + 7, "", &out)));
  ASSERT_TRUE(Ok(CreateAbsence(admin_token_, seeded_.staf_yankes, av1::ABSENCE_KIND_DINAS_LUAR,
                               kWednesday, kWednesday + 1, "", &out)));

  av1::ListAbsencesRequest req;
  req.set_nip(seeded_.staf_s1_a);
  av1::ListAbsencesResponse list;
  for (const std::string& token : {T(seeded_.staf_s1_a), admin_token_}) {
    list.Clear();
    ASSERT_TRUE(Ok(att().ListAbsences(Ctx(token).get(), req, &list)));
    EXPECT_EQ(list.absences_size(), 2);
  }
  // Those whose right depends on the day read the range they name (without one: today's).
  for (const std::string& token : {T(seeded_.staf_p2p), T(integration::kOpdAdmin)}) {
    list.Clear();
    ASSERT_TRUE(Ok(att().ListAbsences(Ctx(token).get(), req, &list)));
    EXPECT_EQ(list.absences_size(), 0);
    *req.mutable_start_date() = Date(kWednesday);
    *req.mutable_end_date() = Date(kWednesday + 7);
    ASSERT_TRUE(Ok(att().ListAbsences(Ctx(token).get(), req, &list)));
    EXPECT_EQ(list.absences_size(), 2);
    req.clear_start_date();
    req.clear_end_date();
  }
  // Filters: a range (overlap) and a state.
  *req.mutable_start_date() = Date(kWednesday + 1);
  *req.mutable_end_date() = Date(kWednesday + 30);
  list.Clear();
  ASSERT_TRUE(Ok(att().ListAbsences(Ctx(T(seeded_.staf_s1_a)).get(), req, &list)));
  ASSERT_EQ(list.absences_size(), 1);
  EXPECT_EQ(list.absences(0).kind(), av1::ABSENCE_KIND_IZIN);
  req.clear_start_date();
  req.clear_end_date();
  req.set_state(av1::REQUEST_STATE_PENDING);
  list.Clear();
  ASSERT_TRUE(Ok(att().ListAbsences(Ctx(T(seeded_.staf_s1_a)).get(), req, &list)));
  ASSERT_EQ(list.absences_size(), 1);
  EXPECT_EQ(list.absences(0).kind(), av1::ABSENCE_KIND_SAKIT);

  // The whole tenant, page by page, for tenant-wide readers.
  req = av1::ListAbsencesRequest();
  req.set_page_size(2);
  list.Clear();
  ASSERT_TRUE(Ok(att().ListAbsences(Ctx(T(integration::kAuditor)).get(), req, &list)));
  EXPECT_EQ(list.absences_size(), 2);
  req.set_page_token(list.next_page_token());
  list.Clear();
  ASSERT_TRUE(Ok(att().ListAbsences(Ctx(T(integration::kAuditor)).get(), req, &list)));
  EXPECT_EQ(list.absences_size(), 1);
  EXPECT_EQ(list.next_page_token(), "");

  // A peer, an employee without nip; another tenant sees none.
  req = av1::ListAbsencesRequest();
  req.set_nip(seeded_.staf_s1_a);
  EXPECT_TRUE(HasCode(att().ListAbsences(Ctx(T(seeded_.staf_s1_b)).get(), req, &list),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(att().ListAbsences(Ctx(T(seeded_.staf_s1_b)).get(), {}, &list),
                      grpc::StatusCode::PERMISSION_DENIED));
  list.Clear();
  ASSERT_TRUE(Ok(att().ListAbsences(Ctx(OtherAdmin()).get(), {}, &list)));
  EXPECT_THAT(list.absences(), IsEmpty());

  // Bad filters.
  req.set_nip("1980");
  *req.mutable_start_date() = Date(kWednesday);
  req.set_state(static_cast<av1::RequestState>(7));
  req.set_page_size(-1);
  grpc::Status st = att().ListAbsences(Ctx(admin_token_).get(), req, &list);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nip", "end_date", "state", "page_size"));
}

// ---- import ----------------------------------------------------------------------------------

TEST_F(RequestsTest, ImportAbsencesIsAllOrNothingAndRetriable) {
  const std::string csv =
      absl::StrCat("nip,kind,start_date,end_date,reason\n", seeded_.staf_s1_a,
                   ",SAKIT,2025-03-12,2025-03-12,\"demam, surat dokter\"\n", seeded_.staf_yankes,
                   ",DINAS_LUAR,2025-03-12,2025-03-14,Rakor provinsi\n");
  av1::ImportAbsencesResponse out;
  ASSERT_TRUE(Ok(Import(admin_token_, csv, /*dry_run=*/true, "", &out)));
  EXPECT_EQ(out.imported(), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 0);

  ASSERT_TRUE(Ok(Import(admin_token_, csv, false, "impor-maret", &out)));
  EXPECT_EQ(out.imported(), 2);
  EXPECT_EQ(
      Count("SELECT count(*) FROM absences WHERE state = 'APPROVED' AND decided_by = 'admin'"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'ABSENCE_IMPORT'"), 2);
  av1::AttendanceDay day = Day(admin_token_, seeded_.staf_yankes, kWednesday + 2);
  EXPECT_EQ(day.status(), av1::DAY_STATUS_DINAS_LUAR);
  EXPECT_TRUE(day.checked_in());
  EXPECT_EQ(Day(admin_token_, seeded_.staf_s1_a, kWednesday).status(), av1::DAY_STATUS_SAKIT);

  // The same request again: the same answer, nothing more. Without the id: every row overlaps.
  ASSERT_TRUE(Ok(Import(admin_token_, csv, false, "impor-maret", &out)));
  EXPECT_EQ(out.imported(), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 2);
  ASSERT_TRUE(Ok(Import(admin_token_, csv, false, "", &out)));
  EXPECT_FALSE(out.applied());
  EXPECT_THAT(ErrorFields(out), ElementsAre("rows[2].start_date", "rows[3].start_date"));
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 2);
}

TEST_F(RequestsTest, ImportAbsencesReportsEveryBadRowAndWritesNothing) {
  const std::string csv =
      absl::StrCat("nip,kind,start_date,end_date\n", seeded_.staf_s1_a,
                   ",SAKIT,2025-03-12,2025-03-12\n",     // good
                   "123,LIBUR,2025-03-12,2025-03-11\n",  // nip, kind, end before start
                   seeded_.staf_s1_b, ",IZIN,2025-02-30,2025-03-01\n",   // start
                   seeded_.staf_s1_a, ",IZIN,2025-03-12,2025-03-13\n");  // overlaps line 2
  av1::ImportAbsencesResponse out;
  ASSERT_TRUE(Ok(Import(admin_token_, csv, false, "", &out)));
  EXPECT_FALSE(out.applied());
  EXPECT_EQ(out.imported(), 0);
  EXPECT_THAT(ErrorFields(out), ElementsAre("rows[3].nip", "rows[3].kind", "rows[3].end_date",
                                            "rows[4].start_date", "rows[5].start_date"));
  grpc::Status st = Import(admin_token_, "", false, std::string(200, 'x'), &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("csv", "request_id"));
  st = Import(admin_token_, "nip,jenis\n", false, "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("header", "header", "header", "header"));
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 0);
  EXPECT_EQ(NewAuditRows(), 0);
}

TEST_F(RequestsTest, OnlyTheTenantAdminImportsAbsences) {
  const std::string csv = absl::StrCat("nip,kind,start_date,end_date\n", seeded_.staf_s1_a,
                                       ",SAKIT,2025-03-12,2025-03-12\n");
  av1::ImportAbsencesResponse out;
  for (const std::string& token :
       {T(seeded_.staf_s1_a), T(seeded_.staf_p2p), T(integration::kOpdAdmin),
        T(integration::kAuditor), service_token_}) {
    EXPECT_TRUE(HasCode(Import(token, csv, false, "", &out), grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 0);
}

// ---- corrections -----------------------------------------------------------------------------

TEST_F(RequestsTest, AnApprovedCorrectionChangesTheTier) {
  PunchLateDay();
  if (HasFatalFailure()) return;
  av1::AttendanceDay day = Day(admin_token_, seeded_.staf_s1_a, kWednesday);
  EXPECT_EQ(day.status(), av1::DAY_STATUS_TERLAMBAT);
  EXPECT_EQ(day.tl_tier(), 2);
  EXPECT_EQ(day.minutes_late(), 45);

  av1::Correction filed;
  ASSERT_TRUE(Ok(CreateCorrection(T(seeded_.staf_s1_a), seeded_.staf_s1_a, kWednesday, "07:25", "",
                                  "koreksi-1", &filed)));
  EXPECT_EQ(filed.state(), av1::REQUEST_STATE_PENDING);
  EXPECT_EQ(filed.check_in(), "07:25");
  EXPECT_EQ(filed.check_out(), "");
  EXPECT_EQ(filed.reason(), "mesin rusak");
  auto zone = att_db().Query("SELECT time_zone, check_in_minute FROM corrections");
  ASSERT_TRUE(zone.ok()) << zone.status();
  EXPECT_EQ((*zone)[0][0].as<std::string>(), "Asia/Jakarta");
  EXPECT_EQ((*zone)[0][1].as<int>(), 445);
  EXPECT_EQ(Day(admin_token_, seeded_.staf_s1_a, kWednesday).tl_tier(), 2);

  // A retry returns it; a second one for the day waits for the first.
  av1::Correction again;
  ASSERT_TRUE(Ok(CreateCorrection(T(seeded_.staf_s1_a), seeded_.staf_s1_a, kWednesday, "07:25", "",
                                  "koreksi-1", &again)));
  EXPECT_EQ(again.id(), filed.id());
  EXPECT_TRUE(HasCode(CreateCorrection(T(seeded_.staf_s1_a), seeded_.staf_s1_a, kWednesday, "",
                                       "16:30", "", &again),
                      grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(Count("SELECT count(*) FROM corrections"), 1);

  // The Plt Kasi approves.
  av1::Correction approved;
  ASSERT_TRUE(Ok(ApproveCorrection(T(seeded_.staf_p2p), filed.id(), &approved)));
  EXPECT_EQ(approved.state(), av1::REQUEST_STATE_APPROVED);
  EXPECT_EQ(approved.decided_by(), seeded_.staf_p2p);
  day = Day(T(seeded_.staf_s1_a), seeded_.staf_s1_a, kWednesday);
  EXPECT_EQ(day.status(), av1::DAY_STATUS_HADIR);
  EXPECT_EQ(day.tl_tier(), 0);
  EXPECT_EQ(day.minutes_late(), 0);
  EXPECT_EQ(day.correction_id(), filed.id());
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'CORRECTION_APPROVE'"), 1);
  EXPECT_TRUE(HasCode(ApproveCorrection(T(seeded_.staf_p2p), filed.id(), &approved),
                      grpc::StatusCode::FAILED_PRECONDITION));
}

TEST_F(RequestsTest, TheAdminEntersApprovedCorrections) {
  av1::Correction entered;
  ASSERT_TRUE(Ok(CreateCorrection(admin_token_, seeded_.staf_p2p, kWednesday, "07:20", "16:10", "",
                                  &entered)));
  EXPECT_EQ(entered.state(), av1::REQUEST_STATE_APPROVED);
  EXPECT_EQ(entered.decided_by(), integration::kTenantAdmin);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'CORRECTION_CREATE'"), 1);
  av1::AttendanceDay day = Day(admin_token_, seeded_.staf_p2p, kWednesday);
  EXPECT_EQ(day.status(), av1::DAY_STATUS_HADIR);
  EXPECT_TRUE(day.checked_in());
  EXPECT_EQ(day.correction_id(), entered.id());
}

TEST_F(RequestsTest, CreateCorrectionRefusesBadInputAndWritesNothing) {
  av1::CreateCorrectionRequest req;
  req.mutable_correction()->set_nip("1980010120050120");
  req.mutable_correction()->set_check_in("7:25");
  req.mutable_correction()->set_check_out("24:00");
  av1::Correction out;
  grpc::Status st = att().CreateCorrection(Ctx(admin_token_).get(), req, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              ElementsAre("correction.nip", "correction.date", "correction.check_in",
                          "correction.check_out", "correction.reason"));
  // Neither time.
  st = CreateCorrection(admin_token_, seeded_.staf_p2p, kWednesday, "", "", "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("correction.check_in"));
  // A day that has not come yet.
  st = CreateCorrection(T(seeded_.staf_p2p), seeded_.staf_p2p, absl::CivilDay(2999, 1, 4), "07:25",
                        "", "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("correction.date"));
  st = CreateCorrection(admin_token_, kNobody, kWednesday, "07:25", "", "", &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("correction.nip"));
  EXPECT_EQ(Count("SELECT count(*) FROM corrections"), 0);
  EXPECT_EQ(NewAuditRows(), 0);
}

TEST_F(RequestsTest, OnlyTheEmployeeFilesAndOnlyTheAtasanDecidesACorrection) {
  av1::Correction out;
  for (const std::string& token :
       {T(seeded_.staf_s1_b), T(seeded_.staf_p2p), T(integration::kOpdAdmin), service_token_}) {
    EXPECT_TRUE(
        HasCode(CreateCorrection(token, seeded_.staf_s1_a, kWednesday, "07:25", "", "", &out),
                grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_EQ(Count("SELECT count(*) FROM corrections"), 0);

  av1::Correction filed;
  ASSERT_TRUE(Ok(CreateCorrection(T(seeded_.staf_s1_a), seeded_.staf_s1_a, kWednesday, "07:25",
                                  "16:00", "", &filed)));
  for (const std::string& token :
       {T(seeded_.staf_s1_b), T(seeded_.staf_s1_a), T(seeded_.kadis), T(integration::kAuditor)}) {
    EXPECT_TRUE(
        HasCode(ApproveCorrection(token, filed.id(), &out), grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_TRUE(
      HasCode(ApproveCorrection(OtherAdmin(), filed.id(), &out), grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("SELECT count(*) FROM corrections WHERE state = 'PENDING'"), 1);

  av1::RejectCorrectionRequest reject;
  reject.set_id(filed.id());
  grpc::Status st = att().RejectCorrection(Ctx(T(seeded_.staf_p2p)).get(), reject, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("reason"));
  reject.set_reason("bukti tidak ada");
  ASSERT_TRUE(Ok(att().RejectCorrection(Ctx(T(seeded_.staf_p2p)).get(), reject, &out)));
  EXPECT_EQ(out.state(), av1::REQUEST_STATE_REJECTED);
  EXPECT_EQ(out.decision_note(), "bukti tidak ada");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'CORRECTION_REJECT'"), 1);
}

TEST_F(RequestsTest, CorrectionsAreListedForThoseWhoReadTheEmployee) {
  av1::Correction out;
  ASSERT_TRUE(Ok(CreateCorrection(T(seeded_.staf_s1_a), seeded_.staf_s1_a, kWednesday, "07:25", "",
                                  "", &out)));
  ASSERT_TRUE(
      Ok(CreateCorrection(admin_token_, seeded_.staf_s1_a, kWednesday + 1, "", "16:00", "", &out)));
  ASSERT_TRUE(
      Ok(CreateCorrection(admin_token_, seeded_.staf_yankes, kWednesday, "07:30", "", "", &out)));
  av1::ListCorrectionsRequest req;
  req.set_nip(seeded_.staf_s1_a);
  av1::ListCorrectionsResponse list;
  ASSERT_TRUE(Ok(att().ListCorrections(Ctx(T(seeded_.staf_p2p)).get(), req, &list)));
  EXPECT_EQ(list.corrections_size(), 0);  // without a range, a supervisor reads today's
  *req.mutable_start_date() = Date(kWednesday);
  *req.mutable_end_date() = Date(kWednesday + 1);
  ASSERT_TRUE(Ok(att().ListCorrections(Ctx(T(seeded_.staf_p2p)).get(), req, &list)));
  ASSERT_EQ(list.corrections_size(), 2);
  EXPECT_EQ(list.corrections(0).check_in(), "07:25");
  EXPECT_EQ(list.corrections(1).check_out(), "16:00");
  *req.mutable_start_date() = Date(kWednesday + 1);
  *req.mutable_end_date() = Date(kWednesday + 1);
  list.Clear();
  ASSERT_TRUE(Ok(att().ListCorrections(Ctx(T(seeded_.staf_s1_a)).get(), req, &list)));
  ASSERT_EQ(list.corrections_size(), 1);
  EXPECT_EQ(list.corrections(0).state(), av1::REQUEST_STATE_APPROVED);

  list.Clear();
  ASSERT_TRUE(Ok(att().ListCorrections(Ctx(T(integration::kAuditor)).get(), {}, &list)));
  EXPECT_EQ(list.corrections_size(), 3);
  EXPECT_TRUE(HasCode(att().ListCorrections(Ctx(T(seeded_.staf_yankes)).get(), req, &list),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(att().ListCorrections(Ctx(T(seeded_.staf_yankes)).get(), {}, &list),
                      grpc::StatusCode::PERMISSION_DENIED));
  list.Clear();
  ASSERT_TRUE(Ok(att().ListCorrections(Ctx(OtherAdmin()).get(), {}, &list)));
  EXPECT_THAT(list.corrections(), IsEmpty());
  req.clear_start_date();
  grpc::Status st = att().ListCorrections(Ctx(admin_token_).get(), req, &list);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("start_date"));
}

}  // namespace
}  // namespace ekinerja::attendance::it
