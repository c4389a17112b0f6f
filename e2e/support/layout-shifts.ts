// Layout shifts as Lighthouse counts them (Cumulative Layout Shift): every 'layout-shift' entry the page
// reports from its first paint, each with what moved, so a failing test says which element jumped.
import type { Page } from '@playwright/test';

export type Shift = { value: number; sources: string };

/** From the next navigation on, the page keeps every layout shift it reports in window.__dariShifts. */
export async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: { value: number; sources: string }[] = [];
    (window as unknown as { __dariShifts: typeof shifts }).__dariShifts = shifts;
    const name = (node: Node | null) => {
      const element = node instanceof Element ? node : node?.parentElement;
      return element ? `${element.tagName.toLowerCase()}${element.className ? `.${element.className}` : ''}` : '?';
    };
    new PerformanceObserver((list) => {
      // Every shift counts, as in Lighthouse: nobody touches the page before it is read.
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      })[])
        shifts.push({
          value: entry.value,
          sources: entry.sources
            .map((s) => `${name(s.node)} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`)
            .join(', '),
        });
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Each shift the current page reported (tag.class, top before → after), once its requests are answered. */
export async function layoutShifts(page: Page): Promise<Shift[]> {
  // Settled: the page's own requests (session, lesson, terms, results) are answered and nothing is drawn late.
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => (window as unknown as { __dariShifts: Shift[] }).__dariShifts);
}

export const sumOfShifts = (shifts: Shift[]) => shifts.reduce((total, s) => total + s.value, 0);
