// IdentityService: tokens (login, refresh, logout, keys) and the caller's profile.

#include "absl/strings/str_cat.h"
#include "api/convert.h"
#include "api/identity_service.h"
#include "crypto.h"
#include "domain/token_exchange.h"
#include "jwks_proto.h"
#include "status.h"

namespace ekinerja::identity {

namespace {
// What every refused login answers, whatever the reason.
constexpr char kLoginRefused[] =
    "invalid credentials, or too many failed logins from this address: wait a few minutes";
}  // namespace

grpc::Status IdentityServiceImpl::Login(grpc::ServerContext* ctx, const v1::LoginRequest* req,
                                        v1::LoginResponse* resp) {
  return ServePublic(ctx, [&]() -> absl::Status {
    const bool client = !req->client_id().empty() || !req->client_secret().empty();
    Violations v;
    if (req->tenant().empty()) v.Add("tenant", "required");
    if (client) {
      if (req->client_id().empty()) v.Add("client_id", "required with client_secret");
      if (req->client_secret().empty()) v.Add("client_secret", "required with client_id");
      if (!req->username().empty()) v.Add("username", "give either username or client_id");
    } else {
      if (req->username().empty()) v.Add("username", "required");
      if (req->password().empty()) v.Add("password", "required");
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    const std::string& tenant = req->tenant();
    const std::string& username = client ? req->client_id() : req->username();
    const std::string& secret = client ? req->client_secret() : req->password();
    const std::string source = SourceOf(ctx);
    const absl::Time now = absl::Now();
    if (!throttle_.Allowed(source, now)) {
      metrics_.Login("throttled");
      return absl::ResourceExhaustedError("too many failed logins from this address; wait a while");
    }
    absl::StatusOr<store::UserRow> user = absl::NotFoundError("");
    std::optional<absl::Time> blocked_until;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) {
      user = store::GetUser(tx, tenant, username);
      blocked_until = store::LoginBlockedUntil(tx, tenant, username, source);
      return absl::OkStatus();
    }));
    // Exactly one Argon2id check whatever the account: unknown, disabled, the wrong kind and held
    // back cost what a wrong password costs, and all of them answer alike (issue 8: no oracle).
    // An account without a password (an imported login not yet activated) is refused like the
    // rest, at the same cost.
    const char* refusal = !user.ok()                        ? "unknown user"
                          : user->disabled                  ? "disabled"
                          : user->service_account != client ? "wrong kind of login"
                          : user->password_hash.empty()     ? "no password yet (not activated)"
                          : blocked_until.has_value()       ? "held back after failures"
                                                            : nullptr;
    const bool password_ok =
        auth::VerifyPassword(refusal == nullptr ? user->password_hash : dummy_hash_, secret);
    metrics_.PasswordChecked();
    if (refusal != nullptr || !password_ok) {
      throttle_.RecordFailure(source, now);
      bool held = false;
      EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) {
        held = RecordCredentialFailure(tx, tenant, username, source, now, "LOGIN_FAILED",
                                       refusal != nullptr ? refusal : "wrong password");
        return absl::OkStatus();
      }));
      if (held) metrics_.Lockout();
      metrics_.Login("refused");
      return absl::UnauthenticatedError(kLoginRefused);
    }
    Issued issued;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::RecordLogin(tx, tenant, username, source);
      EK_ASSIGN_OR_RETURN(issued, Issue(tx, tenant, *user, client ? "" : auth::RandomToken(16)));
      store::InsertAudit(
          tx, tenant,
          {0, now, username, "LOGIN", username, client ? "client credentials" : "", source});
      return absl::OkStatus();
    }));
    resp->set_access_token(issued.access_token);
    resp->set_refresh_token(issued.refresh_token);
    resp->set_expires_in(static_cast<int32_t>(absl::ToInt64Seconds(config_.access_ttl)));
    resp->set_token_type("Bearer");
    metrics_.Login("ok");
    return absl::OkStatus();
  });
}

