#include "integration/warning/warning_fixture.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"
#include "integration/common/test_host.h"
#include "nip.h"

namespace ekinerja::warning::it {

absl::Time Wib(absl::CivilDay day, int hour, int minute, int second) {
  absl::TimeZone zone;
  absl::LoadTimeZone("Asia/Jakarta", &zone);
  return absl::FromCivil(
      absl::CivilSecond(day.year(), day.month(), day.day(), hour, minute, second), zone);
}

void WarningTest::SetUp() {
  seeded_ = integration::DeclareSeedTenant(*directory_, "dinkes", 0);
  SetNow(Wib(kToday, 10, 0));
  auto schema = integration::TestSchema::Create();
  ASSERT_TRUE(schema.ok()) << schema.status();
  schema_ = std::move(*schema);
  auto host =
      ServiceHost::Create(integration::TestServerOptions("warning", *schema_), WarningSql());
  ASSERT_TRUE(host.ok()) << host.status();
  host_ = std::move(*host);
  WarningOptions options;
  options.sweep.now = [now = now_] { return absl::FromUnixMicros(now->load()); };
  options.sweep.before_commit = [fail = fail_next_commit_]() -> absl::Status {
    if (fail->exchange(false)) return absl::InternalError("killed before the commit");
    return absl::OkStatus();
  };
  options.service.watch_poll = absl::Milliseconds(200);
  options.scheduler.interval = absl::ZeroDuration();
  options.start_drain = false;
  WarningClients clients;
  clients.directory = directory_;
  clients.attendance = attendance_;
  clients.activity = activity_;
  clients.skp = skp_;
  clients.scoring = scoring_;
  clients.public_keys = tokens_.PublicKeys();
  auto built = BuildWarning(*host_, options, std::move(clients));
  ASSERT_TRUE(built.ok()) << built.status();
  built_ = *std::move(built);
  const absl::Status st =
      host_->Start(built_.setup.services, built_.setup.verifier, built_.setup.public_methods);
  ASSERT_TRUE(st.ok()) << st;
  stub_ = wv1::WarningService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", host_->grpc_port()), grpc::InsecureChannelCredentials()));
}

void WarningTest::TearDown() {
  stub_.reset();
  if (host_) host_->Shutdown();
  built_ = Warning();
  host_.reset();
  schema_.reset();
}

std::string WarningTest::Token(const std::string& username) {
  if (IsValidNip(username)) return directory_->Login({seeded_.code, username, username, {}, ""});
  return integration::SeededLogin(*directory_, seeded_, username);
}

const SeededTenant& WarningTest::Other() {
  if (other_.code.empty()) other_ = integration::DeclareSeedTenant(*directory_, "lain", 1);
  return other_;
}

void WarningTest::Present(const std::string& nip, absl::CivilDay day, const std::string& out) {
  attendance_->SetPresent(nip, day, "07:30", out);
}

void WarningTest::OnLeave(const std::string& nip, absl::CivilDay day) {
  clients::AttendanceDay d;
  d.nip = nip;
  d.date = day;
  d.workday = true;
  d.status = "CUTI";
  d.absence_kind = "CUTI_TAHUNAN";
  attendance_->SetDay(d);
}

void WarningTest::Entry(const std::string& nip, absl::CivilDay day, const std::string& status,
                        const std::string& verifier, absl::Time submitted) {
  if (status != "DRAFT" && submitted == absl::InfinitePast()) submitted = Wib(day, 15, 0);
  activity_->AddEntry(seeded_.code, {nip, day, status, verifier, submitted});
}

void WarningTest::AllFiled(absl::CivilDay day, const std::vector<std::string>& except) {
  for (const std::string& nip : seeded_.all_nips) {
    if (std::find(except.begin(), except.end(), nip) != except.end()) continue;
    Present(nip, day);
    Entry(nip, day, "APPROVED");
  }
}

grpc::Status WarningTest::TrySweep(absl::CivilDay day, wv1::SweepKind kind, wv1::Sweep* out,
                                   const std::string& token) {
  wv1::RunSweepRequest req;
  *req.mutable_date() = Date(day);
  req.set_kind(kind);
  return warning().RunSweep(Ctx(token.empty() ? Admin() : token).get(), req, out);
}

wv1::Sweep WarningTest::Sweep(absl::CivilDay day, wv1::SweepKind kind) {
  wv1::Sweep out;
  EXPECT_TRUE(Ok(TrySweep(day, kind, &out)));
  return out;
}

std::vector<wv1::Warning> WarningTest::Inbox(const std::string& nip) {
  wv1::ListWarningsRequest req;
  req.set_nip(nip);
  wv1::ListWarningsResponse resp;
  EXPECT_TRUE(Ok(warning().ListWarnings(Ctx(Token(nip)).get(), req, &resp)));
  return {resp.warnings().begin(), resp.warnings().end()};
}

std::vector<std::string> WarningTest::AllWarnings() {
  // Straight from the table: every warning, whatever its day or recipient.
  std::vector<std::string> out;
  const absl::StatusOr<pqxx::result> rows = schema_->Query(
      "SELECT rule || ' ' || subject_nip || ' ' || recipient_nip || ' ' || day::text AS w "
      "FROM warnings ORDER BY 1");
  EXPECT_TRUE(rows.ok()) << rows.status();
  if (!rows.ok()) return out;
  for (const pqxx::row& r : *rows) out.push_back(r["w"].as<std::string>());
  return out;
}

}  // namespace ekinerja::warning::it
