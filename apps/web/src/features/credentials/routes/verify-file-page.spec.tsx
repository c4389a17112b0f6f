import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '@/i18n';
import { allCatalogues } from '@/i18n/locales/all';
import { bakedPng, bakedSvg, png } from '../../../test/baked-badges';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const CREDENTIAL = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:web:learn.example.org', type: ['Profile'], name: '배움터' },
  validFrom: '2026-04-03T09:00:00Z',
  credentialSubject: { type: ['AchievementSubject'], name: '하나', achievement: { name: '일터의 권리' } },
  proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z3FXQ' },
};
const TEXT = JSON.stringify(CREDENTIAL);
const FACTS = {
  issuer: { name: '배움터', url: 'https://learn.example.org' },
  name: '하나',
  achievement: { name: '일터의 권리', description: '일터에서의 권리' },
  issuedAt: '2026-04-03T09:00:00Z',
};
const signedOut = { 'GET /me': apiError(401, 'unauthenticated') };

async function open() {
  renderApp('/verify/file');
  expect(await screen.findByRole('heading', { level: 1, name: '증명서 파일 확인' })).toBeInTheDocument();
  return userEvent.setup();
}
/** The page's live region (the layout has others). */
const resultLive = () => document.querySelector('.verify-file-page [role="status"][aria-live="polite"]');

