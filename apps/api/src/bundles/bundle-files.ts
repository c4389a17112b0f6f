import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';

/** A bundle in memory: paths relative to the bundle folder → bytes. */
export type BundleFiles = Map<string, Uint8Array>;

// A fixed time for every zip entry: the same course gives the same bytes.
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');
const MAX_FILES = 5000;
const MAX_TOTAL = 400 * 1024 * 1024;

export const text = (s: string) => strToU8(s);
export const readText = (b: Uint8Array) => strFromU8(b);

/** JSON as bundles write it: two spaces, the object's own key order, a final newline. */
export const json = (value: unknown) => text(`${JSON.stringify(value, null, 2)}\n`);

export function zipBundle(folder: string, files: BundleFiles): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 0 | 6 }]> = {};
  for (const [p, data] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Media are already compressed; compressing them again costs time for nothing.
    entries[`${folder}/${p}`] = [data, { mtime: FIXED_MTIME, level: p.startsWith('media/') ? 0 : 6 }];
  }
  return zipSync(entries);
}

/** Unpacks a .zip of a bundle folder (or of its contents). Refuses bombs and odd paths. */
export function unzipBundle(zip: Uint8Array): BundleFiles {
  let total = 0;
  let count = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(zip, {
      filter(file) {
        count += 1;
        total += file.originalSize;
        if (count > MAX_FILES || total > MAX_TOTAL) throw new Error('too large');
        return !file.name.endsWith('/');
      },
    });
  } catch {
    throw new Error('This is not a readable .zip file, or it is too large.');
  }
  const names = Object.keys(raw).filter(
    (n) => !n.startsWith('__MACOSX/') && !n.slice(n.lastIndexOf('/') + 1).startsWith('.'),
  );
  for (const n of names) {
    if (n.startsWith('/') || n.split('/').includes('..') || n.includes('\\'))
      throw new Error(`The zip holds a file with an unsafe path: ${n.slice(0, 100)}`);
  }
  // Accept both "<slug>/course.json" and "course.json" at the top.
  const manifest = names.find((n) => n === 'course.json' || /^[^/]+\/course\.json$/.test(n));
  if (!manifest) throw new Error('The zip has no course.json.');
  const prefix = manifest.slice(0, -'course.json'.length);
  const files: BundleFiles = new Map();
  for (const n of names) if (n.startsWith(prefix)) files.set(n.slice(prefix.length), raw[n]);
  return files;
}
