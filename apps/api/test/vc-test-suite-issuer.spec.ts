import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/app-config.js';
import { TestApp } from './test-app.js';

// The development-only VC-API issuer for the W3C VC 2.0 test suite (docs/credentials.md): absent
// without DARI_VC_TEST_SUITE_ISSUER, refused in production, and with the flag it signs a credential
// that keeps to the data model and refuses one that does not, the way the suite calls it (no Dari
// client header, no Origin).

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- credentials are read field by field

const ISSUE = '/api/v1/credentials/issue';

/** A POST as the test suite makes it: JSON, with none of the web app's headers. */
async function suitePost(t: TestApp, body: unknown) {
  const res = await t.app.inject({
    method: 'POST',
    url: ISSUE,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    payload: JSON.stringify(body),
  });
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : undefined) as Json };
}

const credential = (issuer: unknown, extra: Json = {}): Json => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
  type: ['VerifiableCredential', 'ExampleAlumniCredential'],
  issuer,
  validFrom: '2023-07-01T19:23:24Z',
  credentialSubject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21', alumniOf: 'Example University' },
  ...extra,
});

describe('VC-API issuer for the W3C test suite: off by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  }, 120_000);
  afterAll(() => t.close());

  it('without the flag there is no such route: 404, for the suite and for the web app alike', async () => {
    const did = ((await t.request('GET', '/api/v1/credentials/did.json')).body as Json).id as string;
    expect((await suitePost(t, { credential: credential(did), options: {} })).status).toBe(404);
    expect((await t.request('POST', ISSUE, { body: { credential: credential(did) } })).status).toBe(404);
  });

  it('the flag is refused at startup with NODE_ENV=production, which is also the default', () => {
    const db = 'postgres://unused/db';
    expect(() => loadConfig({ DARI_VC_TEST_SUITE_ISSUER: '1' }, db)).toThrow(/development only/);
    expect(() => loadConfig({ DARI_VC_TEST_SUITE_ISSUER: 'true', NODE_ENV: 'production' }, db)).toThrow(
      /development only/,
    );
    expect(
      loadConfig({ DARI_VC_TEST_SUITE_ISSUER: '1', NODE_ENV: 'development' }, db).credentials.testSuiteIssuer,
    ).toBe(true);
  });
});

describe('VC-API issuer for the W3C test suite: with DARI_VC_TEST_SUITE_ISSUER=1', () => {
  let t: TestApp;
  let did: string;
  beforeAll(async () => {
    t = await TestApp.create({ NODE_ENV: 'development', DARI_VC_TEST_SUITE_ISSUER: '1' });
    did = ((await t.request('GET', '/api/v1/credentials/did.json')).body as Json).id as string;
  }, 120_000);
  afterAll(() => t.close());

  it('signs a valid credential as the issuer: 201 {verifiableCredential}, a proof Dari’s verifier accepts', async () => {
    // The VC 2.0 context only (its own terms): Dari's verifier bundles no examples context (the issuer does, for the suite).
    const sent = credential(
      { id: did, name: 'Example University' },
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        credentialSubject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21', name: 'Alice' },
      },
    );
    const res = await suitePost(t, { credential: sent, options: {} });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const vc = res.body.verifiableCredential as Json;
    const { proof, ...rest } = vc;
    expect(rest).toEqual(sent);
    expect(proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
    });
    expect(String(proof.verificationMethod).startsWith(`${did}#`)).toBe(true);
    const checked = await t.request('POST', '/api/v1/credentials/verify', { body: vc });
    expect(checked.body.result).toBe('valid');
    // With the examples context the suite uses, too.
    const examples = await suitePost(t, { credential: credential(did), options: {} });
    expect(examples.status, JSON.stringify(examples.body)).toBe(201);
  });

  it('refuses what breaks the data model with 400 and a message naming the property', async () => {
    const bad: [string, Json, RegExp][] = [
      ['no @context', (({ '@context': _, ...c }) => c)(credential(did)), /@context is required/],
      [
        'the VC 2.0 context not first',
        credential(did, {
          '@context': ['https://www.w3.org/ns/credentials/examples/v2', 'https://www.w3.org/ns/credentials/v2'],
        }),
        /@context must be a list whose first item/,
      ],
      ['no type', (({ type: _, ...c }) => c)(credential(did)), /type is required/],
      ['no VerifiableCredential type', credential(did, { type: ['ExampleAlumniCredential'] }), /VerifiableCredential/],
      ['an issuer that is not a URL', credential('not a url'), /issuer must be a URL/],
      ['a null issuer id', credential({ id: null }), /issuer must be a URL/],
      ['someone else as the issuer', credential('did:example:someone-else'), /issuer must be this server's DID/],
      ['validFrom without a time zone', credential(did, { validFrom: '2023-07-01T19:23:24' }), /validFrom must be/],
      [
        'validUntil not a date',
        credential(did, { validUntil: 'Sun, 26 Feb 2023 01:22:14 +0000' }),
        /validUntil must be/,
      ],
      [
        'validUntil before validFrom',
        credential(did, { validFrom: '2024-01-01T00:00:00Z', validUntil: '2023-01-01T00:00:00Z' }),
        /validFrom must not be later than validUntil/,
      ],
      ['an empty credentialSubject', credential(did, { credentialSubject: {} }), /at least one claim/],
      ['two ids', credential(did, { id: ['urn:uuid:1', 'urn:uuid:2'] }), /id must be a single URL/],
      ['a status without type', credential(did, { credentialStatus: { id: 'urn:uuid:3' } }), /credentialStatus.type/],
      [
        'a name with an extra property',
        credential(did, { name: { '@value': 'x', url: 'y' } }),
        /name: a language value/,
      ],
      [
        'a schema without id',
        credential(did, { credentialSchema: { type: 'JsonSchema' } }),
        /credentialSchema.id is required/,
      ],
      [
        'a related resource without a digest',
        credential(did, { relatedResource: [{ id: 'https://www.w3.org/ns/credentials/v2' }] }),
        /digestSRI or a digestMultibase/,
      ],
      [
        'the same related resource twice',
        credential(did, {
          relatedResource: [
            { id: 'https://www.w3.org/ns/credentials/v2', digestSRI: 'sha384-a' },
            { id: 'https://www.w3.org/ns/credentials/v2', digestMultibase: 'ub' },
          ],
        }),
        /must be unique/,
      ],
    ];
    for (const [what, c, message] of bad) {
      const res = await suitePost(t, { credential: c, options: {} });
      expect(res.status, what).toBe(400);
      expect(res.body.message, what).toMatch(message);
    }
    expect((await suitePost(t, { verifiableCredential: credential(did) })).status).toBe(400);
  });

  it('refuses with 422 what only JSON-LD processing finds: an undefined type, a context it cannot load offline', async () => {
    const unmapped = credential(did, { '@context': ['https://www.w3.org/ns/credentials/v2', { '@vocab': null }] });
    const res = await suitePost(t, { credential: unmapped });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    const remote = credential(did, {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://contexts.example/unknown/v1'],
    });
    expect((await suitePost(t, { credential: remote })).status).toBe(422);
  });
});
