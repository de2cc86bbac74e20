#include "integration/scoring/scoring_fixture.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/message_differencer.h"
#include "grpcpp/grpcpp.h"
#include "integration/common/test_host.h"
#include "nip.h"
#include "role.h"

namespace ekinerja::scoring::it {

absl::Time JakartaTime(absl::CivilDay day, int hour, int minute) {
  absl::TimeZone zone;
  absl::LoadTimeZone("Asia/Jakarta", &zone);
  return absl::FromCivil(absl::CivilMinute(day.year(), day.month(), day.day(), hour, minute), zone);
}

sv1::RunTotals AprilTotals() {
  // Per employee (national defaults: D = 40% of C, P = C - D; PPh 21 I/II 0%, III 5%, IV 15%;
  // BPJS 1% employee, 4% employer):
  //   kabid_p2p: C 6,750,000, D 2,700,000 paid whole, P 4,050,000 earned whole; gross 6,750,000;
  //     PPh 1,012,500, BPJS 67,500 / 270,000; net 5,670,000.
  //   staf_p2p: C 3,250,000, D 1,300,000, P 1,950,000 x 1/2 = 975,000; gross 2,275,000;
  //     PPh 113,750, BPJS 22,750 / 91,000; net 2,138,500.
  //   staf_s1_a: instrument_test.cc's hand computation; gross 1,883,280 after the hukuman of
  //     470,820; PPh 94,164, BPJS 18,833 / 75,331; net 1,770,283.
  //   staf_s1_b: C 2,850,000, D 1,140,000, P 1,710,000 x 9/10 = 1,539,000; gross 2,679,000;
  //     PPh 0, BPJS 26,790 / 107,160; net 2,652,210.
  sv1::RunTotals t;
  t.set_employees(4);
  t.set_ceiling_idr(6750000 + 3250000 + 2850000 + 2850000);            // 15,700,000
  t.set_disiplin_paid_idr(2700000 + 1300000 + 1054500 + 1140000);      // 6,194,500
  t.set_produktivitas_paid_idr(4050000 + 975000 + 1299600 + 1539000);  // 7,863,600
  t.set_hukuman_idr(470820);
  t.set_gross_idr(6750000 + 2275000 + 1883280 + 2679000);    // 13,587,280
  t.set_pph21_idr(1012500 + 113750 + 94164 + 0);             // 1,220,414
  t.set_bpjs_employee_idr(67500 + 22750 + 18833 + 26790);    // 135,873
  t.set_bpjs_employer_idr(270000 + 91000 + 75331 + 107160);  // 543,491
  t.set_net_idr(5670000 + 2138500 + 1770283 + 2652210);      // 12,230,993
  return t;
}

bool SameMessage(const google::protobuf::Message& a, const google::protobuf::Message& b) {
  return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

void ScoringTest::SetUp() {
  seeded_ = integration::DeclareSeedTenant(*directory_, "dinkes", 0);
  SetNow(JakartaTime(kToday, 10, 0));
  auto schema = integration::TestSchema::Create();
  ASSERT_TRUE(schema.ok()) << schema.status();
  schema_ = std::move(*schema);
  auto host =
      ServiceHost::Create(integration::TestServerOptions("scoring", *schema_), ScoringSql());
  ASSERT_TRUE(host.ok()) << host.status();
  host_ = std::move(*host);
  ScoringOptions options;
  options.service.now = [now = now_] { return absl::FromUnixMicros(now->load()); };
  ScoringClients clients;
  clients.directory = directory_;
  clients.attendance = attendance_;
  clients.activity = activity_;
  clients.skp = skp_;
  clients.public_keys = tokens_.PublicKeys();
  auto built = BuildScoring(*host_, options, std::move(clients));
  ASSERT_TRUE(built.ok()) << built.status();
  built_ = *std::move(built);
  const absl::Status st =
      host_->Start(built_.setup.services, built_.setup.verifier, built_.setup.public_methods);
  ASSERT_TRUE(st.ok()) << st;
  stub_ = sv1::ScoringService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", host_->grpc_port()), grpc::InsecureChannelCredentials()));
}

void ScoringTest::TearDown() {
  stub_.reset();
  if (host_) host_->Shutdown();
  built_ = Scoring();
  host_.reset();
  schema_.reset();
}

std::string ScoringTest::Token(const std::string& username) {
  if (username == kVerifier) {
    return directory_->Login({seeded_.code, kVerifier, "", {Role::kVerifikatorTpp}, ""});
  }
  if (IsValidNip(username)) return directory_->Login({seeded_.code, username, username, {}, ""});
  return integration::SeededLogin(*directory_, seeded_, username);
}

const SeededTenant& ScoringTest::Other() {
  if (other_.code.empty()) other_ = integration::DeclareSeedTenant(*directory_, "lain", 1);
  return other_;
}

std::string ScoringTest::OtherAdmin() { return Other().admin_token; }

std::string ScoringTest::OtherSupervisor() {
  return directory_->Login({"lain", Other().kabid_p2p, Other().kabid_p2p, {}, ""});
}

std::shared_ptr<grpc::Channel> ScoringTest::Channel() const {
  return grpc::CreateChannel(absl::StrCat("127.0.0.1:", host_->grpc_port()),
                             grpc::InsecureChannelCredentials());
}

std::string ScoringTest::ServiceToken() {
  auto token = directory_->ServiceToken(seeded_.code);
  EXPECT_TRUE(token.ok()) << token.status();
  return token.value_or("");
}

void ScoringTest::PresentMonth(const std::string& nip, absl::CivilMonth month) {
  for (absl::CivilDay d(month); absl::CivilMonth(d) == month; ++d) {
    const absl::Weekday wd = absl::GetWeekday(d);
    if (wd != absl::Weekday::saturday && wd != absl::Weekday::sunday) {
      attendance_->SetPresent(nip, d, "07:30", "16:00");
    }
  }
}

void ScoringTest::SetDay(const std::string& nip, absl::CivilDay date, const std::string& status,
                         const std::string& absence_kind, int tl_tier, int psw_tier) {
  clients::AttendanceDay day;
  day.nip = nip;
  day.date = date;
  day.workday = true;
  day.status = status;
  day.absence_kind = absence_kind;
  day.tl_tier = tl_tier;
  day.psw_tier = psw_tier;
  day.checked_in = status == "HADIR" || status == "TERLAMBAT" || status == "PULANG_CEPAT";
  // Attendance gives a missing punch tier 4, and the client the times only when there are both.
  if (day.checked_in && tl_tier < 4 && psw_tier < 4) {
    day.first_in = JakartaTime(date, tl_tier > 0 ? 8 : 7, 30);
    day.last_out = JakartaTime(date, 16, 0);
  }
  attendance_->SetDay(day);
}

void ScoringTest::SetActivity(const std::string& nip, absl::CivilMonth month, int64_t num,
                              int64_t den, std::vector<absl::CivilDay> without_approved) {
  clients::ActivityMonth m;
  m.nip = nip;
  m.workdays = 22;
  m.workdays_present = 22;
  m.present_without_approved = std::move(without_approved);
  m.capaian_numerator = num;
  m.capaian_denominator = den;
  activity_->SetMonth(static_cast<int>(month.year()), month.month(), std::move(m));
}

void ScoringTest::SeedFullMonth(absl::CivilMonth month) {
  for (const std::string& nip :
       {seeded_.kabid_p2p, seeded_.staf_p2p, seeded_.staf_s1_a, seeded_.staf_s1_b}) {
    PresentMonth(nip, month);
    SetActivity(nip, month, 1, 1);
  }
}

void ScoringTest::SeedApril() {
  const absl::CivilMonth april(kYear, kApril);
  SeedFullMonth(april);
  SetActivity(seeded_.staf_p2p, april, 1, 2);
  SetActivity(seeded_.staf_s1_b, april, 9, 10);
  const std::string& a = seeded_.staf_s1_a;
  SetDay(a, absl::CivilDay(2026, 4, 7), "TERLAMBAT", "", 2, 0);
  SetDay(a, absl::CivilDay(2026, 4, 8), "TANPA_KETERANGAN");
  SetDay(a, absl::CivilDay(2026, 4, 9), "IZIN", "IZIN");
  SetDay(a, absl::CivilDay(2026, 4, 10), "PULANG_CEPAT", "", 0, 4);  // checked in, never out
  SetActivity(a, april, 4, 5, {absl::CivilDay(2026, 4, 14), absl::CivilDay(2026, 4, 15)});
  sv1::Sanction out;
  ASSERT_TRUE(Ok(scoring().CreateSanction(
      Ctx(Admin()).get(),
      SanctionReq(a, sv1::SANCTION_LEVEL_RINGAN, absl::CivilDay(2026, 4, 1),
                  absl::CivilDay(2026, 6, 30), "SK 800/12/2026"),
      &out)));
}

sv1::CreateSanctionRequest ScoringTest::SanctionReq(const std::string& nip,
                                                    sv1::SanctionLevel level, absl::CivilDay start,
                                                    absl::CivilDay end,
                                                    const std::string& reference) {
  sv1::CreateSanctionRequest req;
  sv1::Sanction* s = req.mutable_sanction();
  s->set_nip(nip);
  s->set_level(level);
  *s->mutable_start_date() = Date(start);
  *s->mutable_end_date() = Date(end);
  s->set_reference(reference);
  req.set_request_id(NextRequestId());
  return req;
}

sv1::CreateTppRunRequest ScoringTest::RunReq(int year, int month, const std::string& unit) {
  sv1::CreateTppRunRequest req;
  req.set_year(year);
  req.set_month(month);
  req.set_org_unit_code(unit);
  req.set_request_id(NextRequestId());
  return req;
}

sv1::TppRun ScoringTest::CreateRun(int year, int month, const std::string& unit) {
  sv1::TppRun out;
  EXPECT_TRUE(Ok(scoring().CreateTppRun(Ctx(Admin()).get(), RunReq(year, month, unit), &out)))
      << year << "-" << month << " " << unit;
  return out;
}

sv1::TppRun ScoringTest::VerifyAndLock(int64_t run_id) {
  sv1::VerifyTppRunRequest verify;
  verify.set_id(run_id);
  sv1::TppRun out;
  EXPECT_TRUE(Ok(scoring().VerifyTppRun(Ctx(Token(kVerifier)).get(), verify, &out)));
  sv1::LockTppRunRequest lock;
  lock.set_id(run_id);
  EXPECT_TRUE(Ok(scoring().LockTppRun(Ctx(Admin()).get(), lock, &out)));
  return out;
}

sv1::Instrument ScoringTest::InstrumentOf(const std::string& nip, int year, int month,
                                          int64_t run_id) {
  sv1::GetInstrumentRequest req;
  req.set_nip(nip);
  req.set_year(year);
  req.set_month(month);
  req.set_run_id(run_id);
  sv1::Instrument out;
  EXPECT_TRUE(Ok(scoring().GetInstrument(Ctx(Admin()).get(), req, &out))) << nip;
  return out;
}

}  // namespace ekinerja::scoring::it
