/** A one-line progress display on a terminal (stderr); `undefined` ends the line. */
export function progressLine(what: string): (label: string | undefined, bytes?: number, total?: number) => void {
  let last = 0;
  return (label, bytes = 0, total) => {
    if (label === undefined) {
      process.stderr.write('\r\x1b[K');
      return;
    }
    const now = Date.now();
    if (now - last < 100 && (!total || bytes < total)) return;
    last = now;
    const mb = (n: number) => (n / 1e6).toFixed(1);
    const done = total
      ? `${mb(bytes)} of ${mb(total)} MB (${Math.floor((100 * bytes) / Math.max(total, 1))} %)`
      : `${mb(bytes)} MB`;
    process.stderr.write(`\r\x1b[K[dari] ${what}: ${label} ${done}`);
  };
}