bool IdentityServiceImpl::RecordCredentialFailure(db::Tx& tx, const std::string& tenant,
                                                  const std::string& username,
                                                  const std::string& source, absl::Time now,
                                                  const std::string& action,
                                                  const std::string& reason) {
  if (!store::GetTenant(tx, tenant).ok()) return false;
  const int failures =
      store::RecordLoginFailure(tx, tenant, username, source, config_.forget_failures_after);
  store::InsertAudit(tx, tenant,
                     {0, now, username, action, username,
                      absl::StrCat(reason, "; failure ", failures, " from this source"), source});
  const absl::Duration hold =
      LoginBackoff(failures, config_.lock_after_failures, config_.first_hold, config_.lock_for);
  if (hold > absl::ZeroDuration()) {
    store::BlockLogins(tx, tenant, username, source, hold);
    store::InsertAudit(tx, tenant,
                       {0, now, username, "LOCKOUT", username,
                        absl::StrCat(failures, " failures from this source; held back ",
                                     absl::FormatDuration(hold)),
                        source});
    return true;
  }
  return false;
}

namespace {
// "<tenant>.<random>" -> tenant; "" when malformed.
std::string TenantOfRefreshToken(const std::string& token) {
  const size_t dot = token.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == token.size()) return "";
  return token.substr(0, dot);
}
}  // namespace

grpc::Status IdentityServiceImpl::RefreshToken(grpc::ServerContext* ctx,
                                               const v1::RefreshTokenRequest* req,
                                               v1::RefreshTokenResponse* resp) {
  return ServePublic(ctx, [&]() -> absl::Status {
    if (req->refresh_token().empty()) return InvalidField("refresh_token", "required");
    const std::string tenant = TenantOfRefreshToken(req->refresh_token());
    const auto invalid = absl::UnauthenticatedError("refresh token is not valid");
    if (tenant.empty()) {
      metrics_.Refresh("refused");
      return invalid;
    }
    const std::string hash = auth::Sha256Hex(req->refresh_token());
    const std::string source = SourceOf(ctx);
    // Why the token is refused ("" when it is not): an outcome of the refresh counter.
    const char* refused = "";
    Issued issued;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      refused = "";
      auto spent = store::SpendRefreshToken(tx, tenant, hash);
      if (!spent.ok()) {
        // A spent, revoked or expired token presented again: someone may hold a stolen copy, so
        // the whole family (this login's chain) is revoked (RFC 6819 §5.2.2.3).
        refused = "refused";
        if (auto family = store::RefreshFamilyOf(tx, tenant, hash)) {
          store::RevokeRefreshFamily(tx, tenant, family->family);
          store::InsertAudit(tx, tenant,
                             {0, absl::Now(), family->username, "REFRESH_REUSE", family->username,
                              "family revoked", source});
          refused = "reused";
        }
        return absl::OkStatus();  // commit the revocation
      }
      EK_ASSIGN_OR_RETURN(store::UserRow user, store::GetUser(tx, tenant, spent->username));
      if (user.disabled) {
        refused = "refused";
        return absl::OkStatus();
      }
      EK_ASSIGN_OR_RETURN(issued, Issue(tx, tenant, user, spent->family));
      return absl::OkStatus();
    }));
    if (*refused != '\0') {
      metrics_.Refresh(refused);
      return invalid;
    }
    metrics_.Refresh("ok");
    resp->set_access_token(issued.access_token);
    resp->set_refresh_token(issued.refresh_token);
    resp->set_expires_in(static_cast<int32_t>(absl::ToInt64Seconds(config_.access_ttl)));
    resp->set_token_type("Bearer");
    return absl::OkStatus();
  });
}

