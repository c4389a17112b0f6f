export interface Bar {
  /** 0..1 */
  value: number;
  tone?: 'strong' | 'light';
}

export interface BarRow {
  id: string;
  label: string;
  lang?: string;
  bars: Bar[];
  /** The number written after the bar, e.g. "38%". */
  valueText: string;
}

/**
 * Horizontal bars drawn as small SVGs, one per row, so labels stay real text at any screen width.
 * The chart is a picture of the table printed beside it: screen readers read the table instead.
 */
export function Bars({ rows }: { rows: BarRow[] }) {
  return (
    <div className="bars" aria-hidden="true">
      {rows.map((row) => (
        <div className="bars-row" key={row.id}>
          <span className="bars-label" lang={row.lang} title={row.label}>
            {row.label}
          </span>
          <span className="bars-track">
            {row.bars.map((bar, i) => (
              <svg key={i} className="bars-svg" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                <rect className="bars-bg" x="0" y="0" width="100" height="10" />
                <rect
                  className={bar.tone === 'light' ? 'bars-fill bars-fill-light' : 'bars-fill'}
                  x="0"
                  y="0"
                  width={clamp(bar.value) * 100}
                  height="10"
                />
              </svg>
            ))}
          </span>
          <span className="bars-value">{row.valueText}</span>
        </div>
      ))}
    </div>
  );
}

function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
