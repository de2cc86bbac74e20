#include "skp_wiring.h"

#include "request_log.h"
#include "skp_sql.h"

namespace ekinerja::skp {

std::vector<EmbeddedFile> SkpSql() { return db::WithRequestLog(embedded::skp_sql()); }

absl::StatusOr<Skp> BuildSkp(ServiceHost& host, const SkpOptions& options, SkpClients clients) {
  if (clients.directory == nullptr || !clients.public_keys) {
    return absl::InvalidArgumentError("skp needs a directory and the public keys");
  }
  Skp out;
  out.metrics = std::make_shared<SkpMetrics>(host.metrics().registry());
  out.service = std::make_shared<SkpServiceImpl>(host.pool(), *clients.directory, *out.metrics,
                                                 options.service);
  auto jwks = std::make_shared<auth::JwksCache>(std::move(clients.public_keys));
  out.setup.services = {out.service.get()};
  out.setup.verifier = std::make_shared<JwtTokenVerifier>(
      jwks, options.jwt_issuer, options.jwt_audience, options.jwt_cache_size);
  out.status_gauge =
      std::make_shared<SkpStatusGauge>(host.pool(), out.metrics, options.count_statuses_every);
  out.setup.keep_alive = {out.status_gauge, clients.directory, out.metrics, out.service, jwks};
  return out;
}

}  // namespace ekinerja::skp
