#include "text.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja {
namespace {

using ::testing::ElementsAre;

std::string Problem(absl::string_view value, TextRule rule = kNameText) {
  return TextProblem(value, rule).value_or("ok");
}

TEST(TextProblem, AcceptsPlainAndIndonesianText) {
  EXPECT_EQ(Problem(""), "ok");
  EXPECT_EQ(Problem("Sakit demam, surat dokter terlampir"), "ok");
  EXPECT_EQ(Problem("Dinas luar ke Makassar \xE2\x80\x94 SPT 12/2026"), "ok");  // em dash
  EXPECT_EQ(Problem("\xF0\x9F\x99\x8F"), "ok");                                 // U+1F64F
}

TEST(TextProblem, RefusesNulAndOtherControlsWhereverTheyAre) {
  EXPECT_EQ(Problem(std::string("a\0b", 3)), "contains a control character");
  EXPECT_EQ(Problem(std::string("\0", 1)), "contains a control character");
  EXPECT_EQ(Problem("a\x1b[31m"), "contains a control character");  // ESC
  EXPECT_EQ(Problem("a\x7f"), "contains a control character");      // DEL
  EXPECT_EQ(Problem("a\xC2\x85"), "contains a control character");  // U+0085 NEL (C1)
  EXPECT_EQ(Problem("a\xC2\x9F"), "contains a control character");  // U+009F (C1)
  EXPECT_EQ(Problem("a\xC2\xA0"), "ok");                            // U+00A0, after C1
  EXPECT_EQ(Problem(std::string("a\0b", 3), kNoteText), "contains a control character");
}

TEST(TextProblem, LineBreaksAndTabsOnlyInMultiLineFields) {
  EXPECT_EQ(Problem("a\nb", kIdText), "contains a line break or tab");
  EXPECT_EQ(Problem("a\tb", kIdText), "contains a line break or tab");
  EXPECT_EQ(Problem("a\r\nb", kNameText), "contains a line break or tab");
  EXPECT_EQ(Problem("baris 1\r\nbaris 2\tkolom", kNoteText), "ok");
}

TEST(TextProblem, RefusesInvalidUtf8) {
  EXPECT_EQ(Problem("\xff"), "not valid UTF-8");
  EXPECT_EQ(Problem("\x80"), "not valid UTF-8");              // a lone continuation byte
  EXPECT_EQ(Problem("caf\xC3"), "not valid UTF-8");           // cut short
  EXPECT_EQ(Problem("\xC0\xAF"), "not valid UTF-8");          // overlong '/'
  EXPECT_EQ(Problem("\xC0\x80"), "not valid UTF-8");          // overlong NUL
  EXPECT_EQ(Problem("\xE0\x80\xAF"), "not valid UTF-8");      // overlong, three bytes
  EXPECT_EQ(Problem("\xED\xA0\x80"), "not valid UTF-8");      // surrogate U+D800
  EXPECT_EQ(Problem("\xF4\x90\x80\x80"), "not valid UTF-8");  // U+110000
  EXPECT_EQ(Problem("\xE2\x80"), "not valid UTF-8");
}

TEST(TextProblem, CountsCodePointsNotBytes) {
  const TextRule three{3, false};
  EXPECT_EQ(Problem("abc", three), "ok");
  EXPECT_EQ(Problem("abcd", three), "at most 3 characters");
  EXPECT_EQ(Problem("\xC3\xA9\xC3\xA9\xC3\xA9", three), "ok");  // "ééé": 6 bytes, 3 characters
  EXPECT_EQ(Problem(std::string(128, 'x'), kIdText), "ok");
  EXPECT_EQ(Problem(std::string(129, 'x'), kIdText), "at most 128 characters");
}

TEST(TextProblem, NeverQuotesTheValue) {
  const std::string secret = "rahasia\x01";
  EXPECT_THAT(Problem(secret), ::testing::Not(::testing::HasSubstr("rahasia")));
}

TEST(CheckText, AddsOneViolationOnTheField) {
  Violations v;
  EXPECT_TRUE(CheckText(v, "absence.reason", "sakit", kNoteText));
  EXPECT_FALSE(CheckText(v, "request_id", std::string("X\0#2", 4), kIdText));
  EXPECT_FALSE(CheckText(v, "device.serial_number", "\xff", kIdText));
  EXPECT_THAT(v.list(), ElementsAre(FieldViolation{"request_id", "contains a control character"},
                                    FieldViolation{"device.serial_number", "not valid UTF-8"}));
}

TEST(JsonEscape, EscapesQuotesAndBackslashes) {
  EXPECT_EQ(JsonEscape(R"(say "hi" \ bye)"), R"(say \"hi\" \\ bye)");
}

TEST(JsonEscape, EscapesNamedControlCharacters) {
  EXPECT_EQ(JsonEscape("a\nb\rc\td\be\ff"), R"(a\nb\rc\td\be\ff)");
}

TEST(JsonEscape, EscapesOtherControlCharactersAsUnicode) {
  EXPECT_EQ(JsonEscape("\x01"), R"(\u0001)");
  EXPECT_EQ(JsonEscape(absl::string_view("a\0b", 3)), R"(a\u0000b)");
  EXPECT_EQ(JsonEscape("\x1f\x1b"), R"(\u001f\u001b)");
  EXPECT_EQ(JsonEscape("\x7f"), "\x7f");  // DEL needs no escape in JSON.
}

TEST(JsonEscape, PassesValidUtf8Through) {
  EXPECT_EQ(JsonEscape("Pemda Kab. Jayawijaya — ½ Ĳ 日本 😀"), "Pemda Kab. Jayawijaya — ½ Ĳ 日本 😀");
  EXPECT_EQ(JsonEscape("/path?x=1&y=<2>"), "/path?x=1&y=<2>");
}

TEST(JsonEscape, ReplacesInvalidUtf8) {
  EXPECT_EQ(JsonEscape("a\xff"
                       "b"),
            R"(a\ufffdb)");
  EXPECT_EQ(JsonEscape("\xc3"), R"(\ufffd)");                                // Truncated sequence.
  EXPECT_EQ(JsonEscape("\xc0\xaf"), R"(\ufffd\ufffd)");                      // Overlong '/'.
  EXPECT_EQ(JsonEscape("\xed\xa0\x80"), R"(\ufffd\ufffd\ufffd)");            // UTF-16 surrogate.
  EXPECT_EQ(JsonEscape("\xf4\x90\x80\x80"), R"(\ufffd\ufffd\ufffd\ufffd)");  // > U+10FFFF.
  EXPECT_EQ(JsonEscape("\xe2\x82"
                       "a"),
            R"(\ufffd\ufffda)");
}

TEST(JsonEscape, LeavesPlainTextAlone) {
  EXPECT_EQ(JsonEscape(""), "");
  EXPECT_EQ(JsonEscape("plain ascii 123"), "plain ascii 123");
}

}  // namespace
}  // namespace ekinerja
