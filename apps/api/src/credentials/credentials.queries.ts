import type { DraftText } from '@dari/contracts';
import { type Db, run, statement } from '../database/sql.js';

/* Credentials' SQL (issue 19). apps/api/sql/credentials.sql shows each statement whole. */

/** The first row, if any. */
const first = <T>(rows: T[]): T | undefined => rows[0];

// ---- keys ----

export interface KeyRow {
  id: string;
  public_key_multibase: string;
  secret_key_encrypted: string;
  created_at: Date;
  rotated_at: Date | null;
}

const currentKeySql = statement<KeyRow>(
  'credentials.currentKey',
  `SELECT id, public_key_multibase, secret_key_encrypted, created_at, rotated_at
   FROM credential_keys WHERE rotated_at IS NULL`,
);
export const currentKey = async (db: Db) => first(await run(db, currentKeySql, []));

const keyByIdSql = statement<KeyRow, [id: string]>(
  'credentials.keyById',
  `SELECT id, public_key_multibase, secret_key_encrypted, created_at, rotated_at
   FROM credential_keys WHERE id = $1`,
);
export const keyById = async (db: Db, id: string) => first(await run(db, keyByIdSql, [id]));

const allKeysSql = statement<Pick<KeyRow, 'id' | 'public_key_multibase' | 'created_at' | 'rotated_at'>>(
  'credentials.allKeys',
  `SELECT id, public_key_multibase, created_at, rotated_at FROM credential_keys ORDER BY created_at, id`,
);
/** Every key, current and rotated: the did:web document lists them all. */
export const allKeys = (db: Db) => run(db, allKeysSql, []);

const insertKeySql = statement<KeyRow, [publicKey: string, sealed: string]>(
  'credentials.insertKey',
  `INSERT INTO credential_keys (public_key_multibase, secret_key_encrypted) VALUES ($1, $2)
   ON CONFLICT (current) WHERE rotated_at IS NULL DO NOTHING
   RETURNING id, public_key_multibase, secret_key_encrypted, created_at, rotated_at`,
);
/** Adds a current key unless one exists (two first starts at once: one wins, the other reads it). */
export const insertKey = async (db: Db, publicKey: string, sealed: string) =>
  first(await run(db, insertKeySql, [publicKey, sealed]));

const retireKeySql = statement<{ id: string }>(
  'credentials.retireKey',
  `WITH u AS (UPDATE credential_keys SET rotated_at = now() WHERE rotated_at IS NULL RETURNING id) SELECT id FROM u`,
);
/** The current key becomes a rotated one (kept: old credentials verify with it). */
export const retireKey = (db: Db) => run(db, retireKeySql, []);

// ---- the issuer ----

export interface IssuerRow {
  name: string;
  url: string;
  image_url: string | null;
}
const issuerSql = statement<IssuerRow>(
  'credentials.issuer',
  `SELECT name, url, image_url FROM credential_issuer WHERE id = 1`,
);
export const issuer = async (db: Db) => first(await run(db, issuerSql, []));

const saveIssuerSql = statement<IssuerRow, [name: string, url: string, imageUrl: string | null]>(
  'credentials.saveIssuer',
  `INSERT INTO credential_issuer (id, name, url, image_url) VALUES (1, $1, $2, $3)
   ON CONFLICT (id) DO UPDATE SET name = $1, url = $2, image_url = $3, updated_at = now()
   RETURNING name, url, image_url`,
);
export const saveIssuer = async (db: Db, name: string, url: string, imageUrl: string | null) =>
  first(await run(db, saveIssuerSql, [name, url, imageUrl]));

// ---- certificates and their credentials ----

export interface CertificateRow {
  id: string;
  user_id: string | null;
  code: string;
  name: string;
  course_id: string;
  course_title: DraftText;
  course_summary: DraftText;
  course_language: 'ko' | 'en' | 'zh';
  issued_at: Date;
  revoked_at: Date | null;
}
const myCertificateSql = statement<CertificateRow, [certificateId: string, learnerId: string]>(
  'credentials.myCertificate',
  `SELECT c.id, c.user_id, c.code, c.name, c.course_id, c.course_title, co.summary AS course_summary,
          co.language AS course_language, c.issued_at, c.revoked_at
     FROM certificates c JOIN courses co ON co.id = c.course_id
    WHERE c.id = $1 AND c.user_id = $2`,
);
/** The learner's own certificate (anyone else's answers nothing: 404 like a missing one). */
export const myCertificate = async (db: Db, certificateId: string, learnerId: string) =>
  first(await run(db, myCertificateSql, [certificateId, learnerId]));