describe('checking a credential file (public)', () => {
  it('a pasted credential is sent as it is, and a valid one says so with who issued it, the name, the course, the date', async () => {
    const api = mockApi({
      ...signedOut,
      'POST /credentials/verify': { status: 200, body: { result: 'valid', ...FACTS } },
    });
    const user = await open();
    const box = screen.getByLabelText('또는 증명서 내용 붙여 넣기');
    expect(box).toHaveAccessibleDescription('{ 로 시작하는 증명서 내용 전체를 붙여 넣으세요.');
    await user.click(box);
    await user.paste(TEXT);
    await user.click(screen.getByRole('button', { name: '확인하기' }));
    expect(await screen.findByText('진짜 증명서예요. 발급된 뒤로 바뀐 곳이 없어요.')).toBeInTheDocument();
    // Said in the live region, so a screen reader reads it out when it arrives.
    expect(resultLive()).toHaveTextContent('진짜 증명서예요.');
    expect(api.callsTo('POST', '/credentials/verify').map((c) => c.body)).toEqual([CREDENTIAL]);
    const facts = screen.getByRole('region', { name: '확인 결과' });
    expect(facts).toHaveTextContent('발급 기관배움터https://learn.example.org');
    expect(facts).toHaveTextContent('이름하나');
    expect(facts).toHaveTextContent('과정일터의 권리');
    expect(facts).toHaveTextContent('발급일2026년 4월 3일');
    expect(facts).not.toHaveTextContent('확인된 것이 아니에요');
    // The issuer's address is text, not a link the file could point anywhere.
    expect(within(facts).queryByRole('link')).not.toBeInTheDocument();
  });

  it('a baked PNG badge: the credential is taken out on the phone and only it is sent; revoked says so', async () => {
    const api = mockApi({
      ...signedOut,
      'POST /credentials/verify': { status: 200, body: { result: 'revoked', ...FACTS } },
    });
    const user = await open();
    const input = screen.getByLabelText('파일 고르기');
    expect(input).toHaveAccessibleDescription('.json 파일이나 배지 그림(.png, .svg)을 고르세요.');
    await user.upload(input, new File([bakedPng(TEXT) as BlobPart], 'badge.png', { type: 'image/png' }));
    expect(await screen.findByText('발급 기관이 취소한 증명서예요. 더 이상 유효하지 않아요.')).toBeInTheDocument();
    expect(screen.getByText('고른 파일: badge.png')).toBeInTheDocument();
    expect(api.callsTo('POST', '/credentials/verify').map((c) => c.body)).toEqual([CREDENTIAL]);
    // What the file claims is shown, marked as not proven.
    const facts = screen.getByRole('region', { name: '확인 결과' });
    expect(facts).toHaveTextContent('아래는 파일에 적힌 내용이에요. 확인된 것이 아니에요.');
    expect(facts).toHaveTextContent('이름하나');
  });

  it.each([
    ['tampered', '증명서 내용이 발급된 뒤에 바뀌었어요. 믿을 수 없어요.'],
    ['expired', '유효 기간이 지난 증명서예요.'],
    ['unknown-issuer', '누가 발급했는지 확인할 수 없는 증명서예요.'],
    ['malformed', '증명서가 아니거나 읽을 수 없는 내용이에요.'],
  ])('a baked SVG badge that is %s says so plainly', async (outcome, text) => {
    const api = mockApi({ ...signedOut, 'POST /credentials/verify': { status: 200, body: { result: outcome } } });
    const user = await open();
    await user.upload(
      screen.getByLabelText('파일 고르기'),
      new File([bakedSvg(TEXT)], 'badge.svg', { type: 'image/svg+xml' }),
    );
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(resultLive()).toHaveTextContent(text);
    expect(api.callsTo('POST', '/credentials/verify').map((c) => c.body)).toEqual([CREDENTIAL]);
    // Nothing readable came back: no list of claims.
    expect(screen.queryByRole('region', { name: '확인 결과' })).not.toBeInTheDocument();
  });

  it('a picture with no credential in it, or an empty form, says what to do and sends nothing', async () => {
    const api = mockApi(signedOut);
    const user = await open();
    await user.upload(screen.getByLabelText('파일 고르기'), new File([png() as BlobPart], 'photo.png'));
    expect(await screen.findByRole('alert')).toHaveTextContent('이 파일에서 증명서를 찾지 못했어요.');
    await user.click(screen.getByRole('button', { name: '확인하기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('파일을 고르거나 내용을 붙여 넣어 주세요.');
    expect(api.callsTo('POST', '/credentials/verify')).toHaveLength(0);
  });

  it('pasted text that is not JSON is "not a credential" without asking the server', async () => {
    const api = mockApi(signedOut);
    const user = await open();
    await user.type(screen.getByLabelText('또는 증명서 내용 붙여 넣기'), 'hello');
    await user.click(screen.getByRole('button', { name: '확인하기' }));
    expect(await screen.findByText('증명서가 아니거나 읽을 수 없는 내용이에요.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/credentials/verify')).toHaveLength(0);
  });

  it('a compact JWS (pasted, or in an SVG badge’s verify attribute) is "format not supported", not "not a credential"', async () => {
    const api = mockApi(signedOut);
    const user = await open();
    const jws = 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2lnbmF0dXJlLWJ5dGVz';
    await user.click(screen.getByLabelText('또는 증명서 내용 붙여 넣기'));
    await user.paste(`  ${jws}\n`);
    await user.click(screen.getByRole('button', { name: '확인하기' }));
    const unsupported = '이 페이지에서 확인할 수 없는 형식(압축된 JWS 또는 JWT)의 증명서예요.';
    expect(resultLive()).toHaveTextContent(unsupported);
    expect(resultLive()).not.toHaveTextContent('증명서가 아니거나');

    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify="${jws}"/></svg>`;
    await user.upload(screen.getByLabelText('파일 고르기'), new File([svg], 'badge.svg', { type: 'image/svg+xml' }));
    expect(await screen.findByText(/badge\.svg/)).toBeInTheDocument();
    expect(resultLive()).toHaveTextContent(unsupported);
    expect(api.callsTo('POST', '/credentials/verify')).toHaveLength(0);
  });

  it('a credential over the server limit gets a readable error, not a result', async () => {
    mockApi({ ...signedOut, 'POST /credentials/verify': apiError(413, 'payload_too_large') });
    const user = await open();
    await user.click(screen.getByLabelText('또는 증명서 내용 붙여 넣기'));
    await user.paste(TEXT);
    await user.click(screen.getByRole('button', { name: '확인하기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('보낸 내용이 너무 커요.');
    expect(screen.queryByText(/진짜 증명서예요/)).not.toBeInTheDocument();
  });

  it('names the course in the reader’s language when the credential carries it', async () => {
    const languages = [
      { language: 'en', name: 'Rights at work' },
      { language: 'zh', name: '职场权利' },
    ];
    mockApi({
      ...signedOut,
      'POST /credentials/verify': {
        status: 200,
        body: { result: 'valid', ...FACTS, achievement: { ...FACTS.achievement, language: 'ko', languages } },
      },
    });
    const user = await open();
    await user.click(screen.getByLabelText('또는 증명서 내용 붙여 넣기'));
    await user.paste(TEXT);
    await user.click(screen.getByRole('button', { name: '확인하기' }));
    const course = async () =>
      within(await screen.findByRole('region', { name: /확인 결과|验证结果|Result/ })).getByText(
        /일터의 권리|Rights at work|职场权利/,
      );
    expect(await course()).toHaveTextContent('일터의 권리');
    expect(await course()).toHaveAttribute('lang', 'ko');

    window.localStorage.setItem('dari.locale', 'zh');
    i18n.addResourceBundle('zh', 'translation', allCatalogues().zh, true, true);
    await setLanguage('zh');
    expect(await screen.findByText('职场权利')).toHaveAttribute('lang', 'zh');
  });

  it('is reached from /verify, links back to it, and is translated', async () => {
    mockApi(signedOut);
    const { location } = renderApp('/verify');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: /디지털 증명서 파일/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '증명서 파일 확인' })).toBeInTheDocument();
    expect(location()).toBe('/verify/file');
    expect(screen.getByRole('link', { name: '수료증 코드로 확인하기' })).toHaveAttribute('href', '/verify');

    window.localStorage.setItem('dari.locale', 'zh');
    i18n.addResourceBundle('zh', 'translation', allCatalogues().zh, true, true);
    await setLanguage('zh');
    expect(await screen.findByRole('heading', { level: 1, name: '验证证书文件' })).toBeInTheDocument();
    expect(screen.getByLabelText('选择文件')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '验证' })).toBeInTheDocument();
  });
});
