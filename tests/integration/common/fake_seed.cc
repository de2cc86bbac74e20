#include "integration/common/fake_seed.h"

#include <algorithm>

#include "gtest/gtest.h"

namespace ekinerja::integration {

SeededTenant DeclareSeedTenant(mocks::FakeDirectory& directory, const std::string& code,
                               int series) {
  SeededTenant t;
  t.code = code;
  directory.AddTenant(code);
  for (const SeedUnit& u : SeedUnits()) {
    directory.AddOrgUnit(code, u.code, u.parent, SeedUnitName(u, code));
  }
  for (const SeedPosition& p : SeedPositions()) {
    directory.AddPosition(code, p.code, p.unit, p.head, p.name, p.kind, p.kelas);
  }
  const auto& people = SeedPeople();
  for (size_t i = 0; i < people.size(); ++i) {
    const std::string nip = SeedNip(people[i], series, static_cast<int>(i));
    t.*people[i].nip = nip;
    t.all_nips.push_back(nip);
    directory.AddEmployee(code, nip, true, people[i].name, people[i].golongan);
    directory.AddAssignment(code, {nip, people[i].position, identity::AssignmentKind::kDefinitif,
                                   kAssignedFrom, std::nullopt});
  }
  std::sort(t.all_nips.begin(), t.all_nips.end());
  directory.AddAssignment(
      code, {t.staf_p2p, kPltPosition, identity::AssignmentKind::kPlt, kPltStart, std::nullopt});
  // The logins: passwords play no part here, the map names who may log in.
  t.passwords[kTenantAdmin] = "";
  for (const SeedPerson& p : people) {
    if (p.login) t.passwords[t.*p.nip] = "";
  }
  t.passwords[kAuditor] = "";
  t.passwords[kOpdAdmin] = "";
  t.admin_token = SeededLogin(directory, t, kTenantAdmin);
  return t;
}

std::string SeededLogin(mocks::FakeDirectory& directory, const SeededTenant& t,
                        const std::string& username) {
  if (t.passwords.count(username) == 0) {
    ADD_FAILURE() << username << " is not a seeded login of " << t.code;
    return "";
  }
  mocks::FakeDirectory::User user{t.code, username, "", {}, ""};
  if (username == kTenantAdmin) {
    user.roles = {Role::kAdminInstansi};
  } else if (username == kAuditor) {
    user.roles = {Role::kAuditor};
  } else if (username == kOpdAdmin) {
    user.roles = {Role::kAdminOpd};
    user.admin_unit = kOpdAdminUnit;
  } else {
    user.nip = username;
  }
  return directory.Login(user);
}

}  // namespace ekinerja::integration
