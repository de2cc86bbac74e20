// Activation and reset codes, ChangePassword and the password policy (issue 9): imported logins
// have no password until their owners set one with a code from their admin; codes are hashed,
// expire, work once, are throttled like logins and audited; setting or changing a password ends
// every session of the account; nothing holds a code or a password in clear.

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "date_proto.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using ::testing::SizeIs;

constexpr char kCodeRefused[] =
    "the code is not valid (wrong, expired or already used), or too many failed attempts from "
    "this address: ask your admin for a new code, or wait a few minutes";
constexpr char kCodeShape[] =
    "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";
constexpr char kNewPassword[] = "kopi-tubruk-pagi-hari";
// Two new employees of Yankes, imported with logins (username = NIP).
constexpr char kNadia[] = "199603032021031011";
constexpr char kOmar[] = "199707072022032012";

class PasswordTest : public IdentityTest {
 protected:
  // Nadia and Omar, with logins and no passwords, as the tenant admin imports them.
  void ImportTwoLogins(const SeededTenant& t) {
    v1::ImportEmployeesRequest req;
    req.set_csv(absl::StrCat("nip,name,golongan,position_code,org_unit_code,username\n", kNadia,
                             ",Nadia Putri,III/a,DINKES.YANKES.STAF,DINKES.YANKES,", kNadia, "\n",
                             kOmar, ",Omar Said,II/d,DINKES.YANKES.STAF,DINKES.YANKES,", kOmar,
                             "\n"));
    v1::ImportEmployeesResponse resp;
    ASSERT_TRUE(Ok(stub().ImportEmployees(Ctx(t.admin_token).get(), req, &resp)));
    ASSERT_TRUE(resp.applied()) << resp.problems_size() << " problems";
    ASSERT_EQ(resp.logins_created(), 2);
  }

  grpc::Status Issue(const std::string& token, const v1::IssuePasswordCodesRequest& req,
                     v1::IssuePasswordCodesResponse* out) {
    return stub().IssuePasswordCodes(Ctx(token).get(), req, out);
  }
  // The code of one account, issued by `token` ("" and a test failure otherwise).
  std::string CodeFor(const std::string& token, const std::string& username) {
    v1::IssuePasswordCodesRequest req;
    req.add_usernames(username);
    v1::IssuePasswordCodesResponse out;
    grpc::Status st = Issue(token, req, &out);
    EXPECT_TRUE(Ok(st)) << "issuing a code for " << username;
    if (!st.ok() || out.codes_size() != 1) return "";
    return out.codes(0).code();
  }

  // SetPasswordWithCode as if from `source` (the fixture trusts 127.0.0.1 as a proxy).
  grpc::Status SetWithCode(const std::string& tenant, const std::string& username,
                           const std::string& code, const std::string& password,
                           const std::string& source = "") {
    v1::SetPasswordWithCodeRequest req;
    req.set_tenant(tenant);
    req.set_username(username);
    req.set_code(code);
    req.set_new_password(password);
    v1::SetPasswordWithCodeResponse out;
    auto ctx = Ctx();
    if (!source.empty()) ctx->AddMetadata("x-forwarded-for", source);
    return stub().SetPasswordWithCode(ctx.get(), req, &out);
  }

  absl::StatusCode LoginFrom(const std::string& source, const std::string& username,
                             const std::string& password) {
    v1::LoginRequest req;
    req.set_tenant("kota-a");
    req.set_username(username);
    req.set_password(password);
    v1::LoginResponse out;
    auto ctx = Ctx();
    ctx->AddMetadata("x-forwarded-for", source);
    return static_cast<absl::StatusCode>(stub().Login(ctx.get(), req, &out).error_code());
  }

  grpc::Status Refresh(const std::string& refresh_token) {
    v1::RefreshTokenRequest req;
    req.set_refresh_token(refresh_token);
    v1::RefreshTokenResponse out;
    return stub().RefreshToken(Ctx().get(), req, &out);
  }

  // The details of the audit events `action` on `target`, oldest first.
  std::vector<std::string> Audit(const std::string& action, const std::string& target) {
    auto rows = db().Query(absl::StrCat("SELECT detail FROM audit_events WHERE action = '", action,
                                        "' AND target = '", target, "' ORDER BY id"));
    EXPECT_TRUE(rows.ok()) << rows.status();
    std::vector<std::string> out;
    if (rows.ok()) {
      for (const auto& r : *rows) out.push_back(r[0].as<std::string>());
    }
    return out;
  }

