import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { factFileSchema, factKeysIn, type Fact } from '@dari/contracts';
import { COURSES_DIR, GLOSSARY_FILE, starterCourseDirs } from './index.js';

export { factKeysIn, factsToReview, factValueOn, koreaDate, renderFact, renderFactsIn } from '@dari/contracts';

/** The dated facts (facts/README.md): one JSON array of facts per file. */
export const FACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'facts');

/** A facts file that is not valid, with every problem found in it. */
export class FactsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid dated facts:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'FactsError';
  }
}

/**
 * Every fact of every `*.json` in the folder, validated (schema, ISO dates, ordered and non-overlapping
 * periods, a source on every value) and with keys unique across files. Throws a FactsError listing
 * every problem otherwise.
 */
export function loadFacts(dir: string = FACTS_DIR): Fact[] {
  const problems: string[] = [];
  const facts: Fact[] = [];
  const seen = new Map<string, string>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      problems.push(`${file}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const parsed = factFileSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      continue;
    }
    for (const fact of parsed.data) {
      const other = seen.get(fact.key);
      if (other) problems.push(`${file}: key "${fact.key}" is already defined in ${other}`);
      else {
        seen.set(fact.key, file);
        facts.push(fact);
      }
    }
  }
  if (problems.length) throw new FactsError(problems);
  return facts.sort((a, b) => a.key.localeCompare(b.key));
}

/** The facts a set of keys names, in the registry's order (unknown keys are left out). */
export function factsFor(keys: Iterable<string>, facts: readonly Fact[]): Fact[] {
  const wanted = new Set(keys);
  return facts.filter((f) => wanted.has(f.key));
}

/** Every text file of the starter curriculum that may refer to facts: lessons (all languages), quizzes, course.json, the glossary. */
export function curriculumTextFiles(coursesDir: string = COURSES_DIR, glossaryFile: string = GLOSSARY_FILE): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|json)$/.test(entry.name)) out.push(full);
    }
  };
  for (const dir of coursesDir === COURSES_DIR
    ? starterCourseDirs()
    : readdirSync(coursesDir).map((d) => path.join(coursesDir, d)))
    walk(dir);
  out.push(glossaryFile);
  return out.sort();
}

/** Which files refer to which fact keys: key → files (paths relative to `relativeTo`). */
export function factReferences(
  files: readonly string[] = curriculumTextFiles(),
  relativeTo: string = path.resolve(COURSES_DIR, '..'),
): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  for (const file of files) {
    for (const key of factKeysIn(readFileSync(file, 'utf8'))) {
      const list = refs.get(key) ?? [];
      list.push(path.relative(relativeTo, file));
      refs.set(key, list);
    }
  }
  return refs;
}
