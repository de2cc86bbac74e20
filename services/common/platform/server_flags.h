#pragma once

// The flags every service binary has, defined in the binary's own main.cc (flags belong to the
// binary that owns them) by one macro so that they are spelled once (the TLS and deadline flags,
// which the gateway and the tools share, are the platform's: channel.h):
//
//   EKINERJA_SERVER_FLAGS(50051, 9101);
//   ... ekinerja::ServerOptions options = ServerOptionsFromFlags("identity");
#include <string>

#include "absl/flags/flag.h"
#include "server.h"

#define EKINERJA_SERVER_FLAGS(default_grpc_port, default_metrics_port)                          \
  ABSL_FLAG(std::string, host, "127.0.0.1", "Address to listen on (gRPC and metrics)");         \
  ABSL_FLAG(int, grpc_port, default_grpc_port, "gRPC port (0: any free port)");                 \
  ABSL_FLAG(int, metrics_port, default_metrics_port, "Prometheus /metrics port (-1: none)");    \
  ABSL_FLAG(std::string, db_url, "", "Postgres connection string (libpq keywords or URI)");     \
  ABSL_FLAG(std::string, db_schema, "", "Postgres schema of this service (default: its name)"); \
  ABSL_FLAG(int, db_pool_size, 8, "Postgres connections in the pool");                          \
  ABSL_FLAG(int, db_pool_wait_ms, 2000, "How long a request waits for a pooled connection");    \
  ABSL_FLAG(bool, migrate_only, false, "Apply database migrations and exit (Kubernetes Job)");  \
  ABSL_FLAG(int, max_message_bytes, 16 << 20, "Largest gRPC message accepted or sent");         \
  ABSL_FLAG(int, max_active_rpcs, 0,                                                            \
            "Calls that run at once (0: --db_pool_size); later ones queue");                    \
  ABSL_FLAG(int, max_queued_rpcs, 512,                                                          \
            "Calls that may wait for a slot, in arrival order; one more is shed at once "       \
            "(UNAVAILABLE)");                                                                   \
  ABSL_FLAG(int, max_queue_wait_ms, 5000,                                                       \
            "Longest wait for a slot, never past the call's deadline; then UNAVAILABLE");       \
  ABSL_FLAG(int, max_threads, 0,                                                                \
            "Upper bound of gRPC server threads (0: none); a queued call holds one, so at "     \
            "least --max_active_rpcs + --max_queued_rpcs + 64");                                \
  ABSL_FLAG(int, drain_seconds, 10, "On SIGTERM, how long calls in flight may finish");         \
  static ekinerja::ServerOptions ServerOptionsFromFlags(std::string service) {                  \
    ekinerja::ServerOptions o;                                                                  \
    o.service = std::move(service);                                                             \
    o.host = absl::GetFlag(FLAGS_host);                                                         \
    o.grpc_port = absl::GetFlag(FLAGS_grpc_port);                                               \
    o.metrics_port = absl::GetFlag(FLAGS_metrics_port);                                         \
    o.db_url = absl::GetFlag(FLAGS_db_url);                                                     \
    o.db_schema = absl::GetFlag(FLAGS_db_schema);                                               \
    o.db_pool_size = absl::GetFlag(FLAGS_db_pool_size);                                         \
    o.db_pool_wait = absl::Milliseconds(absl::GetFlag(FLAGS_db_pool_wait_ms));                  \
    o.tls = ekinerja::TlsFilesFromFlags();                                                      \
    o.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);                               \
    o.max_active_rpcs = absl::GetFlag(FLAGS_max_active_rpcs);                                   \
    o.max_queued_rpcs = absl::GetFlag(FLAGS_max_queued_rpcs);                                   \
    o.max_queue_wait = absl::Milliseconds(absl::GetFlag(FLAGS_max_queue_wait_ms));              \
    o.max_threads = absl::GetFlag(FLAGS_max_threads);                                           \
    o.drain = absl::Seconds(absl::GetFlag(FLAGS_drain_seconds));                                \
    return o;                                                                                   \
  }                                                                                             \
  static_assert(true, "")
