// token_verify_bench: what one call costs the services' JwtTokenVerifier for its bearer token,
// with the verified-token cache (issue 9 item 9: a hit) and without it (--jwt_cache_size=0: the
// ES256 verification every call), in one process, on the same token. No network, no database.
//
//   build/tests/bench/token_verify_bench [--threads=T] [--seconds=S]
//
// Prints one line per case:
//   <case> <threads> <calls> <seconds> <calls_per_second> <us_per_call_per_thread>
// where each thread calls Verify in a closed loop on the one token (all hits once it is cached).

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "auth.h"
#include "jwks_cache.h"
#include "jwt.h"

ABSL_FLAG(int, threads, 1, "Threads calling Verify at once");
ABSL_FLAG(int, seconds, 3, "Measured duration of each case");

namespace {

using namespace ekinerja;

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "token_verify_bench: %s\n", what.c_str());
  std::exit(1);
}

void Run(const char* name, JwtTokenVerifier& verifier, const std::string& token, int threads,
         absl::Duration duration) {
  if (!verifier.Verify(token).ok()) Die("the token does not verify");  // warms the JWKS (and cache)
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> calls{0}, errors{0};
  std::vector<std::thread> workers;
  const absl::Time start = absl::Now();
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      uint64_t n = 0, bad = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        if (!verifier.Verify(token).ok()) ++bad;
        ++n;
      }
      calls += n;
      errors += bad;
    });
  }
  absl::SleepFor(duration);
  stop = true;
  for (auto& w : workers) w.join();
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  if (errors.load() != 0) Die("a call was refused");
  const double rate = static_cast<double>(calls.load()) / seconds;
  std::printf("%s %d %llu %.2f %.0f %.2f\n", name, threads,
              static_cast<unsigned long long>(calls.load()), seconds, rate, 1e6 * threads / rate);
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("token_verify_bench: JwtTokenVerifier with and without its cache");
  absl::ParseCommandLine(argc, argv);
  const int threads = absl::GetFlag(FLAGS_threads);
  const int seconds = absl::GetFlag(FLAGS_seconds);
  if (threads < 1 || threads > 64 || seconds < 1 || seconds > 600) {
    Die("--threads must be 1..64 and --seconds 1..600");
  }

  auto key = auth::SigningKey::Generate("bench");
  if (!key.ok()) Die(std::string(key.status().message()));
  auth::Claims claims;
  claims.iss = "ekinerja-identity";
  claims.aud = "ekinerja";
  claims.sub = "198503302010012001";
  claims.tenant = "bench";
  claims.org_unit = "DISBENCH";
  claims.roles = {"PEGAWAI"};
  claims.iat = absl::ToUnixSeconds(absl::Now());
  claims.exp = claims.iat + 3600;
  auto token = key->Sign(claims);
  if (!token.ok()) Die(std::string(token.status().message()));
  auto jwks = std::make_shared<auth::JwksCache>(
      [jwk = key->ToJwk()]() -> absl::StatusOr<std::vector<auth::PublicJwk>> {
        return std::vector<auth::PublicJwk>{jwk};
      });

  JwtTokenVerifier uncached(jwks, claims.iss, claims.aud, /*cache_capacity=*/0);
  JwtTokenVerifier cached(jwks, claims.iss, claims.aud);
  std::printf("# case threads calls seconds calls_per_second us_per_call_per_thread\n");
  Run("uncached", uncached, *token, threads, absl::Seconds(seconds));
  Run("cached", cached, *token, threads, absl::Seconds(seconds));
  return 0;
}
