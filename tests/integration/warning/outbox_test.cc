// The outbox drain (services/warning/jobs/outbox_drain.h) against the real Postgres (a throwaway
// schema, the service's migrations) and the local webhook receiver in-process on port 0
// (deploy/tools/webhook_sink.h), with the drain's clock and jitter injected: delivery with a
// signature that verifies; a receiver down then up; expiry to the dead letters and a retry by
// hand; a worker dying between the POST and the mark; two drains at once; the rate limit.

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "crypto.h"
#include "db.h"
#include "gtest/gtest.h"
#include "http_server.h"
#include "integration/common/closed_port.h"
#include "integration/common/counter_value.h"
#include "integration/common/test_db.h"
#include "jobs/outbox_drain.h"
#include "migrate.h"
#include "prometheus/registry.h"
#include "store/outbox_store.h"
#include "warning_sql.h"
#include "webhook_sink.h"

namespace ekinerja::warning {
namespace {

constexpr char kTenant[] = "pemda-x";
constexpr char kSecret[] = "rahasia-relay-pemda-x";
const absl::Time kT0 =
    absl::FromCivil(absl::CivilSecond(2026, 3, 16, 17, 0, 0), absl::UTCTimeZone());

std::string Payload(int n) {
  return absl::StrCat(
      R"({"tenant_id":"pemda-x","rule":"MISSING_REPORT","subject_nip":"19800101200604100)", n,
      R"(","day":"2026-03-16"})");
}

double GaugeValue(prometheus::Registry& registry, const std::string& name,
                  const std::string& tenant) {
  for (const auto& family : registry.Collect()) {
    if (family.name != name) continue;
    for (const auto& metric : family.metric) {
      for (const auto& label : metric.label) {
        if (label.name == "tenant" && label.value == tenant) return metric.gauge.value;
      }
    }
  }
  return -1;
}

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto schema = integration::TestSchema::Create();
    ASSERT_TRUE(schema.ok()) << schema.status();
    schema_ = std::move(*schema);
    auto applied = db::Migrate(schema_->url(), schema_->name(), embedded::warning_sql());
    ASSERT_TRUE(applied.ok()) << applied.status();
    auto statements = db::NamedQueriesOf(embedded::warning_sql());
    ASSERT_TRUE(statements.ok()) << statements.status();
    db::PoolOptions po;
    po.url = schema_->url();
    po.schema = schema_->name();
    po.size = 6;
    po.statements = *std::move(statements);
    pool_ = std::make_unique<db::Pool>(std::move(po), nullptr);
    metrics_ = std::make_unique<OutboxMetrics>(registry_);
    StartSink(0);
  }

  void StartSink(int port) {
    sink_ = std::make_unique<tools::WebhookSink>(
        tools::WebhookSinkOptions{kSecret, 0, absl::ZeroDuration()}, nullptr);
    HttpServerOptions options;
    options.port = port;
    auto server = HttpServer::Start(options, sink_.get());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }
  void StopSink() { server_.reset(); }
  std::string SinkUrl() const {
    return absl::StrCat("http://127.0.0.1:", server_->port(), "/hook");
  }

  void SetNow(absl::Time t) {
    absl::MutexLock lock(&mu_);
    now_ = t;
  }
  absl::Time Now() {
    absl::MutexLock lock(&mu_);
    return now_;
  }

  std::unique_ptr<OutboxDrain> Drain(int batch = 10) {
    OutboxDrainOptions options;
    options.every = absl::ZeroDuration();
    options.batch = batch;
    options.lease = absl::Minutes(2);
    options.post_timeout = absl::Seconds(5);
    options.backoff_base = absl::Seconds(10);
    options.backoff_cap = absl::Minutes(30);
    options.clock = [this] { return Now(); };
    options.random = [] { return 1.0; };  // the top of each jitter window: exact times
    return std::make_unique<OutboxDrain>(*pool_, *metrics_, options);
  }

  store::WebhookRow Webhook(const std::string& url, int rate_per_minute = 60,
                            int expiry_hours = 72) {
    store::WebhookRow w;
    w.tenant_id = kTenant;
    w.url = url;
    w.secret = kSecret;
    w.rate_per_minute = rate_per_minute;
    w.expiry_hours = expiry_hours;
    EXPECT_TRUE(pool_
                    ->Write([&](db::Tx& tx) {
                      store::SetWebhook(tx, w);
                      return absl::OkStatus();
                    })
                    .ok());
    return w;
  }

  bool Enqueue(const std::string& key, const std::string& payload,
               std::optional<absl::Time> expire = std::nullopt) {
    bool queued = false;
    EXPECT_TRUE(pool_
                    ->Write([&](db::Tx& tx) {
                      queued = store::Enqueue(tx, kTenant, key, payload,
                                              expire.value_or(t0_ + absl::Hours(72)));
                      return absl::OkStatus();
                    })
                    .ok());
    return queued;
  }

  store::OutboxRow Row(const std::string& key) {
    std::optional<store::OutboxRow> row;
    EXPECT_TRUE(pool_
                    ->Read([&](db::Tx& tx) {
                      row = store::GetByKey(tx, kTenant, key);
                      return absl::OkStatus();
                    })
                    .ok());
    EXPECT_TRUE(row.has_value()) << key;
    return row.value_or(store::OutboxRow{});
  }

  DrainResult Pass(OutboxDrain& drain) {
    absl::StatusOr<DrainResult> r = drain.DrainOnce();
    EXPECT_TRUE(r.ok()) << r.status();
    return r.value_or(DrainResult{});
  }

  // Rows are queued at the database's now(): the tests' time starts a minute after it (setting up
  // takes well under that), on a whole second.
  const absl::Time t0_ = absl::FromUnixSeconds(absl::ToUnixSeconds(absl::Now()) + 60);
  absl::Mutex mu_;
  absl::Time now_ ABSL_GUARDED_BY(mu_) = t0_;
  std::unique_ptr<integration::TestSchema> schema_;
  std::unique_ptr<db::Pool> pool_;
  prometheus::Registry registry_;
  std::unique_ptr<OutboxMetrics> metrics_;
  std::unique_ptr<tools::WebhookSink> sink_;
  std::unique_ptr<HttpServer> server_;
};

