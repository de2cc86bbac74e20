#include "api/scoring_service.h"

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "role.h"

namespace ekinerja::scoring {

ScoringServiceImpl::ScoringServiceImpl(db::Pool& pool, ScoringPeers peers, ScoringMetrics& metrics,
                                       ScoringServiceOptions options)
    : pool_(pool), peers_(peers), metrics_(metrics), options_(std::move(options)) {
  if (!options_.now) options_.now = [] { return absl::Now(); };
}

grpc::Status ScoringServiceImpl::Serve(grpc::ServerContext* ctx,
                                       const std::function<absl::Status(const Caller&)>& handler) {
  return ServeCaller(ctx, "TPP and kotak", handler);
}

absl::StatusOr<absl::CivilDay> ScoringServiceImpl::TodayOf(const Caller& caller) {
  EK_ASSIGN_OR_RETURN(const std::string name,
                      peers_.directory->TenantZone(caller.bearer, caller.tenant()));
  EK_ASSIGN_OR_RETURN(const absl::TimeZone zone, LoadZone(name));
  return LocalDay(Now(), zone);
}

absl::Status ScoringServiceImpl::CheckBatchReader(const Caller& caller) {
  if (caller.ReadsTenant() || caller.principal.Has(Role::kService)) return absl::OkStatus();
  return absl::PermissionDeniedError("this read needs a tenant-wide role or SERVICE");
}

absl::Status ScoringServiceImpl::CheckUnitReader(const Caller& caller,
                                                 const std::string& org_unit) {
  EK_RETURN_IF_ERROR(CheckBatchReader(caller));
  if (org_unit.empty()) return absl::OkStatus();
  return peers_.directory->CheckOrgUnit(caller.bearer, org_unit);
}

absl::Status ScoringServiceImpl::CheckReads(const Caller& caller, const std::string& nip,
                                            absl::CivilDay day) {
  if (caller.subject() == nip) return absl::OkStatus();
  const absl::Status st = peers_.directory->CheckReadsEmployee(caller.bearer, nip, day);
  if (st.ok() || absl::IsUnavailable(st)) return st;
  if (caller.ReadsTenant() && absl::IsNotFound(st)) {
    return absl::NotFoundError(absl::StrCat("no employee ", nip, " in the tenant"));
  }
  return absl::PermissionDeniedError(absl::StrCat("the caller may not read the TPP of ", nip));
}

absl::StatusOr<store::RunRow> ScoringServiceImpl::RunOf(const Caller& caller, int64_t id) {
  if (id <= 0) return InvalidField("id", "must be a run id");
  std::optional<store::RunRow> run;
  EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
    run = store::GetRun(tx, caller.tenant(), id);
    return absl::OkStatus();
  }));
  if (!run) return absl::NotFoundError(absl::StrCat("no TPP run ", id));
  return *std::move(run);
}

}  // namespace ekinerja::scoring
