// AttendanceService: month locks (DOMAIN §6: a LOCKED TPP run locks its month in activity and
// attendance), as activity's, and the gate every change of a day summary passes.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "api/attendance_service.h"
#include "api/rpc_support.h"
#include "civil.h"
#include "date_proto.h"
#include "month_lock.h"
#include "request_log.h"
#include "role.h"
#include "status.h"

namespace ekinerja::attendance {
namespace {

// LockMonth and UnlockMonth: the scoring service (SERVICE) or the tenant's ADMIN_INSTANSI;
// nothing written (nor audited) when the month already is as asked.
absl::Status SetLock(db::Pool& pool, const Caller& caller, int year, int month,
                     const std::string& reference, bool lock, v1::MonthLock* resp) {
  Violations v;
  const Month m = MonthOf(v, year, month);
  CheckLockReference(v, reference);
  EK_RETURN_IF_ERROR(v.ToStatus());
  if (!caller.principal.Has(Role::kService) && !caller.principal.Has(Role::kAdminInstansi)) {
    return absl::PermissionDeniedError(
        "only the scoring service (SERVICE) or the tenant's ADMIN_INSTANSI locks and unlocks a "
        "month");
  }
  return pool.Write([&](db::Tx& tx) -> absl::Status {
    store::MonthLockRow row = store::GetMonthLock(tx, caller.tenant(), m.year, m.month);
    if (row.locked != lock) {
      row = store::SetMonthLock(tx, caller.tenant(), m.year, m.month, lock, reference,
                                caller.principal.subject);
      db::Audit(tx, caller.tenant(), caller.principal.subject, lock ? "MONTH_LOCK" : "MONTH_UNLOCK",
                absl::StrFormat("monthLocks/%04d-%02d", m.year, m.month),
                absl::StrCat("reference=", reference));
    }
    db::MonthLockToProto(row, resp);
    return absl::OkStatus();
  });
}

}  // namespace

absl::Status CheckDaysOpen(db::Tx& tx, const std::string& tenant, const std::string& nip,
                           absl::CivilDay first, absl::CivilDay last) {
  const std::optional<LockedDay> locked =
      FirstLockedDay(store::LockedMonths(tx, tenant, first, last), first, last);
  if (!locked) return absl::OkStatus();
  return FailedPrecondition(
      {"MONTH_LOCKED",
       absl::StrCat("attendanceDays/", nip.empty() ? "" : nip + "/", FormatDate(locked->day)),
       absl::StrCat(FormatDate(locked->day).substr(0, 7), " is locked by ", locked->reference,
                    ": its attendance can no longer change")});
}

grpc::Status AttendanceServiceImpl::LockMonth(grpc::ServerContext* ctx,
                                              const v1::LockMonthRequest* req,
                                              v1::MonthLock* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    return SetLock(pool_, caller, req->year(), req->month(), req->reference(), true, resp);
  });
}

grpc::Status AttendanceServiceImpl::UnlockMonth(grpc::ServerContext* ctx,
                                                const v1::UnlockMonthRequest* req,
                                                v1::MonthLock* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    return SetLock(pool_, caller, req->year(), req->month(), req->reference(), false, resp);
  });
}

grpc::Status AttendanceServiceImpl::GetMonthLock(grpc::ServerContext* ctx,
                                                 const v1::GetMonthLockRequest* req,
                                                 v1::MonthLock* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    const Month m = MonthOf(v, req->year(), req->month());
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (!caller.ReadsTenant()) {
      return absl::PermissionDeniedError("a month's lock is read with a tenant-wide role");
    }
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      db::MonthLockToProto(store::GetMonthLock(tx, caller.tenant(), m.year, m.month), resp);
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::attendance
