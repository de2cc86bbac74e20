// The norma waktu catalogue (DOMAIN §5): ADMIN_INSTANSI writes, items or a CSV file (all rows or
// none), effective-dated by code; every employee reads; an entry naming an item earns its norm.

#include "absl/strings/str_cat.h"
#include "integration/activity/activity_fixture.h"

namespace ekinerja::activity::it {
namespace {

using ::testing::ElementsAre;

const absl::CivilDay kJan1(2026, 1, 1);
constexpr char kHeader[] =
    "kode,kode_jabatan,jenis_jabatan,uraian_kegiatan,satuan,menit_per_satuan\n";

class CatalogueTest : public ActivityTest {
 protected:
  // An item for a position kind (upper case) or a position code (with a dot).
  static av1::CatalogueItem Item(const std::string& code, const std::string& kind_or_position,
                                 int minutes, absl::CivilDay from = kJan1) {
    av1::CatalogueItem item;
    item.set_code(code);
    if (kind_or_position.find('.') == std::string::npos) {
      item.set_position_kind(kind_or_position);
    } else {
      item.set_position_code(kind_or_position);
    }
    item.set_name(absl::StrCat("Kegiatan ", code));
    item.set_output_unit("surat");
    item.set_minutes_per_unit(minutes);
    *item.mutable_effective_from() = Date(from);
    return item;
  }
  grpc::Status Add(const av1::CatalogueItem& item, const std::string& request_id = "",
                   av1::CatalogueItem* out = nullptr) {
    av1::CreateCatalogueItemRequest req;
    *req.mutable_item() = item;
    req.set_request_id(request_id);
    av1::CatalogueItem ignored;
    return activity().CreateCatalogueItem(Ctx(seeded_.admin_token).get(), req,
                                          out ? out : &ignored);
  }
  // The codes and norms listed on `day` ("CODE:minutes"), as staf_s1_a reads them.
  std::vector<std::string> Listed(absl::CivilDay day, const std::string& position_code = "",
                                  const std::string& position_kind = "") {
    av1::ListCatalogueItemsRequest req;
    *req.mutable_date() = Date(day);
    req.set_position_code(position_code);
    req.set_position_kind(position_kind);
    av1::ListCatalogueItemsResponse resp;
    EXPECT_TRUE(Ok(activity().ListCatalogueItems(Ctx(Token(seeded_.staf_s1_a)).get(), req, &resp)));
    std::vector<std::string> out;
    for (const av1::CatalogueItem& i : resp.items()) {
      out.push_back(absl::StrCat(i.code(), ":", i.minutes_per_unit()));
    }
    return out;
  }
  av1::ImportCatalogueResponse Import(const std::string& csv, absl::CivilDay from, bool dry_run) {
    av1::ImportCatalogueRequest req;
    req.set_csv(csv);
    *req.mutable_effective_from() = Date(from);
    req.set_dry_run(dry_run);
    av1::ImportCatalogueResponse resp;
    EXPECT_TRUE(Ok(activity().ImportCatalogue(Ctx(seeded_.admin_token).get(), req, &resp)));
    return resp;
  }
  int64_t Items() { return Count("SELECT count(*) FROM catalogue_items"); }
};

TEST_F(CatalogueTest, ItemsInForceOnADateByCodeFilteredLiterally) {
  ASSERT_TRUE(Ok(Add(Item("SRT-01", "PELAKSANA", 30))));
  ASSERT_TRUE(Ok(Add(Item("RPT-01", "DINKES.P2P.KABID", 120))));
  ASSERT_TRUE(Ok(Add(Item("SRT-01", "PELAKSANA", 20, absl::CivilDay(2026, 2, 1)))));
  EXPECT_THAT(Listed(kJan1 - 1), ElementsAre());
  EXPECT_THAT(Listed(kJan1), ElementsAre("RPT-01:120", "SRT-01:30"));
  EXPECT_THAT(Listed(absl::CivilDay(2026, 1, 31)), ElementsAre("RPT-01:120", "SRT-01:30"));
  EXPECT_THAT(Listed(absl::CivilDay(2026, 2, 1)), ElementsAre("RPT-01:120", "SRT-01:20"));
  EXPECT_THAT(Listed(kToday, "", "PELAKSANA"), ElementsAre("SRT-01:20"));
  EXPECT_THAT(Listed(kToday, "DINKES.P2P.KABID"), ElementsAre("RPT-01:120"));
  // Literal: the items for the kind of a position are not listed under its code.
  EXPECT_THAT(Listed(kToday, "DINKES.P2P.S1.STAF"), ElementsAre());
  // Without a date: today in the tenant's zone.
  av1::ListCatalogueItemsResponse today;
  ASSERT_TRUE(Ok(activity().ListCatalogueItems(Ctx(Token(seeded_.staf_s1_b)).get(), {}, &today)));
  ASSERT_EQ(today.items_size(), 2);
  EXPECT_EQ(today.items(1).minutes_per_unit(), 20);
  EXPECT_EQ(today.items(1).effective_from().month(), 2);
  EXPECT_EQ(today.items(1).output_unit(), "surat");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'CreateCatalogueItem'"), 3);
}

TEST_F(CatalogueTest, OnlyTheTenantAdminWritesAndBadInputNamesEachField) {
  av1::CreateCatalogueItemRequest req;
  *req.mutable_item() = Item("SRT-01", "PELAKSANA", 30);
  av1::CatalogueItem out;
  EXPECT_TRUE(HasCode(activity().CreateCatalogueItem(Ctx(Token(seeded_.kadis)).get(), req, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  av1::CatalogueItem bad = Item("bad code", "PELAKSANA", 1441);
  bad.set_name("");
  bad.clear_effective_from();
  grpc::Status st = Add(bad, std::string(129, 'k'));
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("item.code", "item.name", "item.minutes_per_unit",
                                              "item.effective_from", "request_id"));
  EXPECT_THAT(ViolatedFields(Add(Item("SRT-01", "LURAH", 30))), ElementsAre("item.position_kind"));
  EXPECT_EQ(Items(), 0);

  av1::ListCatalogueItemsRequest list;
  list.set_position_code("DINKES.P2P.STAF");
  list.set_position_kind("PELAKSANA");
  av1::ListCatalogueItemsResponse listed;
  st = activity().ListCatalogueItems(Ctx(Token(seeded_.staf_s1_a)).get(), list, &listed);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("position_kind"));
  list.clear_position_code();
  list.set_position_kind("LURAH");
  st = activity().ListCatalogueItems(Ctx(Token(seeded_.staf_s1_a)).get(), list, &listed);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("position_kind"));
}

TEST_F(CatalogueTest, ARetryAnswersTheFirstItemAndAVersionIsCreatedOnce) {
  av1::CatalogueItem first, again;
  ASSERT_TRUE(Ok(Add(Item("SRT-01", "PELAKSANA", 30), "item-1", &first)));
  ASSERT_TRUE(Ok(Add(Item("SRT-01", "PELAKSANA", 30), "item-1", &again)));
  EXPECT_EQ(again.create_time().seconds(), first.create_time().seconds());
  EXPECT_EQ(again.create_time().nanos(), first.create_time().nanos());
  EXPECT_THAT(ViolatedFields(Add(Item("SRT-01", "PELAKSANA", 25), "item-1")),
              ElementsAre("request_id"));
  EXPECT_THAT(ViolatedFields(Add(Item("SRT-01", "PELAKSANA", 30, kToday), "item-1")),
              ElementsAre("request_id"));
  EXPECT_TRUE(HasCode(Add(Item("SRT-01", "PELAKSANA", 25)), grpc::StatusCode::ALREADY_EXISTS));
  EXPECT_EQ(Items(), 1);
}

TEST_F(CatalogueTest, ImportIsAllOrNothingWithProblemsByLine) {
  const std::string bad = std::string(kHeader) +
                          "SRT-01,,PELAKSANA,Mengagendakan surat,surat,10\n"
                          "RPT-01,,PELAKSANA,Menyusun laporan,laporan,1441\n"
                          "SRT-01,,PELAKSANA,Lagi,surat,10\n";
  const av1::ImportCatalogueResponse refused = Import(bad, kJan1, false);
  EXPECT_EQ(refused.imported(), 0);
  EXPECT_FALSE(refused.applied());
  ASSERT_EQ(refused.problems_size(), 2);
  EXPECT_EQ(refused.problems(0).line(), 3);
  EXPECT_EQ(refused.problems(0).field(), "rows[3].menit_per_satuan");
  EXPECT_EQ(refused.problems(1).line(), 4);
  EXPECT_EQ(refused.problems(1).description(), "line 4: kode already used on line 2");
  EXPECT_EQ(Items(), 0);

  const std::string good = std::string(kHeader) +
                           "SRT-01,,PELAKSANA,Mengagendakan surat,surat,10\n"
                           "RPT-01,DINKES.P2P.KABID,,Menyusun laporan,laporan,120\n";
  const av1::ImportCatalogueResponse dry = Import(good, kJan1, true);
  EXPECT_EQ(dry.imported(), 2);
  EXPECT_FALSE(dry.applied());
  EXPECT_EQ(dry.problems_size(), 0);
  EXPECT_EQ(Items(), 0);

  const av1::ImportCatalogueResponse applied = Import(good, kJan1, false);
  EXPECT_EQ(applied.imported(), 2);
  EXPECT_TRUE(applied.applied());
  EXPECT_EQ(Items(), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'ImportCatalogue'"), 1);

  // The same versions again: each row a problem, nothing written.
  const av1::ImportCatalogueResponse twice = Import(good, kJan1, false);
  EXPECT_FALSE(twice.applied());
  ASSERT_EQ(twice.problems_size(), 2);
  EXPECT_EQ(twice.problems(0).field(), "rows[2].kode");
  EXPECT_EQ(twice.problems(0).description(),
            "line 2: kode SRT-01 already has a version from 2026-01-01");
  // A later date: new versions of the codes from then.
  const std::string revised =
      std::string(kHeader) + "SRT-01,,PELAKSANA,Mengagendakan surat,surat,15\n";
  EXPECT_TRUE(Import(revised, kToday, false).applied());
  EXPECT_THAT(Listed(kToday - 1), ElementsAre("RPT-01:120", "SRT-01:10"));
  EXPECT_THAT(Listed(kToday), ElementsAre("RPT-01:120", "SRT-01:15"));
}

TEST_F(CatalogueTest, ImportRefusesTheRequestItselfWhenItCannotBeRead) {
  av1::ImportCatalogueRequest req;
  req.set_csv(std::string(kHeader) + std::string(4 << 20, 'x'));
  av1::ImportCatalogueResponse resp;
  grpc::Status st = activity().ImportCatalogue(Ctx(seeded_.admin_token).get(), req, &resp);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("csv", "effective_from"));
  req.set_csv(kHeader);
  *req.mutable_effective_from() = Date(kJan1);
  st = activity().ImportCatalogue(Ctx(seeded_.admin_token).get(), req, &resp);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("csv"));
  req.set_csv(std::string(kHeader) + "SRT-01,,PELAKSANA,Surat,surat,10\n");
  EXPECT_TRUE(HasCode(activity().ImportCatalogue(Ctx(Token(seeded_.kadis)).get(), req, &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(Items(), 0);
}

TEST_F(CatalogueTest, AnEntryNamingAnItemEarnsTheNormCappedByItsSpan) {
  const std::string nip = seeded_.staf_s1_a;  // a PELAKSANA
  CheckIn(nip);
  ApprovePlan(nip);
  ASSERT_TRUE(Ok(Add(Item("SRT-01", "PELAKSANA", 30))));
  ASSERT_TRUE(Ok(Add(Item("RPT-01", "ADMINISTRATOR", 30))));
  av1::CreateEntryRequest req = EntryReq(nip, kToday, "08:00", "09:00");
  req.mutable_entry()->set_catalogue_code("SRT-01");
  req.mutable_entry()->set_output_quantity(3);
  av1::Entry capped, one;
  ASSERT_TRUE(Ok(activity().CreateEntry(Ctx(Token(nip)).get(), req, &capped)));
  EXPECT_EQ(capped.earned_minutes(), 60);  // 30 x 3 = 90, capped by the 60-minute span
  EXPECT_EQ(capped.norm_minutes_per_unit(), 30);
  EXPECT_EQ(capped.output_unit(), "surat");  // the item's, not the "laporan" asked
  req = EntryReq(nip, kToday, "09:00", "10:00");
  req.mutable_entry()->set_catalogue_code("SRT-01");
  req.mutable_entry()->set_output_quantity(1);
  ASSERT_TRUE(Ok(activity().CreateEntry(Ctx(Token(nip)).get(), req, &one)));
  EXPECT_EQ(one.earned_minutes(), 30);
  // An item of another position kind.
  req = EntryReq(nip, kToday, "10:00", "11:00");
  req.mutable_entry()->set_catalogue_code("RPT-01");
  const grpc::Status st = activity().CreateEntry(Ctx(Token(nip)).get(), req, &one);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("entry.catalogue_code"));
  EXPECT_EQ(Count("SELECT count(*) FROM entries"), 2);
}

}  // namespace
}  // namespace ekinerja::activity::it
