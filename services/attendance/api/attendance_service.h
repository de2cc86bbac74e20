#pragma once

// The gRPC adapter of the attendance service (DESIGN §3): checks the caller's rights, converts
// proto <-> domain, calls the store and the recompute, maps absl::Status to grpc::Status. The RPCs
// are defined by topic: device_rpcs.cc (devices, PINs, punches), calendar_rpcs.cc (rules,
// templates, assignments, rosters, holidays), request_rpcs.cc (absences, corrections),
// day_rpcs.cc (summaries); the rights shared by all of them are here.

#include <functional>
#include <memory>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "api/attendance_metrics.h"
#include "auth.h"
#include "caller.h"
#include "clients/directory.h"
#include "db.h"
#include "domain/work_dates.h"
#include "ekinerja/attendance/v1/attendance.grpc.pb.h"
#include "pipeline/ingest.h"
#include "pipeline/recompute.h"
#include "store/rules_cache.h"

namespace ekinerja::attendance {

namespace v1 = ::ekinerja::attendance::v1;

// FAILED_PRECONDITION MONTH_LOCKED (a google.rpc.PreconditionFailure naming the first locked day
// as "attendanceDays/<nip>/<date>", or "attendanceDays/<date>" for several employees) when a day of
// [first, last] lies in a month locked by a TPP run (month_lock_rpcs.cc): checked in the
// transaction of every change of a day summary.
absl::Status CheckDaysOpen(db::Tx& tx, const std::string& tenant, const std::string& nip,
                           absl::CivilDay first, absl::CivilDay last);

class AttendanceServiceImpl final : public v1::AttendanceService::Service {
 public:
  AttendanceServiceImpl(db::Pool& pool, clients::Directory& directory, AttendanceMetrics& metrics);

  Ingestor& ingestor() { return ingestor_; }
  Recomputer& recomputer() { return recomputer_; }

  grpc::Status RegisterDevice(grpc::ServerContext*, const v1::RegisterDeviceRequest*,
                              v1::Device*) override;
  grpc::Status ListDevices(grpc::ServerContext*, const v1::ListDevicesRequest*,
                           v1::ListDevicesResponse*) override;
  grpc::Status MapPin(grpc::ServerContext*, const v1::MapPinRequest*, v1::PinMapping*) override;
  grpc::Status ListPinMappings(grpc::ServerContext*, const v1::ListPinMappingsRequest*,
                               v1::ListPinMappingsResponse*) override;
  grpc::Status ListUnknownPins(grpc::ServerContext*, const v1::ListUnknownPinsRequest*,
                               v1::ListUnknownPinsResponse*) override;
  grpc::Status PushPunches(grpc::ServerContext*, grpc::ServerReader<v1::PushPunchesRequest>*,
                           v1::IngestReport*) override;
  grpc::Status ImportAttendanceLog(grpc::ServerContext*, const v1::ImportAttendanceLogRequest*,
                                   v1::ImportAttendanceLogResponse*) override;

  grpc::Status GetAttendanceRules(grpc::ServerContext*, const v1::GetAttendanceRulesRequest*,
                                  v1::AttendanceRules*) override;
  grpc::Status UpdateAttendanceRules(grpc::ServerContext*, const v1::UpdateAttendanceRulesRequest*,
                                     v1::AttendanceRules*) override;
  grpc::Status CreateScheduleTemplate(grpc::ServerContext*,
                                      const v1::CreateScheduleTemplateRequest*,
                                      v1::ScheduleTemplate*) override;
  grpc::Status ListScheduleTemplates(grpc::ServerContext*, const v1::ListScheduleTemplatesRequest*,
                                     v1::ListScheduleTemplatesResponse*) override;
  grpc::Status AssignSchedule(grpc::ServerContext*, const v1::AssignScheduleRequest*,
                              v1::ScheduleAssignment*) override;
  grpc::Status ListScheduleAssignments(grpc::ServerContext*,
                                       const v1::ListScheduleAssignmentsRequest*,
                                       v1::ListScheduleAssignmentsResponse*) override;
  grpc::Status SetRosterDays(grpc::ServerContext*, const v1::SetRosterDaysRequest*,
                             v1::SetRosterDaysResponse*) override;
  grpc::Status ListRosterDays(grpc::ServerContext*, const v1::ListRosterDaysRequest*,
                              v1::ListRosterDaysResponse*) override;
  grpc::Status CreateHoliday(grpc::ServerContext*, const v1::CreateHolidayRequest*,
                             v1::Holiday*) override;
  grpc::Status ListHolidays(grpc::ServerContext*, const v1::ListHolidaysRequest*,
                            v1::ListHolidaysResponse*) override;
  grpc::Status DeleteHoliday(grpc::ServerContext*, const v1::DeleteHolidayRequest*,
                             v1::DeleteHolidayResponse*) override;

