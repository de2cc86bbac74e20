#pragma once

// Proto <-> store rows and domain values of the identity API.

#include "ekinerja/identity/v1/identity.pb.h"
#include "ekinerja/type/v1/role.pb.h"
#include "role.h"
#include "store/store.h"

namespace ekinerja::identity {

void ToProto(const store::TenantRow& r, v1::Tenant* out);
void ToProto(const store::OrgUnitRow& r, v1::OrgUnit* out);
void ToProto(const store::PositionRow& r, v1::Position* out);
void ToProto(const store::EmployeeRow& r, v1::Employee* out);
void ToProto(const store::AssignmentRow& r, v1::Assignment* out);
void ToProto(const store::UserRow& r, v1::User* out);
void ToProto(const store::AuditRow& r, v1::AuditEvent* out);

v1::AssignmentKind ToProto(AssignmentKind k);
// UNSPECIFIED -> nullopt.
std::optional<AssignmentKind> FromProto(v1::AssignmentKind k);
v1::SupervisorSource ToProto(SupervisorSource s);

ekinerja::type::v1::Role ToProto(Role r);
std::optional<Role> FromProto(ekinerja::type::v1::Role r);

}  // namespace ekinerja::identity
