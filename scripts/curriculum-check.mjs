// npm run curriculum:check [-- --on YYYY-MM-DD]
//
// A report on the dated facts (libs/curriculum/facts, see its README): which are due for review (their
// reviewBy has come, or their last known period is over) with the last value and its year, the review
// date and the source, and every file of the starter curriculum that refers to each fact. It exits 0
// whatever is due (it is a report, not a gate) and 1 only when a facts file is invalid.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const onIndex = process.argv.indexOf('--on');
const on = onIndex > 0 ? process.argv[onIndex + 1] : undefined;
if (on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(on)) {
  process.stderr.write('usage: npm run curriculum:check [-- --on YYYY-MM-DD]\n');
  process.exit(2);
}

// The shared code is TypeScript: bring the two small libraries' builds up to date first (incremental).
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'libs/contracts', 'libs/curriculum'],
  { cwd: root, stdio: 'inherit' },
);
if (tsc.status !== 0) {
  process.stderr.write('[curriculum:check] libs/contracts or libs/curriculum does not build; see above\n');
  process.exit(1);
}

const { loadFacts, factReferences, curriculumTextFiles, FactsError, GLOSSARY_FILE } = await import('@dari/curriculum');
const { factsToReview, formatFactValue, koreaDate } = await import('@dari/contracts');

let facts;
try {
  facts = loadFacts();
} catch (error) {
  if (error instanceof FactsError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const today = koreaDate(on ?? new Date());
// The starter courses and the glossary, and courses still being written (libs/curriculum/courses-draft).
const drafts = path.join(root, 'libs', 'curriculum', 'courses-draft');
const files = [
  ...curriculumTextFiles(),
  ...(existsSync(drafts) ? curriculumTextFiles(drafts).filter((f) => f !== GLOSSARY_FILE) : []),
];
const refs = factReferences(files);
const value = (kind, v) => (typeof v === 'object' ? v.ko : formatFactValue(kind, v, 'ko'));
const places = (key) => refs.get(key) ?? [];
const out = [];

const due = factsToReview(facts, today);
out.push(`Dated facts on ${today} (Korea): ${facts.length} known, ${due.length} due for review.`, '');
for (const item of due) {
  const why = [
    item.reviewDue ? `review by ${item.reviewBy}` : null,
    item.expired ? `last period ended ${item.lastTo}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  out.push(`DUE  ${item.key} (${item.label.en})`);
  out.push(`     last value: ${value(item.kind, item.lastValue)} (${item.lastYear}) — ${why}`);
  out.push(`     source: ${item.source}`);
  out.push(`     check at: ${item.checkAt.en}`);
  const files = places(item.key);
  out.push(files.length ? `     used in ${files.length} file(s):` : '     used in no file');
  for (const f of files) out.push(`       ${f}`);
  out.push('');
}

const notDue = facts.filter((f) => !due.some((d) => d.key === f.key));
if (notDue.length) {
  out.push('Not due:');
  for (const f of notDue) {
    const files = places(f.key);
    out.push(`  ${f.key}: review by ${f.reviewBy ?? '(none)'}; used in ${files.length} file(s)`);
    for (const file of files) out.push(`       ${file}`);
  }
  out.push('');
}

const known = new Set(facts.map((f) => f.key));
const unknown = [...refs].filter(([key]) => !known.has(key));
if (unknown.length) {
  out.push('Unknown keys (no such fact; the curriculum tests fail on these):');
  for (const [key, files] of unknown) out.push(`  {{fact:${key}}} in ${files.join(', ')}`);
  out.push('');
}
out.push(
  'To update a fact: add the new value with its primary source to libs/curriculum/facts, move reviewBy on, and publish again the courses that use it.',
);
process.stdout.write(`${out.join('\n')}\n`);
