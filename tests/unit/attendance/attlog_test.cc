#include "domain/attlog.h"

#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ekinerja::attendance {

// For gmock's messages (found by argument-dependent lookup, so outside the anonymous namespace).
void PrintTo(const LogLineError& e, std::ostream* os) {
  *os << "{" << e.line << ", " << e.reason << "}";
}

namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

absl::CivilSecond At(int y, int mo, int d, int h, int mi, int s) {
  return absl::CivilSecond(y, mo, d, h, mi, s);
}

// One punch as a comparable tuple: line, pin, time, status, verify.
struct Row {
  int line;
  std::string pin;
  absl::CivilSecond time;
  std::optional<int> status;
  std::optional<int> verify;
  bool operator==(const Row& o) const {
    return line == o.line && pin == o.pin && time == o.time && status == o.status &&
           verify == o.verify;
  }
  friend std::ostream& operator<<(std::ostream& os, const Row& r) {
    return os << "{" << r.line << ", " << r.pin << ", " << r.time << ", "
              << (r.status ? std::to_string(*r.status) : "-") << ", "
              << (r.verify ? std::to_string(*r.verify) : "-") << "}";
  }
};

std::vector<Row> Rows(const ParsedLog& log) {
  std::vector<Row> rows;
  for (const LogPunch& p : log.punches) {
    rows.push_back({p.line, p.pin, p.local_time, p.status, p.verify});
  }
  return rows;
}

TEST(ParseAttlog, ReadsGoodLinesWithEveryField) {
  const ParsedLog log = ParseAttlog(
      "1001\t2026-03-02 07:25:13\t0\t1\t0\t0\n"
      "1002\t2026-03-02 07:31:00\t0\t15\t0\t0\t255\n"
      "1001\t2026-03-02 16:03:40\t1\t1\t0\t0\n");
  EXPECT_THAT(log.errors, IsEmpty());
  EXPECT_THAT(Rows(log), ElementsAre(Row{1, "1001", At(2026, 3, 2, 7, 25, 13), 0, 1},
                                     Row{2, "1002", At(2026, 3, 2, 7, 31, 0), 0, 15},
                                     Row{3, "1001", At(2026, 3, 2, 16, 3, 40), 1, 1}));
}

TEST(ParseAttlog, ReportsABadLineWithItsNumberAndKeepsTheGoodOnes) {
  const ParsedLog log = ParseAttlog(
      "1001\t2026-03-02 07:25:13\t0\t1\n"
      "1002\t2026-02-30 07:31:00\t0\t1\n"
      "1003\t2026-03-02 07:40:00\t0\t1\n");
  EXPECT_THAT(log.errors,
              ElementsAre(LogLineError{2,
                                       "datetime \"2026-02-30 07:31:00\" is not a real time in "
                                       "the form YYYY-MM-DD HH:MM:SS"}));
  EXPECT_THAT(Rows(log), ElementsAre(Row{1, "1001", At(2026, 3, 2, 7, 25, 13), 0, 1},
                                     Row{3, "1003", At(2026, 3, 2, 7, 40, 0), 0, 1}));
}

TEST(ParseAttlog, AcceptsCrlfAndALastLineWithoutBreak) {
  const ParsedLog log = ParseAttlog(
      "1001\t2026-03-02 07:25:13\t0\t1\t0\t0\r\n"
      "1002\t2026-03-02 07:26:00\t0\t15\t0\t0");
  EXPECT_THAT(log.errors, IsEmpty());
  EXPECT_THAT(Rows(log), ElementsAre(Row{1, "1001", At(2026, 3, 2, 7, 25, 13), 0, 1},
                                     Row{2, "1002", At(2026, 3, 2, 7, 26, 0), 0, 15}));
}

TEST(ParseAttlog, AcceptsMissingTrailingFields) {
  const ParsedLog log = ParseAttlog(
      "1001\t2026-03-02 07:25:13\n"
      "1002\t2026-03-02 07:26:00\t1\n"
      "1003\t2026-03-02 07:27:00\t\t15\n");
  EXPECT_THAT(log.errors, IsEmpty());
  EXPECT_THAT(Rows(log),
              ElementsAre(Row{1, "1001", At(2026, 3, 2, 7, 25, 13), std::nullopt, std::nullopt},
                          Row{2, "1002", At(2026, 3, 2, 7, 26, 0), 1, std::nullopt},
                          Row{3, "1003", At(2026, 3, 2, 7, 27, 0), std::nullopt, 15}));
}

TEST(ParseAttlog, SkipsBomBlankLinesAndSpacesButCountsTheLines) {
  const ParsedLog log = ParseAttlog(
      "\xEF\xBB\xBF"
      "\n"
      "  1001 \t 2026-03-02 07:25:13 \t 0 \t 1 \n"
      "   \r\n"
      "A7\t2026-03-02 07:26:00\t0\t1\n");
  EXPECT_THAT(log.errors, IsEmpty());
  EXPECT_THAT(Rows(log), ElementsAre(Row{2, "1001", At(2026, 3, 2, 7, 25, 13), 0, 1},
                                     Row{4, "A7", At(2026, 3, 2, 7, 26, 0), 0, 1}));
}

