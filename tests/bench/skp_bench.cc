// skp_bench: StreamEvaluations (issue 10 item 8: scoring's and the annual kotak's read) for a
// tenant of N employees, beside a raw `COPY (SELECT ...) TO STDOUT` of the same rows from the same
// PostgreSQL in the same run. Run by tests/bench/skp_run, which gives it a throwaway cluster.
//
//   EKINERJA_DB_URL=<libpq url> skp_bench [--db_schema=skp] [--employees=100000] [--runs=3]
//
// The service runs in this process as main.cc builds it (BuildSkp on a ServiceHost: migrations,
// pool, auth interceptor, gRPC on a loopback port), with the FakeDirectory of tests/mocks for
// identity: a whole-tenant stream asks identity nothing, so only the token check is the fake's
// (a SERVICE token signed by a test key). The client is a real stub over TCP on 127.0.0.1.
// The evaluations are inserted with SQL (generate_series): one period per model, each with N rows
// whose `result` is one serialized Evaluation of that model (6/2022: the ratings; PP 46: three
// activities with every figure), so the bytes per row are the service's own.
//
// Prints one line per measured pass:
//   <what> <period> <rows> <MiB> <seconds> <rows_per_second>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "bench_pg.h"
#include "bench_service.h"
#include "ekinerja/skp/v1/skp.grpc.pb.h"
#include "fake_directory.h"
#include "grpcpp/grpcpp.h"
#include "skp_wiring.h"
#include "test_tokens.h"

ABSL_FLAG(std::string, db_url, "",
          "libpq URL of the database (its role owns --db_schema); default $EKINERJA_DB_URL");
ABSL_FLAG(std::string, db_schema, "skp", "the service's schema");
ABSL_FLAG(int, employees, 100000, "evaluations per period (one per employee)");
ABSL_FLAG(int, runs, 3, "measured passes of each case");

