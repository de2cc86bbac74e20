// StreamSupervisors: every active employee in post on a day with their unit, its OPD and their
// atasan langsung (what the warning service's daily sweep reads, issue 13), on the seeded Dinas
// Kesehatan: staff under the head of their unit and under a Plt, heads of units under the head of
// the unit above, the top of the tree without one; a Plt of the Kepala Dinas; the subtree filter;
// the keyset over more than one batch; the rights, the tenant and the bad input.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

using ::testing::ElementsAre;

const absl::CivilDay kDay(2025, 3, 12);

class SupervisorsStreamTest : public IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (HasFatalFailure()) return;
    t_ = SeedTenant("kota-a");
  }

  grpc::Status Stream(const std::string& token, const v1::StreamSupervisorsRequest& req,
                      std::vector<std::string>* out) {
    auto ctx = Ctx(token);
    auto reader = stub().StreamSupervisors(ctx.get(), req);
    v1::EmployeeSupervisor e;
    while (reader->Read(&e)) {
      out->push_back(absl::StrCat(e.nip(), " ", e.name(), " ", e.org_unit_code(), " ", e.opd_code(),
                                  " -> ", e.atasan_nip().empty() ? "-" : e.atasan_nip(), " ",
                                  e.atasan_name()));
    }
    return reader->Finish();
  }
  // One line per employee: "nip name unit opd -> atasan_nip atasan_name" ("-" for none).
  std::vector<std::string> Lines(const std::string& token, absl::CivilDay day = kDay,
                                 const std::string& unit = "") {
    v1::StreamSupervisorsRequest req;
    *req.mutable_date() = Date(day);
    req.set_org_unit_code(unit);
    std::vector<std::string> out;
    EXPECT_TRUE(Ok(Stream(token, req, &out))) << unit;
    return out;
  }

  std::string Line(const std::string& nip, const std::string& name, const std::string& unit,
                   const std::string& atasan = "", const std::string& atasan_name = "") {
    return absl::StrCat(nip, " ", name, " ", unit, " DINKES -> ", atasan.empty() ? "-" : atasan,
                        " ", atasan_name);
  }

  void Import(const std::string& rows) {
    v1::ImportEmployeesRequest req;
    req.set_csv(
        absl::StrCat("nip,name,golongan,position_code,org_unit_code,status,start_date\n", rows));
    v1::ImportEmployeesResponse resp;
    ASSERT_TRUE(Ok(stub().ImportEmployees(Ctx(t_.admin_token).get(), req, &resp)));
    ASSERT_TRUE(resp.applied()) << resp.DebugString();
  }

  std::string ServiceToken(const std::string& tenant) {
    v1::ExchangeTokenResponse out;
    EXPECT_TRUE(Ok(Exchange(PlatformServiceToken(), tenant, &out)));
    return out.access_token();
  }

  SeededTenant t_;
};

TEST_F(SupervisorsStreamTest, EveryoneInPostWithTheirAtasanByNip) {
  ASSERT_FALSE(HasFatalFailure());
  const std::string kadis = absl::StrCat(t_.kadis, " dr. Ahmad Santoso");
  const std::string kabid_p2p = absl::StrCat(t_.kabid_p2p, " Sri Wahyuni");
  // S1's Kasi is vacant: its Plt (staf_p2p, whose own unit is P2P) is S1's staff's atasan. The
  // heads of P2P and Yankes have the head of the Dinas above; the Kepala Dinas nobody.
  EXPECT_THAT(
      Lines(ServiceToken("kota-a")),
      ElementsAre(
          Line(t_.kadis, "dr. Ahmad Santoso", "DINKES"),
          Line(t_.kabid_p2p, "Sri Wahyuni", "DINKES.P2P", t_.kadis, "dr. Ahmad Santoso"),
          Line(t_.staf_p2p, "Budi Hartono", "DINKES.P2P", t_.kabid_p2p, "Sri Wahyuni"),
          Line(t_.staf_s1_a, "Dewi Lestari", "DINKES.P2P.S1", t_.staf_p2p, "Budi Hartono"),
          Line(t_.staf_s1_b, "Eko Prasetyo", "DINKES.P2P.S1", t_.staf_p2p, "Budi Hartono"),
          Line(t_.kabid_yankes, "Fitri Handayani", "DINKES.YANKES", t_.kadis, "dr. Ahmad Santoso"),
          Line(t_.staf_yankes, "Gilang Ramadhan", "DINKES.YANKES", t_.kabid_yankes,
               "Fitri Handayani"),
          Line(t_.staf_sekretariat, "Hana Pertiwi", "DINKES", t_.kadis, "dr. Ahmad Santoso")));
  // Before the Plt, S1's staff have the head of the unit above.
  const std::vector<std::string> before = Lines(t_.admin_token, kPltStart - 1);
  ASSERT_EQ(before.size(), 8u);
  EXPECT_EQ(before[3],
            Line(t_.staf_s1_a, "Dewi Lestari", "DINKES.P2P.S1", t_.kabid_p2p, "Sri Wahyuni"));
  // Before anyone was placed: nobody in post.
  EXPECT_TRUE(Lines(t_.admin_token, kAssignedFrom - 1).empty());
  // A unit and its subtree.
  EXPECT_THAT(
      Lines(t_.admin_token, kDay, "DINKES.P2P.S1"),
      ElementsAre(
          Line(t_.staf_s1_a, "Dewi Lestari", "DINKES.P2P.S1", t_.staf_p2p, "Budi Hartono"),
          Line(t_.staf_s1_b, "Eko Prasetyo", "DINKES.P2P.S1", t_.staf_p2p, "Budi Hartono")));
  std::vector<std::string> p2p;
  for (const std::string& line : Lines(t_.admin_token, kDay, "DINKES.P2P")) {
    p2p.push_back(line.substr(0, 18));
  }
  EXPECT_EQ(p2p, (std::vector<std::string>{t_.kabid_p2p, t_.staf_p2p, t_.staf_s1_a, t_.staf_s1_b}));
}

