// IdentityService: activation and reset codes (IssuePasswordCodes, SetPasswordWithCode) and
// ChangePassword (issue 9). Neither a password nor a code is ever logged, audited or stored in
// clear: codes are kept as the SHA-256 of their canonical form, passwords as Argon2id hashes.

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "api/identity_service.h"
#include "crypto.h"
#include "date_proto.h"
#include "domain/password_code.h"
#include "domain/password_policy.h"
#include "domain/validation.h"
#include "nip.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

// The most accounts one IssuePasswordCodes names (a city has 5-20k ASN).
constexpr int kMaxNamedAccounts = 20000;

// What every refused code answers, whatever the reason (as Login: no oracle of who exists or
// which codes were issued).
constexpr char kCodeRefused[] =
    "the code is not valid (wrong, expired or already used), or too many failed attempts from "
    "this address: ask your admin for a new code, or wait a few minutes";
constexpr char kOldPasswordRefused[] =
    "not the current password, or too many failed attempts from this address: wait a few minutes";

// Why a presented code does not set a password (for the audit log only); nullptr when it does.
const char* CodeRefusal(const absl::StatusOr<store::UserRow>& user,
                        const std::optional<absl::Time>& blocked_until,
                        const std::optional<store::PasswordCodeRow>& code) {
  if (!user.ok()) return "unknown user";
  if (user->disabled) return "disabled";
  if (user->service_account) return "service account";
  if (blocked_until) return "held back after failures";
  if (!code || code->username != user->username) return "wrong code";
  if (code->used) return "code already used";
  if (code->voided) return "code replaced by a newer one";
  if (code->expired) return "code expired";
  return nullptr;
}

// A fresh code from libsodium's CSPRNG (RandomToken is base64url of random bytes).
std::string NewCode() {
  return FormatPasswordCode(
      auth::Base64UrlDecode(auth::RandomToken(kPasswordCodeBytes)).value_or(""));
}

}  // namespace

