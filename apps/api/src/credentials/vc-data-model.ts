import { VC_V2_CONTEXT } from './credential-crypto.js';

/*
 * The checks the W3C Verifiable Credentials Data Model 2.0 asks of a credential before an issuer
 * signs it, read from the JSON as sent (docs/credentials.md, "W3C VC 2.0 test suite"). What only
 * JSON-LD processing can tell (a type no context defines, a protected term redefined, a context
 * that cannot be loaded) is found when the credential is signed: the cryptosuite canonizes in
 * JSON-LD's safe mode and refuses it then.
 */

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const values = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** A URL in the data model's sense (RFC 3986 with a scheme): `https://…`, `did:…`, `urn:…`; no spaces. */
export function isUrl(v: unknown): v is string {
  if (typeof v !== 'string' || !/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

/** XML Schema `dateTimeStamp`: a date and time with its time zone (`Z` or `±hh:mm`). */
const DATE_TIME_STAMP =
  /^-?(?:[1-9][0-9]{3,}|0[0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/;
export const isDateTimeStamp = (v: unknown): v is string =>
  typeof v === 'string' && DATE_TIME_STAMP.test(v) && !Number.isNaN(Date.parse(v));

/** A string, or a language value object (`@value`, optional `@language` and `@direction`), or a list of them. */
function languageValueProblem(v: unknown): string | null {
  for (const item of values(v)) {
    if (typeof item === 'string') continue;
    if (!isObj(item) || typeof item['@value'] !== 'string')
      return 'must be a string or a language value object with a string @value';
    const extra = Object.keys(item).filter((k) => !['@value', '@language', '@direction'].includes(k));
    if (extra.length) return `a language value object has only @value, @language and @direction (not ${extra[0]})`;
    if ('@language' in item && typeof item['@language'] !== 'string') return '@language must be a string';
    if ('@direction' in item && item['@direction'] !== 'ltr' && item['@direction'] !== 'rtl')
      return '@direction must be "ltr" or "rtl"';
  }
  return null;
}

/** A `type` value: one or more non-empty strings (terms or URLs; JSON-LD checks what they map to). */
const isTypeValue = (v: unknown) =>
  values(v).length > 0 && values(v).every((t) => typeof t === 'string' && t.trim() !== '');

/** Each value of a property that holds typed objects (`credentialStatus`, `evidence`, …): an object with a type. */
function typedObjectsProblem(name: string, v: unknown): string | null {
  const items = values(v);
  if (items.length === 0) return `${name} must not be empty`;
  for (const item of items) {
    if (!isObj(item)) return `${name} must be an object or a list of objects`;
    if (!('type' in item)) return `${name}.type is required`;
    if (!isTypeValue(item['type'])) return `${name}.type must be one or more strings`;
    if ('id' in item && !isUrl(item['id'])) return `${name}.id must be a single URL`;
  }
  return null;
}

/**
 * The first way the credential breaks the VC 2.0 data model, as a sentence naming the property, or
 * null when it keeps to it. `expectedIssuer`: the one issuer id this server signs as.
 */
export function dataModelProblem(credential: unknown, expectedIssuer: string): string | null {
  if (!isObj(credential)) return 'credential must be an object';
  const c = credential;

  // @context: an ordered set whose first item is the VC 2.0 context, then URLs and/or objects.
  const context = c['@context'];
  if (context === undefined) return '@context is required';
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT)
    return `@context must be a list whose first item is ${VC_V2_CONTEXT}`;
  if (!context.slice(1).every((x) => isUrl(x) || isObj(x)))
    return '@context: the items after the first must be URLs or objects';

  if ('id' in c && !isUrl(c['id'])) return 'id must be a single URL';

  if (!('type' in c)) return 'type is required';
  if (!isTypeValue(c['type'])) return 'type must be one or more strings';
  if (!values(c['type']).includes('VerifiableCredential')) return 'type must include VerifiableCredential';

  const issuer = c['issuer'];
  if (issuer === undefined) return 'issuer is required';
  const issuerId = isObj(issuer) ? issuer['id'] : issuer;
  if (!isUrl(issuerId)) return 'issuer must be a URL or an object whose id is a URL';
  if (issuerId !== expectedIssuer) return `issuer must be this server's DID, ${expectedIssuer}`;
  if (isObj(issuer))
    for (const p of ['name', 'description'] as const) {
      const problem = p in issuer ? languageValueProblem(issuer[p]) : null;
      if (problem) return `issuer.${p}: ${problem}`;
    }

  for (const p of ['name', 'description'] as const) {
    const problem = p in c ? languageValueProblem(c[p]) : null;
    if (problem) return `${p}: ${problem}`;
  }

  if (!('credentialSubject' in c)) return 'credentialSubject is required';
  const subjects = values(c['credentialSubject']);
  if (subjects.length === 0) return 'credentialSubject must not be empty';
  for (const s of subjects) {
    if (!isObj(s)) return 'credentialSubject must be an object or a list of objects';
    if (Object.keys(s).length === 0) return 'credentialSubject: each subject must make at least one claim';
    if ('id' in s && !isUrl(s['id'])) return 'credentialSubject.id must be a single URL';
  }

  for (const p of ['validFrom', 'validUntil'] as const)
    if (p in c && !isDateTimeStamp(c[p]))
      return `${p} must be a date and time with a time zone (XML Schema dateTimeStamp)`;
  if (isDateTimeStamp(c['validFrom']) && isDateTimeStamp(c['validUntil']))
    if (Date.parse(c['validFrom']) > Date.parse(c['validUntil'])) return 'validFrom must not be later than validUntil';

  for (const p of ['credentialStatus', 'termsOfUse', 'evidence', 'refreshService'] as const) {
    const problem = p in c ? typedObjectsProblem(p, c[p]) : null;
    if (problem) return problem;
  }

  if ('credentialSchema' in c) {
    const problem = typedObjectsProblem('credentialSchema', c['credentialSchema']);
    if (problem) return problem;
    if (!values(c['credentialSchema']).every((s) => isObj(s) && 'id' in s)) return 'credentialSchema.id is required';
  }

  if ('relatedResource' in c) {
    const resources = values(c['relatedResource']);
    const seen = new Set<string>();
    if (resources.length === 0) return 'relatedResource must not be empty';
    for (const r of resources) {
      if (!isObj(r)) return 'relatedResource must be an object or a list of objects';
      if (!isUrl(r['id'])) return 'relatedResource.id is required and must be a URL';
      if (seen.has(r['id'])) return `relatedResource.id must be unique (${r['id']} is there twice)`;
      seen.add(r['id']);
      if (typeof r['digestSRI'] !== 'string' && typeof r['digestMultibase'] !== 'string')
        return 'relatedResource: each needs a digestSRI or a digestMultibase';
      if ('mediaType' in r && typeof r['mediaType'] !== 'string') return 'relatedResource.mediaType must be a string';
    }
  }

  return null;
}
