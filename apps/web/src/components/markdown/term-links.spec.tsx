import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GlossaryContext, termsIn, type GlossaryContextValue } from './glossary-context';
import { Markdown } from './markdown';

/** A glossary that knows only 인권, and draws terms as plain buttons (the real one adds popovers). */
function withGlossary(source: string, known = new Set(['인권'])) {
  const registered: string[][] = [];
  const value: GlossaryContextValue = {
    lessonId: '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3c01',
    lookup: (term) => (known.has(term) ? { status: 'found', entry: {} as never } : { status: 'unknown' }),
    registerTerms: vi.fn((terms: readonly string[]) => {
      registered.push([...terms]);
      return () => undefined;
    }),
    renderTerm: ({ term, unknown, children }) => (
      <button type="button" data-term={term} className={unknown ? 'unknown' : 'known'}>
        {children}
      </button>
    ),
  };
  const utils = render(
    <GlossaryContext.Provider value={value}>
      <Markdown source={source} />
    </GlossaryContext.Provider>,
  );
  return { ...utils, registered };
}

describe('[[term]] links with a glossary', () => {
  it("turns known and unknown terms into the glossary's buttons, with the shown text of [[term|shown]]", () => {
    const { registered } = withGlossary('[[인권]]과 [[근로계약서|계약서]], 그리고 `[[코드]]`');
    const known = screen.getByRole('button', { name: '인권' });
    expect(known).toHaveAttribute('data-term', '인권');
    expect(known).toHaveClass('known');
    const shown = screen.getByRole('button', { name: '계약서' });
    expect(shown).toHaveAttribute('data-term', '근로계약서');
    expect(shown).toHaveClass('unknown');
    expect(screen.queryByRole('button', { name: /코드/ })).not.toBeInTheDocument();
    // The block told the glossary its terms once, for one lookup.
    expect(registered).toEqual([['근로계약서', '인권', '코드']]);
  });

  it('never lets what is inside [[ ]] become HTML, in the term or in the shown text', () => {
    const { container } = withGlossary('[[<img src=x onerror=alert(1)>]] [[인권|<script>alert(1)</script>]]');
    expect(container.querySelector('img, script')).toBeNull();
    const buttons = screen.getAllByRole('button');
    expect(buttons[0]).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(buttons[0]).toHaveAttribute('data-term', '<img src=x onerror=alert(1)>');
    expect(buttons[1]).toHaveTextContent('<script>alert(1)</script>');
    for (const el of container.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name.startsWith('on')).toBe(false);
    }
  });

  it('stays a plain <mark> without a glossary (the editor preview, tests)', () => {
    const { container } = render(<Markdown source={'[[인권]]'} />);
    expect(container.querySelector('mark.term[data-term="인권"]')).toHaveTextContent('인권');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('reads "[[term]](note)" as a term followed by text, not as a link to "note"', () => {
    const { container } = render(
      <Markdown source={'[[고용주]](사장님)가 [[[인권]]](https://example.org) 그리고 [보통 링크](/learn)'} />,
    );
    const boss = container.querySelector('mark.term[data-term="고용주"]');
    expect(boss).toHaveTextContent(/^고용주$/);
    expect(boss!.closest('a')).toBeNull();
    expect(container.querySelector('p')).toHaveTextContent('고용주(사장님)가');
    expect(screen.queryByRole('link', { name: /고용주/ })).not.toBeInTheDocument();
    // A real link around a term stays a link.
    expect(screen.getByRole('link', { name: '인권' })).toHaveAttribute('href', 'https://example.org');
    expect(screen.getByRole('link', { name: '보통 링크' })).toHaveAttribute('href', '/learn');
  });

  it('finds the terms of a text as the renderer reads them', () => {
    expect(termsIn('[[인권]] [[ 근로계약서 | 계약서 ]] [[인권]] [[]] [[a\nb]]')).toEqual(['인권', '근로계약서']);
  });

  it('links terms in every language: [[Korean term|shown text]] in a Chinese or English text, in a table too', () => {
    const source = [
      '签约前要了解[[전세|全租房]]。Before you sign, learn about [[전세|jeonse]].',
      '',
      '| 机构 | 电话 |',
      '| --- | --- |',
      '| [[대한법률구조공단|大韩法律救助公团（대한법률구조공단）]] | 132 |',
      '| [[인권\\|人权]]咨询 | 1331 |',
      '',
      '`[[인권|代码]]`',
      '',
      '```',
      '| [[인권|代码]] | 1 |',
      '```',
    ].join('\n');
    const { container, registered } = withGlossary(source);
    expect(screen.getByRole('button', { name: '全租房' })).toHaveAttribute('data-term', '전세');
    expect(screen.getByRole('button', { name: 'jeonse' })).toHaveAttribute('data-term', '전세');
    // The bar inside [[ ]] does not split the table's cell, written as it is or escaped.
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['大韩法律救助公团（대한법률구조공단）', '132'],
      ['人权咨询', '1331'],
    ]);
    expect(screen.getByRole('button', { name: '大韩法律救助公团（대한법률구조공단）' })).toHaveAttribute(
      'data-term',
      '대한법률구조공단',
    );
    expect(screen.getByRole('button', { name: '人权' })).toHaveAttribute('data-term', '인권');
    const code = [...container.querySelectorAll('code')].map((c) => c.textContent);
    expect(code).toEqual(['[[인권|代码]]', '| [[인권|代码]] | 1 |\n']);
    expect(registered).toEqual([['대한법률구조공단', '인권', '전세']]);
  });
});
