// The signing keys at rest (V004): sealed with AES-256-GCM under the key-encryption key, never a
// PEM in the table; a KEK that did not seal them refuses the start; rotating the KEK seals every
// key again and keeps tokens signed before verifying; keys stored in the clear before V004 are
// sealed at the first start with a KEK.

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "crypto.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

constexpr char kNewKek[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
constexpr char kStrangerKek[] = "3q2+796tvu/erb7v3q2+796tvu/erb7v3q2+796tvu8=";

auth::Aes256Key Kek(const char* text) { return auth::ParseAes256Key(text).value(); }

class SigningKeysTest : public IdentityTest {
 protected:
  // A second key ring on the same table, as another replica (or the next start) would have.
  std::unique_ptr<KeyRing> Ring(const char* kek, const char* previous = nullptr) {
    return std::make_unique<KeyRing>(
        host().pool(), absl::Minutes(15), Kek(kek),
        previous ? std::optional<auth::Aes256Key>(Kek(previous)) : std::nullopt);
  }

  // Every stored row as text, each column included.
  std::string Table() {
    auto rows = db().Query("SELECT string_agg(s::text, '|' ORDER BY kid) FROM signing_keys s");
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? (*rows)[0][0].as<std::string>() : "";
  }
  std::vector<std::string> KekIds() {
    std::vector<std::string> out;
    auto rows = db().Query("SELECT coalesce(kek_id, '(none)') FROM signing_keys ORDER BY kid");
    if (rows.ok()) {
      for (const auto& r : *rows) out.push_back(r[0].as<std::string>());
    }
    return out;
  }
  // Claims of `token` verified against the keys `ring` publishes.
  static absl::StatusOr<auth::Claims> VerifyWith(KeyRing& ring, const std::string& token) {
    auto jwks = ring.PublicKeys();
    if (!jwks.ok()) return jwks.status();
    return VerifiedClaims(*jwks, token);
  }
};

TEST_F(SigningKeysTest, TheTableHoldsNoPemOnlySealedKeys) {
  ASSERT_FALSE(HasFatalFailure());
  v1::RotateSigningKeyResponse rotated;
  ASSERT_TRUE(Ok(stub().RotateSigningKey(Ctx(PlatformToken()).get(), v1::RotateSigningKeyRequest(),
                                         &rotated)));
  EXPECT_EQ(db().Count("signing_keys"), 2);
  EXPECT_EQ(db().Count("signing_keys WHERE private_pem IS NOT NULL"), 0);
  const std::string table = Table();
  EXPECT_FALSE(absl::StrContains(table, "BEGIN")) << table;
  EXPECT_FALSE(absl::StrContains(table, "PRIVATE")) << table;
  const std::string id = Kek(kSigningKek).id;
  EXPECT_EQ(KekIds(), (std::vector<std::string>{id, id}));
}

TEST_F(SigningKeysTest, AnotherKekRefusesToStartAndChangesNothing) {
  ASSERT_FALSE(HasFatalFailure());
  const std::string before = Table();
  const absl::Status st = Ring(kStrangerKek)->EnsureKey();
  EXPECT_EQ(st.code(), absl::StatusCode::kFailedPrecondition) << st;
  EXPECT_TRUE(absl::StrContains(
      st.message(), absl::StrCat("is sealed under key-encryption key ", Kek(kSigningKek).id,
                                 ", but this identity has ", Kek(kStrangerKek).id)))
      << st.message();
  EXPECT_TRUE(absl::StrContains(st.message(), "--signing_kek_file")) << st.message();
  // The wrong one as "previous" does not help either.
  EXPECT_EQ(Ring(kNewKek, kStrangerKek)->EnsureKey().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Table(), before);
}

TEST_F(SigningKeysTest, RotatingTheKekResealsEveryKeyAndOldTokensStillVerify) {
  ASSERT_FALSE(HasFatalFailure());
  const std::string before_rotation = PlatformToken();
  v1::RotateSigningKeyResponse rotated;
  ASSERT_TRUE(Ok(stub().RotateSigningKey(Ctx(before_rotation).get(), v1::RotateSigningKeyRequest(),
                                         &rotated)));
  const std::string token = Token("platform", "admin", kPlatformAdminPassword);  // the new key
  const std::string table = Table();

  auto next = Ring(kNewKek, kSigningKek);  // the next start: new KEK, previous one beside it
  ASSERT_TRUE(next->EnsureKey().ok());
  const std::string id = Kek(kNewKek).id;
  EXPECT_EQ(KekIds(), (std::vector<std::string>{id, id}));
  EXPECT_NE(Table(), table);
  EXPECT_FALSE(absl::StrContains(Table(), "BEGIN"));
  // Tokens signed under either key before verify against what the new ring publishes, and the
  // new ring signs with the same current key.
  for (const std::string& t : {before_rotation, token}) {
    auto claims = VerifyWith(*next, t);
    ASSERT_TRUE(claims.ok()) << claims.status();
    EXPECT_EQ(claims->sub, "admin");
  }
  auth::Claims c;
  c.iss = "ekinerja-identity";
  c.aud = "ekinerja";
  c.sub = "x";
  c.tenant = "platform";
  c.exp = absl::ToUnixSeconds(absl::Now() + absl::Minutes(1));
  auto signed_by_next = next->Sign(c);
  ASSERT_TRUE(signed_by_next.ok()) << signed_by_next.status();
  EXPECT_EQ(auth::PeekHeader(*signed_by_next)->kid, rotated.kid());
  // The running ring (the old KEK) still signs with the keys it opened before.
  EXPECT_TRUE(VerifyWith(keys(), *signed_by_next).ok());

  // The old KEK alone no longer starts; the new one alone does.
  EXPECT_EQ(Ring(kSigningKek)->EnsureKey().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Ring(kNewKek)->EnsureKey().ok());
}

TEST_F(SigningKeysTest, KeysStoredInTheClearBeforeV004AreSealedAtStart) {
  ASSERT_FALSE(HasFatalFailure());
  // A key as V001-V003 stored it: the PEM itself, current.
  auto legacy = auth::SigningKey::Generate("20240101-legacy").value();
  std::string pem = legacy.PrivateKeyPem();
  ASSERT_TRUE(db().Query("UPDATE signing_keys SET retired_at = now()").ok());
  ASSERT_TRUE(
      db().Query("INSERT INTO signing_keys (kid, private_pem) VALUES ('20240101-legacy', '" + pem +
                 "')")
          .ok());
  EXPECT_TRUE(absl::StrContains(Table(), "BEGIN PRIVATE KEY"));

  auto ring = Ring(kSigningKek);
  ASSERT_TRUE(ring->EnsureKey().ok());
  EXPECT_FALSE(absl::StrContains(Table(), "BEGIN"));
  EXPECT_EQ(db().Count("signing_keys WHERE private_pem IS NOT NULL"), 0);
  // The same key, now sealed: it still signs as the current one and its public half is unchanged.
  auto jwks = ring->PublicKeys();
  ASSERT_TRUE(jwks.ok()) << jwks.status();
  ASSERT_FALSE(jwks->empty());
  EXPECT_EQ(jwks->front(), legacy.ToJwk());
}

}  // namespace
}  // namespace ekinerja::identity::it
