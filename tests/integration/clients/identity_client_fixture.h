#pragma once

// The shared identity client (services/common/clients/directory.h) against the REAL identity
// service in-process (its fixture: own Postgres schema, the seeded Dinas Kesehatan of
// integration/common/seed_org.h), built as a service's main.cc builds it: the gRPC Directory with
// the deployment-wide service account kPlatformService. For the tests of the conversation with
// identity; a service's fixture that runs beside the real identity builds on it
// (attendance_identity_fixture.h).

#include <memory>
#include <string>

#include "clients/directory.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::clients::it {

using identity::it::Date;
using identity::it::kPlatformService;
using identity::it::kPlatformServiceSecret;
using identity::it::Ok;
using identity::it::SeededTenant;

class IdentityClientTest : public identity::it::IdentityTest {
 protected:
  void TearDown() override;

  // Seeds `code` in identity (SeedTenant), keeps its admin token and a SERVICE token of it, and
  // makes directory(). Fails the test on any error.
  SeededTenant SeedDirectory(const std::string& code);
  // As the seeded tenant's admin in identity: ends `nip`'s only assignment the day before `from`
  // and gives them `position` (definitive) from `from`. Fails the test on any error.
  void MoveEmployee(const std::string& nip, const std::string& position, absl::CivilDay from);

  // The gRPC Directory against identity, with kPlatformService's credentials.
  Directory& directory() { return *directory_; }
  std::string identity_address();

  // Tokens of the seeded tenant: its admin's, and a SERVICE token of it (kPlatformService's,
  // exchanged).
  std::string admin_token_, service_token_;
  SeededTenant seeded_;
  std::shared_ptr<Directory> directory_;
};

}  // namespace ekinerja::clients::it