const lockCertificateSql = statement<{ id: string }, [certificateId: string]>(
  'credentials.lockCertificate',
  `SELECT id FROM certificates WHERE id = $1 FOR UPDATE`,
);
/** Serialises issuing, withdrawing and revoking one certificate's credential. */
export async function lockCertificate(db: Db, certificateId: string): Promise<void> {
  await run(db, lockCertificateSql, [certificateId]);
}

const certificateByCodeSql = statement<CertificateRow, [code: string]>(
  'credentials.certificateByCode',
  `SELECT c.id, c.user_id, c.code, c.name, c.course_id, c.course_title, co.summary AS course_summary,
          co.language AS course_language, c.issued_at, c.revoked_at
     FROM certificates c JOIN courses co ON co.id = c.course_id
    WHERE c.code = $1`,
);
export const certificateByCode = async (db: Db, code: string) => first(await run(db, certificateByCodeSql, [code]));

const revokeCertificateSql = statement<{ revoked_at: Date }, [certificateId: string]>(
  'credentials.revokeCertificate',
  `WITH u AS (UPDATE certificates SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING revoked_at)
   SELECT revoked_at FROM u`,
);
/** An admin's revocation also revokes the certificate itself (its /verify page says so). */
export const revokeCertificate = async (db: Db, certificateId: string) =>
  first(await run(db, revokeCertificateSql, [certificateId]));

export interface CredentialRow {
  id: string;
  certificate_id: string;
  key_id: string;
  status_list_id: number;
  status_index: number;
  document: string;
  issued_at: Date;
  revoked_at: Date | null;
  revoked_by: 'learner' | 'admin' | 'erasure' | null;
}
const latestCredentialSql = statement<CredentialRow, [certificateId: string]>(
  'credentials.latestCredential',
  `SELECT id, certificate_id, key_id, status_list_id, status_index, document, issued_at, revoked_at, revoked_by
     FROM credentials WHERE certificate_id = $1
    ORDER BY (revoked_at IS NULL) DESC, issued_at DESC, id LIMIT 1`,
);
/** The live credential of a certificate, or else the last one revoked. */
export const latestCredential = async (db: Db, certificateId: string) =>
  first(await run(db, latestCredentialSql, [certificateId]));

const credentialStatesSql = statement<
  { certificate_id: string; issued_at: Date; revoked_by: CredentialRow['revoked_by']; admin_revoked: boolean },
  [learnerId: string]
>(
  'credentials.credentialStates',
  `SELECT DISTINCT ON (cr.certificate_id) cr.certificate_id, cr.issued_at, cr.revoked_by,
          bool_or(cr.revoked_by IN ('admin', 'erasure')) OVER (PARTITION BY cr.certificate_id) AS admin_revoked
     FROM credentials cr JOIN certificates c ON c.id = cr.certificate_id
    WHERE c.user_id = $1
    ORDER BY cr.certificate_id, (cr.revoked_at IS NULL) DESC, cr.issued_at DESC, cr.id`,
);
/** Per certificate of the learner: its live or last credential, and whether one was ever revoked by an admin. */
export const credentialStates = (db: Db, learnerId: string) => run(db, credentialStatesSql, [learnerId]);

const insertCredentialSql = statement<
  CredentialRow,
  [id: string, certificateId: string, keyId: string, list: number, index: number, document: string, issuedAt: Date]
>(
  'credentials.insertCredential',
  `INSERT INTO credentials (id, certificate_id, key_id, status_list_id, status_index, document, issued_at)
   VALUES ($1, $2, $3, $4, $5, $6, $7)
   RETURNING id, certificate_id, key_id, status_list_id, status_index, document, issued_at, revoked_at, revoked_by`,
);
export const insertCredential = async (
  db: Db,
  c: {
    id: string;
    certificateId: string;
    keyId: string;
    list: number;
    index: number;
    document: string;
    issuedAt: Date;
  },
) =>
  first(await run(db, insertCredentialSql, [c.id, c.certificateId, c.keyId, c.list, c.index, c.document, c.issuedAt]));

const revokeCredentialsSql = statement<
  Pick<CredentialRow, 'id' | 'status_list_id' | 'status_index'>,
  [certificateId: string, by: string]
>(
  'credentials.revokeCredentials',
  `WITH u AS (UPDATE credentials SET revoked_at = now(), revoked_by = $2
                WHERE certificate_id = $1 AND revoked_at IS NULL RETURNING id, status_list_id, status_index)
   SELECT id, status_list_id, status_index FROM u`,
);
/** Revokes the certificate's live credential (if any); the caller sets its status bit. */
export const revokeCredentials = (db: Db, certificateId: string, by: 'learner' | 'admin' | 'erasure') =>
  run(db, revokeCredentialsSql, [certificateId, by]);

