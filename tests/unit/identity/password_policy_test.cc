#include "domain/password_policy.h"

#include <set>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

using ::testing::ElementsAre;

constexpr char kNip[] = "198503152010012003";
const PasswordOwner kEmployee{kNip, kNip};  // username = NIP, as the import makes them
const PasswordOwner kAdmin{"admin.bkpsdm", ""};

constexpr char kTooShort[] = "password must be at least 10 characters";
constexpr char kHasNip[] = "password must not contain the NIP";
constexpr char kHasUsername[] = "password must not contain the username";
constexpr char kCommon[] =
    "password is too common (a well-known password, or one with digits or symbols added); "
    "choose another";

// The description of the one violation on "new_password" ("" when the password is accepted).
std::string Refusal(std::string_view password, PasswordOwner owner = kAdmin) {
  const absl::Status st = CheckPasswordPolicy(password, owner, "new_password");
  if (st.ok()) return "";
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  const std::vector<FieldViolation> v = FieldViolationsOf(st);
  EXPECT_EQ(v.size(), 1u) << st;
  if (v.empty()) return "?";
  EXPECT_EQ(v[0].field, "new_password");
  return v[0].description;
}

TEST(CheckPasswordPolicy, AcceptsLongUncommonPasswords) {
  EXPECT_EQ(Refusal("kopi-tubruk-pagi-hari"), "");
  EXPECT_EQ(Refusal("Sungai Mahakam 1987!"), "");
  EXPECT_EQ(Refusal("pegawai-rahasia-2026", kEmployee), "");
  EXPECT_EQ(Refusal(std::string(256, 'q')), "");
  // A common word inside a longer phrase is fine: only the whole word is compared.
  EXPECT_EQ(Refusal("bismillah-lulus-cpns"), "");
  EXPECT_EQ(Refusal("password-manager-kuat"), "");
}

TEST(CheckPasswordPolicy, LengthComesFirst) {
  EXPECT_THAT(FieldViolationsOf(CheckPasswordPolicy("pendek", kAdmin, "password")),
              ElementsAre(FieldViolation{"password", kTooShort}));
  EXPECT_EQ(Refusal(""), kTooShort);
  EXPECT_EQ(Refusal("123456789"), kTooShort);  // also common: the first rule is the one said
  EXPECT_EQ(Refusal(std::string(257, 'q')), "password must be at most 256 bytes");
}

TEST(CheckPasswordPolicy, RefusesTheNipAnywhereInIt) {
  EXPECT_EQ(Refusal(kNip, kEmployee), kHasNip);
  EXPECT_EQ(Refusal(std::string("nip") + kNip + "!", kEmployee), kHasNip);
  // Parts of the NIP are not the NIP.
  EXPECT_EQ(Refusal("19850315-kerja-keras", {"budi.santoso", kNip}), "");
  // Without a NIP (an admin's account) there is nothing to compare.
  EXPECT_EQ(Refusal(kNip), "");
}

TEST(CheckPasswordPolicy, RefusesTheUsernameIgnoringCase) {
  EXPECT_EQ(Refusal("admin.bkpsdm2026"), kHasUsername);
  EXPECT_EQ(Refusal("ADMIN.BKPSDM-rahasia"), kHasUsername);
  EXPECT_EQ(Refusal("rahasia-Admin.Bkpsdm"), kHasUsername);
  EXPECT_EQ(Refusal("admin-bkpsdm-2026"), "");  // not the username
}

TEST(CheckPasswordPolicy, RefusesCommonPasswordsAndTheirWordsWithDigitsOrSymbolsAdded) {
  for (const char* p :
       {"password123",   "Password123!",  "P@ssw0rd2024",    "1234567890",     "0123456789",
        "qwertyuiop",    "1q2w3e4r5t",    "bismillah123",    "Bismillah2024!", "12345bismillah",
        "indonesia1945", "INDONESIA45!!", "merdeka17081945", "rahasia12345",   "sayangku123",
        "jakarta2024",   "admin12345",    "pegawai2025",     "ekinerja2026",   "e-kinerja2026",
        "!!!qwerty!!!",  "alhamdulillah", "akucintakamu",    "iloveyou2024"}) {
    SCOPED_TRACE(p);
    EXPECT_EQ(Refusal(p), kCommon);
  }
}

TEST(CheckPasswordPolicy, TheListIsSmallLowerCaseAndWithoutRepeats) {
  const auto& list = CommonPasswords();
  EXPECT_GT(list.size(), 100u);
  EXPECT_LT(list.size(), 300u);
  std::set<std::string_view> seen;
  for (std::string_view p : list) {
    EXPECT_TRUE(seen.insert(p).second) << p << " appears twice";
    for (char c : p) EXPECT_FALSE(c >= 'A' && c <= 'Z') << p;
  }
}

}  // namespace
}  // namespace ekinerja::identity
