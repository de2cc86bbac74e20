// What the warning service's daily sweep reads of activity (issue 13), each a whole tenant in one
// stream: StreamDayFilings (per nip and day with entries: how many, how many submitted) and
// StreamPendingApprovals (per verifier: entries SUBMITTED before an instant, the oldest). Exact
// rows on entries written into the schema (a withdrawn entry not counted, a draft counted but not
// submitted, a returned one submitted), the keyset over more than one page, the range limit, the
// rights and the tenant; and the shared client (clients/activity_months.h) and its fake
// (tests/mocks/fake_activity_months.h) held to the same answers on the same entries.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/activity_months.h"
#include "fake_activity_months.h"
#include "integration/activity/activity_fixture.h"

namespace ekinerja::activity::it {
namespace {

using ::testing::ElementsAre;

absl::CivilDay Feb(int day) { return absl::CivilDay(2026, 2, day); }

std::string Format(absl::Time t) {
  return absl::FormatTime("%Y-%m-%d %H:%M", t, absl::FixedTimeZone(7 * 3600));
}

class SweepReadsTest : public ActivityTest {
 protected:
  // An entry of `tenant` written into the schema as its lifecycle leaves it, and declared to the
  // fake the same: `status`, and for a submitted one its verifier and submission.
  void Insert(const std::string& tenant, const std::string& nip, absl::CivilDay day,
              const std::string& status, const std::string& verifier = "",
              std::optional<absl::Time> submitted = std::nullopt) {
    Exec(absl::StrCat(
        "INSERT INTO entries (tenant_id, nip, work_date, start_minute, end_minute, description, "
        "tugas_tambahan_ref, earned_minutes, status, verifier_nip, submit_time) VALUES ('",
        tenant, "', '", nip, "', '", FormatDate(day),
        "', 480, 540, 'Kegiatan', 'Nota dinas', 60, '", status, "', '", verifier, "', ",
        submitted ? absl::StrCat("to_timestamp(", absl::ToUnixMicros(*submitted), " / 1e6)")
                  : std::string("NULL"),
        ")"));
    fake_.AddEntry(tenant, {nip, day, status, verifier, submitted.value_or(absl::InfinitePast())});
  }

  // The entries every test reads: the seeded tenant's in February 2026, one before and one after
  // the range, and one of another tenant.
  void SeedEntries() {
    const SeededTenant& t = seeded_;
    // staf_s1_a: the 2nd approved, a draft and a withdrawn one; the 3rd only withdrawn; the 4th
    // returned to them.
    Insert(t.code, t.staf_s1_a, Feb(2), "APPROVED", t.staf_p2p, JakartaTime(Feb(2), 15, 0));
    Insert(t.code, t.staf_s1_a, Feb(2), "DRAFT");
    Insert(t.code, t.staf_s1_a, Feb(2), "WITHDRAWN");
    Insert(t.code, t.staf_s1_a, Feb(3), "WITHDRAWN");
    Insert(t.code, t.staf_s1_a, Feb(4), "RETURNED", t.staf_p2p, JakartaTime(Feb(4), 15, 0));
    // staf_s1_b: two waiting for staf_p2p (submitted on the 2nd and the 5th); a draft on the 9th.
    Insert(t.code, t.staf_s1_b, Feb(2), "SUBMITTED", t.staf_p2p, JakartaTime(Feb(2), 16, 0));
    Insert(t.code, t.staf_s1_b, Feb(2), "SUBMITTED", t.staf_p2p, JakartaTime(Feb(5), 16, 0));
    Insert(t.code, t.staf_s1_b, Feb(9), "DRAFT");
    // kabid_p2p: one waiting for kadis, one rejected.
    Insert(t.code, t.kabid_p2p, Feb(6), "SUBMITTED", t.kadis, JakartaTime(Feb(6), 17, 0));
    Insert(t.code, t.kabid_p2p, Feb(6), "REJECTED", t.kadis, JakartaTime(Feb(6), 11, 0));
    // kadis, the top of the tree: waiting for the tenant admin (no verifier).
    Insert(t.code, t.kadis, Feb(6), "SUBMITTED", "", JakartaTime(Feb(6), 9, 0));
    // Outside the range.
    Insert(t.code, t.staf_s1_a, Feb(1) - 1, "SUBMITTED", t.staf_p2p, JakartaTime(Feb(1), 8, 0));
    Insert(t.code, t.staf_s1_a, Feb(28) + 1, "DRAFT");
    // Another tenant's, waiting for its own staf_p2p.
    Insert(Other().code, Other().staf_s1_a, Feb(2), "SUBMITTED", Other().staf_p2p,
           JakartaTime(Feb(2), 15, 0));
  }

