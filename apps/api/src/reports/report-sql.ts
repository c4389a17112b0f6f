/**
 * The cohort grid's statements: its page, its count and the CSV export's page. They share one
 * definition of "at risk" (the grid, its count and the export must never disagree), so that rule is
 * the one SQL fragment left in the reports; everything else here is a whole statement.
 *
 * Rules (docs/database.md, "SQL you can review"):
 * - a fragment is a function of the alias it applies to and of the placeholders it reads, passed in;
 *   it declares no alias of its own;
 * - each builder returns the statement together with its values, so a placeholder number is bound to
 *   its value in one place and cannot point at another statement's value;
 * - test/sql-statements.spec.ts shows every assembled statement whole and runs it on real rows.
 *
 * A learner's latest activity is `(SELECT max(…) FROM enrolments … WHERE user_id = … GROUP BY user_id)`.
 * The GROUP BY changes no answer (one learner, one group; none gives NULL as max() would) but turns off
 * PostgreSQL's min/max shortcut, which, while the statistics do not know enrolments yet (right after a
 * bulk import, or where autovacuum is off), answers max() by walking idx_enrolments_last_activity_at
 * backwards through everyone's rows until it meets this learner: 7 ms a learner at 100,000 learners, 7 s
 * for a page of the export. Grouped, it reads the learner's own rows by uq_enrolments_user_course.
 */

export type Sql = { text: string; values: unknown[] };

