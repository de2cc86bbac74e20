#include "api/identity_metrics.h"

#include <string>

#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/registry.h"

namespace ekinerja::identity {

IdentityMetrics::IdentityMetrics(prometheus::Registry& registry)
    : logins_(prometheus::BuildCounter()
                  .Name("ekinerja_identity_logins_total")
                  .Help("Logins, by outcome: ok, refused, throttled")
                  .Register(registry)),
      password_checks_(prometheus::BuildCounter()
                           .Name("ekinerja_identity_password_checks_total")
                           .Help("Argon2id password verifications by Login and ChangePassword")
                           .Register(registry)
                           .Add({})),
      password_codes_(prometheus::BuildCounter()
                          .Name("ekinerja_identity_password_codes_total")
                          .Help("Activation and reset codes, by outcome: issued, used, refused")
                          .Register(registry)) {}

void IdentityMetrics::Login(absl::string_view outcome) {
  logins_.Add({{"outcome", std::string(outcome)}}).Increment();
}

void IdentityMetrics::PasswordChecked() { password_checks_.Increment(); }

void IdentityMetrics::PasswordCodes(absl::string_view outcome, double n) {
  password_codes_.Add({{"outcome", std::string(outcome)}}).Increment(n);
}

}  // namespace ekinerja::identity
