import { useTranslation } from 'react-i18next';
import type { PublishProblem } from '@dari/contracts';

function values(params: unknown): Record<string, string | number> {
  if (!params || typeof params !== 'object') return {};
  const p = params as Record<string, unknown>;
  const out: Record<string, string | number> = {};
  if (typeof p['lesson'] === 'string') out['lesson'] = p['lesson'];
  if (typeof p['module'] === 'string') out['module'] = p['module'];
  if (typeof p['question'] === 'number') out['question'] = p['question'];
  return out;
}

/**
 * One publish problem in the reader's language, by its code; a code this app does not know yet
 * (an older web app against a newer API) falls back to the API's English message, marked as English.
 */
export function PublishProblemText({ problem }: { problem: PublishProblem }) {
  const { t, i18n } = useTranslation();
  const key =
    typeof problem.code === 'string' && /^[a-z_]+$/.test(problem.code) ? `publish.problems.${problem.code}` : null;
  if (key && i18n.exists(key)) return <>{t(key, values(problem.params))}</>;
  return <span lang="en">{problem.message}</span>;
}
