#pragma once

#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "db.h"
#include "jwt.h"

namespace ekinerja::identity {

// The ES256 signing keys, kept in the database so that every replica signs with the same current
// key and publishes the same JWKS. A retired key stays published for `publish_retired_for` (the
// access-token lifetime), so tokens it signed verify until they expire.
class KeyRing {
 public:
  KeyRing(db::Pool& pool, absl::Duration publish_retired_for);

  // At start: makes a key when there is none (advisory-locked, so replicas agree).
  absl::Status EnsureKey();
  absl::StatusOr<std::string> Sign(const auth::Claims& claims);
  absl::StatusOr<std::vector<auth::PublicJwk>> PublicKeys();
  // Makes a new current key; returns its kid.
  absl::StatusOr<std::string> Rotate();

 private:
  absl::Status Reload() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status ReloadIfStale() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  db::Pool& pool_;
  const absl::Duration publish_retired_for_;
  absl::Mutex mu_;
  std::vector<auth::SigningKey> keys_ ABSL_GUARDED_BY(mu_);  // current first
  absl::Time loaded_at_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace ekinerja::identity
