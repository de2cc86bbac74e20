#include "domain/absence_csv.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::attendance {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kSiti[] = "196702271998032003";
constexpr char kBudi[] = "198505122010011001";

std::vector<std::string> FieldsOf(const Violations& v) {
  std::vector<std::string> fields;
  for (const FieldViolation& f : v.list()) fields.push_back(f.field);
  return fields;
}

TEST(ParseAbsenceCsv, ReadsAGoodFileWithBomCrlfQuotesAndAnyCase) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "NIP,Kind,start_date,end_date,reason\r\n"
      "196702271998032003,sakit,2026-03-02,2026-03-03,\"demam, surat dokter\"\r\n"
      "19850512 201001 1 001,CUTI_TAHUNAN,2026-03-09,2026-03-13,\r\n"
      "\r\n";
  Violations v;
  std::vector<AbsenceImportRow> rows = ParseAbsenceCsv(csv, {}, v);
  ASSERT_TRUE(v.empty()) << v.ToStatus();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].nip, kSiti);
  EXPECT_EQ(rows[0].kind, "SAKIT");
  EXPECT_EQ(rows[0].start, absl::CivilDay(2026, 3, 2));
  EXPECT_EQ(rows[0].end, absl::CivilDay(2026, 3, 3));
  EXPECT_EQ(rows[0].reason, "demam, surat dokter");
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(rows[1].nip, kBudi);
  EXPECT_EQ(rows[1].kind, "CUTI_TAHUNAN");
  EXPECT_EQ(rows[1].reason, "");
}

TEST(ParseAbsenceCsv, TheReasonColumnIsOptional) {
  Violations v;
  std::vector<AbsenceImportRow> rows = ParseAbsenceCsv(
      "end_date,start_date,kind,nip\n2026-03-02,2026-03-02,IZIN,196702271998032003\n", {}, v);
  ASSERT_TRUE(v.empty()) << v.ToStatus();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].kind, "IZIN");
}

TEST(ParseAbsenceCsv, ReportsEveryBadCellOfEveryRow) {
  const std::string csv =
      "nip,kind,start_date,end_date,reason\n"
      "196702271998032003,SAKIT,2026-03-02,2026-03-02,ok\n"  // line 2: good
      "123,LIBUR,2026-02-30,2026-03-01,\n"                   // line 3: nip, kind, start
      "198505122010011001,IZIN,2026-03-05,2026-03-04,\n"     // line 4: end before start
      "198505122010011001,IZIN,2026-01-01,2027-01-03,\n"     // line 5: longer than 366 days
      ",,,,\n"                                               // line 6: all required
      "198505122010011001,IZIN,2026-03-02\n"                 // line 7: too few fields
      "\"198505122010011001,IZIN,2026-03-02,2026-03-02,\n";  // line 8: unclosed quote
  Violations v;
  std::vector<AbsenceImportRow> rows = ParseAbsenceCsv(csv, {}, v);
  EXPECT_EQ(rows.size(), 1u);
  EXPECT_THAT(FieldsOf(v),
              ElementsAre("rows[3].nip", "rows[3].kind", "rows[3].start_date", "rows[4].end_date",
                          "rows[5].end_date", "rows[6].nip", "rows[6].kind", "rows[6].start_date",
                          "rows[6].end_date", "rows[7]", "rows[8]"));
  EXPECT_THAT(v.list()[0].description, HasSubstr("line 3: NIP"));
  EXPECT_THAT(v.list()[1].description, HasSubstr("unknown kind \"LIBUR\""));
  EXPECT_EQ(v.list()[3].description, "line 4: end_date before start_date");
  EXPECT_EQ(v.list()[4].description, "line 5: end_date at most 366 days after start_date");
}

TEST(ParseAbsenceCsv, DatesOutsideTheTenantsWindowAreRefused) {
  const WorkDateWindow window{absl::CivilDay(2024, 1, 1), absl::CivilDay(2030, 12, 31)};
  const std::string csv =
      "nip,kind,start_date,end_date\n"
      "196702271998032003,SAKIT,2026-03-02,2026-03-02\n"  // line 2: good
      "198505122010011001,IZIN,2023-12-31,2024-01-02\n";  // line 3: starts before the window
  Violations v;
  std::vector<AbsenceImportRow> rows = ParseAbsenceCsv(csv, window, v);
  EXPECT_EQ(rows.size(), 1u);
  EXPECT_THAT(FieldsOf(v), ElementsAre("rows[3].start_date"));
  EXPECT_EQ(v.list()[0].description,
            "line 3: start_date outside the work dates 2024-01-01 to 2030-12-31");
}

TEST(ParseAbsenceCsv, ReportsOverlapsOfOneNipOnTheLaterRow) {
  const std::string csv =
      "nip,kind,start_date,end_date\n"
      "196702271998032003,SAKIT,2026-03-02,2026-03-04\n"
      "198505122010011001,SAKIT,2026-03-02,2026-03-04\n"  // another NIP: fine
      "196702271998032003,IZIN,2026-03-04,2026-03-05\n"   // overlaps line 2
      "196702271998032003,IZIN,2026-03-05,2026-03-06\n";  // line 4 was refused: fine
  Violations v;
  std::vector<AbsenceImportRow> rows = ParseAbsenceCsv(csv, {}, v);
  EXPECT_EQ(rows.size(), 3u);
  EXPECT_THAT(FieldsOf(v), ElementsAre("rows[4].start_date"));
  EXPECT_EQ(v.list()[0].description, "line 4: overlaps the absence of the same NIP on line 2");
}

TEST(ParseAbsenceCsv, ReportsABadHeader) {
  Violations v;
  ParseAbsenceCsv("nip,jenis,start_date,start_date\n", {}, v);
  EXPECT_THAT(FieldsOf(v), ElementsAre("header", "header", "header", "header"));
  EXPECT_THAT(v.list()[0].description, HasSubstr("unknown column \"jenis\""));
  EXPECT_THAT(v.list()[1].description, HasSubstr("\"start_date\" appears twice"));
  EXPECT_THAT(v.list()[2].description, HasSubstr("required column \"kind\" is missing"));
  EXPECT_THAT(v.list()[3].description, HasSubstr("required column \"end_date\" is missing"));
}

TEST(ParseAbsenceCsv, AnEmptyFileOrOneWithoutRowsIsAnError) {
  for (const char* csv : {"", "\n\n", "\xEF\xBB\xBF"}) {
    Violations v;
    ParseAbsenceCsv(csv, {}, v);
    EXPECT_THAT(FieldsOf(v), ElementsAre("csv")) << csv;
  }
  Violations v;
  ParseAbsenceCsv("nip,kind,start_date,end_date\n\n", {}, v);
  EXPECT_THAT(FieldsOf(v), ElementsAre("csv"));
}

TEST(ParseAbsenceCsv, RefusesALongReason) {
  const std::string csv =
      "nip,kind,start_date,end_date,reason\n196702271998032003,IZIN,"
      "2026-03-02,2026-03-02," +
      std::string(kReasonText.max_chars + 1, 'x') + "\n";
  Violations v;
  EXPECT_TRUE(ParseAbsenceCsv(csv, {}, v).empty());
  EXPECT_THAT(FieldsOf(v), ElementsAre("rows[2].reason"));
}

}  // namespace
}  // namespace ekinerja::attendance
