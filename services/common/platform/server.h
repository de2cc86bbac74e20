#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "admission.h"
#include "auth.h"
#include "channel.h"
#include "db.h"
#include "embedded.h"
#include "grpcpp/server.h"
#include "metrics.h"

namespace prometheus {
class Exposer;
}

namespace ekinerja {

struct ServerOptions {
  std::string service;  // "identity": names logs, metrics and the default schema
  std::string host = "127.0.0.1";
  int grpc_port = 0;     // 0: any free port (tests)
  int metrics_port = 0;  // 0: any free port; -1: no metrics endpoint
  std::string db_url;
  std::string db_schema;  // defaults to `service`
  int db_pool_size = 8;
  absl::Duration db_pool_wait = absl::Seconds(2);
  // gRPC over TLS when cert and key are set, requiring client certificates signed by the CA
  // when that is set too (channel.h).
  TlsFiles tls;
  int max_message_bytes = 16 << 20;
  // Admission (admission.h): at most `max_active_rpcs` calls run at once (0: db_pool_size), the
  // next `max_queued_rpcs` wait for a slot in arrival order, each at most `max_queue_wait` and
  // never past its deadline; the rest are shed with UNAVAILABLE.
  int max_active_rpcs = 0;
  int max_queued_rpcs = 512;
  absl::Duration max_queue_wait = absl::Seconds(5);
  // The sync server's thread bound; 0: none. A queued call holds a thread and gRPC answers
  // RESOURCE_EXHAUSTED ("Server Threadpool Exhausted") to a call that finds none, so a bound must
  // exceed max_active_rpcs + max_queued_rpcs + kThreadHeadroom, and even then a burst of more
  // concurrent calls than it meets gRPC's refusal before admission's UNAVAILABLE. Without one,
  // the calls beyond the queue hold a thread only while they are shed.
  int max_threads = 0;
  static constexpr int kThreadHeadroom = 64;
  absl::Duration drain = absl::Seconds(10);
  // How often health asks the database: grpc.health.v1 (and so the gateway's /readyz and the
  // Kubernetes probes) follows it within about this much, both ways.
  absl::Duration health_interval = absl::Seconds(1);
};

// One service process: its migrated schema and connection pool, metrics, and gRPC server with
// health (SERVING only once migrations ran and while the database answers), reflection, the
// metrics and auth interceptors, optional TLS and graceful shutdown.
class ServiceHost {
 public:
  // Applies migrations (advisory-locked) and opens the pool; starts nothing yet.
  static absl::StatusOr<std::unique_ptr<ServiceHost>> Create(ServerOptions options,
                                                             absl::Span<const EmbeddedFile> sql);
  ~ServiceHost();

  db::Pool& pool() { return *pool_; }
  Metrics& metrics() { return metrics_; }
  // Admits the calls (admission.h); tests hold its slots to fill it.
  Admission& admission() { return *admission_; }
  const ServerOptions& options() const { return options_; }

  // Binds and starts serving `services` (not owned; they must outlive the host). Methods named in
  // `public_methods` ("/pkg.Service/Method") need no token.
  absl::Status Start(const std::vector<grpc::Service*>& services,
                     std::shared_ptr<TokenVerifier> verifier,
                     absl::flat_hash_set<std::string> public_methods);
  int grpc_port() const { return grpc_port_; }
  int metrics_port() const { return metrics_port_; }
  // NOT_SERVING, then lets calls in flight finish until the drain deadline, then stops.
  void Shutdown();

 private:
  ServiceHost(ServerOptions options, std::unique_ptr<db::Pool> pool);
  void WatchDatabase();

  ServerOptions options_;
  Metrics metrics_;
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<Admission> admission_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<prometheus::Exposer> exposer_;
  int grpc_port_ = 0;
  int metrics_port_ = 0;
  absl::Notification stopping_;
  std::thread watcher_;
  std::atomic<bool> shut_down_{false};
};

// The whole life of a service binary: blocks SIGTERM/SIGINT, migrates (and returns when
// `migrate_only`), starts the host with what `setup` registers, waits for a signal, shuts down.
// Returns the process exit code.
struct ServiceSetup {
  std::vector<grpc::Service*> services;
  std::shared_ptr<TokenVerifier> verifier;
  absl::flat_hash_set<std::string> public_methods;
  // Keeps whatever the services need alive for the life of the host.
  std::vector<std::shared_ptr<void>> keep_alive;
};
int RunService(ServerOptions options, absl::Span<const EmbeddedFile> sql, bool migrate_only,
               const std::function<absl::StatusOr<ServiceSetup>(ServiceHost&)>& setup);

}  // namespace ekinerja
