-- 0003: the secrets store. Values are AES-256-GCM ciphertexts under one random data key, each with its own
-- IV and its name bound as additional data; the data key is never stored in clear, only wrapped (below).

CREATE TABLE secrets (
  name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
  iv          BLOB NOT NULL CHECK (length(iv) = 12),
  ciphertext  BLOB NOT NULL,
  tag         BLOB NOT NULL CHECK (length(tag) = 16),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- One row per way the data key is protected: the desktop app's safeStorage, the OS keychain (which holds the
-- key itself; the row names the entry), a passphrase (scrypt parameters and a verifier in params_json).
-- Several may exist at once, so the app and the command line can each open the same secrets.
-- key_check is an HMAC of the data key: every wrapping must unwrap to the same key.
CREATE TABLE secret_key_wraps (
  backend      TEXT PRIMARY KEY CHECK (backend IN ('safe_storage', 'keychain', 'passphrase')),
  wrapped      BLOB NOT NULL,
  params_json  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params_json)),
  key_check    BLOB NOT NULL,
  updated_at   TEXT NOT NULL
);