const credentialByIdSql = statement<CredentialRow, [id: string]>(
  'credentials.credentialById',
  `SELECT id, certificate_id, key_id, status_list_id, status_index, document, issued_at, revoked_at, revoked_by
     FROM credentials WHERE id = $1`,
);
export const credentialById = async (db: Db, id: string) => first(await run(db, credentialByIdSql, [id]));

// ---- status lists ----

export interface StatusListRow {
  id: number;
  key_id: string;
  length: number;
  next_index: number;
  bits: Buffer;
  signed: string | null;
  updated_at: Date;
}
const takeIndexSql = statement<{ id: number; index: number }, [keyId: string]>(
  'credentials.takeIndex',
  `WITH u AS (
     UPDATE credential_status_lists SET next_index = next_index + 1
      WHERE id = (SELECT id FROM credential_status_lists WHERE key_id = $1 AND next_index < length ORDER BY id LIMIT 1)
        AND next_index < length
     RETURNING id, next_index - 1 AS index)
   SELECT id, index FROM u`,
);
/**
 * Takes the next free position of the key's open list. The UPDATE holds the row's lock until the
 * transaction ends, so two issuances at once get different positions (the second waits, re-reads).
 */
export const takeIndex = async (db: Db, keyId: string) => first(await run(db, takeIndexSql, [keyId]));

const newListSql = statement<StatusListRow, [keyId: string, length: number, bits: Buffer]>(
  'credentials.newList',
  `INSERT INTO credential_status_lists (id, key_id, length, bits, next_index)
   SELECT coalesce(max(id), 0) + 1, $1, $2, $3, 0 FROM credential_status_lists
   RETURNING id, key_id, length, next_index, bits, signed, updated_at`,
);
/** A fresh list for the key (the first, or when its last one is full). Numbered from 1. */
export const newList = async (db: Db, keyId: string, length: number, bits: Buffer) =>
  first(await run(db, newListSql, [keyId, length, bits]));

const lockListsSql = statement<never>(
  'credentials.lockLists',
  `SELECT pg_advisory_xact_lock(hashtext('credential_status_lists'))`,
);
/** Serialises making a new list (so two full-list issuances do not both make list n+1). */
export async function lockLists(db: Db): Promise<void> {
  await run(db, lockListsSql, []);
}

const listForUpdateSql = statement<StatusListRow, [id: number]>(
  'credentials.listForUpdate',
  `SELECT id, key_id, length, next_index, bits, signed, updated_at FROM credential_status_lists WHERE id = $1 FOR UPDATE`,
);
export const listForUpdate = async (db: Db, id: number) => first(await run(db, listForUpdateSql, [id]));

const listSql = statement<StatusListRow, [id: number]>(
  'credentials.list',
  `SELECT id, key_id, length, next_index, bits, signed, updated_at FROM credential_status_lists WHERE id = $1`,
);
export const list = async (db: Db, id: number) => first(await run(db, listSql, [id]));

const saveListSql = statement<never, [id: number, bits: Buffer, signed: string]>(
  'credentials.saveList',
  `UPDATE credential_status_lists SET bits = $2, signed = $3, updated_at = now() WHERE id = $1`,
);
export async function saveList(db: Db, id: number, bits: Buffer, signed: string): Promise<void> {
  await run(db, saveListSql, [id, bits, signed]);
}

const listIdsSql = statement<{ id: number }>(
  'credentials.listIds',
  `SELECT id FROM credential_status_lists ORDER BY id`,
);
export const listIds = (db: Db) => run(db, listIdsSql, []);

// ---- erasure ----

const eraseCredentialsSql = statement<Pick<CredentialRow, 'id' | 'status_list_id' | 'status_index'>, [userId: string]>(
  'credentials.eraseCredentials',
  `WITH u AS (
     UPDATE credentials cr SET revoked_at = coalesce(cr.revoked_at, now()),
            revoked_by = coalesce(cr.revoked_by, 'erasure'), document = ''
       FROM certificates c
      WHERE c.id = cr.certificate_id AND c.user_id = $1
     RETURNING cr.id, cr.status_list_id, cr.status_index)
   SELECT id, status_list_id, status_index FROM u`,
);
/** Erasure: every credential of the learner is revoked and Dari's copy (with the name) emptied. */
export const eraseCredentials = (db: Db, userId: string) => run(db, eraseCredentialsSql, [userId]);