  grpc::Status StreamFilings(const std::string& token, const av1::StreamDayFilingsRequest& req,
                             std::vector<std::string>* out) {
    auto ctx = Ctx(token);
    auto reader = activity().StreamDayFilings(ctx.get(), req);
    av1::DayFiling f;
    while (reader->Read(&f)) {
      out->push_back(absl::StrFormat("%s %04d-%02d-%02d %d/%d", f.nip(), f.work_date().year(),
                                     f.work_date().month(), f.work_date().day(), f.entries(),
                                     f.submitted()));
    }
    return reader->Finish();
  }
  // "nip date entries/submitted" per row of [first, last] as `token`'s caller reads them.
  std::vector<std::string> Filings(const std::string& token, absl::CivilDay first = Feb(1),
                                   absl::CivilDay last = Feb(28)) {
    av1::StreamDayFilingsRequest req;
    *req.mutable_first_date() = Date(first);
    *req.mutable_last_date() = Date(last);
    std::vector<std::string> out;
    EXPECT_TRUE(Ok(StreamFilings(token, req, &out)));
    return out;
  }

  grpc::Status StreamPending(const std::string& token,
                             const av1::StreamPendingApprovalsRequest& req,
                             std::vector<std::string>* out) {
    auto ctx = Ctx(token);
    auto reader = activity().StreamPendingApprovals(ctx.get(), req);
    av1::PendingApprovals p;
    while (reader->Read(&p)) {
      out->push_back(absl::StrCat(p.verifier_nip().empty() ? "-" : p.verifier_nip(), " ",
                                  p.pending(), " ",
                                  Format(FromProtoTimestamp(p.oldest_submit_time()))));
    }
    return reader->Finish();
  }
  // "verifier pending oldest" per verifier ("-": none) as `token`'s caller reads them.
  std::vector<std::string> Pending(const std::string& token, absl::Time before) {
    av1::StreamPendingApprovalsRequest req;
    *req.mutable_submitted_before() = ToProtoTimestamp(before);
    std::vector<std::string> out;
    EXPECT_TRUE(Ok(StreamPending(token, req, &out)));
    return out;
  }