TEST(OutboxRequest, SignsTimestampDotBody) {
  store::OutboxRow row;
  row.tenant_id = kTenant;
  row.idempotency_key = "MISSING_REPORT/198001012006041001/2026-03-16";
  row.payload = R"({"rule": "MISSING_REPORT"})";
  store::WebhookRow webhook;
  webhook.url = "http://relay:8080/x";
  webhook.secret = kSecret;

  HttpPostRequest r = OutboxDrain::RequestFor(row, webhook, kT0, absl::Seconds(5));

  EXPECT_EQ(r.url, "http://relay:8080/x");
  EXPECT_EQ(r.body, R"({"rule": "MISSING_REPORT"})");
  EXPECT_EQ(r.timeout, absl::Seconds(5));
  const std::string ts = absl::StrCat(absl::ToUnixSeconds(kT0));
  ASSERT_EQ(ts, "1773680400");
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Content-Type", "application/json"},
      {"Idempotency-Key", "MISSING_REPORT/198001012006041001/2026-03-16"},
      {"X-Ekinerja-Tenant", "pemda-x"},
      {"X-Ekinerja-Timestamp", "1773680400"},
      {"X-Ekinerja-Signature",
       "sha256=" + auth::HmacSha256Hex(kSecret, R"(1773680400.{"rule": "MISSING_REPORT"})")},
  };
  EXPECT_EQ(r.headers, expected);
}

TEST(OutboxBackoff, DoublesFromTheBaseUpToTheCapScaledByTheJitter) {
  const absl::Duration base = absl::Seconds(10), cap = absl::Minutes(30);
  EXPECT_EQ(OutboxDrain::Backoff(1, base, cap, 1.0), absl::Seconds(10));
  EXPECT_EQ(OutboxDrain::Backoff(2, base, cap, 1.0), absl::Seconds(20));
  EXPECT_EQ(OutboxDrain::Backoff(8, base, cap, 1.0), absl::Seconds(1280));
  EXPECT_EQ(OutboxDrain::Backoff(9, base, cap, 1.0), absl::Minutes(30));
  EXPECT_EQ(OutboxDrain::Backoff(1000, base, cap, 1.0), absl::Minutes(30));
  EXPECT_EQ(OutboxDrain::Backoff(3, base, cap, 0.25), absl::Seconds(10));
  EXPECT_EQ(OutboxDrain::Backoff(3, base, cap, 0.0), absl::ZeroDuration());
}

