#include "nip.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja {
namespace {

using ::testing::ElementsAre;

// The single violation a rejected NIP carries.
FieldViolation OnlyViolation(const absl::StatusOr<Nip>& nip) {
  EXPECT_FALSE(nip.ok());
  EXPECT_EQ(nip.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<FieldViolation> v = FieldViolationsOf(nip.status());
  EXPECT_EQ(v.size(), 1u);
  return v.empty() ? FieldViolation{} : v.front();
}

std::string Reason(std::string_view input) { return OnlyViolation(ParseNip(input)).description; }

constexpr char kNotDigits[] =
    "NIP must be 18 digits, written together or grouped as \"YYYYMMDD YYYYMM G NNN\" with single "
    "spaces";

TEST(ParseNip, SplitsTheEighteenDigitsIntoTheirParts) {
  absl::StatusOr<Nip> nip = ParseNip("196702271998032003");
  ASSERT_TRUE(nip.ok()) << nip.status();
  EXPECT_EQ(nip->digits, "196702271998032003");
  EXPECT_EQ(nip->birth_date, absl::CivilDay(1967, 2, 27));
  EXPECT_EQ(nip->tmt_year, 1998);
  EXPECT_EQ(nip->tmt_month, 3);
  EXPECT_EQ(nip->gender, 2);
  EXPECT_EQ(nip->sequence, 3);
  EXPECT_EQ(nip->Display(), "19670227 199803 2 003");
}

TEST(ParseNip, NormalisesTheGroupedDisplayForm) {
  absl::StatusOr<Nip> nip = ParseNip("19670227 199803 2 003");
  ASSERT_TRUE(nip.ok()) << nip.status();
  EXPECT_EQ(nip->digits, "196702271998032003");
  EXPECT_EQ(nip->Display(), "19670227 199803 2 003");
}

TEST(ParseNip, AcceptsMaleGenderAndHighestSequence) {
  absl::StatusOr<Nip> nip = ParseNip("198505122010011999");
  ASSERT_TRUE(nip.ok()) << nip.status();
  EXPECT_EQ(nip->gender, 1);
  EXPECT_EQ(nip->sequence, 999);
}

TEST(ParseNip, RejectsWrongLengthAndNonDigits) {
  for (std::string_view bad : {
           "",
           "19670227199803200",                     // 17 digits
           "1967022719980320031",                   // 19 digits
           "19670227199803200a",                    // a letter
           "19670227-199803-2-003",                 // dashes
           "19670227  199803 2 003",                // double space
           "19670227 199803 2003",                  // missing a space
           "1967022 7199803 2 003",                 // spaces in the wrong places
           " 196702271998032003",                   // leading space
           "196702271998032003 ",                   // trailing space
           "19670227\t199803\t2\t003",              // tabs
           "１９６７０２２７１９９８０３２００３",  // full-width digits
       }) {
    EXPECT_EQ(Reason(bad), kNotDigits) << "input: \"" << bad << "\"";
  }
}

TEST(ParseNip, TheViolationIsOnTheFieldAsked) {
  EXPECT_EQ(OnlyViolation(ParseNip("123", "employee.nip")).field, "employee.nip");
  EXPECT_EQ(OnlyViolation(ParseNip("123")).field, "nip");
}

TEST(ParseNip, RejectsImpossibleBirthDates) {
  EXPECT_EQ(Reason("196702301998032003"), "NIP birth date 19670230 is not a real date");
  EXPECT_EQ(Reason("196713271998032003"), "NIP birth date 19671327 is not a real date");
  EXPECT_EQ(Reason("196702001998032003"), "NIP birth date 19670200 is not a real date");
  EXPECT_EQ(Reason("196700271998032003"), "NIP birth date 19670027 is not a real date");
  EXPECT_EQ(Reason("196704311998032003"), "NIP birth date 19670431 is not a real date");
}

TEST(ParseNip, LeapDayBirthsAreRealOnlyInLeapYears) {
  EXPECT_TRUE(IsValidNip("200002292018021001"));
  EXPECT_TRUE(IsValidNip("199602292018021001"));
  EXPECT_EQ(Reason("200102292019021001"), "NIP birth date 20010229 is not a real date");
  EXPECT_EQ(Reason("190002292019021001"), "NIP birth date 19000229 is not a real date");
}

TEST(ParseNip, RejectsImpossibleTmtMonths) {
  EXPECT_EQ(Reason("196702271998002003"), "NIP TMT CPNS 199800 has no month 00");
  EXPECT_EQ(Reason("196702271998132003"), "NIP TMT CPNS 199813 has no month 13");
  EXPECT_TRUE(IsValidNip("196702271998012003"));
  EXPECT_TRUE(IsValidNip("196702271998122003"));
}

TEST(ParseNip, AppointmentIsAtTheEarliestInTheMonthOfTheEighteenthBirthday) {
  // Born 1980-05-15: the 18th birthday falls in May 1998.
  EXPECT_TRUE(IsValidNip("198005151998051001"));  // exactly the month of the 18th birthday
  EXPECT_TRUE(IsValidNip("198005151998061001"));
  EXPECT_EQ(Reason("198005151998041001"),  // one month short
            "NIP TMT CPNS 199804 is before the month of the 18th birthday (199805); an "
            "appointment comes at least 18 years after birth");
  EXPECT_EQ(Reason("198005151997121001"),
            "NIP TMT CPNS 199712 is before the month of the 18th birthday (199805); an "
            "appointment comes at least 18 years after birth");
  // TMT before birth altogether.
  EXPECT_EQ(Reason("198005151975011001"),
            "NIP TMT CPNS 197501 is before the month of the 18th birthday (199805); an "
            "appointment comes at least 18 years after birth");
  // Born in December: the boundary crosses a year.
  EXPECT_TRUE(IsValidNip("198012311998121001"));
  EXPECT_FALSE(IsValidNip("198012311998111001"));
}

TEST(ParseNip, LeapDayBirthReachesEighteenInFebruary) {
  EXPECT_TRUE(IsValidNip("200002292018021001"));
  EXPECT_EQ(Reason("200002292018011001"),
            "NIP TMT CPNS 201801 is before the month of the 18th birthday (201802); an "
            "appointment comes at least 18 years after birth");
}

TEST(ParseNip, RejectsGenderOtherThanOneOrTwo) {
  EXPECT_EQ(Reason("196702271998030003"), "NIP gender digit must be 1 (male) or 2 (female), got 0");
  EXPECT_EQ(Reason("196702271998033003"), "NIP gender digit must be 1 (male) or 2 (female), got 3");
  EXPECT_EQ(Reason("196702271998039003"), "NIP gender digit must be 1 (male) or 2 (female), got 9");
}

TEST(ParseNip, RejectsSequenceZero) {
  EXPECT_EQ(Reason("196702271998032000"), "NIP sequence 000 is not allowed");
  EXPECT_EQ(Reason("19670227 199803 2 000"), "NIP sequence 000 is not allowed");
  EXPECT_TRUE(IsValidNip("196702271998032001"));
}

TEST(ParseNip, ReportsOnlyTheFirstRuleBroken) {
  // Bad birth date, bad month, bad gender and sequence 000 at once: one violation, the first rule.
  absl::StatusOr<Nip> nip = ParseNip("196702301998135000", "rows[2].nip");
  EXPECT_THAT(
      FieldViolationsOf(nip.status()),
      ElementsAre(FieldViolation{"rows[2].nip", "NIP birth date 19670230 is not a real date"}));
}

TEST(IsValidNip, MatchesParseNip) {
  EXPECT_TRUE(IsValidNip("196702271998032003"));
  EXPECT_TRUE(IsValidNip("19670227 199803 2 003"));
  EXPECT_FALSE(IsValidNip("196702271998032000"));
  EXPECT_FALSE(IsValidNip("abc"));
}

}  // namespace
}  // namespace ekinerja