TEST(ParseAttlog, EmptyInputHasNothing) {
  const ParsedLog log = ParseAttlog("");
  EXPECT_THAT(log.punches, IsEmpty());
  EXPECT_THAT(log.errors, IsEmpty());
}

TEST(ParseAttlog, RejectsBadPins) {
  const std::string pin32(32, '9');
  const std::string pin33(33, '9');
  const ParsedLog log = ParseAttlog("\t2026-03-02 07:25:13\n" +              // line 1
                                    pin33 + "\t2026-03-02 07:25:13\n" +      // line 2
                                    "10-01\t2026-03-02 07:25:13\n" +         // line 3
                                    "1001\xC3\xA9\t2026-03-02 07:25:13\n" +  // line 4
                                    pin32 + "\t2026-03-02 07:25:13\n");      // line 5
  EXPECT_THAT(
      log.errors,
      ElementsAre(
          LogLineError{1, "PIN is empty"},
          LogLineError{2, "PIN of 33 characters is longer than 32"},
          LogLineError{3, "PIN \"10-01\" has a character other than a letter or digit"},
          LogLineError{4, "PIN \"1001\xC3\xA9\" has a character other than a letter or digit"}));
  EXPECT_THAT(Rows(log),
              ElementsAre(Row{5, pin32, At(2026, 3, 2, 7, 25, 13), std::nullopt, std::nullopt}));
}

TEST(ParseAttlog, RejectsImpossibleOrMalformedTimes) {
  const char* bad[] = {
      "2026-03-02 24:00:00", "2026-03-02 23:60:00",  "2026-03-02 23:59:60", "2026-13-01 07:00:00",
      "2025-02-29 07:00:00", "0000-01-01 07:00:00",  "2026-3-2 7:25:13",    "2026-03-02T07:25:13",
      "2026-03-02 07:25",    "2026-03-02 07:25:13x", "2026-03-02 +7:25:13",
  };
  for (const char* text : bad) {
    SCOPED_TRACE(text);
    const ParsedLog log = ParseAttlog(std::string("1001\t") + text + "\t0\t1\n");
    EXPECT_THAT(log.punches, IsEmpty());
    EXPECT_THAT(log.errors, ElementsAre(LogLineError{
                                1, "datetime \"" + std::string(text) +
                                       "\" is not a real time in the form YYYY-MM-DD HH:MM:SS"}));
  }
}

TEST(ParseAttlog, AcceptsALeapDayAndTheDaysEdges) {
  const ParsedLog log = ParseAttlog(
      "1\t2024-02-29 00:00:00\n"
      "1\t2026-12-31 23:59:59\n");
  EXPECT_THAT(log.errors, IsEmpty());
  EXPECT_THAT(Rows(log),
              ElementsAre(Row{1, "1", At(2024, 2, 29, 0, 0, 0), std::nullopt, std::nullopt},
                          Row{2, "1", At(2026, 12, 31, 23, 59, 59), std::nullopt, std::nullopt}));
}

TEST(ParseAttlog, RejectsAMissingDatetimeAndBadCodes) {
  const ParsedLog log = ParseAttlog(
      "1001\n"
      "1001\t\t0\n"
      "1001\t2026-03-02 07:25:13\tx\t1\n"
      "1001\t2026-03-02 07:25:13\t0\t1000\n"
      "1001\t2026-03-02 07:25:13\t-1\t1\n");
  EXPECT_THAT(log.punches, IsEmpty());
  EXPECT_THAT(log.errors, ElementsAre(LogLineError{1, "datetime is missing"},
                                      LogLineError{2, "datetime is missing"},
                                      LogLineError{3, "status \"x\" is not a number 0-999"},
                                      LogLineError{4, "verify \"1000\" is not a number 0-999"},
                                      LogLineError{5, "status \"-1\" is not a number 0-999"}));
}

TEST(ParseAttlog, CutsALongBadFieldShortInTheReason) {
  const ParsedLog log = ParseAttlog("1001\t" + std::string(100, 'z') + "\n");
  EXPECT_THAT(log.errors, ElementsAre(LogLineError{1, "datetime \"" + std::string(40, 'z') +
                                                          "...\" is not a real time in the form "
                                                          "YYYY-MM-DD HH:MM:SS"}));
}

