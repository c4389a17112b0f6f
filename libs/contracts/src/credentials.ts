import { z } from 'zod';
import { certificateCodeParamSchema } from './learning.js';

/**
 * Open Badges 3.0 credentials (issue 19): a learner's certificate, also issued as a W3C Verifiable
 * Credential 2.0 (`OpenBadgeCredential`) signed with a Data Integrity proof (`eddsa-rdfc-2022`).
 * The learner decides whether one exists (issue, withdraw, issue again); an admin can revoke one.
 *
 * Audit actions written by these routes (for the admin-audit page's labels):
 * `credential.issued`, `credential.withdrawn` (by the learner), `credential.revoked` (by an admin,
 * with the reason in the event's details), `credential.issuer_updated`, `credential.key_rotated`
 * (by `npm run credentials:rotate-key`).
 */

/**
 * A signed credential as JSON (the `OpenBadgeCredential` or the `BitstringStatusListCredential`):
 * only the fields every verifiable credential has are checked here; the rest passes through as is
 * (a signed document must never be reshaped, or its proof breaks).
 */
export const verifiableCredentialSchema = z.looseObject({
  '@context': z.array(z.union([z.string(), z.record(z.string(), z.unknown())])),
  id: z.string().optional(),
  type: z.array(z.string()),
  issuer: z.union([z.string(), z.looseObject({ id: z.string() })]),
  validFrom: z.string().optional(),
  credentialSubject: z.unknown(),
  proof: z.unknown().optional(),
});
export type VerifiableCredential = z.infer<typeof verifiableCredentialSchema>;

/** `GET /certificates/:id/credential?download=1`: sent as `dari-<code>.json`, an attachment. */
export const credentialQuerySchema = z.strictObject({
  download: z.enum(['0', '1']).optional(),
});
export type CredentialQuery = z.infer<typeof credentialQuerySchema>;

/** `POST /admin/credentials/revoke`: revokes the certificate with this code and its credential. */
export const revokeCredentialSchema = z.strictObject({
  code: certificateCodeParamSchema.shape.code,
  reason: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(500, { error: 'must be at most 500 characters' }),
});
export type RevokeCredential = z.infer<typeof revokeCredentialSchema>;
export const revokedCredentialSchema = z.object({
  /** The certificate's code, as XXXX-XXXX-XXXX. */
  code: z.string(),
  state: z.literal('revoked'),
  revokedAt: z.iso.datetime({ offset: true }),
});
export type RevokedCredential = z.infer<typeof revokedCredentialSchema>;

/** `GET /credentials/status/:list`: the number of a published status list. */
export const statusListParamSchema = z.strictObject({
  list: z.string().regex(/^[1-9][0-9]{0,5}$/, { error: 'is not a status list number' }),
});
export type StatusListParam = z.infer<typeof statusListParamSchema>;

/** The issuer's DID document (did:web): every key, current and rotated, so old credentials keep verifying. */
export const didDocumentSchema = z.looseObject({
  '@context': z.array(z.string()),
  id: z.string(),
  verificationMethod: z.array(
    z.looseObject({
      id: z.string(),
      type: z.literal('Multikey'),
      controller: z.string(),
      publicKeyMultibase: z.string(),
    }),
  ),
  assertionMethod: z.array(z.string()),
});
export type DidDocument = z.infer<typeof didDocumentSchema>;

/**
 * `POST /credentials/verify` (public): any JSON object up to 64 KiB (larger → 413); what is not a
 * credential at all answers `malformed`, not 400, so the page can say so in its own words.
 */
export const verifyCredentialBodySchema = z.record(z.string(), z.unknown());
export type VerifyCredentialBody = z.infer<typeof verifyCredentialBodySchema>;
export const CREDENTIAL_VERIFY_MAX_BYTES = 64 * 1024;

/**
 * `valid`: the proof holds, the issuer is known (Dari's own DID, or a did:key), not revoked, not expired.
 * `tampered`: the proof does not match the content. `revoked`: its status list bit is set.
 * `expired`: past `validUntil`. `unknown-issuer`: signed by a key Dari cannot resolve offline.
 * `malformed`: not a verifiable credential.
 */
export const CREDENTIAL_VERIFY_RESULTS = [
  'valid',
  'tampered',
  'revoked',
  'expired',
  'unknown-issuer',
  'malformed',
] as const;
export const credentialVerificationSchema = z.object({
  result: z.enum(CREDENTIAL_VERIFY_RESULTS),
  /** What the credential says (only when it could be read; shown to help, proven only when `valid`). */
  issuer: z.object({ name: z.string(), url: z.string().optional() }).optional(),
  /** The name on the credential (the learner's chosen name). */
  name: z.string().optional(),
  /**
   * The achievement (the course): its name and description in `language`, and in `languages` the
   * same in the course's other languages (OB 3.0 `related` editions), for a reader of another language.
   */
  achievement: z
    .object({
      name: z.string(),
      description: z.string().optional(),
      language: z.string().optional(),
      languages: z
        .array(z.object({ language: z.string(), name: z.string(), description: z.string().optional() }))
        .optional(),
    })
    .optional(),
  issuedAt: z.string().optional(),
});
export type CredentialVerification = z.infer<typeof credentialVerificationSchema>;

/** The organisation running Dari, as credentials name it (an OB 3.0 `Profile` whose id is the DID). */
export const issuerSchema = z.object({
  name: z.string(),
  url: z.string(),
  imageUrl: z.string().optional(),
  /** The DID credentials are signed as (did:web when a public address is configured, else did:key). */
  did: z.string(),
});
export type Issuer = z.infer<typeof issuerSchema>;
const httpsUrl = z
  .url({ protocol: /^https$/, error: 'must be an https:// address' })
  .max(500, { error: 'must be at most 500 characters' });
export const updateIssuerSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }),
  url: httpsUrl,
  imageUrl: httpsUrl.optional(),
});
export type UpdateIssuer = z.infer<typeof updateIssuerSchema>;
