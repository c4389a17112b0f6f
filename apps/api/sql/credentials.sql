-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- credentials.allKeys
SELECT id, public_key_multibase, created_at, rotated_at FROM credential_keys ORDER BY created_at, id;

-- credentials.certificateByCode
SELECT c.id, c.user_id, c.code, c.name, c.course_id, c.course_title, co.summary AS course_summary,
          co.language AS course_language, c.issued_at, c.revoked_at
     FROM certificates c JOIN courses co ON co.id = c.course_id
    WHERE c.code = $1;

-- credentials.credentialById
SELECT id, certificate_id, key_id, status_list_id, status_index, document, issued_at, revoked_at, revoked_by
     FROM credentials WHERE id = $1;

-- credentials.credentialStates
SELECT DISTINCT ON (cr.certificate_id) cr.certificate_id, cr.issued_at, cr.revoked_by,
          bool_or(cr.revoked_by IN ('admin', 'erasure')) OVER (PARTITION BY cr.certificate_id) AS admin_revoked
     FROM credentials cr JOIN certificates c ON c.id = cr.certificate_id
    WHERE c.user_id = $1
    ORDER BY cr.certificate_id, (cr.revoked_at IS NULL) DESC, cr.issued_at DESC, cr.id;

-- credentials.currentKey
SELECT id, public_key_multibase, secret_key_encrypted, created_at, rotated_at
   FROM credential_keys WHERE rotated_at IS NULL;

-- credentials.eraseCredentials
WITH u AS (
     UPDATE credentials cr SET revoked_at = coalesce(cr.revoked_at, now()),
            revoked_by = coalesce(cr.revoked_by, 'erasure'), document = ''
       FROM certificates c
      WHERE c.id = cr.certificate_id AND c.user_id = $1
     RETURNING cr.id, cr.status_list_id, cr.status_index)
   SELECT id, status_list_id, status_index FROM u;

-- credentials.insertCredential
INSERT INTO credentials (id, certificate_id, key_id, status_list_id, status_index, document, issued_at)
   VALUES ($1, $2, $3, $4, $5, $6, $7)
   RETURNING id, certificate_id, key_id, status_list_id, status_index, document, issued_at, revoked_at, revoked_by;

-- credentials.insertKey
INSERT INTO credential_keys (public_key_multibase, secret_key_encrypted) VALUES ($1, $2)
   ON CONFLICT (current) WHERE rotated_at IS NULL DO NOTHING
   RETURNING id, public_key_multibase, secret_key_encrypted, created_at, rotated_at;

-- credentials.issuer
SELECT name, url, image_url FROM credential_issuer WHERE id = 1;

-- credentials.keyById
SELECT id, public_key_multibase, secret_key_encrypted, created_at, rotated_at
   FROM credential_keys WHERE id = $1;

-- credentials.latestCredential
SELECT id, certificate_id, key_id, status_list_id, status_index, document, issued_at, revoked_at, revoked_by
     FROM credentials WHERE certificate_id = $1
    ORDER BY (revoked_at IS NULL) DESC, issued_at DESC, id LIMIT 1;

-- credentials.list
SELECT id, key_id, length, next_index, bits, signed, updated_at FROM credential_status_lists WHERE id = $1;

-- credentials.listForUpdate
SELECT id, key_id, length, next_index, bits, signed, updated_at FROM credential_status_lists WHERE id = $1 FOR UPDATE;

-- credentials.listIds
SELECT id FROM credential_status_lists ORDER BY id;

-- credentials.lockCertificate
SELECT id FROM certificates WHERE id = $1 FOR UPDATE;

-- credentials.lockLists
SELECT pg_advisory_xact_lock(hashtext('credential_status_lists'));

-- credentials.myCertificate
SELECT c.id, c.user_id, c.code, c.name, c.course_id, c.course_title, co.summary AS course_summary,
          co.language AS course_language, c.issued_at, c.revoked_at
     FROM certificates c JOIN courses co ON co.id = c.course_id
    WHERE c.id = $1 AND c.user_id = $2;

-- credentials.newList
INSERT INTO credential_status_lists (id, key_id, length, bits, next_index)
   SELECT coalesce(max(id), 0) + 1, $1, $2, $3, 0 FROM credential_status_lists
   RETURNING id, key_id, length, next_index, bits, signed, updated_at;

-- credentials.retireKey
WITH u AS (UPDATE credential_keys SET rotated_at = now() WHERE rotated_at IS NULL RETURNING id) SELECT id FROM u;

-- credentials.revokeCertificate
WITH u AS (UPDATE certificates SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING revoked_at)
   SELECT revoked_at FROM u;

-- credentials.revokeCredentials
WITH u AS (UPDATE credentials SET revoked_at = now(), revoked_by = $2
                WHERE certificate_id = $1 AND revoked_at IS NULL RETURNING id, status_list_id, status_index)
   SELECT id, status_list_id, status_index FROM u;

-- credentials.saveIssuer
INSERT INTO credential_issuer (id, name, url, image_url) VALUES (1, $1, $2, $3)
   ON CONFLICT (id) DO UPDATE SET name = $1, url = $2, image_url = $3, updated_at = now()
   RETURNING name, url, image_url;

-- credentials.saveList
UPDATE credential_status_lists SET bits = $2, signed = $3, updated_at = now() WHERE id = $1;

-- credentials.takeIndex
WITH u AS (
     UPDATE credential_status_lists SET next_index = next_index + 1
      WHERE id = (SELECT id FROM credential_status_lists WHERE key_id = $1 AND next_index < length ORDER BY id LIMIT 1)
        AND next_index < length
     RETURNING id, next_index - 1 AS index)
   SELECT id, index FROM u;
