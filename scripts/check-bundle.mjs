// The learner's first page must load at most 100 KiB of JavaScript, gzip-compressed (QUALITY.md). Not
// reached (114.9 KiB on 2026-12-08, from 124.9: the glossary, questions, inbox, account and sign-in words
// load with their pages, and the libraries are one chunk): React DOM alone is ~57 KiB, react-router ~14,
// TanStack Query ~12, React 3, so the libraries are ~88 KiB of it (docs/performance.md, "First-page
// JavaScript" says what would reach 100). The budget below holds what was reached, so nothing grows back.
// Reads the built index.html: the entry script and every module it preloads are what a phone
// downloads before the first screen. Run by `npm test` after building the web app.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = 115;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'web', 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((m) => m[1] ?? m[2]);
if (!files.length) {
  console.error('check-bundle: no scripts found in apps/web/dist/index.html');
  process.exit(1);
}
let total = 0;
for (const f of files) {
  const size = gzipSync(readFileSync(path.join(dist, f.replace(/^\//, ''))), { level: 9 }).length;
  total += size;
  console.log(`  ${(size / 1024).toFixed(1).padStart(6)} KiB  ${f}`);
}
const kib = total / 1024;
console.log(`first page JavaScript: ${kib.toFixed(1)} KiB gzip (budget ${BUDGET_KIB} KiB)`);
if (kib > BUDGET_KIB) {
  console.error(
    `check-bundle: over budget by ${(kib - BUDGET_KIB).toFixed(1)} KiB — lazy-load what the first page does not need`,
  );
  process.exit(1);
}
