#include "csv.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ekinerja::csv {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(SplitRecords, KeepsPhysicalLineNumbersAcrossQuotedLineBreaks) {
  const std::vector<Record> r = SplitRecords("a,\"b\nc\"\r\n\nd,\"e\"\"f\"\rg");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].line, 1);
  EXPECT_THAT(r[0].fields, ElementsAre("a", "b\nc"));
  EXPECT_EQ(r[1].line, 3);
  EXPECT_TRUE(r[1].blank);
  EXPECT_EQ(r[2].line, 4);
  EXPECT_THAT(r[2].fields, ElementsAre("d", "e\"f"));
  EXPECT_EQ(r[3].line, 5);
  EXPECT_THAT(r[3].fields, ElementsAre("g"));
}

const TableSpec kSpec{{"nip", "kind", "reason"}, 2, {{"password", "no passwords here"}}};

struct Read {
  std::vector<TableRow> rows;
  Violations violations;
};

Read ReadAll(std::string_view text) {
  Read out;
  ReadTable(text, kSpec, out.violations, [&](const TableRow& r) { out.rows.push_back(r); });
  return out;
}

TEST(ReadTable, MapsColumnsByNameInAnyOrderAndCase) {
  const Read r = ReadAll("\xEF\xBB\xBF\n Kind , NIP \n IZIN , 199001012020121001 \n\nSAKIT,1\n");
  EXPECT_THAT(r.violations.list(), IsEmpty());
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].line, 3);
  EXPECT_THAT(r.rows[0].cells, ElementsAre("199001012020121001", "IZIN", ""));
  EXPECT_EQ(r.rows[1].line, 5);
  EXPECT_THAT(r.rows[1].cells, ElementsAre("1", "SAKIT", ""));
}

TEST(ReadTable, ReportsEveryHeaderProblemAndReadsNoRecord) {
  const Read r = ReadAll("nip,jenis,nip,password\n1,2,3,4\n");
  EXPECT_THAT(r.rows, IsEmpty());
  EXPECT_THAT(
      r.violations.list(),
      ElementsAre(
          FieldViolation{"header",
                         "line 1: unknown column \"jenis\"; the columns are nip, kind, reason"},
          FieldViolation{"header", "line 1: column \"nip\" appears twice"},
          FieldViolation{"header", "line 1: no passwords here"},
          FieldViolation{"header", "line 1: required column \"kind\" is missing"}));
}

TEST(ReadTable, BadRecordsAreReportedInLineOrderBetweenTheGoodOnes) {
  Read r;
  ReadTable("nip,kind\n1,A\n2\n3,\"C\n4,D\n", kSpec, r.violations,
            [&](const TableRow& row) { r.violations.Add(CellField(row.line, "kind"), "seen"); });
  EXPECT_THAT(
      r.violations.list(),
      ElementsAre(
          FieldViolation{"rows[2].kind", "seen"},
          FieldViolation{"rows[3]", "line 3: expected 2 fields as in the header, got 1"},
          FieldViolation{"rows[4]", "line 4: a quoted field is not closed (missing '\"')"}));
}

TEST(ReadTable, AnEmptyFileHasNoHeader) {
  for (std::string_view text : {"", "\n\r\n", "\xEF\xBB\xBF"}) {
    EXPECT_THAT(ReadAll(text).violations.list(),
                ElementsAre(FieldViolation{
                    "csv", "the file is empty; it needs a header line naming the columns"}));
  }
}

TEST(ProblemOf, IsTheFirstViolationOrTheMessage) {
  EXPECT_EQ(ProblemOf(InvalidField("rows[2].nip", "NIP must have 18 digits")),
            "NIP must have 18 digits");
  EXPECT_EQ(ProblemOf(absl::InvalidArgumentError("plain")), "plain");
}

TEST(FormatRecord, QuotesOnlyWhatNeedsItAndSplitsBack) {
  EXPECT_EQ(FormatRecord({"199001012015011001", "Siti", "III/b", "2886697"}),
            "199001012015011001,Siti,III/b,2886697\r\n");
  const std::string line = FormatRecord({"a,b", "say \"hi\"", "two\nlines", ""});
  EXPECT_EQ(line, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  const std::vector<Record> back = SplitRecords(line);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_THAT(back[0].fields, ElementsAre("a,b", "say \"hi\"", "two\nlines", ""));
}

}  // namespace
}  // namespace ekinerja::csv
