import { markdownToHtml } from '@dari/contracts/markdown';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mayPrefetch } from '../../features/learning/api/get-lesson';
import { HOURLY_WAGE_FACT as hourly } from '../../test/fixtures';
import { FactsContext } from './facts-context';
import { GlossaryContext, type GlossaryContextValue } from './glossary-context';
import { LessonHtml } from './lesson-html';

/** The server's HTML on the phone: terms stay the glossary's controls, facts show for today, callouts labelled. */
describe('LessonHtml (a lesson rendered on the server)', () => {
  const html = markdownToHtml(
    '> [!TIP]\n> [[인권]]과 [[근로계약서|계약서]]: 시급은 {{fact:minimum-wage-hourly}}이에요.\n\n<script>alert(1)</script>',
    { headingLevel: 2 },
  );

  it('makes each [[term]] the glossary control, registers the terms, and fills in facts and labels', () => {
    const registered: string[][] = [];
    const onOpen = vi.fn();
    const value: GlossaryContextValue = {
      lessonId: '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3c01',
      lookup: (term) => (term === '인권' ? { status: 'found', entry: {} as never } : { status: 'unknown' }),
      registerTerms: (terms) => {
        registered.push([...terms]);
        return () => undefined;
      },
      renderTerm: ({ term, unknown, children }) => (
        <button type="button" data-term={term} className={unknown ? 'unknown' : 'known'} onClick={() => onOpen(term)}>
          {children}
        </button>
      ),
    };
    const { container } = render(
      <FactsContext.Provider value={[hourly]}>
        <GlossaryContext.Provider value={value}>
          <LessonHtml html={html} />
        </GlossaryContext.Provider>
      </FactsContext.Provider>,
    );
    const known = screen.getByRole('button', { name: '인권' });
    expect(known).toHaveClass('known');
    expect(screen.getByRole('button', { name: '계약서' })).toHaveClass('unknown');
    fireEvent.click(known);
    expect(onOpen).toHaveBeenCalledWith('인권');
    expect(registered.at(-1)).toEqual(['근로계약서', '인권']);
    expect(container.querySelector('mark')).toBeNull();
    expect(container.querySelector('span[data-fact]')?.textContent).toMatch(/원/);
    expect(container.querySelector('.callout-title')?.textContent).not.toBe('TIP');
    expect(container.querySelector('script')).toBeNull();
  });

  it('without a glossary keeps the marks as they came', () => {
    const { container } = render(<LessonHtml html={html} />);
    expect(container.querySelectorAll('mark.term')).toHaveLength(2);
    expect(container.querySelector('span[data-fact]')?.textContent).toBe('{{fact:minimum-wage-hourly}}');
  });
});

describe('prefetching the next lesson', () => {
  it('only when the connection allows: not with Save-Data, not on 2G', () => {
    expect(mayPrefetch({})).toBe(true);
    expect(mayPrefetch({ connection: { effectiveType: '4g' } })).toBe(true);
    expect(mayPrefetch({ connection: { effectiveType: '4g', saveData: true } })).toBe(false);
    expect(mayPrefetch({ connection: { effectiveType: '2g' } })).toBe(false);
    expect(mayPrefetch({ connection: { effectiveType: 'slow-2g' } })).toBe(false);
    expect(mayPrefetch({ connection: { effectiveType: '3g' } })).toBe(true);
  });
});