  mocks::FakeActivityMonths fake_{directory()};
};

TEST_F(SweepReadsTest, DayFilingsCountEntriesAndSubmissionsPerEmployeeAndDay) {
  SeedEntries();
  const SeededTenant& t = seeded_;
  // NIP order: kadis, kabid_p2p, ..., staf_s1_a, staf_s1_b; the withdrawn 3rd is absent.
  EXPECT_THAT(Filings(Token(integration::kTenantAdmin)),
              ElementsAre(absl::StrCat(t.kadis, " 2026-02-06 1/1"),
                          absl::StrCat(t.kabid_p2p, " 2026-02-06 2/2"),
                          absl::StrCat(t.staf_s1_a, " 2026-02-02 2/1"),
                          absl::StrCat(t.staf_s1_a, " 2026-02-04 1/1"),
                          absl::StrCat(t.staf_s1_b, " 2026-02-02 2/2"),
                          absl::StrCat(t.staf_s1_b, " 2026-02-09 1/0")));
  // One day; the range's own ends.
  EXPECT_THAT(Filings(ServiceToken(), Feb(2), Feb(2)),
              ElementsAre(absl::StrCat(t.staf_s1_a, " 2026-02-02 2/1"),
                          absl::StrCat(t.staf_s1_b, " 2026-02-02 2/2")));
  EXPECT_THAT(Filings(ServiceToken(), Feb(1) - 1, Feb(1)),
              ElementsAre(absl::StrCat(t.staf_s1_a, " 2026-01-31 1/1")));
  // The other tenant reads its own entry only.
  EXPECT_THAT(Filings(OtherAdmin()),
              ElementsAre(absl::StrCat(Other().staf_s1_a, " 2026-02-02 1/1")));
}

TEST_F(SweepReadsTest, DayFilingsStreamEveryRowOnceAcrossPages) {
  // 40 employees x 26 days = 1,040 rows: more than one page (1,000), the page boundary inside an
  // employee's days.
  Exec(absl::StrCat(
      "INSERT INTO entries (tenant_id, nip, work_date, start_minute, end_minute, description, "
      "tugas_tambahan_ref, earned_minutes, status) "
      "SELECT '",
      seeded_.code,
      "', '19900101202001' || lpad(n::text, 4, '0'), DATE '2026-02-01' + d, 480, 540, "
      "'Kegiatan', 'Nota dinas', 60, 'DRAFT' "
      "FROM generate_series(1, 40) n, generate_series(0, 25) d"));
  std::vector<std::string> want;
  for (int n = 1; n <= 40; ++n) {
    for (int d = 1; d <= 26; ++d) {
      want.push_back(absl::StrFormat("19900101202001%04d 2026-02-%02d 1/0", n, d));
    }
  }
  EXPECT_EQ(Filings(Token(integration::kAuditor)), want);
}

TEST_F(SweepReadsTest, PendingApprovalsCountWhatWaitsPerVerifierBeforeTheInstant) {
  SeedEntries();
  const SeededTenant& t = seeded_;
  // Before 17:30 on the 6th: kadis's (the tenant admin's, first), kabid_p2p's for kadis, and
  // staf_s1_b's two for staf_p2p plus the one of 31 January; approved, returned and rejected ones
  // wait for nobody.
  EXPECT_THAT(Pending(ServiceToken(), JakartaTime(Feb(6), 17, 30)),
              ElementsAre("- 1 2026-02-06 09:00", absl::StrCat(t.kadis, " 1 2026-02-06 17:00"),
                          absl::StrCat(t.staf_p2p, " 3 2026-02-01 08:00")));
  // Strictly before: the submission at 17:00 itself is not counted.
  EXPECT_THAT(Pending(ServiceToken(), JakartaTime(Feb(6), 17, 0)),
              ElementsAre("- 1 2026-02-06 09:00", absl::StrCat(t.staf_p2p, " 3 2026-02-01 08:00")));
  EXPECT_THAT(Pending(Token(integration::kAuditor), JakartaTime(Feb(2), 12, 0)),
              ElementsAre(absl::StrCat(t.staf_p2p, " 1 2026-02-01 08:00")));
  EXPECT_THAT(Pending(OtherAdmin(), JakartaTime(Feb(28), 0, 0)),
              ElementsAre(absl::StrCat(Other().staf_p2p, " 1 2026-02-02 15:00")));
}

TEST_F(SweepReadsTest, BadInputIsOneViolationPerBadField) {
  const std::string admin = Token(integration::kTenantAdmin);
  // 31 days in all is the most.
  EXPECT_TRUE(Filings(admin, Feb(1), Feb(1) + 30).empty());
  struct Case {
    const char* what;
    av1::StreamDayFilingsRequest req;
    std::vector<std::string> fields;
  };
  std::vector<Case> cases;
  auto with = [&](const char* what, std::vector<std::string> fields, auto change) {
    av1::StreamDayFilingsRequest req;
    *req.mutable_first_date() = Date(Feb(1));
    *req.mutable_last_date() = Date(Feb(28));
    change(req);
    cases.push_back({what, req, std::move(fields)});
  };
  with("32 days", {"last_date"}, [](auto& r) { *r.mutable_last_date() = Date(Feb(1) + 31); });
  with("last before first", {"last_date"},
       [](auto& r) { *r.mutable_last_date() = Date(Feb(1) - 1); });
  with("no first_date", {"first_date"}, [](auto& r) { r.clear_first_date(); });
  with("February 30, and no last_date", {"first_date", "last_date"}, [](auto& r) {
    r.mutable_first_date()->set_day(30);
    r.clear_last_date();
  });
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    std::vector<std::string> got;
    const grpc::Status st = StreamFilings(admin, c.req, &got);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
    EXPECT_EQ(ViolatedFields(st), c.fields);
    EXPECT_TRUE(got.empty());
  }
  std::vector<std::string> got;
  const grpc::Status st = StreamPending(admin, av1::StreamPendingApprovalsRequest(), &got);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(st), std::vector<std::string>{"submitted_before"});
}