  grpc::Status CreateAbsence(grpc::ServerContext*, const v1::CreateAbsenceRequest*,
                             v1::Absence*) override;
  grpc::Status ListAbsences(grpc::ServerContext*, const v1::ListAbsencesRequest*,
                            v1::ListAbsencesResponse*) override;
  grpc::Status ApproveAbsence(grpc::ServerContext*, const v1::ApproveAbsenceRequest*,
                              v1::Absence*) override;
  grpc::Status RejectAbsence(grpc::ServerContext*, const v1::RejectAbsenceRequest*,
                             v1::Absence*) override;
  grpc::Status ImportAbsences(grpc::ServerContext*, const v1::ImportAbsencesRequest*,
                              v1::ImportAbsencesResponse*) override;
  grpc::Status CreateCorrection(grpc::ServerContext*, const v1::CreateCorrectionRequest*,
                                v1::Correction*) override;
  grpc::Status ListCorrections(grpc::ServerContext*, const v1::ListCorrectionsRequest*,
                               v1::ListCorrectionsResponse*) override;
  grpc::Status ApproveCorrection(grpc::ServerContext*, const v1::ApproveCorrectionRequest*,
                                 v1::Correction*) override;
  grpc::Status RejectCorrection(grpc::ServerContext*, const v1::RejectCorrectionRequest*,
                                v1::Correction*) override;

  grpc::Status GetAttendanceDay(grpc::ServerContext*, const v1::GetAttendanceDayRequest*,
                                v1::AttendanceDay*) override;
  grpc::Status ListAttendanceDays(grpc::ServerContext*, const v1::ListAttendanceDaysRequest*,
                                  v1::ListAttendanceDaysResponse*) override;
  grpc::Status StreamDaySummaries(grpc::ServerContext*, const v1::StreamDaySummariesRequest*,
                                  grpc::ServerWriter<v1::AttendanceDay>*) override;
  grpc::Status GetMonthlySummary(grpc::ServerContext*, const v1::GetMonthlySummaryRequest*,
                                 v1::MonthlySummary*) override;
  grpc::Status RecomputeDays(grpc::ServerContext*, const v1::RecomputeDaysRequest*,
                             v1::RecomputeDaysResponse*) override;
  grpc::Status LockMonth(grpc::ServerContext*, const v1::LockMonthRequest*,
                         v1::MonthLock*) override;
  grpc::Status UnlockMonth(grpc::ServerContext*, const v1::UnlockMonthRequest*,
                           v1::MonthLock*) override;
  grpc::Status GetMonthLock(grpc::ServerContext*, const v1::GetMonthLockRequest*,
                            v1::MonthLock*) override;

 private:
  // Runs `handler` for the verified caller (ServeCaller, caller.h).
  grpc::Status Serve(grpc::ServerContext* ctx,
                     const std::function<absl::Status(const Caller&)>& handler);
  // OK when the caller may read `nip`'s attendance on every day of [first, last]: themselves, or
  // whoever identity lets read that employee on each of those days (tenant-wide roles on any day;
  // supervisors and ADMIN_OPD only while the org tree gives them the employee). NOT_FOUND for a
  // tenant-wide reader asking for someone the tenant does not have; PERMISSION_DENIED otherwise.
  // Every read of a range checks the whole range here, never only one of its days.
  absl::Status CheckReads(const Caller& caller, const std::string& nip, absl::CivilDay first,
                          absl::CivilDay last);
  absl::Status CheckReads(const Caller& caller, const std::string& nip, absl::CivilDay day) {
    return CheckReads(caller, nip, day, day);
  }
  // OK when the caller may decide `nip`'s request dated `day`: ADMIN_INSTANSI, or the atasan
  // langsung on that day by identity's supervisor resolution. Never the employee themselves.
  absl::Status CheckApproves(const Caller& caller, const std::string& nip, absl::CivilDay day);
  // The caller's tenant's window of work dates (its attendance rules, cached briefly).
  absl::StatusOr<WorkDateWindow> WorkDates(const Caller& caller);

  db::Pool& pool_;
  clients::Directory& directory_;
  AttendanceMetrics& metrics_;
  store::RulesCache rules_;
  Recomputer recomputer_;
  Ingestor ingestor_;
};

}  // namespace ekinerja::attendance