TEST(ParseAttendanceCsv, ReadsTheSameAsAttlog) {
  const ParsedLog csv = ParseAttendanceCsv(
      "pin,datetime,status,verify\r\n"
      "1001,2026-03-02 07:25:13,0,1\r\n"
      "1002,2026-03-02 07:31:00,0,15\r\n");
  const ParsedLog attlog = ParseAttlog(
      "\n"
      "1001\t2026-03-02 07:25:13\t0\t1\t0\t0\n"
      "1002\t2026-03-02 07:31:00\t0\t15\t0\t0\n");
  EXPECT_THAT(csv.errors, IsEmpty());
  EXPECT_EQ(Rows(csv), Rows(attlog));
  EXPECT_THAT(Rows(csv), ElementsAre(Row{2, "1001", At(2026, 3, 2, 7, 25, 13), 0, 1},
                                     Row{3, "1002", At(2026, 3, 2, 7, 31, 0), 0, 15}));
}

TEST(ParseAttendanceCsv, TakesColumnsInAnyOrderAndCaseWithOptionalOnesLeftOut) {
  const ParsedLog log = ParseAttendanceCsv(
      "\xEF\xBB\xBF"
      " DateTime , PIN ,Verify\n"
      "2026-03-02 07:25:13,1001,15\n"
      "2026-03-02 07:26:00,1002\n"
      "2026-03-02 07:27:00,1003,\n");
  EXPECT_THAT(log.errors, IsEmpty());
  EXPECT_THAT(Rows(log),
              ElementsAre(Row{2, "1001", At(2026, 3, 2, 7, 25, 13), std::nullopt, 15},
                          Row{3, "1002", At(2026, 3, 2, 7, 26, 0), std::nullopt, std::nullopt},
                          Row{4, "1003", At(2026, 3, 2, 7, 27, 0), std::nullopt, std::nullopt}));
}

TEST(ParseAttendanceCsv, ReportsBadRowsWithTheirNumbersAndKeepsTheGoodOnes) {
  const ParsedLog log = ParseAttendanceCsv(
      "pin,datetime\n"
      "1001,2026-03-02 07:25:13\n"
      "1002,2026-03-02 07:25:13,0\n"
      "1003\n"
      ",2026-03-02 07:25:13\n"
      "1004,2026-04-31 07:00:00\n"
      "1005,2026-03-02 16:00:00\n");
  EXPECT_THAT(log.errors,
              ElementsAre(LogLineError{3, "3 fields, the header has 2"},
                          LogLineError{4, "datetime is missing"}, LogLineError{5, "PIN is empty"},
                          LogLineError{6,
                                       "datetime \"2026-04-31 07:00:00\" is not a real time in "
                                       "the form YYYY-MM-DD HH:MM:SS"}));
  EXPECT_THAT(Rows(log),
              ElementsAre(Row{2, "1001", At(2026, 3, 2, 7, 25, 13), std::nullopt, std::nullopt},
                          Row{7, "1005", At(2026, 3, 2, 16, 0, 0), std::nullopt, std::nullopt}));
}

TEST(ParseAttendanceCsv, ABadHeaderIsReportedOnceAndNoRowIsRead) {
  const std::pair<const char*, const char*> cases[] = {
      {"pin,status\n", "header must name the columns pin and datetime"},
      {"pin,datetime,datetime\n", "header names column datetime twice"},
      {"pin,datetime,nip\n", "header has unknown column \"nip\""},
      {"1001,2026-03-02 07:25:13\n", "header has unknown column \"1001\""},
  };
  for (const auto& [header, reason] : cases) {
    SCOPED_TRACE(header);
    const ParsedLog log = ParseAttendanceCsv(std::string(header) + "1001,2026-03-02 07:25:13\n");
    EXPECT_THAT(log.punches, IsEmpty());
    EXPECT_THAT(log.errors, ElementsAre(LogLineError{1, reason}));
  }
}

TEST(ParseAttendanceCsv, HeaderOnlyOrEmptyHasNothing) {
  EXPECT_THAT(ParseAttendanceCsv("pin,datetime,status,verify\n").punches, IsEmpty());
  EXPECT_THAT(ParseAttendanceCsv("pin,datetime,status,verify\n").errors, IsEmpty());
  EXPECT_THAT(ParseAttendanceCsv("").errors, IsEmpty());
}

TEST(PinError, AcceptsLettersAndDigitsUpTo32) {
  EXPECT_EQ(PinError("1"), std::nullopt);
  EXPECT_EQ(PinError("abcXYZ0123"), std::nullopt);
  EXPECT_EQ(PinError(std::string(32, 'a')), std::nullopt);
  EXPECT_EQ(PinError(std::string(33, 'a')), "PIN of 33 characters is longer than 32");
  EXPECT_EQ(PinError("10 01"), "PIN \"10 01\" has a character other than a letter or digit");
}

TEST(ParseLogDateTime, ReadsTheWallClockSecond) {
  EXPECT_EQ(ParseLogDateTime("2026-03-02 07:25:13"), At(2026, 3, 2, 7, 25, 13));
  EXPECT_EQ(ParseLogDateTime("2026-03-02 07:25:13 "), std::nullopt);
}

}  // namespace
}  // namespace ekinerja::attendance
