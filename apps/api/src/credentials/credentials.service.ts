import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BitstringStatusList } from '@digitalbazaar/vc-bitstring-status-list';
import { LOCALES, type Locale } from '@dari/contracts';
import type {
  CredentialState,
  CredentialVerification,
  DidDocument,
  Issuer,
  RevokedCredential,
  UpdateIssuer,
} from '@dari/contracts';
import { formatCode } from '../access/completion.js';
import { AuditService } from '../audit/index.js';
import { LoginThrottleService } from '../auth/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { type Db } from '../database/sql.js';
import {
  OB_V3_CONTEXT,
  VC_V2_CONTEXT,
  decryptSecret,
  didDocument,
  didKeyFor,
  didWebFor,
  documentLoader,
  encryptSecret,
  generateKey,
  proofHolds,
  sign,
  wrappingKey,
  type Signer,
} from './credential-crypto.js';
import * as q from './credentials.queries.js';

/** Entries per status list: the Bitstring Status List spec's minimum (16 KiB), for herd privacy. */
export const STATUS_LIST_LENGTH = 131_072;

type Json = Record<string, unknown>;

/**
 * Open Badges 3.0 credentials of certificates (issue 19, docs/credentials.md): issue, withdraw and
 * revoke; the signed status lists; the DID document; verification of a pasted credential, offline.
 */