TEST_F(SweepReadsTest, OnlyTenantWideRolesAndServiceReadTheWholeTenant) {
  SeedEntries();
  EXPECT_EQ(Filings(Token(integration::kAuditor)).size(), 6u);
  EXPECT_EQ(Pending(Token(integration::kAuditor), JakartaTime(Feb(28), 0, 0)).size(), 3u);
  for (const std::string& who : {seeded_.staf_s1_a, seeded_.staf_p2p, seeded_.kadis,
                                 std::string(integration::kOpdAdmin), std::string()}) {
    SCOPED_TRACE(who.empty() ? "no token" : who);
    const std::string token = who.empty() ? "" : Token(who);
    const grpc::StatusCode want =
        who.empty() ? grpc::StatusCode::UNAUTHENTICATED : grpc::StatusCode::PERMISSION_DENIED;
    av1::StreamDayFilingsRequest filings;
    *filings.mutable_first_date() = Date(Feb(1));
    *filings.mutable_last_date() = Date(Feb(28));
    std::vector<std::string> got;
    EXPECT_TRUE(HasCode(StreamFilings(token, filings, &got), want));
    av1::StreamPendingApprovalsRequest pending;
    *pending.mutable_submitted_before() = ToProtoTimestamp(JakartaTime(Feb(28), 0, 0));
    EXPECT_TRUE(HasCode(StreamPending(token, pending, &got), want));
    EXPECT_TRUE(got.empty());
  }
}

// The shared client against this service and the fake on the same entries: the same answers for
// every kind of caller, range and instant.
TEST_F(SweepReadsTest, TheClientAndTheFakeAnswerTheSame) {
  SeedEntries();
  const std::unique_ptr<clients::ActivityMonths> client =
      clients::MakeActivityMonthsClient(channel(), absl::Seconds(5), absl::Seconds(30));
  auto filings = [](clients::ActivityMonths& a, const std::string& token, absl::CivilDay first,
                    absl::CivilDay last) {
    std::vector<std::string> out;
    const absl::Status st =
        a.StreamDayFilings(token, first, last, [&](const clients::DayFiling& f) {
          out.push_back(absl::StrCat(f.nip, " ", absl::FormatCivilTime(f.work_date), " ", f.entries,
                                     "/", f.submitted));
        });
    if (!st.ok()) out.push_back(absl::StatusCodeToString(st.code()));
    return out;
  };
  auto pending = [](clients::ActivityMonths& a, const std::string& token, absl::Time before) {
    std::vector<std::string> out;
    const absl::Status st =
        a.StreamPendingApprovals(token, before, [&](const clients::PendingApprovals& p) {
          out.push_back(
              absl::StrCat(p.verifier_nip, " ", p.pending, " ", Format(p.oldest_submit_time)));
        });
    if (!st.ok()) out.push_back(absl::StatusCodeToString(st.code()));
    return out;
  };
  const std::vector<std::pair<std::string, std::string>> callers = {
      {"admin", Token(integration::kTenantAdmin)},
      {"auditor", Token(integration::kAuditor)},
      {"SERVICE", ServiceToken()},
      {"ADMIN_OPD", Token(integration::kOpdAdmin)},
      {"supervisor", Token(seeded_.staf_p2p)},
      {"employee", Token(seeded_.staf_s1_a)},
      {"other tenant's admin", OtherAdmin()},
      {"stranger", "not-a-token"}};
  for (const auto& [who, token] : callers) {
    SCOPED_TRACE(who);
    for (const auto& [first, last] :
         std::vector<std::pair<absl::CivilDay, absl::CivilDay>>{{Feb(1), Feb(28)},
                                                                {Feb(2), Feb(2)},
                                                                {Feb(1) - 1, Feb(1) + 29},
                                                                {Feb(1), Feb(1) + 31},
                                                                {Feb(2), Feb(1)}}) {
      SCOPED_TRACE(absl::StrCat(absl::FormatCivilTime(first), "..", absl::FormatCivilTime(last)));
      EXPECT_EQ(filings(*client, token, first, last), filings(fake_, token, first, last));
    }
    for (const absl::Time before : {JakartaTime(Feb(6), 17, 0), JakartaTime(Feb(6), 17, 30),
                                    JakartaTime(Feb(1), 8, 0), JakartaTime(Feb(28), 0, 0)}) {
      SCOPED_TRACE(Format(before));
      EXPECT_EQ(pending(*client, token, before), pending(fake_, token, before));
    }
  }
  // And what they agree on is the exact answer.
  EXPECT_EQ(filings(*client, ServiceToken(), Feb(4), Feb(9)),
            (std::vector<std::string>{absl::StrCat(seeded_.kadis, " 2026-02-06 1/1"),
                                      absl::StrCat(seeded_.kabid_p2p, " 2026-02-06 2/2"),
                                      absl::StrCat(seeded_.staf_s1_a, " 2026-02-04 1/1"),
                                      absl::StrCat(seeded_.staf_s1_b, " 2026-02-09 1/0")}));
}

}  // namespace
}  // namespace ekinerja::activity::it
