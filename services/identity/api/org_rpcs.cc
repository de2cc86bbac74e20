// IdentityService: org units (the OPD tree) and positions (jabatan).

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/convert.h"
#include "api/identity_service.h"
#include "api/request.h"
#include "domain/validation.h"
#include "page_token.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

void ValidatePositionFields(const v1::Position& p, Violations& v) {
  v.Merge(ValidateName(p.name(), "position.name"));
  if (p.kind() < v1::POSITION_KIND_JPT || p.kind() > v1::POSITION_KIND_FUNGSIONAL) {
    v.Add("position.kind", "required: JPT, ADMINISTRATOR, PENGAWAS, PELAKSANA or FUNGSIONAL");
  }
  v.Merge(ValidateKelasJabatan(p.kelas_jabatan(), "position.kelas_jabatan"));
  if (p.nilai_jabatan() < 0) v.Add("position.nilai_jabatan", "must not be negative");
}

store::PositionRow ToRow(const v1::Position& p) {
  return {p.code(),          p.name(),          p.kind(),        p.kelas_jabatan(),
          p.nilai_jabatan(), p.org_unit_code(), p.head_of_unit()};
}

// FAILED_PRECONDITION when `unit` already has a head position other than `code`.
absl::Status CheckOneHead(db::Tx& tx, const std::string& tenant, const std::string& unit,
                          const std::string& code) {
  auto u = store::GetOrgUnit(tx, tenant, unit);
  if (u.ok() && !u->head_position_code.empty() && u->head_position_code != code) {
    return absl::FailedPreconditionError(
        absl::StrCat("org unit ", unit, " already has head position ", u->head_position_code));
  }
  return absl::OkStatus();
}

}  // namespace