grpc::Status IdentityServiceImpl::IssuePasswordCodes(grpc::ServerContext* ctx,
                                                     const v1::IssuePasswordCodesRequest* req,
                                                     v1::IssuePasswordCodesResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    EK_RETURN_IF_ERROR(CheckManagesUsers(p));
    const bool by_username = req->usernames_size() > 0;
    const bool by_nip = req->nips_size() > 0;
    const bool all = req->all_without_password();
    Violations v;
    if (by_username + by_nip + all == 0) {
      v.Add("usernames", "give usernames, nips or all_without_password");
    } else if (by_username + by_nip + all > 1) {
      v.Add(all ? "all_without_password" : "nips",
            "give only one of usernames, nips and all_without_password");
    }
    // The accounts asked for, as keys (usernames or NIP digits), each once.
    std::vector<std::string> keys;
    absl::flat_hash_map<std::string, int> index_of;
    const auto& asked = by_username ? req->usernames() : req->nips();
    const std::string list = by_username ? "usernames" : "nips";
    if (asked.size() > kMaxNamedAccounts) {
      v.Add(list, absl::StrCat("at most ", kMaxNamedAccounts));
    } else {
      for (int i = 0; i < asked.size(); ++i) {
        const std::string field = absl::StrCat(list, "[", i, "]");
        std::string key;
        if (by_username) {
          absl::Status st = ValidateUsername(asked[i], field);
          v.Merge(st);
          if (st.ok()) key = asked[i];
        } else {
          absl::StatusOr<Nip> nip = ParseNip(asked[i], field);
          v.Merge(nip.status());
          if (nip.ok()) key = nip->digits;
        }
        if (key.empty()) continue;
        if (auto [it, added] = index_of.emplace(key, i); !added) {
          v.Add(field, absl::StrCat("already asked as ", list, "[", it->second, "]"));
        } else {
          keys.push_back(key);
        }
      }
    }
    EK_RETURN_IF_ERROR(v.ToStatus());

    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      std::vector<store::UserRow> accounts;
      if (all) {
        accounts = store::UsersWithoutPassword(tx, p.tenant);
      } else {
        // Every account asked for must be a person's, enabled; else nothing is issued.
        std::vector<store::UserRow> found = by_username ? store::GetUsers(tx, p.tenant, keys)
                                                        : store::GetUsersByNip(tx, p.tenant, keys);
        absl::flat_hash_map<std::string, store::UserRow> by_key;
        for (auto& u : found) {
          const std::string key = by_username ? u.username : u.nip;
          by_key.emplace(key, std::move(u));
        }
        Violations refs;
        for (const auto& key : keys) {
          const std::string field = absl::StrCat(list, "[", index_of[key], "]");
          auto it = by_key.find(key);
          if (it == by_key.end()) {
            refs.Add(field, by_username ? "no such user" : "this employee has no login");
          } else if (it->second.service_account) {
            refs.Add(field, "a service account has a client secret, set with UpdateUser");
          } else if (it->second.disabled) {
            refs.Add(field, "the account is disabled");
          } else {
            accounts.push_back(it->second);
          }
        }
        EK_RETURN_IF_ERROR(refs.ToStatus());
        std::sort(accounts.begin(), accounts.end(),
                  [](const auto& a, const auto& b) { return a.username < b.username; });
      }
      resp->set_issued(static_cast<int32_t>(accounts.size()));
      if (req->as_csv()) resp->set_csv("nip,username,code,expires_at\n");
      if (accounts.empty()) return absl::OkStatus();

      std::vector<std::string> codes, usernames, activations, resets;
      std::vector<store::NewPasswordCode> rows;
      for (const auto& a : accounts) {
        std::string code = NewCode();
        EK_ASSIGN_OR_RETURN(std::string canonical, NormalizePasswordCode(code, "code"));
        const bool activation = a.password_hash.empty();
        rows.push_back(
            {a.username, auth::Sha256Hex(canonical), activation ? "ACTIVATION" : "RESET"});
        (activation ? activations : resets).push_back(a.username);
        usernames.push_back(a.username);
        codes.push_back(std::move(code));
      }
      const int voided = store::VoidPasswordCodes(tx, p.tenant, usernames);
      const absl::Time expires =
          store::InsertPasswordCodes(tx, p.tenant, rows, p.subject, config_.password_code_ttl);
      EK_ASSIGN_OR_RETURN(absl::TimeZone zone, ZoneOf(tx, p.tenant));
      const std::string expires_text = absl::FormatTime("%Y-%m-%dT%H:%M:%S%Ez", expires, zone);
      std::vector<store::AuditRow> events;
      const std::string source = SourceOf(ctx);
      for (const auto& a : accounts) {
        events.push_back(
            {0, absl::Time(), p.subject, "PASSWORD_CODE_ISSUE", a.username,
             absl::StrCat(a.password_hash.empty() ? "ACTIVATION" : "RESET", " code, expires ",
                          expires_text, "; any older unused code voided"),
             source});
      }
      store::InsertAudits(tx, p.tenant, events);
      if (voided > 0 || accounts.size() > 1) {
        store::InsertAudit(
            tx, p.tenant,
            {0, absl::Now(), p.subject, "PASSWORD_CODES_ISSUE", "",
             absl::StrCat(accounts.size(), " codes (", activations.size(), " activation, ",
                          resets.size(), " reset); ", voided, " older unused codes voided"),
             SourceOf(ctx)});
      }
      for (size_t i = 0; i < accounts.size(); ++i) {
        const store::UserRow& a = accounts[i];
        if (req->as_csv()) {
          absl::StrAppend(resp->mutable_csv(), a.nip, ",", a.username, ",", codes[i], ",",
                          expires_text, "\n");
          continue;
        }
        v1::PasswordCode* out = resp->add_codes();
        out->set_username(a.username);
        out->set_nip(a.nip);
        out->set_code(codes[i]);
        *out->mutable_expire_time() = ToProtoTimestamp(expires);
        out->set_purpose(a.password_hash.empty() ? v1::PASSWORD_CODE_PURPOSE_ACTIVATION
                                                 : v1::PASSWORD_CODE_PURPOSE_RESET);
      }
      return absl::OkStatus();
    }));
    metrics_.PasswordCodes("issued", resp->issued());
    return absl::OkStatus();
  });
}