TEST_F(OutboxTest, DeliversOnceWithASignatureThatVerifies) {
  Webhook(SinkUrl());
  ASSERT_TRUE(Enqueue("k-1", Payload(1)));
  EXPECT_FALSE(Enqueue("k-1", Payload(1)));  // the sweep run again: nothing queued twice
  EXPECT_EQ(schema_->Count("outbox"), 1);
  auto drain = Drain();

  DrainResult r = Pass(*drain);

  EXPECT_EQ(r.delivered, 1);
  EXPECT_EQ(r.failed, 0);
  std::vector<tools::SinkRequest> got = sink_->requests();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].outcome, "delivered");
  EXPECT_TRUE(got[0].verified);
  EXPECT_EQ(got[0].key, "k-1");
  EXPECT_EQ(got[0].tenant, "pemda-x");
  EXPECT_EQ(got[0].rule, "MISSING_REPORT");
  EXPECT_EQ(got[0].subject, "198001012006041001");
  store::OutboxRow row = Row("k-1");
  EXPECT_EQ(row.state, "DELIVERED");
  EXPECT_EQ(row.attempts, 1);
  EXPECT_EQ(row.deliver_time, t0_);
  EXPECT_EQ(row.lease_until, std::nullopt);
  EXPECT_EQ(integration::CounterValue(registry_, "ekinerja_warning_deliveries_total",
                                      {{"outcome", "delivered"}}),
            1);
  EXPECT_EQ(GaugeValue(registry_, "ekinerja_warning_outbox_depth", kTenant), 0);

  EXPECT_EQ(Pass(*drain).delivered, 0);  // nothing left
  EXPECT_EQ(sink_->requests().size(), 1u);
}

TEST_F(OutboxTest, ReceiverDownThenUpDeliversEveryMessageOncePerKey) {
  const int port = server_->port();
  Webhook(SinkUrl());
  StopSink();  // the relay is down: its port refuses connections
  for (int i = 1; i <= 3; ++i) ASSERT_TRUE(Enqueue(absl::StrCat("k-", i), Payload(i)));
  auto drain = Drain();

  EXPECT_EQ(Pass(*drain).failed, 3);
  EXPECT_EQ(Row("k-1").attempts, 1);
  EXPECT_EQ(Row("k-1").next_attempt_time, t0_ + absl::Seconds(10));
  EXPECT_EQ(Pass(*drain).failed, 0);  // not due yet

  SetNow(t0_ + absl::Seconds(10));
  EXPECT_EQ(Pass(*drain).failed, 3);
  EXPECT_EQ(Row("k-2").attempts, 2);
  EXPECT_EQ(Row("k-2").next_attempt_time, t0_ + absl::Seconds(30));  // +20 s

  SetNow(t0_ + absl::Seconds(30));
  EXPECT_EQ(Pass(*drain).failed, 3);
  store::OutboxRow row = Row("k-3");
  EXPECT_EQ(row.attempts, 3);
  EXPECT_EQ(row.next_attempt_time, t0_ + absl::Seconds(70));  // +40 s
  EXPECT_EQ(row.state, "PENDING");
  EXPECT_EQ(row.last_error,
            absl::StrCat("UNAVAILABLE: connecting to 127.0.0.1:", port, ": Connection refused"));
  EXPECT_EQ(GaugeValue(registry_, "ekinerja_warning_outbox_depth", kTenant), 3);
  EXPECT_EQ(GaugeValue(registry_, "ekinerja_warning_outbox_oldest_seconds", kTenant) > 0, true);

  StartSink(port);  // the relay is back, at the same address
  SetNow(t0_ + absl::Seconds(70));
  DrainResult r = Pass(*drain);
  EXPECT_EQ(r.delivered, 3);
  EXPECT_EQ(r.failed, 0);
  EXPECT_EQ(Pass(*drain).delivered, 0);

  EXPECT_EQ(sink_->requests().size(), 3u);
  for (int i = 1; i <= 3; ++i) {
    const std::string key = absl::StrCat("k-", i);
    EXPECT_EQ(sink_->delivered(key), 1) << key;
    EXPECT_EQ(sink_->duplicates(key), 0) << key;
    EXPECT_EQ(Row(key).state, "DELIVERED") << key;
    EXPECT_EQ(Row(key).attempts, 4) << key;
  }
  for (const auto& request : sink_->requests()) EXPECT_TRUE(request.verified);
  EXPECT_EQ(integration::CounterValue(registry_, "ekinerja_warning_deliveries_total",
                                      {{"outcome", "failed"}}),
            9);
  EXPECT_EQ(integration::CounterValue(registry_, "ekinerja_warning_deliveries_total",
                                      {{"outcome", "delivered"}}),
            3);
  EXPECT_EQ(GaugeValue(registry_, "ekinerja_warning_outbox_depth", kTenant), 0);
}

