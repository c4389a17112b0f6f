import { routeUrl } from '../../../lib/route-table';

/** Query keys of the program area: everything a cohort change can affect sits under one root. */
export const programQueryKey = ['program'] as const;
export const cohortsQueryKey = [...programQueryKey, 'cohorts'] as const;
export const cohortQueryKey = (id: string) => [...cohortsQueryKey, 'one', id] as const;
export const reportsQueryKey = [...programQueryKey, 'reports'] as const;

/** CSV downloads are plain links: the browser streams the file and keeps the session cookie. */
export const EXPORTS = {
  program: routeUrl('reports.programExport'),
  cohort: (id: string) => routeUrl('reports.cohortExport', { params: { id } }),
  course: (id: string) => routeUrl('reports.courseExport', { params: { id } }),
};
