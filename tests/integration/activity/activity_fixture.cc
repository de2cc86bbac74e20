#include "integration/activity/activity_fixture.h"

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "grpcpp/grpcpp.h"
#include "integration/common/test_host.h"
#include "nip.h"

namespace ekinerja::activity::it {

absl::Time JakartaTime(absl::CivilDay day, int hour, int minute, int second) {
  absl::TimeZone zone;
  absl::LoadTimeZone("Asia/Jakarta", &zone);
  return absl::FromCivil(
      absl::CivilSecond(day.year(), day.month(), day.day(), hour, minute, second), zone);
}

void ActivityTest::SetUp() {
  seeded_ = integration::DeclareSeedTenant(*directory_, "dinkes", 0);
  SetNow(JakartaTime(kToday, 10, 0));
  auto schema = integration::TestSchema::Create();
  ASSERT_TRUE(schema.ok()) << schema.status();
  schema_ = std::move(*schema);
  auto host =
      ServiceHost::Create(integration::TestServerOptions("activity", *schema_), ActivitySql());
  ASSERT_TRUE(host.ok()) << host.status();
  host_ = std::move(*host);
  ActivityOptions options;
  options.service.now = [now = now_] { return absl::FromUnixMicros(now->load()); };
  options.service.max_evidence_bytes = 1024;
  ActivityClients clients;
  clients.directory = directory_;
  clients.attendance = attendance_;
  clients.skp = plans_;
  clients.public_keys = tokens_.PublicKeys();
  auto built = BuildActivity(*host_, options, std::move(clients));
  ASSERT_TRUE(built.ok()) << built.status();
  built_ = *std::move(built);
  const absl::Status st =
      host_->Start(built_.setup.services, built_.setup.verifier, built_.setup.public_methods);
  ASSERT_TRUE(st.ok()) << st;
  channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", host_->grpc_port()),
                                 grpc::InsecureChannelCredentials());
  stub_ = av1::ActivityService::NewStub(channel_);
}

void ActivityTest::TearDown() {
  stub_.reset();
  channel_.reset();
  if (host_) host_->Shutdown();
  built_ = Activity();
  host_.reset();
  schema_.reset();
}

std::string ActivityTest::Token(const std::string& username) {
  if (IsValidNip(username)) return directory_->Login({seeded_.code, username, username, {}, ""});
  return integration::SeededLogin(*directory_, seeded_, username);
}

const SeededTenant& ActivityTest::Other() {
  if (other_.code.empty()) other_ = integration::DeclareSeedTenant(*directory_, "lain", 1);
  return other_;
}

std::string ActivityTest::OtherAdmin() { return Other().admin_token; }

std::string ActivityTest::OtherSupervisor() {
  return directory_->Login({"lain", Other().kabid_p2p, Other().kabid_p2p, {}, ""});
}

std::string ActivityTest::ServiceToken() {
  auto token = directory_->ServiceToken(seeded_.code);
  EXPECT_TRUE(token.ok()) << token.status();
  return token.value_or("");
}

int64_t ActivityTest::RhkOf(const std::string& nip) {
  // The last three digits of the NIP (its sequence) make the RHK of that employee's plan.
  return 1000 + std::stoi(nip.substr(15));
}

void ActivityTest::ApprovePlan(const std::string& nip) {
  clients::ApprovedPlan plan;
  plan.skp_id = RhkOf(nip) * 10;
  plan.revision = 1;
  clients::PlanRhk rhk;
  rhk.id = RhkOf(nip);
  rhk.kind = "UTAMA";
  rhk.description = "Dokumen tersusun tepat waktu";
  for (int m = 1; m <= 12; ++m) rhk.breakdown_months.push_back(m);
  plan.rhks.push_back(rhk);
  plans_->SetPlan(nip, absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 12, 31), plan);
}

av1::CreateEntryRequest ActivityTest::EntryReq(const std::string& nip, absl::CivilDay day,
                                               const std::string& start, const std::string& end) {
  av1::CreateEntryRequest req;
  av1::Entry* e = req.mutable_entry();
  *e->mutable_work_date() = Date(day);
  e->set_start_time(start);
  e->set_end_time(end);
  e->set_description("Menyusun laporan surveilans mingguan");
  e->set_rhk_id(RhkOf(nip));
  e->set_output_quantity(1);
  e->set_output_unit("laporan");
  req.set_request_id(absl::StrCat("req-", ++request_seq_));
  return req;
}

av1::Entry ActivityTest::Create(const std::string& nip, absl::CivilDay day,
                                const std::string& start, const std::string& end) {
  av1::Entry out;
  EXPECT_TRUE(
      Ok(activity().CreateEntry(Ctx(Token(nip)).get(), EntryReq(nip, day, start, end), &out)))
      << nip << " " << start;
  return out;
}

std::vector<av1::Entry> ActivityTest::Submit(const std::string& nip, absl::CivilDay first,
                                             absl::CivilDay last) {
  av1::SubmitEntriesRequest req;
  req.set_nip(nip);
  *req.mutable_start_date() = Date(first);
  *req.mutable_end_date() = Date(last);
  av1::SubmitEntriesResponse resp;
  EXPECT_TRUE(Ok(activity().SubmitEntries(Ctx(Token(nip)).get(), req, &resp))) << nip;
  return {resp.entries().begin(), resp.entries().end()};
}

av1::Entry ActivityTest::Filed(const std::string& nip, absl::CivilDay day, const std::string& start,
                               const std::string& end) {
  CheckIn(nip, day);
  ApprovePlan(nip);
  const av1::Entry created = Create(nip, day, start, end);
  for (const av1::Entry& e : Submit(nip, day, day)) {
    if (e.id() == created.id()) return e;
  }
  ADD_FAILURE() << "entry " << created.id() << " was not submitted";
  return created;
}

void ActivityTest::StoreEntry(const std::string& nip, absl::CivilDay day, int minutes,
                              int64_t rhk_id, int64_t quantity, const std::string& status) {
  Exec(absl::StrCat(
      "INSERT INTO entries (tenant_id, nip, work_date, start_minute, end_minute, description, "
      "rhk_id, skp_id, tugas_tambahan_ref, output_quantity, output_unit, earned_minutes, status) "
      "VALUES ('",
      seeded_.code, "', '", nip, "', '", FormatDate(day), "', 480, ", 480 + minutes,
      ", 'Kegiatan', ", rhk_id == 0 ? "NULL, NULL, 'Nota dinas'" : absl::StrCat(rhk_id, ", 1, ''"),
      ", ", quantity, ", 'dokumen', ", minutes, ", '", status, "')"));
}

int64_t ActivityTest::Count(const std::string& sql) {
  auto r = schema_->Query(sql);
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok() || r->empty()) return -1;
  return (*r)[0][0].as<int64_t>();
}

void ActivityTest::Exec(const std::string& sql) {
  auto r = schema_->Query(sql);
  EXPECT_TRUE(r.ok()) << r.status();
}

}  // namespace ekinerja::activity::it