@Injectable()
export class CredentialsService {
  private readonly log = new Logger('Credentials');
  private wrap?: Promise<Buffer>;
  readonly loader = documentLoader({
    didWeb: async () => {
      const did = this.didWeb();
      return did
        ? { did, keys: (await q.allKeys(this.db)).map((k) => ({ publicKeyMultibase: k.public_key_multibase })) }
        : null;
    },
    statusList: async (url) => {
      const m = url.startsWith(this.statusBase()) ? /^(\d{1,6})$/.exec(url.slice(this.statusBase().length)) : null;
      if (!m) return null;
      const row = await q.list(this.db, Number(m[1]));
      return row?.signed ? (JSON.parse(row.signed) as Json) : null;
    },
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  // ---- addresses and identity ----

  /** The address third parties reach Dari at; without DARI_PUBLIC_URL, this machine's own (outside verifiers cannot reach it). */
  private base(): string {
    return this.config.publicUrl ?? `http://localhost:${this.config.port}`;
  }
  /** The public verify page of a certificate code (what the certificate's QR code says too). */
  verifyAddress(code: string): string {
    return `${this.base()}/verify/${code}`;
  }
  private statusBase(): string {
    return `${this.base()}/api/v1/credentials/status/`;
  }
  /** did:web when a public https address is configured (localhost: http is allowed for development). */
  private didWeb(): string | null {
    const u = this.config.publicUrl;
    return u && /^https:\/\//.test(u) ? didWebFor(u) : null;
  }
  private didFor(publicKeyMultibase: string): string {
    return this.didWeb() ?? didKeyFor(publicKeyMultibase);
  }

  // ---- keys ----

  private wrapping(): Promise<Buffer> {
    this.wrap ??= this.loadWrapping().catch((e: unknown) => {
      this.wrap = undefined;
      throw e;
    });
    return this.wrap;
  }

  private async loadWrapping(): Promise<Buffer> {
    const c = this.config.credentials;
    if (c.key) return wrappingKey(c.key);
    if (c.requireKey)
      throw new AppException(
        503,
        'service_unavailable',
        'Credentials are not set up on this server: DARI_CREDENTIAL_KEY is missing (see docs/credentials.md).',
      );
    // Quick start and development: a generated secret in a file beside the data (never in the database).
    let secret: string;
    try {
      secret = (await readFile(c.keyFile, 'utf8')).trim();
    } catch {
      await mkdir(path.dirname(c.keyFile), { recursive: true });
      secret = randomBytes(32).toString('base64url');
      try {
        await writeFile(c.keyFile, secret + '\n', { flag: 'wx', mode: 0o600 });
        this.log.warn(
          `Generated ${c.keyFile} to encrypt the credential signing key; set DARI_CREDENTIAL_KEY in production.`,
        );
      } catch {
        secret = (await readFile(c.keyFile, 'utf8')).trim(); // another process made it first
      }
    }
    return wrappingKey(secret);
  }

  private async signer(row: q.KeyRow): Promise<Signer & { keyId: string }> {
    let secretKeyMultibase: string;
    try {
      secretKeyMultibase = decryptSecret(await this.wrapping(), row.secret_key_encrypted, row.public_key_multibase);
    } catch (e) {
      if (e instanceof AppException) throw e;
      throw new AppException(
        503,
        'service_unavailable',
        'The credential signing key cannot be opened with this server’s DARI_CREDENTIAL_KEY (see docs/credentials.md).',
      );
    }
    return {
      keyId: row.id,
      did: this.didFor(row.public_key_multibase),
      publicKeyMultibase: row.public_key_multibase,
      secretKeyMultibase,
    };
  }

  /** The current key, made on first use: Ed25519, its secret encrypted before it reaches the database. */
  async currentKey(db: Db = this.db): Promise<q.KeyRow> {
    const row = await q.currentKey(db);
    if (row) return row;
    const k = await generateKey();
    const sealed = encryptSecret(await this.wrapping(), k.secretKeyMultibase, k.publicKeyMultibase);
    return must((await q.insertKey(db, k.publicKeyMultibase, sealed)) ?? (await q.currentKey(db)), 'current key');
  }

  /** `npm run credentials:rotate-key`: a new current key; the old one stays listed, so what it signed keeps verifying. */
  async rotateKey(): Promise<{ publicKeyMultibase: string; did: string }> {
    // Refuse with a key that does not open the current one: the keys would be sealed with two secrets.
    const current = await q.currentKey(this.db);
    if (current) await this.signer(current);
    const k = await generateKey();
    const sealed = encryptSecret(await this.wrapping(), k.secretKeyMultibase, k.publicKeyMultibase);
    const row = await this.db.transaction(async (m) => {
      const old = await q.retireKey(m);
      const created = must(await q.insertKey(m, k.publicKeyMultibase, sealed), 'new key');
      await this.audit.record(
        {
          actorId: null,
          action: 'credential.key_rotated',
          details: { keyId: created.id, retired: old.map((o) => o.id) },
        },
        m,
      );
      return created;
    });
    return { publicKeyMultibase: row.public_key_multibase, did: this.didFor(row.public_key_multibase) };
  }

  /**
   * Signs a document as the issuer, with the current key (what the development-only VC-API issuer of
   * the W3C test suite signs; docs/credentials.md). The caller checks the document first.
   */
  async signAsIssuer(document: Json, loader: (url: string) => Promise<unknown> = this.loader): Promise<Json> {
    const signer = await this.signer(await this.currentKey());
    return sign(document, signer, loader);
  }

  // ---- the issuer ----

  async issuer(): Promise<Issuer> {
    const row = await q.issuer(this.db);
    const key = await this.currentKey();
    const fallbackUrl = this.config.credentials.issuerUrl ?? this.config.publicUrl ?? 'https://localhost';
    return {
      name: row?.name ?? this.config.credentials.issuerName,
      url: row?.url ?? fallbackUrl,
      ...(row?.image_url ? { imageUrl: row.image_url } : {}),
      did: this.didFor(key.public_key_multibase),
    };
  }

  async updateIssuer(body: UpdateIssuer, auth: AuthContext, requestId: string): Promise<Issuer> {
    await this.db.transaction(async (m) => {
      await q.saveIssuer(m, body.name, body.url, body.imageUrl ?? null);
      await this.audit.record({ actorId: auth.userId, action: 'credential.issuer_updated', requestId }, m);
    });
    return this.issuer();
  }

  private async issuerProfile(did: string): Promise<Json> {
    const i = await this.issuer();
    return {
      id: did,
      type: ['Profile'],
      name: i.name,
      url: i.url,
      ...(i.imageUrl ? { image: { id: i.imageUrl, type: 'Image' } } : {}),
    };
  }

  // ---- status lists ----

  private listUrl(id: number) {
    return `${this.statusBase()}${id}`;
  }

  /** The list's credential, signed: by the current key under did:web, by the list's own key under did:key (its issuer). */
  private async signList(db: Db, row: q.StatusListRow, bits: Buffer): Promise<string> {
    const own = must(await q.keyById(db, row.key_id), 'list key');
    const signer = await this.signer(this.didWeb() ? await this.currentKey(db) : own);
    const list = new BitstringStatusList({ buffer: new Uint8Array(bits) });
    const url = this.listUrl(row.id);
    const now = new Date();
    const credential = {
      '@context': [VC_V2_CONTEXT],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: signer.did,
      validFrom: now.toISOString(),
      credentialSubject: {
        id: `${url}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: await list.encode(),
      },
    };
    return JSON.stringify(await sign(credential, signer, this.loader, now));
  }

  /** A free position for a new credential of the key: the key's open list, or a new one when it is full. */
  private async takeIndex(m: Db, key: q.KeyRow): Promise<{ list: number; index: number }> {
    let got = await q.takeIndex(m, key.id);
    if (!got) {
      await q.lockLists(m);
      got = await q.takeIndex(m, key.id);
      if (!got) {
        const bits = Buffer.alloc(STATUS_LIST_LENGTH / 8);
        const row = must(await q.newList(m, key.id, STATUS_LIST_LENGTH, bits), 'new list');
        await q.saveList(m, row.id, bits, await this.signList(m, row, bits));
        got = await q.takeIndex(m, key.id);
      }
    }
    if (!got) throw new Error('credentials: no status list position');
    return { list: got.id, index: got.index };
  }

  /** Sets the revocation bits and re-signs each list touched (in the caller's transaction). */
  private async setBits(m: Db, entries: { status_list_id: number; status_index: number }[]): Promise<void> {
    const byList = new Map<number, number[]>();
    for (const e of entries) byList.set(e.status_list_id, [...(byList.get(e.status_list_id) ?? []), e.status_index]);
    for (const [id, indexes] of [...byList].sort((a, b) => a[0] - b[0])) {
      const row = must(await q.listForUpdate(m, id), 'status list');
      const list = new BitstringStatusList({ buffer: new Uint8Array(row.bits) });
      for (const i of indexes) list.setStatus(i, true);
      const bits = Buffer.from(list.bitstring.bits);
      await q.saveList(m, id, bits, await this.signList(m, row, bits));
    }
  }

  async statusList(id: number): Promise<Json> {
    const row = await q.list(this.db, id);
    if (!row?.signed) throw AppException.notFound('status list');
    return JSON.parse(row.signed) as Json;
  }

  /** did:web: every key, current and rotated. Without a public https address: the current key's did:key document. */
  async did(): Promise<DidDocument> {
    const current = await this.currentKey();
    const did = this.didWeb();
    if (!did)
      return didDocument(didKeyFor(current.public_key_multibase), [
        { publicKeyMultibase: current.public_key_multibase },
      ]);
    const keys = await q.allKeys(this.db);
    return didDocument(
      did,
      keys.map((k) => ({ publicKeyMultibase: k.public_key_multibase })),
    );
  }

  // ---- a learner's credential ----

  async states(learnerId: string): Promise<Map<string, CredentialState>> {
    const rows = await q.credentialStates(this.db, learnerId);
    return new Map(rows.map((r) => [r.certificate_id, stateOf(r.revoked_by, r.admin_revoked, r.issued_at)]));
  }

  /** The credential as a JSON text, and the certificate's code (for the file name). */
  async credential(
    certificateId: string,
    auth: AuthContext,
    mode: 'get' | 'issue',
    requestId: string,
  ): Promise<{ json: string; code: string }> {
    const key = await this.currentKey();
    const signer = await this.signer(key);
    return this.db.transaction(async (m) => {
      await q.lockCertificate(m, certificateId);
      const cert = await q.myCertificate(m, certificateId, auth.userId);
      if (!cert) throw AppException.notFound('certificate');
      const last = await q.latestCredential(m, certificateId);
      if (last && last.revoked_at === null) return { json: last.document, code: formatCode(cert.code) };
      if (cert.revoked_at || (last && last.revoked_by !== 'learner'))
        throw new AppException(
          409,
          'conflict',
          'This certificate was revoked by the organisation; no credential can be issued for it.',
        );
      if (last && mode === 'get')
        throw new AppException(409, 'conflict', 'You withdrew this credential. Ask for it again to get a new one.');
      const { list, index } = await this.takeIndex(m, key);
      const id = randomUUID();
      const issuedAt = new Date();
      const unsigned = await this.document(cert, { id, did: signer.did, list, index, issuedAt });
      // OB 3.0's schema wants `proof` as an array (the proof itself is not signed, so this changes nothing it covers).
      const { proof, ...vc } = await sign(unsigned, signer, this.loader, issuedAt);
      const signed = JSON.stringify({ ...vc, proof: Array.isArray(proof) ? proof : [proof] });
      await q.insertCredential(m, { id, certificateId, keyId: key.id, list, index, document: signed, issuedAt });
      await this.audit.record(
        {
          actorId: auth.userId,
          action: 'credential.issued',
          targetUserId: auth.userId,
          requestId,
          details: { certificateId, credentialId: id, statusList: list, statusIndex: index },
        },
        m,
      );
      return { json: signed, code: formatCode(cert.code) };
    });
  }

  /**
   * The OpenBadgeCredential: the achievement (the course title and summary in every language the course
   * has), the issue date, the learner's chosen name only, the issuer, and its revocation entry. Nothing
   * else about the learner: no username, id, cohort, or anything that hints at where they come from.
   */
  private async document(
    cert: q.CertificateRow,
    c: { id: string; did: string; list: number; index: number; issuedAt: Date },
  ): Promise<Json> {
    const editions = courseEditions(cert);
    const main = editions.at(0);
    const others = editions.slice(1);
    const title = main?.title ?? '';
    const listUrl = this.listUrl(c.list);
    return {
      '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
      id: `urn:uuid:${c.id}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: await this.issuerProfile(c.did),
      validFrom: cert.issued_at.toISOString(),
      name: title,
      credentialSubject: {
        type: ['AchievementSubject'],
        // OB 3.0's way to name the subject without an identifier: the chosen name, in clear.
        identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: cert.name }],
        achievement: {
          id: `urn:uuid:${cert.course_id}`,
          type: ['Achievement'],
          achievementType: 'Course',
          // OB 3.0's schema types these as strings: the course's own language (or the first it has).
          name: title,
          description: main?.summary || title,
          criteria: { narrative: 'Completed every lesson of the course on Dari.' },
          inLanguage: main?.language ?? cert.course_language,
          // The course's other languages: OB 3.0's `related` ("alternate language editions"), each
          // with its language, and its title and summary as VC 2.0 language value objects (§11.1).
          ...(others.length
            ? {
                related: others.map((e) => ({
                  id: `urn:uuid:${cert.course_id}#${e.language}`,
                  type: ['Related'],
                  inLanguage: e.language,
                  name: { '@value': e.title, '@language': e.language },
                  ...(e.summary ? { description: { '@value': e.summary, '@language': e.language } } : {}),
                })),
              }
            : {}),
        },
      },
      credentialStatus: {
        id: `${listUrl}#${c.index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(c.index),
        statusListCredential: listUrl,
      },
    };
  }

  /** The learner withdraws the credential: it is revoked (its bit set), and they may ask for a new one later. */
  async withdraw(certificateId: string, auth: AuthContext, requestId: string): Promise<CredentialState> {
    const key = await this.currentKey();
    await this.signer(key); // fail before changing anything when the key cannot sign the list
    return this.db.transaction(async (m) => {
      await q.lockCertificate(m, certificateId);
      const cert = await q.myCertificate(m, certificateId, auth.userId);
      if (!cert) throw AppException.notFound('certificate');
      const revoked = await q.revokeCredentials(m, certificateId, 'learner');
      if (revoked.length) {
        await this.setBits(m, revoked);
        await this.audit.record(
          {
            actorId: auth.userId,
            action: 'credential.withdrawn',
            targetUserId: auth.userId,
            requestId,
            details: { certificateId, credentialIds: revoked.map((r) => r.id) },
          },
          m,
        );
      }
      const last = await q.latestCredential(m, certificateId);
      return last ? stateOf(last.revoked_by, !!cert.revoked_at, last.issued_at) : { state: 'none' };
    });
  }

  /** An admin revokes a certificate's credential (and the certificate): the reason goes to the audit log only. */
  async revoke(code: string, reason: string, auth: AuthContext, requestId: string): Promise<RevokedCredential> {
    const found = await q.certificateByCode(this.db, code.replace(/-/g, ''));
    if (!found) throw AppException.notFound('certificate');
    const key = await this.currentKey();
    await this.signer(key);
    return this.db.transaction(async (m) => {
      await q.lockCertificate(m, found.id);
      const revoked = await q.revokeCredentials(m, found.id, 'admin');
      const cert = must(await q.revokeCertificate(m, found.id), 'certificate');
      if (revoked.length) await this.setBits(m, revoked);
      await this.audit.record(
        {
          actorId: auth.userId,
          action: 'credential.revoked',
          targetUserId: found.user_id,
          requestId,
          details: { certificateId: found.id, credentialIds: revoked.map((r) => r.id), reason },
        },
        m,
      );
      return { code: formatCode(found.code), state: 'revoked', revokedAt: cert.revoked_at.toISOString() };
    });
  }

  /** Erasure (privacy): every credential of the learner revoked, Dari's copy (with the name) emptied. */
  async erase(m: Db, userId: string): Promise<number> {
    const rows = await q.eraseCredentials(m, userId);
    if (rows.length) await this.setBits(m, rows);
    return rows.length;
  }

  // ---- verification of any credential, offline ----

  async verify(body: unknown, ip: string): Promise<CredentialVerification> {
    await this.throttle.hit('verify_ip', ip);
    const result = await this.check(body);
    // Like the certificate codes: only what is not Dari's at all counts against the address.
    if (result.result !== 'malformed' && result.result !== 'unknown-issuer')
      await this.throttle.forgive('verify_ip', ip);
    return result;
  }

  async check(body: unknown): Promise<CredentialVerification> {
    const c = body as Json;
    const types = Array.isArray(c['type']) ? (c['type'] as unknown[]) : [c['type']];
    const ctx = Array.isArray(c['@context']) ? (c['@context'] as unknown[]) : [];
    const proofs = Array.isArray(c['proof']) ? (c['proof'] as unknown[]) : [c['proof']];
    if (ctx[0] !== VC_V2_CONTEXT || !types.includes('VerifiableCredential') || !proofs.length || !proofs.every(isObj))
      return { result: 'malformed' };
    const info = readable(c);
    const issuerId = typeof c['issuer'] === 'string' ? c['issuer'] : isObj(c['issuer']) ? c['issuer']['id'] : undefined;
    if (typeof issuerId !== 'string' || !(await this.isOwnDid(issuerId))) return { result: 'unknown-issuer', ...info };
    let holds: boolean;
    try {
      holds = await proofHolds(c, this.loader);
    } catch {
      holds = false;
    }
    if (!holds) return { result: 'tampered', ...info };
    const until = typeof c['validUntil'] === 'string' ? Date.parse(c['validUntil']) : NaN;
    if (!Number.isNaN(until) && until < Date.now()) return { result: 'expired', ...info };
    if (await this.isRevoked(c['credentialStatus'])) return { result: 'revoked', ...info };
    return { result: 'valid', ...info };
  }

  private async isOwnDid(did: string): Promise<boolean> {
    if (did === this.didWeb()) return true;
    if (!did.startsWith('did:key:')) return false;
    const keys = await q.allKeys(this.db);
    return keys.some((k) => didKeyFor(k.public_key_multibase) === did);
  }

  private async isRevoked(status: unknown): Promise<boolean> {
    const entries = (Array.isArray(status) ? status : [status]).filter(isObj);
    for (const e of entries) {
      if (e['type'] !== 'BitstringStatusListEntry' || e['statusPurpose'] !== 'revocation') continue;
      const url = typeof e['statusListCredential'] === 'string' ? e['statusListCredential'] : '';
      const id = url.startsWith(this.statusBase()) ? Number(url.slice(this.statusBase().length)) : NaN;
      const index = Number(e['statusListIndex']);
      const row = Number.isInteger(id) ? await q.list(this.db, id) : undefined;
      if (!row || !Number.isInteger(index) || index < 0 || index >= row.length) return true; // an entry Dari does not know is not valid
      const list = new BitstringStatusList({ buffer: new Uint8Array(row.bits) });
      if (list.getStatus(index)) return true;
    }
    return false;
  }
}

function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`credentials: ${what} missing`);
  return v;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a credential says, for the verify page (proven only when the result is `valid`). */
function readable(c: Json): Omit<CredentialVerification, 'result'> {
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 500) : undefined);
  const issuer = isObj(c['issuer']) ? c['issuer'] : {};
  const subject = isObj(c['credentialSubject']) ? c['credentialSubject'] : {};
  const achievement = isObj(subject['achievement']) ? subject['achievement'] : {};
  const ids = Array.isArray(subject['identifier']) ? subject['identifier'].filter(isObj) : [];
  const name = str(ids.find((i) => i['identityType'] === 'name')?.['identityHash']) ?? str(subject['name']);
  const out: Omit<CredentialVerification, 'result'> = {};
  const issuerName = str(issuer['name']);
  const issuerUrl = str(issuer['url']);
  if (issuerName) out.issuer = { name: issuerName, ...(issuerUrl ? { url: issuerUrl } : {}) };
  if (name) out.name = name;
  const title = str(achievement['name']);
  const description = str(achievement['description']);
  const language = str(achievement['inLanguage']);
  // The course in its other languages: `related` editions with a language (value objects or strings).
  const text = (v: unknown) => str(isObj(v) ? v['@value'] : v);
  const related = Array.isArray(achievement['related']) ? achievement['related'].filter(isObj) : [];
  const languages = related.slice(0, 10).flatMap((r) => {
    const lang = str(r['inLanguage']);
    const name = text(r['name']);
    const desc = text(r['description']);
    return lang && name ? [{ language: lang, name, ...(desc ? { description: desc } : {}) }] : [];
  });
  if (title)
    out.achievement = {
      name: title,
      ...(description ? { description } : {}),
      ...(language ? { language } : {}),
      ...(languages.length ? { languages } : {}),
    };
  if (str(c['validFrom'])) out.issuedAt = str(c['validFrom']);
  return out;
}

/** The course's title and summary in each language it has a title in: its own language first. */
function courseEditions(cert: q.CertificateRow): { language: Locale; title: string; summary: string }[] {
  // Stored JSON: a language the course does not have is simply missing.
  const titles: Partial<Record<Locale, string>> = cert.course_title;
  const summaries: Partial<Record<Locale, string>> = cert.course_summary;
  const order = [cert.course_language, ...LOCALES.filter((l) => l !== cert.course_language)];
  return order.flatMap((language) => {
    const title = titles[language]?.trim();
    return title ? [{ language, title, summary: summaries[language]?.trim() ?? '' }] : [];
  });
}

function stateOf(revokedBy: q.CredentialRow['revoked_by'], adminRevoked: boolean, issuedAt: Date): CredentialState {
  const state = adminRevoked || (revokedBy && revokedBy !== 'learner') ? 'revoked' : revokedBy ? 'withdrawn' : 'issued';
  return { state, issuedAt: issuedAt.toISOString() };
}
