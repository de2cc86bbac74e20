#include "password.h"

#include <sodium.h>

#include <string>

#include "absl/status/status.h"
#include "crypto.h"
#include "gtest/gtest.h"

namespace ekinerja::auth {
namespace {

std::string FastHash(std::string_view password) {
  absl::StatusOr<std::string> hash = HashPassword(password, PasswordHashParams::Fast());
  EXPECT_TRUE(hash.ok()) << hash.status();
  return hash.value_or("");
}

TEST(PasswordHash, IsArgon2idStringWithTheGivenCost) {
  const std::string hash = FastHash("rahasia-123");
  // Fast() = 1 pass over 8 KiB; libsodium always uses one lane.
  EXPECT_EQ(hash.substr(0, 27), "$argon2id$v=19$m=8,t=1,p=1$");
}

TEST(PasswordHash, VerifiesTheRightPasswordOnly) {
  const std::string hash = FastHash("rahasia-123");
  EXPECT_TRUE(VerifyPassword(hash, "rahasia-123"));
  EXPECT_FALSE(VerifyPassword(hash, "Rahasia-123"));
  EXPECT_FALSE(VerifyPassword(hash, "rahasia-12"));
  EXPECT_FALSE(VerifyPassword(hash, ""));
}

TEST(PasswordHash, PasswordBytesAfterNulCount) {
  const std::string hash = FastHash(std::string("ab\0cd", 5));
  EXPECT_TRUE(VerifyPassword(hash, std::string("ab\0cd", 5)));
  EXPECT_FALSE(VerifyPassword(hash, "ab"));
}

TEST(PasswordHash, TwoHashesOfOnePasswordDifferBySalt) {
  const std::string a = FastHash("rahasia-123");
  const std::string b = FastHash("rahasia-123");
  EXPECT_NE(a, b);
  EXPECT_TRUE(VerifyPassword(a, "rahasia-123"));
  EXPECT_TRUE(VerifyPassword(b, "rahasia-123"));
}

TEST(PasswordHash, InteractiveParamsHashAndVerify) {
  absl::StatusOr<std::string> hash = HashPassword("rahasia-123", PasswordHashParams::Interactive());
  ASSERT_TRUE(hash.ok()) << hash.status();
  EXPECT_EQ(hash->substr(0, 31), "$argon2id$v=19$m=65536,t=2,p=1$");
  EXPECT_TRUE(VerifyPassword(*hash, "rahasia-123"));
  EXPECT_FALSE(NeedsRehash(*hash, PasswordHashParams::Interactive()));
}

TEST(PasswordHash, RejectsParamsOutsideLibsodiumLimits) {
  PasswordHashParams params = PasswordHashParams::Fast();
  params.opslimit = 0;
  EXPECT_EQ(HashPassword("x", params).status().code(), absl::StatusCode::kInvalidArgument);
  params = PasswordHashParams::Fast();
  params.memlimit = 1024;
  EXPECT_EQ(HashPassword("x", params).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(PasswordVerify, NonArgon2idStringsFail) {
  const std::string hash = FastHash("rahasia-123");
  EXPECT_FALSE(VerifyPassword("", "rahasia-123"));
  EXPECT_FALSE(VerifyPassword("rahasia-123", "rahasia-123"));  // a plaintext "hash"
  EXPECT_FALSE(VerifyPassword("$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
                              "rahasia-123"));                                   // bcrypt
  EXPECT_FALSE(VerifyPassword(hash.substr(0, hash.size() - 5), "rahasia-123"));  // truncated
  EXPECT_FALSE(VerifyPassword(hash + std::string(1, '\0'), "rahasia-123"));      // embedded NUL
}

TEST(PasswordVerify, Argon2iHashFailsEvenWithTheRightPassword) {
  ASSERT_TRUE(InitSodium());
  char argon2i[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(argon2i, "rahasia-123", 11, crypto_pwhash_argon2i_OPSLIMIT_MIN,
                                  crypto_pwhash_argon2i_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2I13),
            0);
  ASSERT_EQ(std::string(argon2i).substr(0, 9), "$argon2i$");
  EXPECT_FALSE(VerifyPassword(argon2i, "rahasia-123"));
  EXPECT_TRUE(NeedsRehash(argon2i, PasswordHashParams::Fast()));
}

TEST(PasswordNeedsRehash, TrueOnlyWhenParamsDiffer) {
  const std::string hash = FastHash("rahasia-123");
  EXPECT_TRUE(NeedsRehash(hash, PasswordHashParams::Interactive()));
  EXPECT_FALSE(NeedsRehash(hash, PasswordHashParams::Fast()));
  EXPECT_TRUE(NeedsRehash("not a hash", PasswordHashParams::Fast()));
}

}  // namespace
}  // namespace ekinerja::auth
