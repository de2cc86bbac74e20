#include "jwks_cache.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace ekinerja::auth {

JwksCache::JwksCache(Fetch fetch, absl::Duration max_age, absl::Duration min_refetch_gap,
                     Clock clock)
    : fetch_(std::move(fetch)),
      max_age_(max_age),
      min_refetch_gap_(min_refetch_gap),
      clock_(std::move(clock)) {}

JwksCache::Snapshot JwksCache::Read() const {
  absl::MutexLock lock(&mu_);
  return {keys_, fetched_at_, attempted_at_, attempts_};
}

JwksCache::Snapshot JwksCache::Refresh(const Snapshot& seen) {
  absl::MutexLock fetching(&fetch_mu_);
  {
    absl::MutexLock lock(&mu_);
    // Whoever held fetch_mu_ before us already fetched for the same reason; use their result.
    if (attempts_ != seen.attempts) return {keys_, fetched_at_, attempted_at_, attempts_};
  }
  // mu_ is not held here, so verifications with the current keys go on during the fetch.
  absl::StatusOr<std::vector<PublicJwk>> jwks = fetch_();
  absl::StatusOr<KeySet> keys =
      jwks.ok() ? KeySet::FromJwks(*jwks) : absl::StatusOr<KeySet>(jwks.status());
  const absl::Time now = clock_();

  absl::MutexLock lock(&mu_);
  ++attempts_;
  attempted_at_ = now;
  if (keys.ok()) {
    keys_ = std::make_shared<const KeySet>(*std::move(keys));
    fetched_at_ = now;
  } else {
    last_error_ = keys.status();
  }
  return {keys_, fetched_at_, attempted_at_, attempts_};
}

absl::StatusOr<Claims> JwksCache::Verify(std::string_view token, const VerifyOptions& options) {
  // A token that cannot name a kid never causes a fetch.
  absl::StatusOr<JwtHeader> header = PeekHeader(token);
  if (!header.ok()) return header.status();

  Snapshot state = Read();
  const absl::Time now = clock_();
  const bool stale = state.keys == nullptr || now - state.fetched_at >= max_age_;
  // An unknown kid most likely means identity rotated its signing key.
  const bool unknown_kid =
      state.keys != nullptr && header->alg == "ES256" && !state.keys->Has(header->kid);
  // After any fetch, failed ones included, the next one waits min_refetch_gap, so neither bad
  // tokens nor an identity outage turn into a flood of fetches.
  if ((stale || unknown_kid) && now - state.attempted_at >= min_refetch_gap_) {
    state = Refresh(state);
  }
  if (state.keys == nullptr) {
    absl::MutexLock lock(&mu_);
    return absl::UnavailableError(
        absl::StrCat("no token verification keys: JWKS fetch failed: ", last_error_.message()));
  }
  return state.keys->Verify(token, options);
}

}  // namespace ekinerja::auth
