import type { FieldError } from '@dari/contracts';

/** One problem of a CSV import, by line, with a reason we can translate (or the API's words). */
export interface ImportProblem {
  line: number | null;
  field: 'username' | 'displayName' | 'language' | null;
  reason: { key: string; values?: Record<string, string | number> } | null;
  detail: string;
}

const FIELDS = ['username', 'displayName', 'language'] as const;

// The API explains in English; the common reasons are recognised and said in the person's language.
function reasonOf(message: string): ImportProblem['reason'] {
  const same = /^is the same as on line (\d+)/.exec(message);
  if (same) return { key: 'program.import.reasons.duplicate', values: { line: Number(same[1]) } };
  if (/already taken/.test(message)) return { key: 'program.import.reasons.taken' };
  if (/must be ko, en or zh/.test(message)) return { key: 'program.import.reasons.language' };
  if (/must not be empty/.test(message)) return { key: 'program.import.reasons.empty' };
  const min = /at least (\d+) characters/.exec(message);
  if (min) return { key: 'validation.tooShort', values: { min: Number(min[1]) } };
  const max = /at most (\d+) characters/.exec(message);
  if (max) return { key: 'validation.tooLong', values: { max: Number(max[1]) } };
  if (/may contain only letters/.test(message)) return { key: 'validation.usernameFormat' };
  if (/header row/.test(message)) return { key: 'program.import.reasons.header' };
  if (/no rows below the header/.test(message)) return { key: 'program.import.reasons.noRows' };
  if (/wrong text encoding/.test(message)) return { key: 'program.import.reasons.encoding' };
  return null;
}

export function importProblems(fields: FieldError[]): ImportProblem[] {
  return fields.map((f) => {
    const m = /^(?:body\.)?csv\.line\.(\d+)\.(\w+)$/.exec(f.path);
    const field = m && (FIELDS as readonly string[]).includes(m[2]) ? (m[2] as ImportProblem['field']) : null;
    return { line: m ? Number(m[1]) : null, field, reason: reasonOf(f.message), detail: f.message };
  });
}