TEST_F(OutboxTest, ExpiredGoesDeadIsListedAndARetryByHandDelivers) {
  const int closed = integration::ClosedPort();
  Webhook(absl::StrCat("http://127.0.0.1:", closed, "/hook"), 60, 24);
  ASSERT_TRUE(Enqueue("k-1", Payload(1), t0_ + absl::Hours(1)));
  auto drain = Drain();
  EXPECT_EQ(Pass(*drain).failed, 1);

  SetNow(t0_ + absl::Hours(1));
  DrainResult r = Pass(*drain);
  EXPECT_EQ(r.dead, 1);
  EXPECT_EQ(r.failed, 0);  // not sent once it is dead
  std::vector<store::OutboxRow> dead;
  ASSERT_TRUE(pool_
                  ->Read([&](db::Tx& tx) {
                    dead = store::ListDead(tx, kTenant, 0, 10);
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].idempotency_key, "k-1");
  EXPECT_EQ(dead[0].state, "DEAD");
  EXPECT_EQ(dead[0].attempts, 1);
  EXPECT_EQ(dead[0].last_error,
            absl::StrCat("UNAVAILABLE: connecting to 127.0.0.1:", closed, ": Connection refused"));
  EXPECT_EQ(integration::CounterValue(registry_, "ekinerja_warning_deliveries_total",
                                      {{"outcome", "dead"}}),
            1);
  EXPECT_EQ(Pass(*drain).dead, 0);

  // The operator fixes the relay's address and retries the dead letter.
  Webhook(SinkUrl(), 60, 24);
  const absl::Time retried = t0_ + absl::Hours(2);
  SetNow(retried);
  bool ok = false, again = true, unknown = true;
  ASSERT_TRUE(pool_
                  ->Write([&](db::Tx& tx) {
                    ok = store::Retry(tx, kTenant, dead[0].id, retried).has_value();
                    again = store::Retry(tx, kTenant, dead[0].id, retried).has_value();
                    unknown = store::Retry(tx, kTenant, dead[0].id + 1000, retried).has_value();
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_TRUE(ok);
  EXPECT_FALSE(again);    // PENDING now, not dead
  EXPECT_FALSE(unknown);  // no such dead letter
  store::OutboxRow row = Row("k-1");
  EXPECT_EQ(row.state, "PENDING");
  EXPECT_EQ(row.expire_time, retried + absl::Hours(24));

  EXPECT_EQ(Pass(*drain).delivered, 1);
  EXPECT_EQ(Row("k-1").state, "DELIVERED");
  EXPECT_EQ(Row("k-1").attempts, 2);
  EXPECT_EQ(sink_->delivered("k-1"), 1);
  ASSERT_TRUE(pool_
                  ->Read([&](db::Tx& tx) {
                    dead = store::ListDead(tx, kTenant, 0, 10);
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_TRUE(dead.empty());
}

TEST_F(OutboxTest, AWorkerDyingAfterThePostIsSentAgainAfterItsLeaseOnce) {
  const store::WebhookRow webhook = Webhook(SinkUrl());
  ASSERT_TRUE(Enqueue("k-1", Payload(1)));

  // A worker claims the row, POSTs it, and dies before marking it.
  std::vector<store::OutboxRow> claimed;
  ASSERT_TRUE(pool_
                  ->Write([&](db::Tx& tx) {
                    claimed = store::Claim(tx, "", t0_, 10, t0_ + absl::Minutes(2));
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_EQ(claimed.size(), 1u);
  absl::StatusOr<HttpPostResponse> sent =
      PostHttp(OutboxDrain::RequestFor(claimed[0], webhook, t0_, absl::Seconds(5)));
  ASSERT_TRUE(sent.ok()) << sent.status();
  EXPECT_EQ(sent->status, 200);

  auto drain = Drain();
  SetNow(t0_ + absl::Minutes(1));
  EXPECT_EQ(Pass(*drain).delivered, 0);  // still leased by the dead worker
  EXPECT_EQ(sink_->requests().size(), 1u);

  SetNow(t0_ + absl::Minutes(2));
  EXPECT_EQ(Pass(*drain).delivered, 1);

  std::vector<tools::SinkRequest> got = sink_->requests();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].key, "k-1");
  EXPECT_EQ(got[1].key, "k-1");  // the same key again
  EXPECT_EQ(got[1].outcome, "duplicate");
  EXPECT_EQ(sink_->delivered("k-1"), 1);
  EXPECT_EQ(sink_->delivered_total(), 1);
  store::OutboxRow row = Row("k-1");
  EXPECT_EQ(row.state, "DELIVERED");
  EXPECT_EQ(row.attempts, 2);
}

TEST_F(OutboxTest, TwoDrainsAtOnceNeverSendARowTwice) {
  Webhook(SinkUrl(), 1000);
  constexpr int kRows = 60;
  for (int i = 0; i < kRows; ++i) ASSERT_TRUE(Enqueue(absl::StrCat("k-", i), Payload(i)));
  auto a = Drain(5), b = Drain(5);
  int delivered_a = 0, delivered_b = 0;

  std::thread ta([&] {
    for (int i = 0; i < 20; ++i) delivered_a += Pass(*a).delivered;
  });
  std::thread tb([&] {
    for (int i = 0; i < 20; ++i) delivered_b += Pass(*b).delivered;
  });
  ta.join();
  tb.join();

  EXPECT_EQ(delivered_a + delivered_b, kRows);
  EXPECT_EQ(sink_->requests().size(), static_cast<size_t>(kRows));
  EXPECT_EQ(sink_->delivered_total(), kRows);
  for (int i = 0; i < kRows; ++i) {
    EXPECT_EQ(sink_->duplicates(absl::StrCat("k-", i)), 0) << i;
  }
  EXPECT_EQ(schema_->Count("outbox WHERE state = 'DELIVERED' AND attempts = 1"), kRows);
}

TEST_F(OutboxTest, TheRateLimitHoldsPerTenant) {
  Webhook(SinkUrl(), 3);
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(Enqueue(absl::StrCat("k-", i), Payload(i)));
  auto drain = Drain();

  EXPECT_EQ(Pass(*drain).delivered, 3);  // a minute's worth at once
  EXPECT_EQ(Pass(*drain).delivered, 0);
  SetNow(t0_ + absl::Seconds(19));
  EXPECT_EQ(Pass(*drain).delivered, 0);  // 0.95 of a token
  SetNow(t0_ + absl::Seconds(20));
  EXPECT_EQ(Pass(*drain).delivered, 1);
  SetNow(t0_ + absl::Seconds(40));
  EXPECT_EQ(Pass(*drain).delivered, 1);
  SetNow(t0_ + absl::Minutes(10));
  EXPECT_EQ(Pass(*drain).delivered, 3);  // saved up to a minute's worth, no more

  EXPECT_EQ(sink_->delivered_total(), 8);
  EXPECT_EQ(schema_->Count("outbox WHERE state = 'PENDING'"), 2);
  EXPECT_EQ(schema_->Count("outbox WHERE state = 'PENDING' AND attempts = 0"), 2);
  EXPECT_EQ(GaugeValue(registry_, "ekinerja_warning_outbox_depth", kTenant), 2);
}

}  // namespace
}  // namespace ekinerja::warning
