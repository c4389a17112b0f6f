import type { Locale } from '@dari/contracts';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { HTML_LANG } from '@/lib/format';

export interface LineSeries {
  label: string;
  values: number[];
}

export interface LineChartProps {
  /** Korea weeks as their Mondays (YYYY-MM-DD). */
  weeks: string[];
  series: LineSeries[];
  locale: Locale;
  /** The y axis' unit, said after each value in the legend. */
  format: (value: number) => string;
}

// Colours that keep 3:1 against both themes' surfaces, with a dash pattern each: colour is never the only cue.
const STROKES = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2'];
const DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 2]];

/**
 * A line chart drawn by uPlot (a canvas: the page around it carries the numbers as a table, so this is an
 * extra for the eyes, hidden from screen readers). Loaded lazily with the cohort's charts only.
 */
export default function LineChart({ weeks, series, locale, format }: LineChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    // Without a 2D canvas (very old browsers, or a test's DOM) the table below the chart says it all.
    if (!el || typeof ResizeObserver === 'undefined' || !document.createElement('canvas').getContext('2d'))
      return undefined;
    const style = getComputedStyle(el);
    const text = style.getPropertyValue('--text').trim() || '#1c2126';
    const grid = style.getPropertyValue('--border').trim() || '#c9cfd4';
    const day = new Intl.DateTimeFormat(HTML_LANG[locale], {
      month: 'numeric',
      day: 'numeric',
      timeZone: 'Asia/Seoul',
    });
    const xs = weeks.map((w) => Date.parse(`${w}T00:00:00+09:00`) / 1000);
    // Axis labels follow the reader's text size (the reading settings' larger sizes), not uPlot's fixed 12 px.
    const px = parseFloat(style.fontSize) || 16;
    const font = `${Math.round(px * 0.8)}px ${style.fontFamily || 'system-ui, sans-serif'}`;
    const axis = { stroke: text, font, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const width = () => Math.max(260, Math.floor(el.clientWidth));
    const plot = new uPlot(
      {
        width: width(),
        height: 220,
        cursor: { drag: { x: false, y: false } },
        // The legend names each line (colour and dash), without the time entry uPlot shows only when live;
        // the values are in the sentence and the table.
        legend: { live: false },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
        axes: [
          {
            ...axis,
            size: Math.round(px * 2.6),
            // A tick on each week's Monday (the points), labelled as often as the width allows: Korean dates
            // ("11. 16.") are wide, and a label between two weeks would name a day nothing was counted on.
            splits: () => xs,
            values: (u: uPlot, splits: number[]) => {
              const fit = Math.max(2, Math.floor(u.width / (px * 4.5)));
              const step = Math.max(1, Math.ceil(splits.length / fit));
              return splits.map((s, i) => (i % step === 0 ? day.format(new Date(s * 1000)) : ''));
            },
          },
          {
            ...axis,
            size: Math.round(px * 3),
            values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? String(s) : '')),
          },
        ],
        series: [
          { value: (_u, v) => day.format(new Date(v * 1000)) },
          ...series.map((s, i) => ({
            label: s.label,
            stroke: STROKES[i % STROKES.length],
            dash: DASHES[i % DASHES.length],
            width: 2,
            points: { show: weeks.length <= 20 },
            value: (_u: uPlot, v: number | null) => (v == null ? '' : format(v)),
          })),
        ],
      },
      [xs, ...series.map((s) => s.values)],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [weeks, series, locale, format]);
  return <div ref={host} className="line-chart" aria-hidden="true" />;
}