namespace {

using namespace ekinerja;
namespace v1 = ::ekinerja::skp::v1;

constexpr char kTenant[] = "bench";

[[noreturn]] void Die(const std::string& what) { bench::PgDie(what); }

// What EvaluateSkp stores for a staff member under 6/2022.
std::string Rating2022Blob() {
  v1::Evaluation e;
  e.set_skp_id(1);
  e.set_nip("198001010000000001");
  e.set_org_unit_code("BENCH.UNIT");
  e.set_period("2026");
  e.set_model(v1::SKP_MODEL_PERMENPANRB_6_2022);
  e.mutable_permenpanrb()->set_rating_hasil_kerja(v1::RATING_SESUAI_EKSPEKTASI);
  e.mutable_permenpanrb()->set_rating_perilaku(v1::RATING_DI_ATAS_EKSPEKTASI);
  e.mutable_permenpanrb()->set_predikat("BAIK");
  e.set_evaluator_nip("197001010000000001");
  e.mutable_evaluate_time()->set_seconds(1'790'000'000);
  return e.SerializeAsString();
}

// What EvaluateSkp stores under PP 46 for three activities (the hand-computed year of
// tests/unit/skp/evaluation_test.cc).
std::string Pp46Blob() {
  v1::Evaluation e;
  e.set_skp_id(1);
  e.set_nip("198001010000000001");
  e.set_org_unit_code("BENCH.UNIT");
  e.set_period("2026-M01");
  e.set_model(v1::SKP_MODEL_PP46);
  v1::Pp46Result* r = e.mutable_pp46();
  const char* capaian[] = {"82.33", "92.75", "0.00"};
  for (int i = 0; i < 3; ++i) {
    v1::Pp46ActivityScore* a = r->add_activities();
    a->set_iki_id(1000 + i);
    a->set_description("Jumlah laporan kegiatan surveilans yang tersusun");
    for (v1::Target* t : {a->mutable_target(), a->mutable_realisation()}) {
      t->set_quantity(10);
      t->set_unit("laporan");
      t->set_quality(100);
      t->set_months(12);
      t->set_cost_idr(i == 1 ? 1'000'000 : 0);
    }
    a->set_carried_out(i != 2);
    a->set_kuantitas("80.00");
    a->set_kualitas("91.00");
    a->set_efisiensi_waktu("0.00");
    a->set_waktu("76.00");
    if (i == 1) {
      a->set_efisiensi_biaya("20.00");
      a->set_biaya("96.00");
    }
    a->set_penghitungan("247.00");
    a->set_aspects(i == 1 ? 4 : 3);
    a->set_nilai_capaian(capaian[i]);
    a->set_nilai_capaian_exact("247/3");
  }
  r->set_tugas_tambahan(2);
  r->set_tugas_tambahan_points(1);
  r->set_kreativitas(v1::KREATIVITAS_UNIT_KERJA);
  r->set_kreativitas_points(3);
  r->set_nilai_capaian_skp("58.36");
  r->set_nilai_capaian_skp_exact("2101/36");
  r->set_nilai_skp("62.36");
  for (int s : {80, 85, 90, 75, 70, 81}) r->add_perilaku_scores(s);
  r->set_nilai_perilaku("80.17");
  r->set_skp_weight_percent(60);
  r->set_perilaku_weight_percent(40);
  r->set_nilai_prestasi_kerja("69.48");
  r->set_nilai_prestasi_kerja_exact("4169/60");
  r->set_predikat("CUKUP");
  e.set_evaluator_nip("197001010000000001");
  e.mutable_evaluate_time()->set_seconds(1'790'000'000);
  return e.SerializeAsString();
}

void Report(const char* what, const std::string& period, int64_t rows, int64_t bytes,
            double seconds) {
  std::printf("%-34s %-9s %8lld %8.1f %8.3f %10.0f\n", what, period.c_str(),
              static_cast<long long>(rows), static_cast<double>(bytes) / (1 << 20), seconds,
              static_cast<double>(rows) / seconds);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int employees = absl::GetFlag(FLAGS_employees);
  const int runs = absl::GetFlag(FLAGS_runs);
  const std::string url = bench::CheckedRun(absl::GetFlag(FLAGS_db_url), employees, runs);
  const std::string schema = absl::GetFlag(FLAGS_db_schema);

  // The service, as main.cc builds it.
  auto host = bench::ValueOrDie(
      ServiceHost::Create(bench::InProcessOptions("skp", url, schema), skp::SkpSql()));
  mocks::TestTokenIssuer tokens;
  auto directory = std::make_shared<mocks::FakeDirectory>(tokens, "bench-scoring");
  directory->AddTenant(kTenant);
  skp::SkpClients clients;
  clients.directory = directory;
  clients.public_keys = tokens.PublicKeys();
  skp::SkpOptions skp_options;
  skp_options.count_statuses_every = absl::ZeroDuration();  // no gauge query during the passes
  const skp::Skp built = bench::ValueOrDie(skp::BuildSkp(*host, skp_options, std::move(clients)));
  auto stub = v1::SkpService::NewStub(bench::StartOrDie(*host, built.setup));
  const std::string token = bench::ValueOrDie(directory->ServiceToken(kTenant));

  // The rows: one evaluation per employee and period, NIPs in one sorted series.
  bench::Pg pg(url);
  pg.Exec("SET search_path TO " + schema);
  pg.Exec("TRUNCATE evaluations");
  const struct {
    std::string period, blob;
  } cases[] = {{"2026", Rating2022Blob()}, {"2026-M01", Pp46Blob()}};
  for (const auto& c : cases) {
    const auto t0 = std::chrono::steady_clock::now();
    pg.Exec(absl::StrCat(
        "INSERT INTO evaluations (tenant_id, skp_id, period, nip, org_unit_code, predikat, "
        "result, evaluator_nip) SELECT '",
        kTenant, "', i, '", c.period,
        "', '19800101' || lpad(i::text, 10, '0'), 'BENCH.UNIT', 'BAIK', decode('",
        absl::BytesToHexString(c.blob), "', 'hex'), '197001010000000001' FROM generate_series(1, ",
        employees, ") AS i"));
    std::fprintf(stderr, "bench: inserted %d evaluations of %s (%zu bytes each) in %.1f s\n",
                 employees, c.period.c_str(), c.blob.size(), bench::Since(t0));
  }
  pg.Exec("VACUUM ANALYZE evaluations");

  std::printf("%-34s %-9s %8s %8s %8s %10s\n", "what", "period", "rows", "MiB", "seconds",
              "rows/s");
  for (const auto& c : cases) {
    const std::string copy =
        absl::StrCat("COPY (SELECT nip, skp_id, result, final FROM evaluations WHERE tenant_id = '",
                     kTenant, "' AND period = '", c.period, "' ORDER BY nip, skp_id) TO STDOUT");
    for (int run = 0; run <= runs; ++run) {  // run 0 warms the caches, unreported
      auto t0 = std::chrono::steady_clock::now();
      const std::string text = pg.CopyOut(copy);
      const double copy_s = bench::Since(t0);
      const int64_t lines = bench::Lines(text);
      if (lines != employees) Die(absl::StrCat("COPY gave ", lines, " rows"));
      if (run > 0) Report("COPY (SELECT ...) TO STDOUT", c.period, lines, text.size(), copy_s);

      v1::StreamEvaluationsRequest req;
      req.set_period(c.period);
      const bench::StreamRead read = bench::ReadStream<v1::Evaluation>(
          "StreamEvaluations", token, employees,
          [&](grpc::ClientContext* ctx) { return stub->StreamEvaluations(ctx, req); });
      if (run > 0) {
        Report("StreamEvaluations (gRPC, SERVICE)", c.period, read.messages, read.bytes,
               read.seconds);
      }
    }
  }
  host->Shutdown();
  return 0;
}
