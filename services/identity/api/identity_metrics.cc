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
                          .Register(registry)),
      token_exchanges_(prometheus::BuildCounter()
                           .Name("ekinerja_identity_token_exchanges_total")
                           .Help("Token exchanges (RFC 8693), by outcome: ok, denied, invalid, "
                                 "unknown_tenant, error")
                           .Register(registry)),
      lockouts_(prometheus::BuildCounter()
                    .Name("ekinerja_identity_lockouts_total")
                    .Help("Holds started on an account's logins from one source after failures")
                    .Register(registry)
                    .Add({})),
      refreshes_(prometheus::BuildCounter()
                     .Name("ekinerja_identity_refreshes_total")
                     .Help("Refresh token exchanges, by outcome: ok, reused, refused")
                     .Register(registry)) {}

void IdentityMetrics::Login(absl::string_view outcome) {
  logins_.Add({{"outcome", std::string(outcome)}}).Increment();
}

void IdentityMetrics::PasswordChecked() { password_checks_.Increment(); }

void IdentityMetrics::PasswordCodes(absl::string_view outcome, double n) {
  password_codes_.Add({{"outcome", std::string(outcome)}}).Increment(n);
}

void IdentityMetrics::Lockout() { lockouts_.Increment(); }

void IdentityMetrics::Refresh(absl::string_view outcome) {
  refreshes_.Add({{"outcome", std::string(outcome)}}).Increment();
}

void IdentityMetrics::TokenExchange(const absl::Status& answer) {
  const char* outcome;
  switch (answer.code()) {
    case absl::StatusCode::kOk:
      outcome = "ok";
      break;
    case absl::StatusCode::kPermissionDenied:
      outcome = "denied";
      break;
    case absl::StatusCode::kInvalidArgument:
      outcome = "invalid";
      break;
    case absl::StatusCode::kNotFound:
      outcome = "unknown_tenant";
      break;
    default:
      outcome = "error";
  }
  token_exchanges_.Add({{"outcome", outcome}}).Increment();
}

}  // namespace ekinerja::identity
