-- Signing keys at rest: the private key sealed with AES-256-GCM under a key-encryption key (KEK)
-- that identity reads from a secret (--signing_kek_file or EKINERJA_SIGNING_KEK), never stored
-- here. kek_id names that KEK (crypto.h: ParseAes256Key), nonce and sealed_key are base64url
-- (sealed_key: the PKCS#8 PEM's ciphertext with the GCM tag appended; the kid is the associated
-- data). Rows from before this migration keep their plaintext private_pem until identity's first
-- start with a KEK seals them (KeyRing::EnsureKey) and clears it.
ALTER TABLE signing_keys
  ALTER COLUMN private_pem DROP NOT NULL,
  ADD COLUMN kek_id text,
  ADD COLUMN nonce text,
  ADD COLUMN sealed_key text,
  ADD CONSTRAINT signing_keys_sealed_or_legacy CHECK (
    (private_pem IS NULL AND kek_id IS NOT NULL AND nonce IS NOT NULL AND sealed_key IS NOT NULL)
    OR (private_pem IS NOT NULL AND kek_id IS NULL AND nonce IS NULL AND sealed_key IS NULL));
