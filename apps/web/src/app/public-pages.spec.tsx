import type { Locale } from '@dari/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '../i18n';
import { allCatalogues } from '../i18n/locales/all';
import type { Tree } from '../i18n/locales/index';
import { normalizeCertificateCode } from '../features/learning/routes/verify-page';
import { freshDevice } from '../features/learning/test-fixtures';
import { COHORT_ID, makeCohort } from '../features/program/test/program-fixtures';
import { makeMe } from '../test/fixtures';
import { apiError, mockApi } from '../test/mock-api';
import { renderApp } from '../test/render-app';

// PRODUCT.md, "Safety first": a learner's background can endanger family still in the North. Whatever a
// third party can see — a page open without an account (sign-in, join, verify, 404), a printout (the
// certificate, the join-code sheet), the page title, the installed app's name — says that Dari is a
// learning platform and nothing about who learns on it.
const REVEALING =
  /북한|북녘|북조선|조선민주|탈북|이탈|새터민|정착|하나원|통일부|north[\s-]*korea|dprk|resettl|defect|refugee|escapee|朝鲜|北韩|北朝|脱北|難民|难民|定居|移居|哈纳/i;

const LOCALES: Locale[] = ['ko', 'en', 'zh'];
const catalogues = allCatalogues();

function tr(lng: Locale, key: string): string {
  let node: Tree | string | undefined = catalogues[lng];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ${key} in ${lng}`);
  return node;
}

async function useLanguage(lng: Locale): Promise<void> {
  window.localStorage.setItem('dari.locale', lng);
  i18n.addResourceBundle(lng, 'translation', catalogues[lng], true, true);
  await setLanguage(lng);
}

/** Everything on screen and in the browser tab, plus text only assistive technology reads. */
function visibleText(): string {
  const labels = [...document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')].map((el) =>
    ['aria-label', 'title', 'alt', 'placeholder'].map((a) => el.getAttribute(a) ?? '').join(' '),
  );
  return [document.title, document.body.textContent, ...labels].join('\n');
}

const signedOut = { 'GET /me': apiError(401, 'unauthenticated') };
const CERT_ID = '9d3c3e1e-1a2b-4c3d-8e4f-000000000777';
const CODE_ID = '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01';
const verification = {
  name: '하나',
  courseTitle: { ko: '일터의 권리' },
  issuedAt: '2026-04-03T09:00:00.000Z',
  valid: true,
};

interface PublicPage {
  name: string;
  path: string;
  role?: 'learner' | 'manager';
  api?: Record<string, { status: number; body?: unknown }>;
  /** The page's h1, as a catalogue key (with its values), once it has drawn. */
  heading: [string, Record<string, string>?];
  /** Something further down that must be on screen before the page counts as drawn. */
  shows?: string;
}

const PAGES: PublicPage[] = [
  { name: 'sign-in', path: '/sign-in', heading: ['signIn.title'] },
  { name: 'reset code', path: '/reset-code', heading: ['resetCode.title'] },
  { name: 'join (enter a code)', path: '/join', heading: ['join.enterTitle'] },
  {
    name: 'join (the form)',
    path: '/join/ABCDE-FGHJK',
    api: { 'GET /join/ABCDE-FGHJK': { status: 200, body: { cohortName: '2027 봄 아카데미' } } },
    heading: ['join.title', { name: '2027 봄 아카데미' }],
  },
  { name: 'verify (enter a code)', path: '/verify', heading: ['learning.verify.title'] },
  {
    name: 'verify (the result)',
    path: '/verify/ABCDEFGHJKMN',
    api: { 'GET /certificates/verify/ABCDEFGHJKMN': { status: 200, body: verification } },
    heading: ['learning.verify.title'],
    shows: 'learning.verify.valid',
  },
  {
    name: 'verify (no such code)',
    path: '/verify/ZZZZZZZZZZZZ',
    api: { 'GET /certificates/verify/ZZZZZZZZZZZZ': apiError(404, 'not_found') },
    heading: ['learning.verify.title'],
    shows: 'learning.verify.notFound',
  },
  { name: 'verify a credential file', path: '/verify/file', heading: ['credentials.verifyFile.title'] },
  { name: 'privacy notice', path: '/privacy', heading: ['privacy.notice.title'] },
  { name: 'not found', path: '/no-such-page', heading: ['notFound.title'] },
  {
    name: 'certificate (print view)',
    path: `/learn/certificates/${CERT_ID}`,
    role: 'learner',
    api: {
      'GET /me/certificates': {
        status: 200,
        body: {
          items: [
            {
              id: CERT_ID,
              code: 'ABCDEFGHJKMN',
              courseId: COHORT_ID,
              ...verification,
              credential: { state: 'issued', issuedAt: verification.issuedAt },
            },
          ],
        },
      },
    },
    heading: ['learning.certificate.pageTitle'],
    shows: 'learning.certificate.heading',
  },
  {
    name: 'join-code sheet (print view)',
    path: `/program/cohorts/${COHORT_ID}/codes/${CODE_ID}`,
    role: 'manager',
    api: {
      [`GET /cohorts/${COHORT_ID}`]: { status: 200, body: makeCohort() },
      [`GET /cohorts/${COHORT_ID}/join-codes`]: {
        status: 200,
        body: {
          items: [
            {
              id: CODE_ID,
              code: 'ABCDE-FGHJK',
              expiresAt: null,
              maxUses: 30,
              uses: 3,
              revokedAt: null,
              createdAt: '2026-11-01T09:00:00.000Z',
              usable: true,
            },
          ],
        },
      },
    },
    heading: ['program.printCode.title', { name: '2027 봄 아카데미' }],
    shows: 'program.printCode.noEmail',
  },
];

describe('what a third party can see says nothing about who learns on Dari', () => {
  it('the check itself catches the old footer in every language', () => {
    expect('다리는 북한이탈 청년을 위한 배움터예요.').toMatch(REVEALING);
    expect('Dari is a place to learn for young North Korean resettlers.').toMatch(REVEALING);
    expect('Dari（다리，意为“桥”）是为脱北青年开设的学习平台。').toMatch(REVEALING);
    expect('다리 — 온라인 배움터 · Dari — a learning platform · Dari — 在线学习平台').not.toMatch(REVEALING);
  });

  describe.each(LOCALES)('in %s', (lng) => {
    it.each(PAGES)('$name', { timeout: 15_000 }, async (page) => {
      freshDevice(); // the learner's pages keep a queue of learning events in IndexedDB
      await useLanguage(lng);
      mockApi({
        ...(page.role ? { 'GET /me': { status: 200, body: makeMe(page.role, { locale: lng }) } } : signedOut),
        ...page.api,
      });
      renderApp(page.path);
      const [key, values] = page.heading;
      const title = Object.entries(values ?? {}).reduce((text, [k, v]) => text.replace(`{{${k}}}`, v), tr(lng, key));
      expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
      if (page.shows) expect(await screen.findAllByText(tr(lng, page.shows), { exact: false })).not.toHaveLength(0);
      await waitFor(() => expect(document.title).toContain(title));
      // The footer is there, and plain.
      expect(document.querySelector('.site-footer')).toHaveTextContent(tr(lng, 'app.footer'));
      const text = visibleText();
      expect(text.match(REVEALING)?.[0] ?? null, text).toBeNull();
    });
  });

  it('keeps the promise about what is never asked on a learner’s own pages', async () => {
    mockApi({ 'GET /me': { status: 200, body: makeMe('learner') } });
    renderApp('/learn');
    await screen.findByRole('heading', { level: 1, name: '하나 님, 반가워요' });
    await waitFor(() =>
      expect(document.querySelector('.site-footer')).toHaveTextContent(tr('ko', 'app.footerNoEmail')),
    );
  });

  it('but not on the public ones, even signed in (a learner shows an employer the verify page)', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /certificates/verify/ABCDEFGHJKMN': { status: 200, body: verification },
    });
    renderApp('/verify/ABCDEFGHJKMN');
    expect(await screen.findByText(tr('ko', 'learning.verify.valid'))).toBeInTheDocument();
    await screen.findByRole('navigation', { name: tr('ko', 'nav.label') });
    expect(document.querySelector('.site-footer')).not.toHaveTextContent(tr('ko', 'app.footerNoEmail'));
  });
});

describe('the words of public pages and printouts, in every language', () => {
  // Catalogue keys whose text can reach someone without an account or on paper.
  const PUBLIC_KEYS = [
    'app',
    'signIn',
    'resetCode',
    'join',
    'learning.verify',
    'learning.certificate',
    'credentials.verifyFile',
    'credentials.panel',
    'program.printCode',
    'program.slips',
    'notFound',
    'errorPage',
    'errors',
    'privacy.notice',
    'language',
    'reading',
  ];

  function flatten(tree: Tree | string, prefix: string): [string, string][] {
    if (typeof tree === 'string') return [[prefix, tree]];
    return Object.entries(tree).flatMap(([k, v]) => flatten(v, `${prefix}.${k}`));
  }

  it.each(LOCALES)('%s', (lng) => {
    const found = PUBLIC_KEYS.flatMap((key) => {
      let node: Tree | string | undefined = catalogues[lng];
      for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
      return node === undefined ? [] : flatten(node, key);
    }).filter(([, text]) => REVEALING.test(text));
    expect(found).toEqual([]);
  });
});

describe('the HTML shell and the installed app', () => {
  const web = join(__dirname, '..', '..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) =>
      statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
    );

  it('index.html and everything in public/ name Dari as a learning platform, nothing more', () => {
    const html = readFileSync(join(web, 'index.html'), 'utf8');
    expect(html).toMatch(/<title>Dari 다리<\/title>/);
    expect(html).toMatch(/<meta name="description" content="[^"]*온라인 배움터[^"]*"/);
    for (const file of [join(web, 'index.html'), ...files(join(web, 'public'))]) {
      expect(readFileSync(file, 'utf8').match(REVEALING)?.[0] ?? null, file).toBeNull();
    }
  });

  it('the web app manifest (its name, short name and description show on the phone) is neutral', () => {
    // The manifest is written by vite-plugin-pwa from the object in vite.config.ts.
    const config = readFileSync(join(web, 'vite.config.ts'), 'utf8');
    const manifest = /manifest: \{([\s\S]*?)\n {2}\},/.exec(config)?.[1] ?? '';
    expect(manifest).toMatch(/name: 'Dari 다리'/);
    expect(manifest).toMatch(/short_name: 'Dari'/);
    expect(manifest).toMatch(/description: '[^']*온라인 배움터[^']*'/);
    expect(manifest.match(REVEALING)?.[0] ?? null).toBeNull();
  });
});

describe('/verify without a code', () => {
  it('reads codes with or without dashes, with spaces, in any case; refuses anything else', () => {
    expect(normalizeCertificateCode('ABCD-EFGH-JKMN')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeCertificateCode(' abcd efgh jkmn ')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeCertificateCode('abcdefghjkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeCertificateCode('ABCD–EFGH–JKMN')).toBe('ABCD-EFGH-JKMN'); // a phone's en dash
    expect(normalizeCertificateCode('ABCD-EFGH-JKM')).toBeNull();
    expect(normalizeCertificateCode('ABCD-EFGH-JKMNP')).toBeNull();
    expect(normalizeCertificateCode('ABCD-EFGH-JK0N')).toBeNull();
    expect(normalizeCertificateCode('')).toBeNull();
  });

  it('offers a labelled box; a wrong format is explained on the box, a right one opens the result', async () => {
    const api = mockApi({
      ...signedOut,
      'GET /certificates/verify/ABCD-EFGH-JKMN': { status: 200, body: verification },
    });
    const { location } = renderApp('/verify');
    expect(await screen.findByRole('heading', { level: 1, name: '수료증 확인' })).toBeInTheDocument();
    const box = screen.getByLabelText('확인 코드');
    expect(box).toHaveAccessibleDescription(tr('ko', 'learning.verify.codeHint'));
    const user = userEvent.setup();

    await user.type(box, 'ABCD-EFGH');
    await user.click(screen.getByRole('button', { name: '확인하기' }));
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription(
      `${tr('ko', 'learning.verify.codeHint')} ${tr('ko', 'learning.verify.badFormat')}`,
    );
    expect(box).toHaveFocus();
    expect(location()).toBe('/verify');
    expect(api.calls.filter((c) => c.path.startsWith('/certificates/verify'))).toHaveLength(0);

    await user.clear(box);
    await user.type(box, 'abcdefghjkmn');
    expect(box).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: '확인하기' }));
    await waitFor(() => expect(location()).toBe('/verify/ABCD-EFGH-JKMN'));
    expect(await screen.findByText('다리에서 발급한 진짜 수료증이에요.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '확인 결과' })).toHaveTextContent('이름하나');

    // And back, for the next certificate.
    await user.click(screen.getByRole('link', { name: '다른 코드 확인하기' }));
    expect(await screen.findByLabelText('확인 코드')).toHaveValue('');
  });

  it('is translated', async () => {
    await useLanguage('zh');
    mockApi(signedOut);
    renderApp('/verify');
    expect(await screen.findByRole('heading', { level: 1, name: '验证结业证书' })).toBeInTheDocument();
    expect(screen.getByLabelText('验证码')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '验证' })).toBeInTheDocument();
  });
});