  // The canonical form of a code (what its hash is taken of).
  static std::string Canonical(const std::string& code) {
    return absl::StrJoin(absl::StrSplit(code, '-'), "");
  }
};

TEST_F(PasswordTest, AnImportIsActivatedWithTheCsvOfItsCodes) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  ImportTwoLogins(t);
  ASSERT_FALSE(HasFatalFailure());

  v1::IssuePasswordCodesRequest req;
  req.set_all_without_password(true);
  req.set_as_csv(true);
  v1::IssuePasswordCodesResponse resp;
  const absl::Time before = absl::Now();
  ASSERT_TRUE(Ok(Issue(t.admin_token, req, &resp)));
  EXPECT_EQ(resp.issued(), 2);
  EXPECT_THAT(resp.codes(), IsEmpty());
  const std::vector<std::string> lines = absl::StrSplit(resp.csv(), '\n');
  ASSERT_THAT(lines, SizeIs(4));  // header, two codes, the final line break
  EXPECT_EQ(lines[0], "nip,username,code,expires_at");
  EXPECT_EQ(lines[3], "");
  std::vector<std::string> codes;
  for (int i = 1; i <= 2; ++i) {
    const std::vector<std::string> cells = absl::StrSplit(lines[i], ',');
    ASSERT_THAT(cells, SizeIs(4)) << lines[i];
    const std::string nip = i == 1 ? kNadia : kOmar;  // by username: the NIPs
    EXPECT_EQ(cells[0], nip);
    EXPECT_EQ(cells[1], nip);
    EXPECT_THAT(cells[2], MatchesRegex(kCodeShape));
    // 72 hours from now, in the tenant's zone (WIB).
    EXPECT_THAT(cells[3], MatchesRegex("20[0-9-]{8}T[0-9:]{8}\\+07:00"));
    absl::Time expires;
    std::string err;
    ASSERT_TRUE(absl::ParseTime("%Y-%m-%dT%H:%M:%S%Ez", cells[3], &expires, &err)) << err;
    EXPECT_GE(expires, before + absl::Hours(72) - absl::Seconds(1));
    EXPECT_LE(expires, absl::Now() + absl::Hours(72));
    codes.push_back(cells[2]);
  }
  EXPECT_NE(codes[0], codes[1]);
  EXPECT_EQ(db().Count("password_codes WHERE purpose = 'ACTIVATION' AND issued_by = 'admin' AND "
                       "expires_at - issued_at = interval '72 hours'"),
            2);
  EXPECT_THAT(Audit("PASSWORD_CODE_ISSUE", kNadia), SizeIs(1));
  EXPECT_THAT(Audit("PASSWORD_CODE_ISSUE", kNadia)[0],
              MatchesRegex("ACTIVATION code, expires .*\\+07:00; any older unused code voided"));
  EXPECT_THAT(Audit("PASSWORD_CODES_ISSUE", ""),
              ElementsAre("2 codes (2 activation, 0 reset); 0 older unused codes voided"));

  // Nadia types her code in lower case without the dashes, and logs in with her password.
  std::string typed = absl::AsciiStrToLower(Canonical(codes[0]));
  ASSERT_TRUE(Ok(SetWithCode("kota-a", kNadia, typed, kNewPassword)));
  auto login = Login("kota-a", kNadia, kNewPassword);
  ASSERT_TRUE(login.ok()) << login.status();
  EXPECT_EQ(VerifiedClaims(login->access_token())->sub, kNadia);
  EXPECT_THAT(Audit("PASSWORD_SET", kNadia),
              ElementsAre("activation code; 0 live refresh tokens revoked"));

  // A second round for the import reaches only Omar, and voids his first code.
  req.set_as_csv(false);
  ASSERT_TRUE(Ok(Issue(t.admin_token, req, &resp)));
  ASSERT_EQ(resp.codes_size(), 1);
  EXPECT_EQ(resp.csv(), "");
  EXPECT_EQ(resp.codes(0).username(), kOmar);
  EXPECT_EQ(resp.codes(0).nip(), kOmar);
  EXPECT_EQ(resp.codes(0).purpose(), v1::PASSWORD_CODE_PURPOSE_ACTIVATION);
  EXPECT_NEAR(absl::ToDoubleHours(FromProtoTimestamp(resp.codes(0).expire_time()) - absl::Now()),
              72, 0.01);
  grpc::Status first = SetWithCode("kota-a", kOmar, codes[1], kNewPassword);
  EXPECT_TRUE(HasCode(first, grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_EQ(first.error_message(), kCodeRefused);
  EXPECT_THAT(Audit("PASSWORD_CODE_FAILED", kOmar),
              ElementsAre("code replaced by a newer one; failure 1 from this source"));
  EXPECT_TRUE(Ok(SetWithCode("kota-a", kOmar, resp.codes(0).code(), "Sungai Mahakam 1987!")));
  EXPECT_TRUE(Login("kota-a", kOmar, "Sungai Mahakam 1987!").ok());

  // Nothing is left to activate.
  ASSERT_TRUE(Ok(Issue(t.admin_token, req, &resp)));
  EXPECT_EQ(resp.issued(), 0);
  EXPECT_THAT(resp.codes(), IsEmpty());
}

TEST_F(PasswordTest, CodesWorkOnceBeforeTheyExpireAndOnlyForTheirAccount) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string user = t.staf_s1_a;

  // A reset: the account has a password.
  v1::IssuePasswordCodesRequest req;
  req.add_nips(user);
  v1::IssuePasswordCodesResponse resp;
  ASSERT_TRUE(Ok(Issue(t.admin_token, req, &resp)));
  ASSERT_EQ(resp.codes_size(), 1);
  EXPECT_EQ(resp.codes(0).username(), user);
  EXPECT_EQ(resp.codes(0).purpose(), v1::PASSWORD_CODE_PURPOSE_RESET);
  const std::string code = resp.codes(0).code();
  ASSERT_TRUE(Ok(SetWithCode("kota-a", user, code, kNewPassword)));

  // Used: refused.
  grpc::Status reused = SetWithCode("kota-a", user, code, "kopi-susu-sore-hari");
  EXPECT_TRUE(HasCode(reused, grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_EQ(reused.error_message(), kCodeRefused);
  EXPECT_TRUE(Login("kota-a", user, kNewPassword).ok());  // the password stayed

  // Expired: refused (its clock moved back 73 hours).
  const std::string late = CodeFor(t.admin_token, user);
  ASSERT_TRUE(db().Query("UPDATE password_codes SET issued_at = issued_at - interval '73 hours', "
                         "expires_at = expires_at - interval '73 hours' WHERE used_at IS NULL")
                  .ok());
  grpc::Status expired = SetWithCode("kota-a", user, late, "kopi-susu-sore-hari");
  EXPECT_TRUE(HasCode(expired, grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_EQ(expired.error_message(), kCodeRefused);

  // Wrong (well-formed), someone else's, for an unknown user, in another tenant: refused alike.
  const std::string other = CodeFor(t.admin_token, t.staf_s1_b);
  for (const auto& [tenant, username, c] :
       std::vector<std::array<std::string, 3>>{{"kota-a", user, "7KQM-2HXD-R9TA-VC4E"},
                                               {"kota-a", user, other},
                                               {"kota-a", "nobody-here", other},
                                               {"kota-z", t.staf_s1_b, other}}) {
    grpc::Status st = SetWithCode(tenant, username, c, "kopi-susu-sore-hari");
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::UNAUTHENTICATED)) << username;
    EXPECT_EQ(st.error_message(), kCodeRefused);
  }
  EXPECT_THAT(Audit("PASSWORD_CODE_FAILED", user),
              ElementsAre("code already used; failure 1 from this source",
                          // (the good login between forgot that failure)
                          "code expired; failure 1 from this source",
                          "wrong code; failure 2 from this source",
                          "wrong code; failure 3 from this source"));
  EXPECT_THAT(Audit("PASSWORD_CODE_FAILED", "nobody-here"),
              ElementsAre("unknown user; failure 1 from this source"));
  // The other account's code still works for it.
  EXPECT_TRUE(Ok(SetWithCode("kota-a", t.staf_s1_b, other, kNewPassword)));
  EXPECT_TRUE(Login("kota-a", t.staf_s1_b, kNewPassword).ok());
}

// Issue 8's throttle, reused: failed codes count toward the holds on the account from the address
// they come from, and share them with logins; the owner elsewhere is not held back.
TEST_F(PasswordTest, WrongCodesAreHeldBackLikeWrongPasswords) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string user = t.staf_s1_a;
  const std::string attacker = "203.0.113.7", owner = "198.51.100.9";
  const std::string code = CodeFor(t.admin_token, user);

  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(HasCode(SetWithCode("kota-a", user, "7KQM-2HXD-R9TA-VC4E", kNewPassword, attacker),
                        grpc::StatusCode::UNAUTHENTICATED));
  }
  EXPECT_EQ(Audit("LOCKOUT", user),
            std::vector<std::string>{"5 failures from this source; held back 1m"});
  // From there even the right code is refused, and so are logins.
  grpc::Status held = SetWithCode("kota-a", user, code, kNewPassword, attacker);
  EXPECT_TRUE(HasCode(held, grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_EQ(held.error_message(), kCodeRefused);
  EXPECT_EQ(Audit("PASSWORD_CODE_FAILED", user).back(),
            "held back after failures; failure 6 from this source");
  EXPECT_EQ(db().Count("password_codes WHERE used_at IS NOT NULL"), 0);
  EXPECT_EQ(LoginFrom(attacker, user, kEmployeePassword), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(Audit("LOGIN_FAILED", user),
            std::vector<std::string>{"held back after failures; failure 7 from this source"});
  // The owner, elsewhere, uses it.
  EXPECT_TRUE(Ok(SetWithCode("kota-a", user, code, kNewPassword, owner)));
}

TEST_F(PasswordTest, AResetEndsEverySessionOfTheAccount) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string user = t.staf_s1_a;
  auto phone = Login("kota-a", user, kEmployeePassword);
  auto laptop = Login("kota-a", user, kEmployeePassword);
  auto colleague = Login("kota-a", t.staf_s1_b, kEmployeePassword);
  ASSERT_TRUE(phone.ok() && laptop.ok() && colleague.ok());

  ASSERT_TRUE(Ok(SetWithCode("kota-a", user, CodeFor(t.admin_token, user), kNewPassword)));
  EXPECT_TRUE(HasCode(Refresh(phone->refresh_token()), grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_TRUE(HasCode(Refresh(laptop->refresh_token()), grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_TRUE(Ok(Refresh(colleague->refresh_token())));
  EXPECT_EQ(Login("kota-a", user, kEmployeePassword).status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_TRUE(Login("kota-a", user, kNewPassword).ok());
  EXPECT_THAT(Audit("PASSWORD_SET", user),
              ElementsAre("reset code; 2 live refresh tokens revoked"));
}

// An admin who sets a password (UpdateUser) ends the account's sessions too.
TEST_F(PasswordTest, APasswordSetByTheAdminEndsEverySessionOfTheAccount) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  auto session = Login("kota-a", t.staf_s1_a, kEmployeePassword);
  ASSERT_TRUE(session.ok());
  v1::UpdateUserRequest req;
  req.mutable_user()->set_username(t.staf_s1_a);
  req.set_password(kNewPassword);
  req.mutable_update_mask()->add_paths("password");
  v1::User out;
  ASSERT_TRUE(Ok(stub().UpdateUser(Ctx(t.admin_token).get(), req, &out)));
  EXPECT_TRUE(HasCode(Refresh(session->refresh_token()), grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(Audit("USER_UPDATE", t.staf_s1_a),
              ElementsAre("password set; 1 live refresh tokens revoked"));
  // The policy holds there too.
  req.set_password(absl::StrCat("x", t.staf_s1_a, "x"));
  grpc::Status st = stub().UpdateUser(Ctx(t.admin_token).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  ASSERT_THAT(Violations(st), SizeIs(1));
  EXPECT_EQ(Violations(st)[0].field(), "password");
  EXPECT_EQ(Violations(st)[0].description(), "password must not contain the NIP");
}

TEST_F(PasswordTest, ChangePasswordNeedsTheOldOneAndEndsEveryOtherSession) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string user = t.staf_yankes;
  auto phone = Login("kota-a", user, kEmployeePassword);
  auto laptop = Login("kota-a", user, kEmployeePassword);
  ASSERT_TRUE(phone.ok() && laptop.ok());

  v1::ChangePasswordRequest req;
  req.set_old_password("not-the-password");
  req.set_new_password(kNewPassword);
  v1::ChangePasswordResponse resp;
  grpc::Status wrong = stub().ChangePassword(Ctx(phone->access_token()).get(), req, &resp);
  EXPECT_TRUE(HasCode(wrong, grpc::StatusCode::INVALID_ARGUMENT));
  ASSERT_THAT(Violations(wrong), SizeIs(1));
  EXPECT_EQ(Violations(wrong)[0].field(), "old_password");
  EXPECT_EQ(Violations(wrong)[0].description(),
            "not the current password, or too many failed attempts from this address: wait a "
            "few minutes");
  EXPECT_THAT(Audit("PASSWORD_CHANGE_FAILED", user),
              ElementsAre("wrong old password; failure 1 from this source"));
  EXPECT_TRUE(Ok(Refresh(laptop->refresh_token())));  // nothing changed

  req.set_old_password(kEmployeePassword);
  ASSERT_TRUE(Ok(stub().ChangePassword(Ctx(phone->access_token()).get(), req, &resp)));
  EXPECT_EQ(resp.token_type(), "Bearer");
  EXPECT_EQ(resp.expires_in(), 900);
  EXPECT_EQ(VerifiedClaims(resp.access_token())->sub, user);
  // Every earlier session ends (the laptop's refresh token rotated once above); this one goes on.
  EXPECT_TRUE(HasCode(Refresh(phone->refresh_token()), grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_TRUE(Ok(Refresh(resp.refresh_token())));
  EXPECT_EQ(Login("kota-a", user, kEmployeePassword).status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_TRUE(Login("kota-a", user, kNewPassword).ok());
  EXPECT_THAT(Audit("PASSWORD_CHANGE", user), ElementsAre("2 live refresh tokens revoked"));

  // The new one must differ from the old, and pass the policy.
  req.set_old_password(kNewPassword);
  grpc::Status same = stub().ChangePassword(Ctx(resp.access_token()).get(), req, &resp);
  EXPECT_TRUE(HasCode(same, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(same), ElementsAre("new_password"));
  EXPECT_EQ(Violations(same)[0].description(), "must differ from the current password");
}

TEST_F(PasswordTest, BadInputIsOneViolationPerFieldAndWritesNothing) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  ImportTwoLogins(t);
  ASSERT_FALSE(HasFatalFailure());
  // Each field's own description, in request order.
  const auto described = [](const grpc::Status& st) {
    std::vector<std::string> out;
    for (const auto& v : Violations(st)) out.push_back(v.field() + ": " + v.description());
    return out;
  };

  // SetPasswordWithCode.
  grpc::Status st = SetWithCode("", "", "", "");
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(described(st), ElementsAre("tenant: required", "username: required", "code: required",
                                         "new_password: password must be at least 10 characters"));
  st = SetWithCode("kota-a", kNadia, "1234-5678", "Password123!");
  EXPECT_THAT(described(st),
              ElementsAre("code: a code is 16 letters and digits, as issued (XXXX-XXXX-XXXX-XXXX)",
                          "new_password: password is too common (a well-known password, or one "
                          "with digits or symbols added); choose another"));
  st = SetWithCode("kota-a", kNadia, "7KQM-2HXD-R9TA-VC4E", absl::StrCat("aku-", kNadia));
  EXPECT_THAT(described(st), ElementsAre("new_password: password must not contain the username"));

  // IssuePasswordCodes.
  v1::IssuePasswordCodesResponse resp;
  v1::IssuePasswordCodesRequest req;
  st = Issue(t.admin_token, req, &resp);
  EXPECT_THAT(described(st),
              ElementsAre("usernames: give usernames, nips or all_without_password"));
  req.add_usernames("x");
  req.add_usernames(kNadia);
  req.add_usernames(kNadia);
  st = Issue(t.admin_token, req, &resp);
  EXPECT_THAT(described(st), ElementsAre("usernames[0]: username must be 3-64 characters, got 1",
                                         "usernames[2]: already asked as usernames[1]"));
  req.Clear();
  req.add_nips("123");
  req.add_nips(kOmar);
  req.set_all_without_password(true);
  st = Issue(t.admin_token, req, &resp);
  EXPECT_THAT(described(st),
              ElementsAre("all_without_password: give only one of usernames, nips and "
                          "all_without_password",
                          "nips[0]: NIP must be 18 digits, written together or grouped as "
                          "\"YYYYMMDD YYYYMM G NNN\" with single spaces"));
  // Accounts that exist but get no code: nothing is issued for any of them.
  v1::UpdateUserRequest disable;
  disable.mutable_user()->set_username(t.staf_s1_b);
  disable.mutable_user()->set_disabled(true);
  disable.mutable_update_mask()->add_paths("disabled");
  v1::User user;
  ASSERT_TRUE(Ok(stub().UpdateUser(Ctx(t.admin_token).get(), disable, &user)));
  v1::CreateUserRequest service;
  service.mutable_user()->set_username("simpeg-sync");
  service.mutable_user()->add_roles(type::v1::ROLE_SERVICE);
  service.set_password("rahasia-klien-simpeg-2026");
  service.set_service_account(true);
  ASSERT_TRUE(Ok(stub().CreateUser(Ctx(t.admin_token).get(), service, &user)));
  const long audit_before_issue = db().Count("audit_events");
  req.Clear();
  for (const std::string& u :
       {std::string(kNadia), std::string("nobody-here"), std::string("simpeg-sync"), t.staf_s1_b}) {
    req.add_usernames(u);
  }
  st = Issue(t.admin_token, req, &resp);
  EXPECT_THAT(described(st),
              ElementsAre("usernames[1]: no such user",
                          "usernames[2]: a service account has a client secret, set with "
                          "UpdateUser",
                          "usernames[3]: the account is disabled"));
  req.Clear();
  req.add_nips(kNadia);
  req.add_nips(t.kabid_yankes);
  st = Issue(t.admin_token, req, &resp);
  EXPECT_THAT(described(st), ElementsAre("nips[1]: this employee has no login"));
  EXPECT_EQ(db().Count("password_codes"), 0);
  EXPECT_EQ(db().Count("audit_events"), audit_before_issue);

  // A good code with a password the account's own rules refuse (its NIP, which only the code
  // reveals when the username is not the NIP): nothing is spent or set.
  v1::CreateUserRequest fitri;
  fitri.mutable_user()->set_username("fitri.h");
  fitri.mutable_user()->set_nip(t.kabid_yankes);
  ASSERT_TRUE(Ok(stub().CreateUser(Ctx(t.admin_token).get(), fitri, &user)));
  const std::string fitri_code = CodeFor(t.admin_token, "fitri.h");
  st = SetWithCode("kota-a", "fitri.h", fitri_code, absl::StrCat("nip-", t.kabid_yankes));
  EXPECT_THAT(described(st), ElementsAre("new_password: password must not contain the NIP"));
  EXPECT_EQ(db().Count("password_codes WHERE used_at IS NULL"), 1);
  EXPECT_EQ(db().Count("users WHERE username = 'fitri.h' AND password_hash IS NULL"), 1);
  EXPECT_TRUE(Ok(SetWithCode("kota-a", "fitri.h", fitri_code, kNewPassword)));
  const std::string code = CodeFor(t.admin_token, kNadia);
  ASSERT_TRUE(Ok(SetWithCode("kota-a", kNadia, code, kNewPassword)));

  // ChangePassword.
  const std::string token = Token("kota-a", kNadia, kNewPassword);
  v1::ChangePasswordRequest change;
  v1::ChangePasswordResponse changed;
  st = stub().ChangePassword(Ctx(token).get(), change, &changed);
  EXPECT_THAT(described(st), ElementsAre("old_password: required",
                                         "new_password: password must be at least 10 characters"));
  change.set_old_password(kNewPassword);
  change.set_new_password(absl::StrCat("NIP", kNadia));
  st = stub().ChangePassword(Ctx(token).get(), change, &changed);
  EXPECT_THAT(described(st), ElementsAre("new_password: password must not contain the NIP"));
  EXPECT_TRUE(Login("kota-a", kNadia, kNewPassword).ok());
}

// CreateUser follows the policy, and may leave the password to the person: an activation code.
TEST_F(PasswordTest, CreateUserFollowsThePolicyOrLeavesThePasswordToTheOwner) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  v1::CreateUserRequest req;
  req.mutable_user()->set_username("admin.yankes");
  req.mutable_user()->add_roles(type::v1::ROLE_ADMIN_OPD);
  req.mutable_user()->set_admin_org_unit_code("DINKES.YANKES");
  v1::User out;
  for (const auto& [password, why] : std::vector<std::pair<std::string, std::string>>{
           {"pendek", "password must be at least 10 characters"},
           {"Admin.Yankes2026", "password must not contain the username"},
           {"bismillah2026",
            "password is too common (a well-known password, or one with digits "
            "or symbols added); choose another"}}) {
    req.set_password(password);
    grpc::Status st = stub().CreateUser(Ctx(t.admin_token).get(), req, &out);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT)) << password;
    ASSERT_THAT(Violations(st), SizeIs(1));
    EXPECT_EQ(Violations(st)[0].field(), "password");
    EXPECT_EQ(Violations(st)[0].description(), why);
  }
  EXPECT_EQ(db().Count("users WHERE username = 'admin.yankes'"), 0);

  req.clear_password();
  ASSERT_TRUE(Ok(stub().CreateUser(Ctx(t.admin_token).get(), req, &out)));
  EXPECT_FALSE(out.has_password());
  auto refused = Login("kota-a", "admin.yankes", kNewPassword);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(refused.status().message(), Login("kota-a", "nobody", "x").status().message());
  v1::IssuePasswordCodesRequest issue;
  issue.add_usernames("admin.yankes");
  v1::IssuePasswordCodesResponse codes;
  ASSERT_TRUE(Ok(Issue(t.admin_token, issue, &codes)));
  ASSERT_EQ(codes.codes_size(), 1);
  EXPECT_EQ(codes.codes(0).nip(), "");
  EXPECT_EQ(codes.codes(0).purpose(), v1::PASSWORD_CODE_PURPOSE_ACTIVATION);
  ASSERT_TRUE(Ok(SetWithCode("kota-a", "admin.yankes", codes.codes(0).code(), kNewPassword)));
  EXPECT_TRUE(Login("kota-a", "admin.yankes", kNewPassword).ok());

  // A service account still needs its secret.
  v1::CreateUserRequest service;
  service.mutable_user()->set_username("simpeg-sync");
  service.mutable_user()->add_roles(type::v1::ROLE_SERVICE);
  service.set_service_account(true);
  grpc::Status st = stub().CreateUser(Ctx(t.admin_token).get(), service, &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("password"));
}

TEST_F(PasswordTest, NoCodeOrPasswordIsStoredOrAuditedInClear) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  ImportTwoLogins(t);
  ASSERT_FALSE(HasFatalFailure());
  v1::IssuePasswordCodesRequest req;
  req.set_all_without_password(true);
  v1::IssuePasswordCodesResponse resp;
  ASSERT_TRUE(Ok(Issue(t.admin_token, req, &resp)));
  ASSERT_EQ(resp.codes_size(), 2);
  const std::string reset = CodeFor(t.admin_token, t.staf_s1_a);
  std::vector<std::string> codes = {resp.codes(0).code(), resp.codes(1).code(), reset};
  ASSERT_TRUE(Ok(SetWithCode("kota-a", kNadia, codes[0], kNewPassword)));
  ASSERT_TRUE(Ok(SetWithCode("kota-a", kOmar, codes[1], "kopi-bubuk-sore-hari", "198.51.100.9")));
  EXPECT_FALSE(SetWithCode("kota-a", kOmar, codes[1], "kopi-susu-sore-hari").ok());
  auto session = Login("kota-a", kNadia, kNewPassword);
  ASSERT_TRUE(session.ok());
  v1::ChangePasswordRequest change;
  change.set_old_password(kNewPassword);
  change.set_new_password("teh-manis-tanpa-gula");
  v1::ChangePasswordResponse changed;
  ASSERT_TRUE(Ok(stub().ChangePassword(Ctx(session->access_token()).get(), change, &changed)));
  const std::vector<std::string> passwords = {kNewPassword, "kopi-bubuk-sore-hari",
                                              "kopi-susu-sore-hari", "teh-manis-tanpa-gula"};

  // The codes table holds each code's SHA-256 (of its canonical form) and nothing of the code.
  auto rows = db().Query("SELECT * FROM password_codes");
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 3u);
  for (const auto& row : *rows) {
    for (const auto& field : row) {
      const std::string text = field.is_null() ? "" : field.as<std::string>();
      for (const auto& c : codes) {
        EXPECT_FALSE(absl::StrContains(text, c) || absl::StrContains(text, Canonical(c))) << text;
      }
    }
  }
  for (const auto& c : codes) {
    EXPECT_EQ(db().Count(absl::StrCat("password_codes WHERE code_hash = encode(sha256('",
                                      Canonical(c), "'::bytea), 'hex')")),
              1)
        << c;
  }
  // Users hold Argon2id hashes (or nothing) and no password.
  auto users = db().Query("SELECT username, coalesce(password_hash, '') FROM users");
  ASSERT_TRUE(users.ok()) << users.status();
  for (const auto& row : *users) {
    const std::string hash = row[1].as<std::string>();
    EXPECT_TRUE(absl::StartsWith(hash, "$argon2id$")) << row[0].as<std::string>();
    for (const auto& p : passwords) EXPECT_FALSE(absl::StrContains(hash, p));
  }
  // The audit log says what happened, never with a code or a password.
  auto events = db().Query(
      "SELECT actor || ' ' || action || ' ' || target || ' ' || detail || "
      "' ' || source FROM audit_events");
  ASSERT_TRUE(events.ok()) << events.status();
  for (const auto& row : *events) {
    const std::string text = row[0].as<std::string>();
    for (const auto& c : codes) {
      EXPECT_FALSE(absl::StrContains(text, c) || absl::StrContains(text, Canonical(c))) << text;
    }
    for (const auto& p : passwords) EXPECT_FALSE(absl::StrContains(text, p)) << text;
  }
  EXPECT_THAT(Audit("PASSWORD_SET", kOmar), SizeIs(1));
  EXPECT_THAT(Audit("PASSWORD_CODE_FAILED", kOmar), SizeIs(1));
  EXPECT_THAT(Audit("PASSWORD_CHANGE", kNadia), SizeIs(1));
}

// Who may issue codes: as who may create logins, the tenant's ADMIN_INSTANSI, in its own tenant
// (the matrix has every kind of caller).
TEST_F(PasswordTest, OnlyTheTenantsOwnAdminIssuesCodesForItsAccounts) {
  const SeededTenant a = SeedTenant("kota-a");
  const SeededTenant b = SeedTenant("kota-b");
  ASSERT_FALSE(HasFatalFailure());
  v1::IssuePasswordCodesRequest req;
  req.add_nips(a.staf_s1_a);  // in DINKES.P2P.S1, the OPD admin's scope
  v1::IssuePasswordCodesResponse resp;
  for (const std::string& token :
       {Token(a, kOpdAdmin), Token(a, a.staf_s1_a), Token(a, a.staf_p2p), Token(a, kAuditor)}) {
    EXPECT_TRUE(HasCode(Issue(token, req, &resp), grpc::StatusCode::PERMISSION_DENIED));
  }
  // kota-b's admin asks in kota-b, where that NIP has no login.
  grpc::Status st = Issue(b.admin_token, req, &resp);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nips[0]"));
  EXPECT_EQ(db().Count("password_codes"), 0);

  // A code of kota-a is nothing in kota-b, even for the same username there.
  const std::string code = CodeFor(a.admin_token, kAuditor);
  EXPECT_TRUE(HasCode(SetWithCode("kota-b", kAuditor, code, kNewPassword),
                      grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_TRUE(Ok(SetWithCode("kota-a", kAuditor, code, kNewPassword)));
  EXPECT_TRUE(Login("kota-b", kAuditor, kAuditorPassword).ok());
}

}  // namespace
}  // namespace ekinerja::identity::it
