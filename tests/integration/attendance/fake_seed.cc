#include "integration/attendance/fake_seed.h"

#include <algorithm>

#include "gtest/gtest.h"

namespace ekinerja::attendance::it {

integration::SeededTenant DeclareSeedTenant(mocks::FakeDirectory& directory,
                                            const std::string& code, int series) {
  integration::SeededTenant t;
  t.code = code;
  directory.AddTenant(code);
  for (const integration::SeedUnit& u : integration::SeedUnits()) {
    directory.AddOrgUnit(code, u.code, u.parent);
  }
  for (const integration::SeedPosition& p : integration::SeedPositions()) {
    directory.AddPosition(code, p.code, p.unit, p.head);
  }
  const auto& people = integration::SeedPeople();
  for (size_t i = 0; i < people.size(); ++i) {
    const std::string nip = integration::SeedNip(people[i], series, static_cast<int>(i));
    t.*people[i].nip = nip;
    t.all_nips.push_back(nip);
    directory.AddEmployee(code, nip);
    directory.AddAssignment(code, {nip, people[i].position, identity::AssignmentKind::kDefinitif,
                                   integration::kAssignedFrom, std::nullopt});
  }
  std::sort(t.all_nips.begin(), t.all_nips.end());
  directory.AddAssignment(code,
                          {t.staf_p2p, integration::kPltPosition, identity::AssignmentKind::kPlt,
                           integration::kPltStart, std::nullopt});
  // The logins: passwords play no part here, the map names who may log in.
  t.passwords[integration::kTenantAdmin] = "";
  for (const integration::SeedPerson& p : people) {
    if (p.login) t.passwords[t.*p.nip] = "";
  }
  t.passwords[integration::kAuditor] = "";
  t.passwords[integration::kOpdAdmin] = "";
  t.admin_token = SeededLogin(directory, t, integration::kTenantAdmin);
  return t;
}

std::string SeededLogin(mocks::FakeDirectory& directory, const integration::SeededTenant& t,
                        const std::string& username) {
  if (t.passwords.count(username) == 0) {
    ADD_FAILURE() << username << " is not a seeded login of " << t.code;
    return "";
  }
  mocks::FakeDirectory::User user{t.code, username, "", {}, ""};
  if (username == integration::kTenantAdmin) {
    user.roles = {Role::kAdminInstansi};
  } else if (username == integration::kAuditor) {
    user.roles = {Role::kAuditor};
  } else if (username == integration::kOpdAdmin) {
    user.roles = {Role::kAdminOpd};
    user.admin_unit = integration::kOpdAdminUnit;
  } else {
    user.nip = username;
  }
  return directory.Login(user);
}

}  // namespace ekinerja::attendance::it
