#pragma once

// The identity service's own metrics (DESIGN §4), beside the gRPC ones every service has:
// - ekinerja_identity_logins_total{outcome}: ok, refused (any failed check, all answered alike),
//   throttled (the source's failures across accounts);
// - ekinerja_identity_password_checks_total: Argon2id verifications by Login, one per login that
//   reaches the check whatever the account, so that timing reveals nothing (each costs ~100 ms
//   of a core with the interactive parameters); ChangePassword's check of the old password too;
// - ekinerja_identity_password_codes_total{outcome}: activation and reset codes issued, used (a
//   password set with one) and refused (wrong, expired, used, voided, or the source throttled);
// - ekinerja_identity_lockouts_total: holds started on an account's logins from one source
//   (LoginBackoff: a LOCKOUT audit event), after failed logins, codes or old passwords;
// - ekinerja_identity_refreshes_total{outcome}: RefreshToken answers: ok, reused (a spent, revoked
//   or expired token of a known family: the family is revoked), refused (unknown or malformed
//   token, disabled account);
// - ekinerja_identity_token_exchanges_total{outcome}: ExchangeToken answers: ok, denied (not a
//   platform service account, or an exchanged token), invalid (bad request), unknown_tenant, error.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace prometheus {
class Counter;
template <typename T>
class Family;
class Registry;
}  // namespace prometheus

namespace ekinerja::identity {

class IdentityMetrics {
 public:
  explicit IdentityMetrics(prometheus::Registry& registry);
  IdentityMetrics(const IdentityMetrics&) = delete;
  IdentityMetrics& operator=(const IdentityMetrics&) = delete;

  void Login(absl::string_view outcome);
  void PasswordChecked();
  void PasswordCodes(absl::string_view outcome, double n = 1);
  void Lockout();
  void Refresh(absl::string_view outcome);
  // One exchange, by the status it answered.
  void TokenExchange(const absl::Status& answer);

 private:
  prometheus::Family<prometheus::Counter>& logins_;
  prometheus::Counter& password_checks_;
  prometheus::Family<prometheus::Counter>& password_codes_;
  prometheus::Family<prometheus::Counter>& token_exchanges_;
  prometheus::Counter& lockouts_;
  prometheus::Family<prometheus::Counter>& refreshes_;
};

}  // namespace ekinerja::identity
