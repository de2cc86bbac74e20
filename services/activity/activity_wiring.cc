#include "activity_wiring.h"

#include "activity_sql.h"
#include "request_log.h"

namespace ekinerja::activity {

std::vector<EmbeddedFile> ActivitySql() { return db::WithRequestLog(embedded::activity_sql()); }

absl::StatusOr<Activity> BuildActivity(ServiceHost& host, const ActivityOptions& options,
                                       ActivityClients clients) {
  if (clients.directory == nullptr || clients.attendance == nullptr || clients.skp == nullptr ||
      !clients.public_keys) {
    return absl::InvalidArgumentError(
        "activity needs a directory, attendance, SKP and the public keys");
  }
  Activity out;
  out.metrics = std::make_shared<ActivityMetrics>(host.metrics().registry());
  out.service =
      std::make_shared<ActivityServiceImpl>(host.pool(), *clients.directory, *clients.attendance,
                                            *clients.skp, *out.metrics, options.service);
  auto jwks = std::make_shared<auth::JwksCache>(std::move(clients.public_keys));
  out.setup.services = {out.service.get()};
  out.setup.verifier = std::make_shared<JwtTokenVerifier>(
      jwks, options.jwt_issuer, options.jwt_audience, options.jwt_cache_size);
  out.setup.keep_alive = {clients.directory, clients.attendance, clients.skp,
                          out.metrics,       out.service,        jwks};
  return out;
}

}  // namespace ekinerja::activity
