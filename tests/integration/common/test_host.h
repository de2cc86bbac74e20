#pragma once

// The ServerOptions every service fixture starts its service with: `service` on a throwaway
// `schema` (test_db.h), gRPC on a free port, no metrics endpoint (stopping civetweb takes up to
// its 2 s poll quantum; the tests that read /metrics turn it on), a pool of 4 and a 1 s drain.

#include <string>

#include "integration/common/test_db.h"
#include "server.h"

namespace ekinerja::integration {

inline ServerOptions TestServerOptions(const std::string& service, const TestSchema& schema) {
  ServerOptions options;
  options.service = service;
  options.grpc_port = 0;
  options.metrics_port = -1;
  options.db_url = schema.url();
  options.db_schema = schema.name();
  options.db_pool_size = 4;
  options.drain = absl::Seconds(1);
  return options;
}

}  // namespace ekinerja::integration
