import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding one bundle folder per starter course. */
export const COURSES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'courses');

/** The bundle folders of the starter courses, in the order they are offered. */
export function starterCourseDirs(): string[] {
  return readdirSync(COURSES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(COURSES_DIR, d.name))
    .sort();
}

/** The shipped North/South glossary (an array of GlossaryTermEntry, sorted by term). */
export const GLOSSARY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'glossary', 'terms.json');

export * from './facts.js';
