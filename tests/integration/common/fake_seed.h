#pragma once

// The Dinas Kesehatan of integration/common/seed_org.h, declared to a FakeDirectory as identity's
// fixture creates it through identity's API: the same units, positions, people (same NIPs, names
// and golongan for the same series), assignments and Plt; the same logins. Every service's tests
// against the fake declare their tenants with it.

#include <string>

#include "fake_directory.h"
#include "integration/common/seed_org.h"

namespace ekinerja::integration {

// Declares tenant `code`, the `series`-th seeded in the test (NIPs differ between series), with
// the tenant admin's token in admin_token.
SeededTenant DeclareSeedTenant(mocks::FakeDirectory& directory, const std::string& code,
                               int series);

// A token of a seeded login of `t` (the tenant admin, an employee's NIP, kAuditor, kOpdAdmin) with
// the roles identity gives it; "" and a test failure for anyone else.
std::string SeededLogin(mocks::FakeDirectory& directory, const SeededTenant& t,
                        const std::string& username);

}  // namespace ekinerja::integration
