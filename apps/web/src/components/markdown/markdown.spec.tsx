import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';

/** Nothing that could run: no script elements, no on* handlers, no javascript:/data: addresses anywhere. */
function expectInert(container: HTMLElement) {
  expect(container.querySelectorAll('script, iframe, object, embed, svg, style, form')).toHaveLength(0);
  for (const el of container.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
      expect(attr.value.toLowerCase().replace(/\s/g, '')).not.toMatch(/^(javascript|data|vbscript):/);
    }
  }
  // Text and attribute values may mention these words (escaped, inert); no element is a script and no attribute a handler.
}

describe('Markdown (the learner renderer)', () => {
  it('renders headings, lists, tables and strikethrough', () => {
    const { container } = render(
      <Markdown
        source={
          '# 권리\n\n## 노동\n\n- 하나\n- 둘\n\n1. 첫째\n\n| 말 | 뜻 |\n|---|---|\n| 인권 | 사람의 권리 |\n\n~~옛말~~'
        }
      />,
    );
    // The page's title is its h1: the author's `#` is the next level down.
    expect(screen.getByRole('heading', { level: 2, name: '권리' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: '노동' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: '뜻' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '사람의 권리' })).toBeInTheDocument();
    expect(container.querySelector('del')).toHaveTextContent('옛말');
  });

  it('makes the top-most author heading the given level and keeps the others below it, to at most h6', () => {
    const source = '# 하나\n\n## 둘\n\n### 셋\n\n#### 넷\n\n##### 다섯\n\n###### 여섯\n\n둘째 줄\n---';
    const levels = (container: HTMLElement) =>
      [...container.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName}:${h.textContent}`);
    const { container, unmount } = render(<Markdown source={source} />);
    expect(levels(container)).toEqual(['H2:하나', 'H3:둘', 'H4:셋', 'H5:넷', 'H6:다섯', 'H6:여섯', 'H3:둘째 줄']);
    unmount();
    const under = render(<Markdown source={source} headingLevel={3} />);
    expect(levels(under.container)).toEqual(['H3:하나', 'H4:둘', 'H5:셋', 'H6:넷', 'H6:다섯', 'H6:여섯', 'H4:둘째 줄']);
  });

  it('lifts a lesson that starts at ## (or deeper) to the given level, so no level is skipped under the page heading', () => {
    const levels = (container: HTMLElement) =>
      [...container.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName}:${h.textContent}`);
    const { container, unmount } = render(<Markdown source={'## 권리\n\n### 노동\n\n## 교육\n\n##### 깊이'} />);
    // The relative depth stays: ### under ## is one deeper, ##### three deeper.
    expect(levels(container)).toEqual(['H2:권리', 'H3:노동', 'H2:교육', 'H5:깊이']);
    unmount();
    const under = render(<Markdown source={'### 장면\n\n#### 대사'} headingLevel={4} />);
    expect(levels(under.container)).toEqual(['H4:장면', 'H5:대사']);
  });

  it('never renders raw HTML: script, img onerror, svg, iframe stay out', () => {
    const { container } = render(
      <Markdown
        source={[
          '<script>alert(1)</script>',
          '<img src=x onerror="alert(1)">',
          '<svg onload="alert(1)"><circle r="1"/></svg>',
          '<iframe src="https://evil.example"></iframe>',
          'text <b onclick="alert(1)">bold</b> <a href="javascript:alert(1)">x</a>',
          '<style>body{display:none}</style>',
        ].join('\n\n')}
      />,
    );
    expectInert(container);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('shows javascript:, data: and other unsafe links as plain text', () => {
    const { container } = render(
      <Markdown
        source={[
          '[one](javascript:alert(1))',
          '[two](JaVaScRiPt:alert(1))',
          '[three](java\tscript:alert(1))',
          '[four](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
          '[five](vbscript:msgbox(1))',
          '[six](//evil.example/x)',
          '<javascript:alert(1)>',
        ].join('\n\n')}
      />,
    );
    expectInert(container);
    for (const name of ['one', 'two', 'four', 'five', 'six']) {
      expect(screen.getByText(name).closest('a')).toBeNull();
    }
  });

  it('keeps safe links; external ones open in a new tab without passing on who sent them', () => {
    render(
      <Markdown
        source={
          '[법률구조공단](https://www.klac.or.kr) [mail](mailto:help@example.org) [call](tel:132) [next](/learn) [part](#a)'
        }
      />,
    );
    const external = screen.getByRole('link', { name: '법률구조공단' });
    expect(external).toHaveAttribute('href', 'https://www.klac.or.kr');
    expect(external).toHaveAttribute('target', '_blank');
    expect(external).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'mail' })).toHaveAttribute('href', 'mailto:help@example.org');
    expect(screen.getByRole('link', { name: 'call' })).toHaveAttribute('href', 'tel:132');
    const inside = screen.getByRole('link', { name: 'next' });
    expect(inside).toHaveAttribute('href', '/learn');
    expect(inside).not.toHaveAttribute('target');
  });

  it('shows images only from Dari itself, lazily and with alt text; data: and other sites are refused', () => {
    const { container } = render(
      <Markdown
        source={[
          '![투표함](/api/v1/media/0b7c6a38-2f7e-4f4e-9a53-1f7c2e0d1a01)',
          '![pixel](https://tracker.example/p.gif)',
          '![dot](data:image/png;base64,iVBORw0KGgo=)',
          '![svg](javascript:alert(1))',
          '![other](/admin/users)',
        ].join('\n\n')}
      />,
    );
    const images = container.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]).toHaveAttribute('src', '/api/v1/media/0b7c6a38-2f7e-4f4e-9a53-1f7c2e0d1a01');
    expect(images[0]).toHaveAttribute('alt', '투표함');
    expect(images[0]).toHaveAttribute('loading', 'lazy');
    expect(screen.getByText('pixel')).toBeInTheDocument();
    expectInert(container);
  });

  it('maps bundle paths to the course media through resolveImage', () => {
    const { container } = render(
      <Markdown
        source={'![지도](media/map.png)'}
        resolveImage={(src) => (src === 'media/map.png' ? '/api/v1/media/abc' : null)}
      />,
    );
    expect(container.querySelector('img')).toHaveAttribute('src', '/api/v1/media/abc');
  });

  it('renders GitHub-style callouts as labelled notes', () => {
    const { container } = render(
      <Markdown
        source={'> [!NOTE]\n> 투표는 비밀이에요.\n\n> [!WARNING]\n> 계약서는 꼭 읽어 보세요.\n\n> 그냥 인용'}
      />,
    );
    const notes = screen.getAllByRole('note');
    expect(notes).toHaveLength(2);
    expect(notes[0]).toHaveClass('callout', 'callout-note');
    expect(notes[0].tagName).toBe('ASIDE');
    expect(notes[0]).toHaveTextContent('참고');
    expect(notes[0]).toHaveTextContent('투표는 비밀이에요.');
    expect(notes[0]).not.toHaveTextContent('[!NOTE]');
    expect(notes[1]).toHaveClass('callout-warning');
    expect(notes[1]).toHaveTextContent('주의');
    expect(container.querySelector('blockquote')).toHaveTextContent('그냥 인용');
  });

  it('marks glossary terms with and without shown text, but not inside code', () => {
    const { container } = render(
      <Markdown source={'[[인권]]은 모두의 것. [[근로계약서|계약서]]를 쓰세요. `[[코드]]`'} />,
    );
    const marks = container.querySelectorAll('mark.term');
    expect(marks).toHaveLength(2);
    expect(marks[0]).toHaveAttribute('data-term', '인권');
    expect(marks[0]).toHaveTextContent('인권');
    expect(marks[1]).toHaveAttribute('data-term', '근로계약서');
    expect(marks[1]).toHaveTextContent(/^계약서$/);
    expect(container.querySelector('code')).toHaveTextContent('[[코드]]');
  });

  it('keeps what is inside [[ ]] as text, even when it looks like HTML', () => {
    const { container } = render(
      <Markdown source={'[[<img src=x onerror=alert(1)>]] and [[a|<script>alert(1)</script>]]'} />,
    );
    expectInert(container);
    expect(container.querySelector('img')).toBeNull();
    const marks = container.querySelectorAll('mark.term');
    expect(marks).toHaveLength(2);
    expect(marks[0]).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(marks[1]).toHaveTextContent('<script>alert(1)</script>');
  });

  it('flags terms the glossary does not know, when told which it knows', () => {
    const { container } = render(<Markdown source={'[[인권]] [[없는말]]'} knownTerms={new Set(['인권'])} />);
    expect(container.querySelector('[data-term="인권"]')).not.toHaveClass('term-unknown');
    expect(container.querySelector('[data-term="없는말"]')).toHaveClass('term-unknown');
  });
});
