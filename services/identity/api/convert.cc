#include "api/convert.h"

#include "date_proto.h"
#include "domain/validation.h"
#include "nip.h"

namespace ekinerja::identity {

void ToProto(const store::TenantRow& r, v1::Tenant* out) {
  out->set_code(r.code);
  out->set_name(r.name);
  out->set_time_zone(r.time_zone);
  *out->mutable_create_time() = ToProtoTimestamp(r.created);
}

void ToProto(const store::OrgUnitRow& r, v1::OrgUnit* out) {
  out->set_code(r.code);
  out->set_name(r.name);
  out->set_parent_code(r.parent_code);
  out->set_head_position_code(r.head_position_code);
}

void ToProto(const store::PositionRow& r, v1::Position* out) {
  out->set_code(r.code);
  out->set_name(r.name);
  out->set_kind(static_cast<v1::PositionKind>(r.kind));
  out->set_kelas_jabatan(r.kelas_jabatan);
  out->set_nilai_jabatan(r.nilai_jabatan);
  out->set_org_unit_code(r.org_unit_code);
  out->set_head_of_unit(r.head_of_unit);
}

void ToProto(const store::EmployeeRow& r, v1::Employee* out) {
  out->set_nip(r.nip);
  auto nip = ParseNip(r.nip);
  out->set_nip_display(nip.ok() ? nip->Display() : r.nip);
  out->set_name(r.name);
  out->set_golongan(GolonganName(r.golongan));
  out->set_status(static_cast<v1::EmploymentStatus>(r.status));
  out->set_position_code(r.position_code);
  out->set_org_unit_code(r.org_unit_code);
}

void ToProto(const store::AssignmentRow& r, v1::Assignment* out) {
  out->set_id(r.id);
  out->set_nip(r.a.nip);
  out->set_position_code(r.a.position_code);
  out->set_kind(ToProto(r.a.kind));
  *out->mutable_start_date() = ToProtoDate(r.a.start);
  if (r.a.end) *out->mutable_end_date() = ToProtoDate(*r.a.end);
}

void ToProto(const store::UserRow& r, v1::User* out) {
  out->set_username(r.username);
  out->set_nip(r.nip);
  for (const auto& name : r.roles) {
    if (auto role = ParseRole(name)) out->add_roles(ToProto(*role));
  }
  out->set_admin_org_unit_code(r.admin_org_unit_code);
  out->set_disabled(r.disabled);
  out->set_service_account(r.service_account);
  if (r.locked_until) *out->mutable_locked_until() = ToProtoTimestamp(*r.locked_until);
  *out->mutable_create_time() = ToProtoTimestamp(r.created);
  out->set_has_password(!r.password_hash.empty());
}

void ToProto(const store::AuditRow& r, v1::AuditEvent* out) {
  out->set_id(r.id);
  *out->mutable_time() = ToProtoTimestamp(r.at);
  out->set_actor(r.actor);
  out->set_action(r.action);
  out->set_target(r.target);
  out->set_detail(r.detail);
  out->set_source(r.source);
}

v1::AssignmentKind ToProto(AssignmentKind k) {
  switch (k) {
    case AssignmentKind::kDefinitif:
      return v1::ASSIGNMENT_KIND_DEFINITIF;
    case AssignmentKind::kPlt:
      return v1::ASSIGNMENT_KIND_PLT;
    case AssignmentKind::kPlh:
      return v1::ASSIGNMENT_KIND_PLH;
  }
  return v1::ASSIGNMENT_KIND_UNSPECIFIED;
}

std::optional<AssignmentKind> FromProto(v1::AssignmentKind k) {
  switch (k) {
    case v1::ASSIGNMENT_KIND_DEFINITIF:
      return AssignmentKind::kDefinitif;
    case v1::ASSIGNMENT_KIND_PLT:
      return AssignmentKind::kPlt;
    case v1::ASSIGNMENT_KIND_PLH:
      return AssignmentKind::kPlh;
    default:
      return std::nullopt;
  }
}

v1::SupervisorSource ToProto(SupervisorSource s) {
  switch (s) {
    case SupervisorSource::kHeadOfUnit:
      return v1::SUPERVISOR_SOURCE_HEAD_OF_UNIT;
    case SupervisorSource::kParentUnit:
      return v1::SUPERVISOR_SOURCE_PARENT_UNIT;
    case SupervisorSource::kOverride:
      return v1::SUPERVISOR_SOURCE_OVERRIDE;
  }
  return v1::SUPERVISOR_SOURCE_UNSPECIFIED;
}

// The C++ enum mirrors the proto numbering (role.h).
ekinerja::type::v1::Role ToProto(Role r) { return static_cast<ekinerja::type::v1::Role>(r); }

std::optional<Role> FromProto(ekinerja::type::v1::Role r) {
  if (r < ekinerja::type::v1::ROLE_PEGAWAI || r > ekinerja::type::v1::ROLE_PLATFORM_ADMIN) {
    return std::nullopt;
  }
  return static_cast<Role>(r);
}

}  // namespace ekinerja::identity
