import { CALLOUT_KINDS, fillLessonHtml, markdownToHtml } from '@dari/contracts/markdown';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { Markdown } from './markdown';

/**
 * The server renders lesson Markdown to HTML at publish time (markdownToHtml); the editor's preview keeps
 * react-markdown. Both use one implementation of the rules (@dari/contracts/markdown): for every text here
 * they give the same sanitised HTML, and nothing that could run survives.
 */

// Every starter lesson, in every language it has.
const lessons = import.meta.glob<string>('../../../../../libs/curriculum/courses/*/lessons/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

// The API's payload corpus (apps/api/test/payload-corpus.spec.ts) and the hostile texts of markdown.spec.tsx.
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '<svg/onload=alert(1)>',
  "' OR '1'='1'; DROP TABLE users; --",
  '<img src=x onerror="alert(1)">',
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  'text <b onclick="alert(1)">bold</b> <a href="javascript:alert(1)">x</a>',
  '<style>body{display:none}</style>',
  '[one](javascript:alert(1))\n\n[two](JaVaScRiPt:alert(1))\n\n[three](java\tscript:alert(1))',
  '[four](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [five](vbscript:msgbox(1)) [six](//evil.example/x)',
  '<javascript:alert(1)>',
  '![pixel](https://tracker.example/p.gif) ![dot](data:image/png;base64,iVBORw0KGgo=) ![svg](javascript:alert(1))',
  '![other](/admin/users) ![투표함](/api/v1/media/0b7c6a38-2f7e-4f4e-9a53-1f7c2e0d1a01 "제목")',
  '[법률구조공단](https://www.klac.or.kr) [mail](mailto:help@example.org) [call](tel:132) [next](/learn) [part](#a)',
  '> [!WARNING]\n> 조심 <script>x</script> [[인권|<img src=x onerror=alert(1)>]]',
  '> [!TIP]\n> [[고용주]](사장님) and [[a|b]] `[[code]]`\n\n```\n[[fenced]] {{fact:min_wage}}\n```',
  '| 말 | 뜻 |\n|---|---|\n| [[전세|全租房]] | <b>x</b> {{fact:min_wage}} |',
  '최저임금은 {{fact:min_wage}}이고 {{ fact:unknown_key }} <span data-fact="x">y</span>',
  '# 하나\n\n## 둘\n\n###### 여섯\n\n- [ ] 할 일\n- [x] 끝\n\n~~옛말~~ www.example.org https://x.org/a?b=<c>',
  '<details><summary>s</summary>d</details> <picture><source srcset=x></picture> <a name="x" id="y">n</a>',
  'Footnote[^1].\n\n[^1]: <q cite="javascript:x">q</q> note [site](https://example.org "t")',
];

function expectInert(container: HTMLElement) {
  expect(container.querySelectorAll('script, iframe, object, embed, svg, style, form, link, meta')).toHaveLength(0);
  for (const el of container.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
      expect(attr.value.toLowerCase().replace(/\s/g, '')).not.toMatch(/^(javascript|data|vbscript):/);
    }
  }
}

const labels = () =>
  Object.fromEntries(CALLOUT_KINDS.map((k) => [k, i18n.t(`markdown.callout.${k}`)])) as Record<
    (typeof CALLOUT_KINDS)[number],
    string
  >;

/** The server's HTML as the page shows it: facts as the preview leaves them (unknown: as written), the callout labels. */
function serverDom(source: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = markdownToHtml(source, { headingLevel: 2 });
  // The preview (no facts in reach) leaves {{fact:KEY}} as written: the text the server's placeholder holds.
  for (const span of div.querySelectorAll('span[data-fact]')) span.replaceWith(span.textContent);
  // The callout labels as the page fills them in (fillLessonHtml), in the interface language.
  div.innerHTML = fillLessonHtml(div.innerHTML, { fact: () => '', labels: labels() });
  return div;
}

function webDom(source: string): HTMLElement {
  const { container, unmount } = render(<Markdown source={source} headingLevel={2} />);
  const div = document.createElement('div');
  div.innerHTML = container.querySelector('.markdown')!.innerHTML;
  unmount();
  return div;
}

// Text nodes split differently (React joins adjacent text; the facts' placeholders split it): compare normalised.
const normalised = (el: HTMLElement) => {
  el.normalize();
  // Attribute order means nothing to a browser (React writes props in its own order).
  for (const node of el.querySelectorAll('*')) {
    const attrs = [...node.attributes].map((a) => [a.name, a.value] as const).sort(([a], [b]) => a.localeCompare(b));
    for (const [name] of attrs) node.removeAttribute(name);
    for (const [name, value] of attrs) node.setAttribute(name, value);
  }
  return el.innerHTML.replace(/>\s+</g, '><').trim();
};

describe('lesson HTML rendered on the server', () => {
  const corpus = [...HOSTILE, ...Object.values(lessons)];

  it('covers every starter lesson', () => {
    expect(Object.keys(lessons).length).toBeGreaterThan(100);
  });

  it.each(corpus.map((source, i) => [i, source] as const))(
    'is the web renderer’s HTML, and inert (%i)',
    (_i, source) => {
      const server = serverDom(source);
      expectInert(server);
      expect(normalised(server)).toBe(normalised(webDom(source)));
    },
  );

  it('leaves a place for each dated fact, filled in as plain text on the phone', () => {
    const html = markdownToHtml('임금: {{fact:min_wage}}', { headingLevel: 2 });
    expect(html).toBe('<p>임금: <span data-fact="min_wage">{{fact:min_wage}}</span></p>');
    const filled = fillLessonHtml(html, { fact: (k) => `<b>${k}</b>`, labels: labels() });
    expect(filled).toBe('<p>임금: <span data-fact="min_wage">&lt;b&gt;min_wage&lt;/b&gt;</span></p>');
  });
});
