#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "crypto.h"
#include "db.h"
#include "jwt.h"
#include "store/store.h"

namespace ekinerja::identity {

// The ES256 signing keys, kept in the database so that every replica signs with the same current
// key and publishes the same JWKS. A retired key stays published for `publish_retired_for` (the
// access-token lifetime), so tokens it signed verify until they expire.
//
// At rest each private key is sealed with AES-256-GCM (its kid as associated data) under the
// key-encryption key `kek`, which lives only in the operator's secret (V004). `previous_kek`, when
// given, is the KEK being rotated away from: keys sealed under it are opened and sealed again
// under `kek` at EnsureKey.
class KeyRing {
 public:
  KeyRing(db::Pool& pool, absl::Duration publish_retired_for, auth::Aes256Key kek,
          std::optional<auth::Aes256Key> previous_kek = std::nullopt);

  // At start, advisory-locked so that replicas agree: seals the keys stored in plaintext (from
  // before V004) and those under `previous_kek` with `kek`, checks that every other key opens
  // with `kek`, and makes a key when there is none. FAILED_PRECONDITION naming the key and the KEK
  // it needs when one is sealed under a KEK this ring was not given (nothing is changed then).
  absl::Status EnsureKey();
  absl::StatusOr<std::string> Sign(const auth::Claims& claims);
  absl::StatusOr<std::vector<auth::PublicJwk>> PublicKeys();
  // Makes a new current key; returns its kid.
  absl::StatusOr<std::string> Rotate();

 private:
  absl::Status Reload() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status ReloadIfStale() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The private key PEM of a stored row (plaintext, or opened with the KEK its kek_id names).
  absl::StatusOr<std::string> Open(const store::SigningKeyRow& row) const;
  // The row that stores `pem` as key `kid`, sealed under kek_.
  store::SigningKeyRow Seal(const std::string& kid, const std::string& pem, bool current) const;
  absl::StatusOr<store::SigningKeyRow> NewKey() const;

  db::Pool& pool_;
  const absl::Duration publish_retired_for_;
  const auth::Aes256Key kek_;
  const std::optional<auth::Aes256Key> previous_kek_;
  absl::Mutex mu_;
  std::vector<auth::SigningKey> keys_ ABSL_GUARDED_BY(mu_);  // current first
  absl::Time loaded_at_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace ekinerja::identity