TEST_F(SupervisorsStreamTest, APltKepalaDinasIsTheAtasanOfTheHeadsBelowAndHasNone) {
  ASSERT_FALSE(HasFatalFailure());
  const absl::CivilDay from(2025, 7, 1);
  // The Kepala Dinas moves to the Dinas' staff; kabid_yankes acts as Plt Kepala Dinas.
  Import(absl::StrCat(t_.kadis, ",dr. Ahmad Santoso,IV/c,DINKES.STAF,DINKES,aktif,2025-07-01\n"));
  ASSERT_FALSE(HasFatalFailure());
  v1::CreateAssignmentRequest plt;
  plt.mutable_assignment()->set_nip(t_.kabid_yankes);
  plt.mutable_assignment()->set_position_code("DINKES.KADIS");
  plt.mutable_assignment()->set_kind(v1::ASSIGNMENT_KIND_PLT);
  *plt.mutable_assignment()->mutable_start_date() = Date(from);
  v1::Assignment out;
  ASSERT_TRUE(Ok(stub().CreateAssignment(Ctx(t_.admin_token).get(), plt, &out)));
  const std::vector<std::string> lines = Lines(t_.admin_token, from);
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_EQ(lines[0],
            Line(t_.kadis, "dr. Ahmad Santoso", "DINKES", t_.kabid_yankes, "Fitri Handayani"));
  EXPECT_EQ(lines[1],
            Line(t_.kabid_p2p, "Sri Wahyuni", "DINKES.P2P", t_.kabid_yankes, "Fitri Handayani"));
  // The Plt heads Yankes and acts for the Dinas above it: nobody above them.
  EXPECT_EQ(lines[5], Line(t_.kabid_yankes, "Fitri Handayani", "DINKES.YANKES"));
  EXPECT_EQ(Lines(t_.admin_token, from - 1)[1],
            Line(t_.kabid_p2p, "Sri Wahyuni", "DINKES.P2P", t_.kadis, "dr. Ahmad Santoso"));
}

TEST_F(SupervisorsStreamTest, AnEmployeeNotAktifIsLeftOut) {
  ASSERT_FALSE(HasFatalFailure());
  Import(absl::StrCat(t_.staf_yankes,
                      ",Gilang Ramadhan,III/b,DINKES.YANKES.STAF,DINKES.YANKES,cltn,\n"));
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_THAT(Lines(t_.admin_token, kDay, "DINKES.YANKES"),
              ElementsAre(Line(t_.kabid_yankes, "Fitri Handayani", "DINKES.YANKES", t_.kadis,
                               "dr. Ahmad Santoso")));
}

