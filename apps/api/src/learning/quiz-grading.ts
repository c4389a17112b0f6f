import type { LessonContent } from '@dari/contracts';

type Quiz = Extract<LessonContent, { kind: 'quiz' }>;

/**
 * Grades on the server from the published quiz. Short answers are not graded. The score is the
 * percent of graded questions answered right; an empty quiz of graded questions passes.
 */
export function gradeQuiz(
  quiz: Quiz,
  answers: Record<string, unknown>,
): { score: number; passed: boolean; correct: Record<string, boolean> } | { invalid: string } {
  const keys = new Set(quiz.questions.map((q) => q.key));
  const unknown = Object.keys(answers).find((k) => !keys.has(k));
  if (unknown) return { invalid: `no question "${unknown}" in this quiz` };
  const correct: Record<string, boolean> = {};
  for (const q of quiz.questions) {
    const a = answers[q.key];
    if (q.type === 'short_answer') {
      if (a !== undefined && typeof a !== 'string') return { invalid: `question "${q.key}" takes text` };
      continue;
    }
    if (q.type === 'true_false') {
      if (a !== undefined && typeof a !== 'boolean') return { invalid: `question "${q.key}" takes true or false` };
      correct[q.key] = a === q.answer;
      continue;
    }
    if (a !== undefined && (!Array.isArray(a) || a.some((x) => typeof x !== 'string')))
      return { invalid: `question "${q.key}" takes a list of option keys` };
    const chosen = new Set((a as string[] | undefined) ?? []);
    const optionKeys = new Set(q.options.map((o) => o.key));
    if ([...chosen].some((k) => !optionKeys.has(k))) return { invalid: `question "${q.key}" has no such option` };
    if (q.type === 'single' && chosen.size > 1) return { invalid: `question "${q.key}" takes one option` };
    const right = new Set(q.options.filter((o) => o.correct).map((o) => o.key));
    correct[q.key] = chosen.size === right.size && [...chosen].every((k) => right.has(k));
  }
  const graded = Object.keys(correct).length;
  const score = graded ? Math.round((100 * Object.values(correct).filter(Boolean).length) / graded) : 100;
  return { score, passed: score >= quiz.passMark, correct };
}
