import { useEffect, useState } from 'react';

/** The dark modules of a QR code as one SVG path (one unit per module). */
export function qrPath(data: boolean[][]): string {
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return d;
}

/**
 * A QR code for an address, made on the phone (the `uqr` library, loaded only when a page shows a code,
 * so the first page does not carry it; no third party sees the address). `label` is its text alternative;
 * the address itself is always printed beside it as text too.
 */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const [code, setCode] = useState<{ value: string; size: number; path: string } | null>(null);

  useEffect(() => {
    let live = true;
    import('uqr')
      .then(({ encode }) => {
        // Medium error correction and the standard quiet zone of 4 modules: reads well from paper.
        const qr = encode(value, { ecc: 'M', border: 4 });
        if (live) setCode({ value, size: qr.data.length, path: qrPath(qr.data) });
      })
      .catch(() => undefined); // no code (e.g. the chunk could not load offline): the address is printed as text
    return () => {
      live = false;
    };
  }, [value]);

  if (!code || code.value !== value) return <span className={className ? `qr-code ${className}` : 'qr-code'} />;
  return (
    <svg
      className={className ? `qr-code ${className}` : 'qr-code'}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${code.size} ${code.size}`}
      shapeRendering="crispEdges"
      data-address={code.value}
    >
      <rect width={code.size} height={code.size} fill="#fff" />
      <path d={code.path} fill="#000" />
    </svg>
  );
}