grpc::Status IdentityServiceImpl::CreateOrgUnit(grpc::ServerContext* ctx,
                                                const v1::CreateOrgUnitRequest* req,
                                                v1::OrgUnit* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    const v1::OrgUnit& u = req->org_unit();
    Violations v;
    v.Merge(ValidateOrgUnitCode(u.code(), "org_unit.code"));
    v.Merge(ValidateName(u.name(), "org_unit.name"));
    if (!u.parent_code().empty())
      v.Merge(ValidateOrgUnitCode(u.parent_code(), "org_unit.parent_code"));
    EK_RETURN_IF_ERROR(v.ToStatus());
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      // A new root needs the tenant admin; a new child needs the right over its parent.
      EK_RETURN_IF_ERROR(CheckAdministers(scope, u.parent_code()));
      EK_ASSIGN_OR_RETURN(
          bool replay, ClaimRequestId(tx, p.tenant, req->request_id(), "CreateOrgUnit", u.code()));
      if (!replay) {
        if (!u.parent_code().empty() && !store::GetOrgUnit(tx, p.tenant, u.parent_code()).ok()) {
          return InvalidField("org_unit.parent_code", "no such org unit");
        }
        if (store::GetOrgUnit(tx, p.tenant, u.code()).ok()) {
          return absl::AlreadyExistsError(absl::StrCat("org unit ", u.code(), " already exists"));
        }
        store::InsertOrgUnit(tx, p.tenant, {u.code(), u.name(), u.parent_code(), ""});
        store::InsertAudit(tx, p.tenant,
                           {0, absl::Now(), p.subject, "ORG_UNIT_CREATE", u.code(),
                            "parent=" + u.parent_code(), SourceOf(ctx)});
      }
      EK_ASSIGN_OR_RETURN(store::OrgUnitRow row, store::GetOrgUnit(tx, p.tenant, u.code()));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::GetOrgUnit(grpc::ServerContext* ctx,
                                             const v1::GetOrgUnitRequest* req, v1::OrgUnit* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(store::OrgUnitRow row, store::GetOrgUnit(tx, p.tenant, req->code()));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::ListOrgUnits(grpc::ServerContext* ctx,
                                               const v1::ListOrgUnitsRequest* req,
                                               v1::ListOrgUnitsResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    EK_ASSIGN_OR_RETURN(int size, PageSize(req->page_size()));
    const std::string fingerprint = "org_units|" + req->parent_code();
    EK_ASSIGN_OR_RETURN(std::string after, DecodePageToken(req->page_token(), fingerprint));
    return pool_.Read([&](db::Tx& tx) {
      auto rows = store::ListOrgUnits(tx, p.tenant, req->parent_code(), after, size + 1);
      resp->set_next_page_token(WritePage(
          rows, size, fingerprint, [&](const auto& r) { ToProto(r, resp->add_org_units()); },
          [](const auto& r) { return r.code; }));
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::UpdateOrgUnit(grpc::ServerContext* ctx,
                                                const v1::UpdateOrgUnitRequest* req,
                                                v1::OrgUnit* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    const v1::OrgUnit& u = req->org_unit();
    EK_ASSIGN_OR_RETURN(auto paths, MaskPaths(req->update_mask(), {"name", "parent_code"}));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      EK_ASSIGN_OR_RETURN(store::OrgUnitRow row, store::GetOrgUnit(tx, p.tenant, u.code()));
      EK_RETURN_IF_ERROR(CheckAdministers(scope, row.code));
      Violations v;
      if (paths.contains("name")) {
        row.name = u.name();
        v.Merge(ValidateName(row.name, "org_unit.name"));
      }
      if (paths.contains("parent_code") && u.parent_code() != row.parent_code) {
        EK_RETURN_IF_ERROR(CheckAdministers(scope, u.parent_code()));
        row.parent_code = u.parent_code();
        auto units = store::AllOrgUnits(tx, p.tenant);
        for (auto& unit : units) {
          if (unit.code == row.code) unit.parent_code = row.parent_code;
        }
        v.Merge(ValidateOrgTree(units, "org_unit.parent_code"));
      }
      EK_RETURN_IF_ERROR(v.ToStatus());
      store::UpdateOrgUnit(tx, p.tenant, row);
      store::InsertAudit(tx, p.tenant,
                         {0, absl::Now(), p.subject, "ORG_UNIT_UPDATE", row.code,
                          absl::StrJoin(paths, ","), SourceOf(ctx)});
      EK_ASSIGN_OR_RETURN(row, store::GetOrgUnit(tx, p.tenant, row.code));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::CreatePosition(grpc::ServerContext* ctx,
                                                 const v1::CreatePositionRequest* req,
                                                 v1::Position* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    const v1::Position& pos = req->position();
    Violations v;
    v.Merge(ValidatePositionCode(pos.code(), "position.code"));
    ValidatePositionFields(pos, v);
    v.Merge(ValidateOrgUnitCode(pos.org_unit_code(), "position.org_unit_code"));
    EK_RETURN_IF_ERROR(v.ToStatus());
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      EK_RETURN_IF_ERROR(CheckAdministers(scope, pos.org_unit_code()));
      EK_ASSIGN_OR_RETURN(bool replay, ClaimRequestId(tx, p.tenant, req->request_id(),
                                                      "CreatePosition", pos.code()));
      if (!replay) {
        if (!store::GetOrgUnit(tx, p.tenant, pos.org_unit_code()).ok()) {
          return InvalidField("position.org_unit_code", "no such org unit");
        }
        if (store::GetPosition(tx, p.tenant, pos.code()).ok()) {
          return absl::AlreadyExistsError(absl::StrCat("position ", pos.code(), " already exists"));
        }
        if (pos.head_of_unit()) {
          EK_RETURN_IF_ERROR(CheckOneHead(tx, p.tenant, pos.org_unit_code(), pos.code()));
        }
        store::InsertPosition(tx, p.tenant, ToRow(pos));
        store::InsertAudit(tx, p.tenant,
                           {0, absl::Now(), p.subject, "POSITION_CREATE", pos.code(),
                            "unit=" + pos.org_unit_code(), SourceOf(ctx)});
      }
      EK_ASSIGN_OR_RETURN(store::PositionRow row, store::GetPosition(tx, p.tenant, pos.code()));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::ListPositions(grpc::ServerContext* ctx,
                                                const v1::ListPositionsRequest* req,
                                                v1::ListPositionsResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    EK_ASSIGN_OR_RETURN(int size, PageSize(req->page_size()));
    const std::string fingerprint = "positions|" + req->org_unit_code();
    EK_ASSIGN_OR_RETURN(std::string after, DecodePageToken(req->page_token(), fingerprint));
    return pool_.Read([&](db::Tx& tx) {
      auto rows = store::ListPositions(tx, p.tenant, req->org_unit_code(), after, size + 1);
      resp->set_next_page_token(WritePage(
          rows, size, fingerprint, [&](const auto& r) { ToProto(r, resp->add_positions()); },
          [](const auto& r) { return r.code; }));
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::UpdatePosition(grpc::ServerContext* ctx,
                                                 const v1::UpdatePositionRequest* req,
                                                 v1::Position* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    const v1::Position& in = req->position();
    EK_ASSIGN_OR_RETURN(
        auto paths, MaskPaths(req->update_mask(),
                              {"name", "kind", "kelas_jabatan", "nilai_jabatan", "head_of_unit"}));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      EK_ASSIGN_OR_RETURN(store::PositionRow row, store::GetPosition(tx, p.tenant, in.code()));
      EK_RETURN_IF_ERROR(CheckAdministers(scope, row.org_unit_code));
      if (paths.contains("name")) row.name = in.name();
      if (paths.contains("kind")) row.kind = in.kind();
      if (paths.contains("kelas_jabatan")) row.kelas_jabatan = in.kelas_jabatan();
      if (paths.contains("nilai_jabatan")) row.nilai_jabatan = in.nilai_jabatan();
      if (paths.contains("head_of_unit")) row.head_of_unit = in.head_of_unit();
      v1::Position merged;
      ToProto(row, &merged);
      Violations v;
      ValidatePositionFields(merged, v);
      EK_RETURN_IF_ERROR(v.ToStatus());
      if (row.head_of_unit) {
        EK_RETURN_IF_ERROR(CheckOneHead(tx, p.tenant, row.org_unit_code, row.code));
      }
      store::UpdatePosition(tx, p.tenant, row);
      store::InsertAudit(tx, p.tenant,
                         {0, absl::Now(), p.subject, "POSITION_UPDATE", row.code,
                          absl::StrJoin(paths, ","), SourceOf(ctx)});
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::identity