grpc::Status IdentityServiceImpl::Logout(grpc::ServerContext* ctx, const v1::LogoutRequest* req,
                                         v1::LogoutResponse*) {
  return ServePublic(ctx, [&]() -> absl::Status {
    if (req->refresh_token().empty()) return InvalidField("refresh_token", "required");
    const std::string tenant = TenantOfRefreshToken(req->refresh_token());
    if (tenant.empty()) return absl::OkStatus();  // nothing to revoke; say nothing more
    const std::string source = SourceOf(ctx);
    return pool_.Write([&](db::Tx& tx) {
      if (auto family = store::RefreshFamilyOf(tx, tenant, auth::Sha256Hex(req->refresh_token()))) {
        store::RevokeRefreshFamily(tx, tenant, family->family);
        store::InsertAudit(
            tx, tenant, {0, absl::Now(), family->username, "LOGOUT", family->username, "", source});
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::ExchangeToken(grpc::ServerContext* ctx,
                                                const v1::ExchangeTokenRequest* req,
                                                v1::ExchangeTokenResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    absl::Status st = [&]() -> absl::Status {
      // Who asks is checked first: to anyone else, whether a tenant exists is no answer.
      EK_RETURN_IF_ERROR(CheckMayExchange(p.tenant, p.roles, p.actor));
      EK_RETURN_IF_ERROR(
          ValidateTokenExchange(req->grant_type(), req->subject_token_type(), req->audience()));
      const std::string& tenant = req->audience();
      auth::Claims c;
      c.sub = c.act_sub = p.subject;
      c.tenant = tenant;
      c.roles = {std::string(RoleName(Role::kService))};
      std::string token;
      EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
        if (!store::GetTenant(tx, tenant).ok()) {
          return absl::NotFoundError(absl::StrCat("no tenant ", tenant));
        }
        EK_ASSIGN_OR_RETURN(token, SignFor(c, config_.exchanged_ttl));
        store::InsertAudit(tx, tenant,
                           {0, absl::Now(), p.subject, "TOKEN_EXCHANGE", p.subject,
                            absl::StrCat("SERVICE token of ", p.tenant, "/", p.subject, " for ",
                                         absl::ToInt64Seconds(config_.exchanged_ttl), " s"),
                            SourceOf(ctx)});
        return absl::OkStatus();
      }));
      resp->set_access_token(token);
      resp->set_issued_token_type(kAccessTokenType);
      resp->set_token_type("Bearer");
      resp->set_expires_in(static_cast<int32_t>(absl::ToInt64Seconds(config_.exchanged_ttl)));
      return absl::OkStatus();
    }();
    metrics_.TokenExchange(st);
    return st;
  });
}

grpc::Status IdentityServiceImpl::GetJwks(grpc::ServerContext* ctx, const v1::GetJwksRequest*,
                                          v1::Jwks* resp) {
  return ServePublic(ctx, [&]() -> absl::Status {
    EK_ASSIGN_OR_RETURN(auto keys, keys_.PublicKeys());
    auth::ToProto(keys, resp);
    return absl::OkStatus();
  });
}

grpc::Status IdentityServiceImpl::RotateSigningKey(grpc::ServerContext* ctx,
                                                   const v1::RotateSigningKeyRequest*,
                                                   v1::RotateSigningKeyResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    if (!p.Has(Role::kPlatformAdmin)) {
      return absl::PermissionDeniedError("only the platform admin rotates signing keys");
    }
    EK_ASSIGN_OR_RETURN(std::string kid, keys_.Rotate());
    resp->set_kid(kid);
    return pool_.Write([&](db::Tx& tx) {
      store::InsertAudit(tx, p.tenant,
                         {0, absl::Now(), p.subject, "KEY_ROTATE", kid, "", SourceOf(ctx)});
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::GetProfile(grpc::ServerContext* ctx, const v1::GetProfileRequest*,
                                             v1::Profile* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(store::UserRow user, store::GetUserBySubject(tx, p.tenant, p.subject));
      resp->set_tenant(p.tenant);
      resp->set_username(user.username);
      for (Role r : p.roles) resp->add_roles(ToProto(r));
      if (!user.nip.empty()) {
        EK_ASSIGN_OR_RETURN(absl::CivilDay today, TodayIn(tx, p.tenant));
        EK_ASSIGN_OR_RETURN(store::EmployeeRow e,
                            store::GetEmployee(tx, p.tenant, user.nip, today));
        ToProto(e, resp->mutable_employee());
      }
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::identity
