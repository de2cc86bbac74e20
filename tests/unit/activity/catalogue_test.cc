#include "domain/catalogue.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "unit/common/violation_fields.h"

namespace ekinerja::activity {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

CatalogueItem Good() {
  return {"SRT-01", "", "PELAKSANA", "Mengagendakan surat masuk", "surat", 10};
}

TEST(CatalogueItemViolations, AGoodItemByKindOrByPosition) {
  EXPECT_THAT(CatalogueItemViolations(Good(), "item."), IsEmpty());
  CatalogueItem by_position = Good();
  by_position.position_kind = "";
  by_position.position_code = "dinkes.kasubag-umum_1";
  EXPECT_THAT(CatalogueItemViolations(by_position, ""), IsEmpty());
}

TEST(CatalogueItemViolations, CodeEdges) {
  CatalogueItem i = Good();
  i.code = std::string(32, 'A');
  EXPECT_THAT(CatalogueItemViolations(i, ""), IsEmpty());
  for (const std::string& bad :
       {std::string(33, 'A'), std::string(), std::string("srt-01"), std::string("SRT 01")}) {
    i.code = bad;
    EXPECT_THAT(Fields(CatalogueItemViolations(i, "items[0].")), ElementsAre("items[0].code"))
        << bad;
  }
}

TEST(CatalogueItemViolations, ExactlyOneOfPositionAndKind) {
  CatalogueItem both = Good();
  both.position_code = "P1";
  EXPECT_THAT(Fields(CatalogueItemViolations(both, "")), ElementsAre("position_code"));
  CatalogueItem neither = Good();
  neither.position_kind = "";
  EXPECT_THAT(Fields(CatalogueItemViolations(neither, "")), ElementsAre("position_code"));
  CatalogueItem long_code = Good();
  long_code.position_kind = "";
  long_code.position_code = std::string(64, 'p');
  EXPECT_THAT(CatalogueItemViolations(long_code, ""), IsEmpty());
  long_code.position_code = std::string(65, 'p');
  EXPECT_THAT(Fields(CatalogueItemViolations(long_code, "")), ElementsAre("position_code"));
}

TEST(CatalogueItemViolations, KindIsOneOfFive) {
  CatalogueItem i = Good();
  for (const char* kind : {"JPT", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA", "FUNGSIONAL"}) {
    i.position_kind = kind;
    EXPECT_THAT(CatalogueItemViolations(i, ""), IsEmpty()) << kind;
  }
  i.position_kind = "pelaksana";
  EXPECT_THAT(Fields(CatalogueItemViolations(i, "")), ElementsAre("position_kind"));
}

TEST(CatalogueItemViolations, NameUnitAndMinutesEdges) {
  CatalogueItem i = Good();
  i.name = std::string(200, 'n');
  i.output_unit = std::string(40, 'u');
  i.minutes_per_unit = 1440;
  EXPECT_THAT(CatalogueItemViolations(i, ""), IsEmpty());
  i.minutes_per_unit = 1;
  EXPECT_THAT(CatalogueItemViolations(i, ""), IsEmpty());
  i.name = std::string(201, 'n');
  i.output_unit = std::string(41, 'u');
  i.minutes_per_unit = 1441;
  EXPECT_THAT(Fields(CatalogueItemViolations(i, "")),
              ElementsAre("name", "output_unit", "minutes_per_unit"));
  i = Good();
  i.name = "  ";
  i.output_unit = "";
  i.minutes_per_unit = 0;
  const auto v = CatalogueItemViolations(i, "");
  EXPECT_THAT(Fields(v), ElementsAre("name", "output_unit", "minutes_per_unit"));
  EXPECT_EQ(v[0].description, "required");
  EXPECT_EQ(v[2].description, "1 to 1440");
  i = Good();
  i.name = "two\nlines";
  EXPECT_THAT(Fields(CatalogueItemViolations(i, "")), ElementsAre("name"));
}

constexpr char kHeader[] =
    "kode,kode_jabatan,jenis_jabatan,uraian_kegiatan,satuan,menit_per_satuan\n";

TEST(ParseCatalogueCsv, ReadsItemsInAnyColumnOrderAndKindCase) {
  const CatalogueImport got = ParseCatalogueCsv(
      "\xEF\xBB\xBF"
      "Satuan,Kode,menit_per_satuan,kode_jabatan,jenis_jabatan,uraian_kegiatan\r\n"
      "surat,SRT-01,10,,pelaksana,\"Mengagendakan surat masuk, keluar\"\r\n"
      "\r\n"
      "dokumen,DOK.02, 45 ,dinkes.kasubag,,Menyusun laporan\r\n");
  EXPECT_THAT(got.problems, IsEmpty());
  ASSERT_EQ(got.items.size(), 2u);
  EXPECT_EQ(got.items[0].code, "SRT-01");
  EXPECT_EQ(got.items[0].position_kind, "PELAKSANA");
  EXPECT_EQ(got.items[0].position_code, "");
  EXPECT_EQ(got.items[0].name, "Mengagendakan surat masuk, keluar");
  EXPECT_EQ(got.items[0].output_unit, "surat");
  EXPECT_EQ(got.items[0].minutes_per_unit, 10);
  EXPECT_EQ(got.items[1].code, "DOK.02");
  EXPECT_EQ(got.items[1].position_code, "dinkes.kasubag");
  EXPECT_EQ(got.items[1].minutes_per_unit, 45);
  // The blank line 3 counts: the second item is on line 4.
  EXPECT_THAT(got.lines, ElementsAre(2, 4));
}

TEST(ParseCatalogueCsv, ReportsEveryProblemByLineAndColumn) {
  const CatalogueImport got = ParseCatalogueCsv(std::string(kHeader) +
                                                "SRT-01,,PELAKSANA,Surat,surat,10\n"
                                                "SRT-01,,PELAKSANA,Surat lagi,surat,10\n"
                                                "bad code,,PELAKSANA,X,surat,1441\n"
                                                "X1,P1,JPT,X,surat,sepuluh\n"
                                                "X2,,LURAH,,surat,5\n"
                                                "X3,,JPT,X\n");
  EXPECT_EQ(got.items.size(), 1u);
  EXPECT_THAT(got.lines, ElementsAre(2));
  EXPECT_THAT(Fields(got.problems),
              ElementsAre("rows[3].kode", "rows[4].kode", "rows[4].menit_per_satuan",
                          "rows[5].menit_per_satuan", "rows[5].kode_jabatan",
                          "rows[6].jenis_jabatan", "rows[6].uraian_kegiatan", "rows[7]"));
  EXPECT_EQ(got.problems[0].description, "line 3: kode already used on line 2");
  EXPECT_EQ(got.problems[2].description, "line 4: menit_per_satuan 1 to 1440");
  EXPECT_EQ(got.problems[3].description, "line 5: menit_per_satuan is not a whole number");
  EXPECT_EQ(got.problems[6].description, "line 6: uraian_kegiatan required");
}

TEST(ParseCatalogueCsv, HeaderProblemsAndEmptyFiles) {
  EXPECT_THAT(Fields(ParseCatalogueCsv("").problems), ElementsAre("csv"));
  const CatalogueImport header_only = ParseCatalogueCsv(kHeader);
  EXPECT_THAT(Fields(header_only.problems), ElementsAre("csv"));
  EXPECT_EQ(header_only.problems[0].description, "the file has a header but no catalogue rows");
  const CatalogueImport missing =
      ParseCatalogueCsv("kode,kode_jabatan,jenis_jabatan,uraian_kegiatan,satuan\nA,,JPT,X,s\n");
  EXPECT_THAT(Fields(missing.problems), ElementsAre("header"));
  EXPECT_THAT(missing.items, IsEmpty());
}

}  // namespace
}  // namespace ekinerja::activity
