import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@dari/contracts';
import { CALLERS, type Caller, Fixtures, PNG, multipart, rowCounts, storedVerbatim } from './access-matrix.fixtures.js';
import {
  ACCESS_MATRIX,
  type CaseCtx,
  type RouteSpec,
  type Side,
  expected,
  isAllowed,
  prepareCase,
} from './access-matrix.js';
import { listRoutes } from './routes.js';
import { TestApp } from './test-app.js';

/**
 * The payload corpus (QUALITY #14, #15, #21): every write route of the booted app, called by
 * someone allowed to, with hostile input in every field. Nothing answers 500 or shows internals;
 * refused input stores nothing; accepted text is stored exactly as sent (escaping is the
 * renderer's job), and nothing unknown in a body is ever applied.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Text that is valid text: where a field takes free text it must be stored verbatim. (No `"` or `\`, so it reads the same inside a stored row.) */
const VALID_TEXT = {
  xssScript: '<script>alert(1)</script>',
  xssImg: '<img src=x onerror=alert(1)>',
  xssLink: '[click](javascript:alert(1))',
  xssSvg: '<svg/onload=alert(1)>',
  sqlQuote: "' OR '1'='1'; DROP TABLE users; --",
  sqlComment: "admin'--",
  sqlLike: '%_%',
};
/** Text that is never valid anywhere. */
const INVALID_TEXT = {
  loneSurrogate: 'a\ud800b',
  loneLowSurrogate: '\udc00',
  nul: 'a\u0000b',
  huge: 'a'.repeat(1024 * 1024), // 1 MB of text in a field: the body is over the limit
  long: 'ê'.repeat(200_000), // longer than any text field allows (reading bodies: 100,000), under the body limit
};
const NUMBERS: Json[] = [1e308, -1e308, 2 ** 64, -0, 'NaN', '1e308', 1.5, -1];
const WRONG_TYPES: Json[] = [true, [], {}, 12345, 'text'];
const EXTRA_KEYS: Record<string, Json>[] = [
  { role: 'admin' },
  { id: '00000000-0000-4000-8000-000000000000' },
  { userId: '00000000-0000-4000-8000-000000000000' },
  { isAdmin: true },
  { ownerId: '00000000-0000-4000-8000-000000000000' },
  { status: 'active', revision: 0, extra: 1 },
];
const BAD_PARAMS = [
  '../../etc/passwd',
  "1' OR '1'='1",
  '%00',
  '%F0%28%8C%28',
  'a'.repeat(5000),
  '<script>',
  '1e308',
  '-0',
  '%2e%2e%2f%2e%2e%2f',
];
const BAD_FILENAMES = [
  '../../../etc/passwd.png',
  '..\\..\\windows\\win.ini.png',
  '/etc/passwd.png',
  'a\u0000.png',
  '<script>alert(1)</script>.png',
  '%2e%2e%2fx.png',
  `${'x'.repeat(400)}.png`,
  'a\r\nX-Evil: 1.png',
  'quote".png',
  '한글 이름.png',
];
const PASSWORD_FIELDS = new Set(['password', 'newPassword', 'currentPassword']);
/** Write routes that only read (text they accept is looked up, not stored). */
const READ_ONLY_POSTS = new Set(['POST /api/v1/glossary/lookup', 'POST /api/v1/cohorts/:id/members/lookup']);
/**
 * Write routes whose body is a free-form document (a pasted credential may hold any field of any
 * type): wrong types and extra keys cannot be refused, they are what is checked; the other rules hold.
 */
const FREE_FORM_BODIES = new Set(['POST /api/v1/credentials/verify']);
/** Fields a route documents on purpose (admins change roles and status). */
const OWN_FIELDS: Partial<Record<string, string[]>> = {
  'PATCH /api/v1/admin/users/:id': ['role', 'status'],
  'POST /api/v1/admin/users': ['role'],
};

