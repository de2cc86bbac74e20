#include "domain/password_code.h"

#include <set>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

using ::testing::ElementsAre;
using ::testing::MatchesRegex;

TEST(FormatPasswordCode, WritesEightyBitsAsSixteenCrockfordCharactersInFours) {
  EXPECT_EQ(FormatPasswordCode(std::string(10, '\0')), "0000-0000-0000-0000");
  EXPECT_EQ(FormatPasswordCode(std::string(10, '\xFF')), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  // 0x00 0x44 0x32 0x14 0xC7 ... : 00000 00001 00010 00011 00100 00101 00110 00111 ...
  const std::string counting("\x00\x44\x32\x14\xC7\x42\x54\xB6\x35\xCF", 10);
  EXPECT_EQ(FormatPasswordCode(counting), "0123-4567-89AB-CDEF");
  const std::string rest("\x84\x65\x3A\x56\xD7\xC6\x75\xBE\x77\xDF", 10);
  EXPECT_EQ(FormatPasswordCode(rest), "GHJK-MNPQ-RSTV-WXYZ");
}

TEST(FormatPasswordCode, DifferentBytesGiveDifferentCodes) {
  std::set<std::string> codes;
  for (int i = 0; i < 256; ++i) {
    std::string bytes(10, '\0');
    bytes[9] = static_cast<char>(i);
    codes.insert(FormatPasswordCode(bytes));
  }
  EXPECT_EQ(codes.size(), 256u);
}

TEST(NormalizePasswordCode, ForgivesCaseSeparatorsAndLookAlikes) {
  EXPECT_EQ(*NormalizePasswordCode("7KQM-2HXD-R9TA-VC4E", "code"), "7KQM2HXDR9TAVC4E");
  EXPECT_EQ(*NormalizePasswordCode("7kqm2hxdr9tavc4e", "code"), "7KQM2HXDR9TAVC4E");
  EXPECT_EQ(*NormalizePasswordCode(" 7kqm 2hxd-r9ta vc4e ", "code"), "7KQM2HXDR9TAVC4E");
  // O is 0; I and L are 1 (they are not in the alphabet).
  EXPECT_EQ(*NormalizePasswordCode("OOOO-IIII-LLLL-oil0", "code"), "0000111111110110");
  const std::string code = FormatPasswordCode("any ten by");
  EXPECT_EQ(*NormalizePasswordCode(code, "code"),
            code.substr(0, 4) + code.substr(5, 4) + code.substr(10, 4) + code.substr(15, 4));
}

TEST(NormalizePasswordCode, RefusesWhatCannotBeACode) {
  constexpr char kWhat[] = "a code is 16 letters and digits, as issued (XXXX-XXXX-XXXX-XXXX)";
  for (const char* typed :
       {"", "7KQM-2HXD-R9TA-VC4", "7KQM-2HXD-R9TA-VC4E-X", "7KQM-2HXD-R9TA-VC4U",
        "7KQM_2HXD_R9TA_VC4E", "7KQM-2HXD-R9TA-VC4\xC3\x89"}) {
    SCOPED_TRACE(typed);
    EXPECT_THAT(FieldViolationsOf(NormalizePasswordCode(typed, "code").status()),
                ElementsAre(FieldViolation{"code", kWhat}));
  }
  EXPECT_FALSE(NormalizePasswordCode(std::string(100, '-') + "7KQM2HXDR9TAVC4E", "c").ok());
}

}  // namespace
}  // namespace ekinerja::identity
