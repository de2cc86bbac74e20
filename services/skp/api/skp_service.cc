#include "api/skp_service.h"

#include "absl/strings/str_cat.h"
#include "api/convert.h"
#include "civil.h"
#include "role.h"
#include "status.h"

namespace ekinerja::skp {
namespace {

absl::CivilDay JakartaToday() {
  static const absl::TimeZone zone = [] {
    absl::TimeZone tz;
    absl::LoadTimeZone("Asia/Jakarta", &tz);
    return tz;
  }();
  return LocalDay(absl::Now(), zone);
}

}  // namespace

SkpServiceImpl::SkpServiceImpl(db::Pool& pool, clients::Directory& directory, SkpMetrics& metrics,
                               SkpServiceOptions options)
    : pool_(pool), directory_(directory), metrics_(metrics), options_(std::move(options)) {
  if (!options_.today) options_.today = JakartaToday;
}

grpc::Status SkpServiceImpl::Serve(grpc::ServerContext* ctx,
                                   const std::function<absl::Status(const Caller&)>& handler) {
  return ServeCaller(ctx, "SKPs", handler);
}

absl::Status SkpServiceImpl::CheckReads(const Caller& caller, const std::string& nip) {
  if (caller.subject() == nip) return absl::OkStatus();
  const absl::Status st = directory_.CheckReadsEmployee(caller.bearer, nip, Today());
  if (st.ok() || absl::IsUnavailable(st)) return st;
  if (caller.ReadsTenant() && absl::IsNotFound(st)) {
    return absl::NotFoundError(absl::StrCat("no employee ", nip, " in the tenant"));
  }
  return absl::PermissionDeniedError(absl::StrCat("the caller may not read the SKPs of ", nip));
}

absl::StatusOr<store::SkpRow> SkpServiceImpl::ReadableSkp(const Caller& caller, int64_t id) {
  if (id <= 0) return InvalidField("id", "must be an SKP id");
  store::SkpRow skp;
  EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
    EK_ASSIGN_OR_RETURN(skp, store::GetSkp(tx, caller.tenant(), id));
    return absl::OkStatus();
  }));
  EK_RETURN_IF_ERROR(CheckReads(caller, skp.nip));
  return skp;
}

absl::Status SkpServiceImpl::CheckOwner(const Caller& caller, const std::string& nip) {
  if (caller.subject() == nip) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat("only ", nip, " may do this to their own SKP"));
}

absl::StatusOr<clients::Person> SkpServiceImpl::CheckPenilai(const Caller& caller,
                                                             const std::string& nip) {
  if (caller.subject() == nip) {
    return absl::PermissionDeniedError("nobody decides on their own SKP");
  }
  const absl::CivilDay today = Today();
  absl::StatusOr<clients::Supervisors> sup = directory_.SupervisorsOf(caller.bearer, nip, today);
  if (!sup.ok() && absl::IsUnavailable(sup.status())) return sup.status();
  if (sup.ok() && sup->pejabat_penilai && sup->pejabat_penilai->nip == caller.subject()) {
    return *sup->pejabat_penilai;
  }
  // The top of the tree has no pejabat penilai in it: the tenant's ADMIN_INSTANSI records the
  // decision (the kepala daerah's, entered by BKPSDM).
  if (sup.ok() && !sup->pejabat_penilai && caller.IsTenantAdmin()) {
    clients::Person admin;
    admin.nip = caller.subject();
    admin.name = caller.subject();
    return admin;
  }
  return absl::PermissionDeniedError(absl::StrCat("only the pejabat penilai of ", nip, " on ",
                                                  FormatDate(today), " may decide on this SKP"));
}

absl::Status SkpServiceImpl::CheckBatchReader(const Caller& caller) {
  if (caller.ReadsTenant() || caller.principal.Has(Role::kService)) return absl::OkStatus();
  return absl::PermissionDeniedError("batch reads need a tenant-wide role or SERVICE");
}

absl::StatusOr<std::vector<std::string>> SkpServiceImpl::NipsOf(const Caller& caller,
                                                                const std::string& org_unit) {
  EK_ASSIGN_OR_RETURN(std::vector<clients::EmployeeUnit> employees,
                      directory_.EmployeesOf(caller.bearer, org_unit, Today()));
  std::vector<std::string> nips;
  nips.reserve(employees.size());
  for (const clients::EmployeeUnit& e : employees) nips.push_back(e.nip);
  return nips;
}

void SkpServiceImpl::FillSkp(db::Tx& tx, const std::string& tenant, const store::SkpRow& skp,
                             int revision, v1::Skp* out) {
  const int shown = revision > 0 ? revision : skp.latest_revision;
  absl::StatusOr<store::RevisionRow> rev = store::GetRevision(tx, tenant, skp.id, shown);
  ToProto(skp, rev.ok() ? *rev : store::RevisionRow{}, store::GetPlan(tx, tenant, skp.id, shown),
          out);
}

absl::Status SkpServiceImpl::LoadSkp(const Caller& caller, int64_t id, int revision, v1::Skp* out) {
  return pool_.Read([&](db::Tx& tx) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, store::GetSkp(tx, caller.tenant(), id));
    if (revision < 0 || revision > skp.latest_revision) {
      return InvalidField("revision",
                          absl::StrCat("SKP ", id, " has revisions 1 to ", skp.latest_revision));
    }
    FillSkp(tx, caller.tenant(), skp, revision, out);
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::skp