/** An alias handed to a fragment: a bare SQL name, nothing that could carry an expression. */
function alias(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not an SQL alias: ${name}`);
  return name;
}

/** A placeholder handed to a fragment: $1, $2, ... */
function placeholder(p: string): string {
  if (!/^\$[1-9][0-9]*$/.test(p)) throw new Error(`not a placeholder: ${p}`);
  return p;
}

/**
 * Idle, over a cohort_members row (or a row carrying its columns) named `member`: no learning in any
 * course for `days` days (the membership's last activity, to the hour, or since joining). The
 * expression is the key of idx_cohort_members_idle, so counts over it are index ranges.
 */
export function idleSql(member: string, p: { days: string }): string {
  const m = alias(member);
  return `coalesce(${m}.last_active_at, ${m}.added_at) < now() - make_interval(days => ${placeholder(p.days)})`;
}

/**
 * At risk, over the same row: idle, or still active in one of `pastDue` (a uuid[] placeholder: the
 * cohort's courses past their due date; `active_courses` is kept by triggers).
 */
export function atRiskSql(member: string, p: { days: string; pastDue: string }): string {
  return `(${idleSql(member, p)} OR ${alias(member)}.active_courses && ${placeholder(p.pastDue)}::uuid[])`;
}

export type GridPageQuery = {
  cohortId: string;
  days: number;
  /** The cohort's courses past their due date. */
  pastDue: string[];
  /** One more than the page, to learn whether another page follows. */
  limit: number;
  offset: number;
  onlyAtRisk: boolean;
  /** Keyset on users (display_name, id): the rows after this learner, or before it walking backwards. */
  cursor: { name: string; id: string; backwards: boolean } | null;
};

/**
 * A page of a cohort's learners in display-name order (descending when walking backwards), each with
 * their latest activity in any course and whether they are at risk. The filter and the keyset walk
 * the same order, so any depth costs the same as the first page.
 */
export function gridPageSql(q: GridPageQuery): Sql {
  const backwards = q.cursor?.backwards ?? false;
  const dir = backwards ? ' DESC' : '';
  const where = [`m.cohort_id = $1`, `m.role = 'learner'`];
  if (q.onlyAtRisk) where.push(atRiskSql('m', { days: '$2', pastDue: '$5' }));
  if (q.cursor) where.push(`(u.display_name, u.id) ${backwards ? '<' : '>'} ($6::text, $7::uuid)`);
  const text = `WITH p AS (
      SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
        FROM cohort_members m JOIN users u ON u.id = m.user_id
       WHERE ${where.join(' AND ')}
       ORDER BY u.display_name${dir}, u.id${dir} LIMIT $3 OFFSET $4)
    SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
           ${atRiskSql('p', { days: '$2', pastDue: '$5' })} AS at_risk
      FROM p ORDER BY p.display_name${dir}, p.user_id${dir}`;
  const values = [q.cohortId, q.days, q.limit, q.offset, q.pastDue, ...(q.cursor ? [q.cursor.name, q.cursor.id] : [])];
  return { text, values };
}

/**
 * The grid's total as statements to run side by side and add up: all learners; or, at risk only, the
 * idle learners plus (with a course past due) the others still active in one. The two sets do not
 * overlap, so nothing is subtracted; each is an index-only range scan on idx_cohort_members_idle.
 */
export function gridCountSql(q: { cohortId: string; days: number; pastDue: string[]; onlyAtRisk: boolean }): Sql[] {
  if (!q.onlyAtRisk)
    return [
      {
        text: `SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = $1 AND m.role = 'learner'`,
        values: [q.cohortId],
      },
    ];
  const idle: Sql = {
    text: `SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = $1 AND m.role = 'learner' AND ${idleSql('m', { days: '$2' })}`,
    values: [q.cohortId, q.days],
  };
  if (!q.pastDue.length) return [idle];
  const activeInPastDue: Sql = {
    text: `SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = $1 AND m.role = 'learner' AND NOT ${idleSql('m', { days: '$2' })} AND m.active_courses && $3::uuid[]`,
    values: [q.cohortId, q.days, q.pastDue],
  };
  return [idle, activeInPastDue];
}

/** Learners per export page: how many of the ordered ids one exportPageSql call reads. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * A page of the CSV export: the given learners (the cohort's learners were read once, in
 * display-name order, by reports.exportOrder; each page is the next slice of those ids), in that
 * order, each with their latest activity, whether they are at risk, and their enrolments in the
 * cohort's courses (with overdue by this cohort's due date) as JSON. A learner who left the cohort,
 * or stopped being one of its learners, since the order was read is left out.
 *
 * Each membership is read by its key, (cohort_id, user_id), in a LATERAL subquery per id: a page costs
 * its own 1,000 lookups whatever the statistics say. Its LIMIT 1 cuts nothing (the key is unique) but
 * keeps PostgreSQL from folding the subquery into a join it would plan by those statistics; the role
 * is checked outside it, so the key alone picks the index. As a plain join, a planner that did not yet know
 * the table (right after a bulk import; autovacuum off) took the cohort for a handful of rows and
 * compared every id with every member: 5-8 s a page at 100,000 learners. The keyset on
 * (display_name, id) this replaces sorted the whole cohort again for every page.
 */
export function exportPageSql(q: { cohortId: string; days: number; pastDue: string[]; learnerIds: string[] }): Sql {
  const text = `SELECT m.user_id, u.display_name, (SELECT max(x.last_activity_at) FROM enrolments x WHERE x.user_id = m.user_id GROUP BY x.user_id) AS last_active,
         ${atRiskSql('m', { days: '$2', pastDue: '$3' })} AS at_risk,
         (SELECT json_agg(json_build_object('course_id', e.course_id, 'status', e.status, 'percent', e.percent, 'overdue', coalesce(cc.due_on < current_date AND e.status = 'active', false)))
            FROM cohort_courses cc JOIN enrolments e ON e.course_id = cc.course_id AND e.user_id = m.user_id
           WHERE cc.cohort_id = m.cohort_id) AS cells
    FROM unnest($4::uuid[]) WITH ORDINALITY AS page(user_id, n)
    CROSS JOIN LATERAL (
      SELECT k.cohort_id, k.user_id, k.role, k.added_at, k.last_active_at, k.active_courses
        FROM cohort_members k WHERE k.cohort_id = $1 AND k.user_id = page.user_id LIMIT 1) AS m
    JOIN users u ON u.id = m.user_id
   WHERE m.role = 'learner'
   ORDER BY page.n`;
  return { text, values: [q.cohortId, q.days, q.pastDue, q.learnerIds] };
}