TEST_F(SupervisorsStreamTest, StreamsEveryEmployeeOnceAcrossBatches) {
  ASSERT_FALSE(HasFatalFailure());
  // 1,001 more staff of the Dinas: more than one batch (1,000 employees).
  std::string rows;
  std::vector<std::string> want = t_.all_nips;
  for (int i = 1; i <= 1001; ++i) {
    const std::string nip =
        MakeNip(absl::StrFormat("199501%02d", 1 + i / 500), "202001", 1, i % 500 + 1);
    rows += absl::StrCat(nip, ",Staf ", i, ",II/a,DINKES.STAF,DINKES,aktif,2025-01-02\n");
    want.push_back(nip);
  }
  Import(rows);
  ASSERT_FALSE(HasFatalFailure());
  std::sort(want.begin(), want.end());
  const std::vector<std::string> lines = Lines(t_.admin_token);
  std::vector<std::string> got;
  for (const std::string& line : lines) got.push_back(line.substr(0, 18));
  EXPECT_EQ(got, want);
  // The new staff's atasan is the Kepala Dinas, named in every batch.
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                          [&](const std::string& l) {
                            return absl::EndsWith(
                                l, absl::StrCat(" DINKES -> ", t_.kadis, " dr. Ahmad Santoso"));
                          }),
            1001 + 3);
}

TEST_F(SupervisorsStreamTest, RightsFollowTheCallersReachWithinTheirTenant) {
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_EQ(Lines(Token(t_, kAuditor)).size(), 8u);
  // An ADMIN_OPD reads their own subtree, not the tenant.
  EXPECT_EQ(Lines(Token(t_, kOpdAdmin), kDay, "DINKES.P2P").size(), 4u);
  struct Case {
    const char* who;
    std::string token, unit;
    grpc::StatusCode code;
  };
  for (const Case& c :
       {Case{"an employee", Token(t_, t_.staf_s1_a), "", grpc::StatusCode::PERMISSION_DENIED},
        Case{"an employee, their own unit", Token(t_, t_.staf_s1_a), "DINKES.P2P.S1",
             grpc::StatusCode::PERMISSION_DENIED},
        Case{"a supervisor", Token(t_, t_.kabid_p2p), "", grpc::StatusCode::PERMISSION_DENIED},
        Case{"ADMIN_OPD, the whole tenant", Token(t_, kOpdAdmin), "",
             grpc::StatusCode::PERMISSION_DENIED},
        Case{"ADMIN_OPD, another unit", Token(t_, kOpdAdmin), "DINKES.YANKES",
             grpc::StatusCode::PERMISSION_DENIED},
        Case{"no token", "", "", grpc::StatusCode::UNAUTHENTICATED}}) {
    SCOPED_TRACE(c.who);
    v1::StreamSupervisorsRequest req;
    *req.mutable_date() = Date(kDay);
    req.set_org_unit_code(c.unit);
    std::vector<std::string> got;
    EXPECT_TRUE(HasCode(Stream(c.token, req, &got), c.code));
    EXPECT_TRUE(got.empty());
  }
  // Another tenant's admin and SERVICE token read their own tenant: nobody of kota-a.
  const SeededTenant b = SeedTenant("kota-b");
  ASSERT_FALSE(HasFatalFailure());
  for (const std::string& token : {b.admin_token, ServiceToken("kota-b")}) {
    std::vector<std::string> got;
    for (const std::string& line : Lines(token)) got.push_back(line.substr(0, 18));
    EXPECT_EQ(got, b.all_nips);
  }
}

TEST_F(SupervisorsStreamTest, BadInputIsOneViolationPerBadField) {
  ASSERT_FALSE(HasFatalFailure());
  struct Case {
    const char* what;
    v1::StreamSupervisorsRequest req;
    std::vector<std::string> fields;
  };
  std::vector<Case> cases;
  auto with = [&](const char* what, std::vector<std::string> fields, auto change) {
    v1::StreamSupervisorsRequest req;
    *req.mutable_date() = Date(kDay);
    change(req);
    cases.push_back({what, req, std::move(fields)});
  };
  with("no date", {"date"}, [](auto& r) { r.clear_date(); });
  with("February 30", {"date"}, [](auto& r) {
    r.mutable_date()->set_month(2);
    r.mutable_date()->set_day(30);
  });
  with("a year only", {"date"}, [](auto& r) {
    r.mutable_date()->set_month(0);
    r.mutable_date()->set_day(0);
  });
  with("an unknown unit", {"org_unit_code"}, [](auto& r) { r.set_org_unit_code("NO.SUCH"); });
  with("a unit code too long, and no date", {"org_unit_code", "date"}, [](auto& r) {
    r.set_org_unit_code(std::string(129, 'X'));
    r.clear_date();
  });
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    std::vector<std::string> got;
    const grpc::Status st = Stream(t_.admin_token, c.req, &got);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
    EXPECT_EQ(ViolatedFields(st), c.fields);
    EXPECT_TRUE(got.empty());
  }
}

}  // namespace
}  // namespace ekinerja::identity::it