interface Leaf {
  path: (string | number)[];
  value: Json;
}
function leaves(v: Json, path: (string | number)[] = []): Leaf[] {
  if (v !== null && typeof v === 'object') {
    const entries: [string | number, Json][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    return [{ path, value: v }, ...entries.flatMap(([k, x]) => leaves(x, [...path, k]))].filter(
      (l) => l.path.length > 0,
    );
  }
  return [{ path, value: v }];
}
function setAt(body: Json, path: (string | number)[], value: Json): Json {
  const copy = structuredClone(body) as Record<string | number, Json>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  cur[path.at(-1)!] = value;
  return copy;
}

interface Mutation {
  label: string;
  /** A JSON body (stringified as is) or raw bytes. */
  body?: Json;
  raw?: Buffer | string;
  url?: string;
  upload?: { filename: string; bytes: Buffer; type: string };
  /** Must be refused (4xx). */
  refuse: boolean;
  /** When accepted, this text must be found stored verbatim. */
  verbatim?: string;
  /** This text must never be stored as is (passwords). */
  neverStored?: string;
}

function mutations(
  key: string,
  url: string,
  params: string[],
  spec: RouteSpec,
  ctx: CaseCtx,
  body: Json | undefined,
): Mutation[] {
  const out: Mutation[] = [];
  if (body !== undefined && body !== null && typeof body === 'object' && !Array.isArray(body)) {
    for (const leaf of leaves(body)) {
      const name = String(leaf.path.at(-1));
      const where = leaf.path.join('.');
      if (typeof leaf.value === 'string') {
        for (const [k, text] of Object.entries(VALID_TEXT)) {
          // A password is never stored as sent; made unique so another field's copy of the text cannot confuse the check.
          const password = PASSWORD_FIELDS.has(name);
          const value = password ? `${text} ${k} ${leaf.path.join('.')} ${key}` : text;
          out.push({
            label: `${where}=${k}`,
            body: setAt(body, leaf.path, value),
            refuse: false,
            verbatim: password ? undefined : text,
            neverStored: password ? value : undefined,
          });
        }
        for (const [k, text] of Object.entries(INVALID_TEXT))
          out.push({ label: `${where}=${k}`, body: setAt(body, leaf.path, text), refuse: true });
        // Overlong UTF-8 ("/" as C0 AF, as E0 80 AF) and a stray continuation byte, in the raw body.
        const marker = '\u0001MARK\u0001';
        const json = JSON.stringify(setAt(body, leaf.path, marker)).replace(JSON.stringify(marker).slice(1, -1), 'XX');
        for (const [k, bytes] of Object.entries({
          overlong2: [0xc0, 0xaf],
          overlong3: [0xe0, 0x80, 0xaf],
          stray: [0x80],
          truncated: [0xed, 0xa0],
        })) {
          const [head, tail] = json.split('XX');
          out.push({
            label: `${where}=${k} bytes`,
            raw: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]),
            refuse: true,
          });
        }
      }
      if (typeof leaf.value === 'number')
        for (const n of NUMBERS)
          out.push({
            label: `${where}=${JSON.stringify(n)}`,
            body: setAt(body, leaf.path, n),
            refuse: typeof n !== 'number' || Math.abs(n) > 1e15,
          });
      for (const w of WRONG_TYPES) {
        if (typeof w === typeof leaf.value && Array.isArray(w) === Array.isArray(leaf.value)) continue;
        out.push({
          label: `${where}=${JSON.stringify(w)} (wrong type)`,
          body: setAt(body, leaf.path, w),
          refuse: true,
        });
      }
      // 10,000 levels of nesting where a value belongs.
      out.push({
        label: `${where}=deep nesting`,
        raw: JSON.stringify(setAt(body, leaf.path, 'DEEP')).replace('"DEEP"', '['.repeat(10_000) + ']'.repeat(10_000)),
        refuse: true,
      });
    }
    for (const extra of EXTRA_KEYS.filter((e) => !Object.keys(e).some((k) => OWN_FIELDS[key]?.includes(k))))
      out.push({ label: `extra ${Object.keys(extra).join(',')}`, body: { ...body, ...extra }, refuse: true });
    out.push({
      label: '__proto__ poisoning',
      raw: JSON.stringify(body).replace(/^\{/, '{"__proto__":{"isAdmin":true},'),
      refuse: true,
    });
    out.push({
      label: 'constructor poisoning',
      raw: JSON.stringify(body).replace(/^\{/, '{"constructor":{"prototype":{"isAdmin":true}},'),
      refuse: true,
    });
  }
  if (!spec.upload) {
    // Whole-body attacks, also where a route takes no body (it must be refused or ignored, never applied).
    const takesBody = body !== undefined;
    out.push({
      label: 'body nested 10,000 deep',
      raw: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
      refuse: takesBody,
    });
    out.push({ label: 'array body', body: [body ?? {}] as Json, refuse: takesBody });
    out.push({
      label: 'mass assignment body',
      body: {
        role: 'admin',
        isAdmin: true,
        userId: '00000000-0000-4000-8000-000000000000',
        id: '00000000-0000-4000-8000-000000000000',
      },
      refuse: takesBody,
    });
    out.push({ label: 'malformed JSON', raw: '{"a":', refuse: true });
    out.push({ label: 'NaN literal', raw: '{"a":NaN}', refuse: true });
    out.push({ label: 'body over the limit', raw: `{"a":"${'a'.repeat(1024 * 1024 + 10)}"}`, refuse: true });
  }
  // Hostile values in each path parameter.
  for (const p of params) {
    const at = url.indexOf(`/${encodeURIComponent(p)}`);
    for (const bad of BAD_PARAMS) {
      const swapped =
        url.slice(0, at + 1) +
        (bad.startsWith('%') ? bad : encodeURIComponent(bad)) +
        url.slice(at + 1 + encodeURIComponent(p).length);
      out.push({
        label: `param ${p.slice(0, 8)}…=${bad.slice(0, 20)}`,
        url: swapped,
        body: body,
        upload: spec.upload?.(ctx),
        refuse: true,
      });
    }
  }
  if (spec.upload) {
    for (const filename of BAD_FILENAMES)
      out.push({
        label: `upload named ${JSON.stringify(filename.slice(0, 40))}`,
        upload: { ...spec.upload(ctx), filename },
        refuse: false,
      });
  }
  return out;
}

const INTERNALS =
  /\bat [\w.<>]+ \(|\.(?:js|ts):\d+:\d+|QueryFailedError|TypeORM|SELECT |INSERT INTO|node_modules|violates|syntax error|ZodError/;

describe('payload corpus: every write route refuses or stores hostile input safely', () => {
  let t: TestApp;
  let f: Fixtures;
  beforeAll(async () => {
    t = await TestApp.create({
      DARI_LOGIN_MAX_FAILURES_PER_IP: '100000',
      DARI_LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000',
    });
    f = await new Fixtures(t).build();
  }, 120_000);
  afterAll(() => t.close());

  /** The least privileged caller allowed on the route (for its own object). */
  function allowedCaller(spec: RouteSpec): { caller: Caller; side: Side | null } | undefined {
    for (const caller of CALLERS) {
      const side: Side | null = spec.object ? 'own' : null;
      if (isAllowed(expected(spec.expect[caller], side))) return { caller, side };
    }
    return undefined;
  }

  it('covers every write route of the booted app with an allowed caller', () => {
    const writes = listRoutes(t.app)
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`);
    const uncovered = writes.filter((k) => {
      const spec = (ACCESS_MATRIX as Partial<typeof ACCESS_MATRIX>)[k];
      return !spec || !allowedCaller(spec);
    });
    expect(
      uncovered,
      'write routes the corpus cannot reach (add them to test/access-matrix.ts with a valid body)',
    ).toEqual([]);
    expect(writes.length).toBeGreaterThan(50);
  });

  it('no write route answers 500, shows internals, stores refused input, or changes hostile text', async () => {
    const failures: string[] = [];
    let sent = 0;
    const stats: Record<string, number> = {};
    const writeRoutes = Object.entries(ACCESS_MATRIX).filter(([k]) => !k.startsWith('GET '));
    for (const [key, spec] of writeRoutes) {
      const { caller, side } = allowedCaller(spec)!;
      let prepared = await prepareCase(f, key, spec, caller, side, { fresh: !!spec.fresh });
      const corpus = () =>
        mutations(
          key,
          prepared.url,
          Object.values(prepared.ctx.params),
          spec,
          prepared.ctx,
          prepared.body as Json | undefined,
        );
      let list = corpus();
      let before = await rowCounts(t); // kept up to date below: one count per case
      for (let i = 0; i < list.length; i++) {
        const m = list[i];
        const cookie = prepared.ctx.who?.cookie;
        const headers: Record<string, string> = {
          'x-dari-client': 'web',
          ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
        };
        let payload: string | Buffer | undefined;
        if (m.upload) {
          const mp = multipart(m.upload.filename, m.upload.bytes, m.upload.type);
          headers['content-type'] = mp.contentType;
          payload = mp.payload;
        } else if (m.raw !== undefined || m.body !== undefined) {
          headers['content-type'] = 'application/json';
          payload = m.raw ?? JSON.stringify(m.body);
        }
        const res = await t.app.inject({ method: prepared.method, url: m.url ?? prepared.url, headers, payload });
        sent++;
        const cat = `${m.label.replace(/^[\w.]+=/, '').split(' ')[0]} ${res.statusCode}`;
        stats[cat] = (stats[cat] ?? 0) + 1;
        const label = `${key} as ${caller}: ${m.label}`;
        const text = res.body;
        if (res.statusCode >= 500) failures.push(`${label}: ${res.statusCode} ${text.slice(0, 200)}`);
        if (res.statusCode >= 400 && INTERNALS.test(text))
          failures.push(`${label}: internals in the error body: ${text.slice(0, 300)}`);
        if (m.refuse && res.statusCode < 400 && !FREE_FORM_BODIES.has(key))
          failures.push(`${label}: accepted (${res.statusCode}) but must be refused`);
        const after = await rowCounts(t);
        if (res.statusCode >= 400) {
          const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
          if (changed.length)
            failures.push(`${label}: refused (${res.statusCode}) but rows changed in ${changed.join(', ')}`);
        } else {
          if (m.verbatim && !READ_ONLY_POSTS.has(key) && !(await storedVerbatim(t, m.verbatim)))
            failures.push(`${label}: accepted but the text is not stored verbatim`);
          if (m.neverStored && (await storedVerbatim(t, m.neverStored)))
            failures.push(`${label}: a password was stored as plain text`);
        }
        if (after.admins > before.admins && key !== 'POST /api/v1/admin/users')
          failures.push(`${label}: an admin appeared`);
        if (m.upload && res.statusCode === 201) {
          const media = JSON.parse(text);
          const [row] = await t.db.query(`SELECT filename FROM media WHERE id = $1`, [media.id]);
          // eslint-disable-next-line no-control-regex -- control characters are exactly what a stored file name must not carry
          if (row && /[/\\\u0000-\u001f"]|\.\./.test(row.filename))
            failures.push(`${label}: stored file name ${JSON.stringify(row.filename)}`);
          if (row) {
            const served = await t.app.inject({
              method: 'GET',
              url: `/api/v1/media/${media.id}`,
              headers: { cookie: `${SESSION_COOKIE}=${prepared.ctx.who!.cookie}` },
            });
            if (served.statusCode !== 200 || /[\r\n]/.test(String(served.headers['content-disposition'])))
              failures.push(
                `${label}: serving it answered ${served.statusCode} ${served.headers['content-disposition']}`,
              );
          }
        }
        // Whatever was accepted may have used up or changed the object: the next case gets a new one.
        if (res.statusCode < 300) {
          prepared = await prepareCase(f, key, spec, caller, side, { fresh: !!spec.fresh });
          list = corpus(); // the same mutations, of the new object (a new revision, a new id)
        }
        before = res.statusCode < 300 ? await rowCounts(t) : after;
      }
    }
    if (process.env.CORPUS_DEBUG) console.log(JSON.stringify({ sent, routes: writeRoutes.length, stats }, null, 1));
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  }, 300_000);

  it('CSRF: every write route, sent cross-site by someone allowed to call it, is refused with 403 and changes nothing', async () => {
    const CROSS_SITE: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site', 'x-dari-client': 'web' },
      {},
    ];
    const failures: string[] = [];
    for (const [key, spec] of Object.entries(ACCESS_MATRIX).filter(([k]) => !k.startsWith('GET '))) {
      const { caller, side } = allowedCaller(spec)!;
      const prepared = await prepareCase(f, key, spec, caller, side, { fresh: !!spec.fresh });
      for (const extra of CROSS_SITE) {
        const headers: Record<string, string> = {
          ...extra,
          ...(prepared.ctx.who ? { cookie: `${SESSION_COOKIE}=${prepared.ctx.who.cookie}` } : {}),
        };
        let payload: string | Buffer | undefined;
        if (spec.upload) {
          const u = spec.upload(prepared.ctx);
          const mp = multipart(u.filename, u.bytes, u.type);
          headers['content-type'] = mp.contentType;
          payload = mp.payload;
        } else if (prepared.body !== undefined) {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(prepared.body);
        }
        const before = await rowCounts(t);
        const res = await t.app.inject({ method: prepared.method, url: prepared.url, headers, payload });
        const after = await rowCounts(t);
        if (res.statusCode !== 403 || JSON.parse(res.body).code !== 'csrf_rejected')
          failures.push(
            `${key} as ${caller} with ${JSON.stringify(extra)}: ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        if (Object.keys(after).some((k) => after[k] !== before[k]))
          failures.push(`${key} as ${caller} with ${JSON.stringify(extra)}: rows changed`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('reads too: hostile query strings on every GET route answer 2xx or 4xx, never 500 or internals', async () => {
    const QUERIES = [
      'page=1e308&pageSize=1e308',
      'page=-0&pageSize=-1',
      'page=NaN&pageSize=18446744073709551616',
      'q=%00&status=%3Cscript%3E',
      'q=%ED%A0%80&role=admin%27--',
      `q=${'a'.repeat(5000)}`,
      'page[]=1&page[]=2&q[a]=b',
      'version=1e308&at_risk=%F0%28&after=..%2F..%2Fetc%2Fpasswd',
      '__proto__[isAdmin]=true&constructor[prototype][x]=1',
    ];
    const failures: string[] = [];
    let sent = 0;
    for (const [key, spec] of Object.entries(ACCESS_MATRIX).filter(([k]) => k.startsWith('GET '))) {
      const { caller, side } = allowedCaller(spec)!;
      const prepared = await prepareCase(f, key, spec, caller, side, { fresh: false });
      for (const q of QUERIES) {
        const cookie = prepared.ctx.who?.cookie;
        const res = await t.app.inject({
          method: 'GET',
          url: `${prepared.url}${prepared.url.includes('?') ? '&' : '?'}${q}`,
          headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {},
        });
        sent++;
        if (res.statusCode >= 500)
          failures.push(`${key} as ${caller} ?${q.slice(0, 40)}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (res.statusCode >= 400 && INTERNALS.test(res.body))
          failures.push(`${key} as ${caller} ?${q.slice(0, 40)}: internals ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(300);
  }, 120_000);

  it('the upload routes get the hostile file names (the corpus reached them)', () => {
    expect(
      Object.entries(ACCESS_MATRIX)
        .filter(([, s]) => s.upload)
        .map(([k]) => k),
    ).toEqual(['POST /api/v1/authoring/courses/import', 'POST /api/v1/authoring/courses/:id/media']);
    expect(PNG.length).toBeGreaterThan(0);
  });
});
