import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { securityLoader } from '@digitalcredentials/security-document-loader';

/* Signing, verifying and key wrapping for Open Badges 3.0 credentials (docs/credentials.md). */

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';

// ---- the signing key at rest: AES-256-GCM, key from scrypt(DARI_CREDENTIAL_KEY or the key file) ----

const WRAP_SALT = 'dari-credential-key-v1';
/** The 32-byte key that encrypts the signing key, from the configured secret (slow on purpose: scrypt). */
export function wrappingKey(secret: string): Buffer {
  return scryptSync(secret, WRAP_SALT, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}
const b64u = (b: Buffer) => b.toString('base64url');
/** `v1.<iv>.<tag>.<ciphertext>`: the secret key multibase, encrypted; the public key is the associated data. */
export function encryptSecret(wrap: Buffer, secretKeyMultibase: string, publicKeyMultibase: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', wrap, iv);
  c.setAAD(Buffer.from(publicKeyMultibase));
  const ct = Buffer.concat([c.update(secretKeyMultibase, 'utf8'), c.final()]);
  return ['v1', b64u(iv), b64u(c.getAuthTag()), b64u(ct)].join('.');
}
export function decryptSecret(wrap: Buffer, sealed: string, publicKeyMultibase: string): string {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !ct) throw new Error('credential key: unknown format');
  const d = createDecipheriv('aes-256-gcm', wrap, Buffer.from(iv, 'base64url'));
  d.setAAD(Buffer.from(publicKeyMultibase));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
}

export async function generateKey(): Promise<{ publicKeyMultibase: string; secretKeyMultibase: string }> {
  const pair = await Ed25519Multikey.generate();
  const out = await pair.export({ publicKey: true, secretKey: true });
  if (!out.secretKeyMultibase) throw new Error('credential key: generation gave no secret key');
  return { publicKeyMultibase: out.publicKeyMultibase, secretKeyMultibase: out.secretKeyMultibase };
}

// ---- DIDs ----

/** did:web for a public address: `https://host:port/path` → `did:web:host%3Aport:path`. */
export function didWebFor(publicUrl: string): string {
  const u = new URL(publicUrl);
  const host = encodeURIComponent(u.host);
  const path = u.pathname
    .split('/')
    .filter(Boolean)
    .map((p) => encodeURIComponent(p));
  return ['did:web', host, ...path].join(':');
}
export const didKeyFor = (publicKeyMultibase: string) => `did:key:${publicKeyMultibase}`;
/** The verification method of a key under a DID: its public key is its fragment, under did:web and did:key alike. */
export const methodId = (did: string, publicKeyMultibase: string) => `${did}#${publicKeyMultibase}`;

export interface DidKey {
  publicKeyMultibase: string;
}
/** A DID document with every key as a Multikey verification method (did:web: current and rotated). */
export function didDocument(did: string, keys: DidKey[]) {
  const methods = keys.map((k) => ({
    id: methodId(did, k.publicKeyMultibase),
    type: 'Multikey' as const,
    controller: did,
    publicKeyMultibase: k.publicKeyMultibase,
  }));
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

// ---- the document loader: bundled contexts, Dari's own DIDs and status lists; nothing from the network ----

export interface LocalResolver {
  /** Dari's did:web and its keys (null without a public address). */
  didWeb(): Promise<{ did: string; keys: DidKey[] } | null>;
  /** A status list credential of Dari's, by its URL (null: not Dari's). */
  statusList(url: string): Promise<Record<string, unknown> | null>;
}

export function documentLoader(local: LocalResolver) {
  const loader = securityLoader({ fetchRemoteContexts: false });
  const resolveDid = async (url: string) => {
    const [did, fragment] = url.split('#');
    let doc: ReturnType<typeof didDocument> | null = null;
    if (did.startsWith('did:key:z6Mk')) {
      const key = did.slice('did:key:'.length);
      // The key is the DID itself: a did:key needs nothing but its own text to resolve.
      await Ed25519Multikey.from({ publicKeyMultibase: key }); // throws on a malformed key
      doc = didDocument(did, [{ publicKeyMultibase: key }]);
    } else if (did.startsWith('did:web:')) {
      const own = await local.didWeb();
      if (own && own.did === did) doc = didDocument(did, own.keys);
    }
    if (!doc) throw new Error(`NotFoundError: ${did} is not resolvable offline`);
    if (!fragment) return doc;
    const method = doc.verificationMethod.find((m) => m.id === url);
    if (!method) throw new Error(`NotFoundError: ${url}`);
    return { '@context': MULTIKEY_CONTEXT, ...method };
  };
  loader.setDidResolver({ get: async ({ url, did }) => resolveDid(url ?? did ?? '') });
  const web = {
    get: async ({ url }: { url: string }) => {
      const doc = await local.statusList(url);
      if (!doc) throw new Error(`NotFoundError: ${url} is not fetched (no network at run time)`);
      return doc;
    },
  };
  loader.setProtocolHandler({ protocol: 'https', handler: web });
  loader.setProtocolHandler({ protocol: 'http', handler: web });
  return loader.build();
}

// ---- signing and verifying ----

export interface Signer {
  did: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

export async function sign(
  credential: Record<string, unknown>,
  key: Signer,
  loader: (url: string) => Promise<unknown>,
  now = new Date(),
): Promise<Record<string, unknown>> {
  const pair = await Ed25519Multikey.from({
    id: methodId(key.did, key.publicKeyMultibase),
    controller: key.did,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite: eddsaRdfc2022, date: now });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader: loader, now });
}

/** Whether the proof holds (signature, key of the issuer, the document unchanged); status is checked apart. */
export async function proofHolds(credential: unknown, loader: (url: string) => Promise<unknown>): Promise<boolean> {
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  const r = await vc.verifyCredential({
    credential,
    suite,
    documentLoader: loader,
    checkStatus: () => Promise.resolve({ verified: true }),
  });
  return r.verified;
}