grpc::Status IdentityServiceImpl::SetPasswordWithCode(grpc::ServerContext* ctx,
                                                      const v1::SetPasswordWithCodeRequest* req,
                                                      v1::SetPasswordWithCodeResponse*) {
  return ServePublic(ctx, [&]() -> absl::Status {
    const std::string& tenant = req->tenant();
    const std::string& username = req->username();
    Violations v;
    if (tenant.empty()) v.Add("tenant", "required");
    if (username.empty()) v.Add("username", "required");
    absl::StatusOr<std::string> code = NormalizePasswordCode(req->code(), "code");
    if (req->code().empty()) {
      v.Add("code", "required");
    } else {
      v.Merge(code.status());
    }
    // The rule on the NIP waits for the account, which only a good code reveals.
    v.Merge(CheckPasswordPolicy(req->new_password(), {username, ""}, "new_password"));
    EK_RETURN_IF_ERROR(v.ToStatus());

    const std::string source = SourceOf(ctx);
    const absl::Time now = absl::Now();
    if (!throttle_.Allowed(source, now)) {
      metrics_.PasswordCodes("refused");
      return absl::ResourceExhaustedError(
          "too many failed attempts from this address; wait a while");
    }
    const std::string code_hash = auth::Sha256Hex(*code);
    absl::StatusOr<store::UserRow> user = absl::NotFoundError("");
    std::optional<absl::Time> blocked_until;
    std::optional<store::PasswordCodeRow> row;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) {
      user = store::GetUser(tx, tenant, username);
      blocked_until = store::LoginBlockedUntil(tx, tenant, username, source);
      row = store::GetPasswordCode(tx, tenant, code_hash);
      return absl::OkStatus();
    }));
    std::string refusal;
    std::string hash;
    if (const char* why = CodeRefusal(user, blocked_until, row)) {
      refusal = why;
    } else {
      // A good code: the account's own rules, then Argon2id outside any transaction. A bad
      // password leaves the code unspent.
      EK_RETURN_IF_ERROR(
          CheckPasswordPolicy(req->new_password(), {user->username, user->nip}, "new_password"));
      EK_ASSIGN_OR_RETURN(hash, auth::HashPassword(req->new_password(), config_.hash_params));
    }
    bool held = false;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (refusal.empty()) {
        if (store::SpendPasswordCode(tx, tenant, row->id)) {
          store::SetPasswordHash(tx, tenant, username, hash);
          const int revoked = store::RevokeRefreshTokensOf(tx, tenant, username);
          store::RecordLogin(tx, tenant, username, source);
          store::InsertAudit(tx, tenant,
                             {0, now, username, "PASSWORD_SET", username,
                              absl::StrCat(absl::AsciiStrToLower(row->purpose), " code; ", revoked,
                                           " live refresh tokens revoked"),
                              source});
          return absl::OkStatus();
        }
        refusal = "code already used";  // by a concurrent call since it was read
      }
      held = RecordCredentialFailure(tx, tenant, username, source, now, "PASSWORD_CODE_FAILED",
                                     refusal);
      return absl::OkStatus();
    }));
    if (held) metrics_.Lockout();
    if (!refusal.empty()) {
      throttle_.RecordFailure(source, now);
      metrics_.PasswordCodes("refused");
      return absl::UnauthenticatedError(kCodeRefused);
    }
    metrics_.PasswordCodes("used");
    return absl::OkStatus();
  });
}

grpc::Status IdentityServiceImpl::ChangePassword(grpc::ServerContext* ctx,
                                                 const v1::ChangePasswordRequest* req,
                                                 v1::ChangePasswordResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    const std::string source = SourceOf(ctx);
    const absl::Time now = absl::Now();
    store::UserRow user;
    std::optional<absl::Time> blocked_until;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(user, store::GetUserBySubject(tx, p.tenant, p.subject));
      blocked_until = store::LoginBlockedUntil(tx, p.tenant, user.username, source);
      return absl::OkStatus();
    }));
    if (user.service_account) {
      return absl::PermissionDeniedError(
          "a service account's secret is set by the tenant's admin (UpdateUser)");
    }
    const std::string& old_password = req->old_password();
    Violations v;
    if (old_password.empty()) {
      v.Add("old_password", "required");
    } else if (old_password.size() > static_cast<size_t>(kMaxPasswordBytes)) {
      v.Add("old_password", absl::StrCat("password must be at most ", kMaxPasswordBytes, " bytes"));
    }
    absl::Status policy =
        CheckPasswordPolicy(req->new_password(), {user.username, user.nip}, "new_password");
    v.Merge(policy);
    if (policy.ok() && req->new_password() == old_password) {
      v.Add("new_password", "must differ from the current password");
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (!throttle_.Allowed(source, now)) {
      return absl::ResourceExhaustedError(
          "too many failed attempts from this address; wait a while");
    }
    // One Argon2id check whatever the state, as at Login.
    const bool held = blocked_until.has_value() || user.password_hash.empty();
    const bool old_ok =
        auth::VerifyPassword(held ? dummy_hash_ : user.password_hash, old_password) && !held;
    metrics_.PasswordChecked();
    if (!old_ok) {
      throttle_.RecordFailure(source, now);
      bool held = false;
      EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) {
        held = RecordCredentialFailure(
            tx, p.tenant, user.username, source, now, "PASSWORD_CHANGE_FAILED",
            blocked_until ? "held back after failures" : "wrong old password");
        return absl::OkStatus();
      }));
      if (held) metrics_.Lockout();
      return InvalidField("old_password", kOldPasswordRefused);
    }
    EK_ASSIGN_OR_RETURN(std::string hash,
                        auth::HashPassword(req->new_password(), config_.hash_params));
    Issued issued;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::SetPasswordHash(tx, p.tenant, user.username, hash);
      const int revoked = store::RevokeRefreshTokensOf(tx, p.tenant, user.username);
      store::RecordLogin(tx, p.tenant, user.username, source);
      EK_ASSIGN_OR_RETURN(issued, Issue(tx, p.tenant, user, auth::RandomToken(16)));
      store::InsertAudit(tx, p.tenant,
                         {0, now, user.username, "PASSWORD_CHANGE", user.username,
                          absl::StrCat(revoked, " live refresh tokens revoked"), source});
      return absl::OkStatus();
    }));
    resp->set_access_token(issued.access_token);
    resp->set_refresh_token(issued.refresh_token);
    resp->set_expires_in(static_cast<int32_t>(absl::ToInt64Seconds(config_.access_ttl)));
    resp->set_token_type("Bearer");
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::identity
