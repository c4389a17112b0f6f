import type { AuthorCourse } from '@dari/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/alerts';
import { useInstructors } from '../api/list-instructors';
import { useSetCoInstructors } from '../api/set-co-instructors';

/** Who else may edit: the owner (or an admin) picks other instructors. */
export function CoInstructors({ course, canManage }: { course: AuthorCourse; canManage: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const found = useInstructors(search ?? '', canManage && search !== null);
  const save = useSetCoInstructors(course.id);
  const current = course.coInstructors.map((p) => p.id);
  const candidates = (found.data?.items ?? []).filter((p) => !current.includes(p.id) && p.id !== course.owner?.id);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('coInstructors.title')}</h2>
      <p>{t('coInstructors.owner', { name: course.owner?.displayName ?? t('publish.someone') })}</p>
      {course.coInstructors.length === 0 ? <p className="muted">{t('coInstructors.none')}</p> : null}
      <ul>
        {course.coInstructors.map((person) => (
          <li key={person.id}>
            {person.displayName}{' '}
            {canManage ? (
              <button
                type="button"
                className="button button-secondary"
                disabled={save.isPending}
                onClick={() => save.mutate(current.filter((x) => x !== person.id))}
              >
                {t('coInstructors.remove', { name: person.displayName })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <>
          <form
            role="search"
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              setSearch(q.trim());
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-q`}>{t('coInstructors.search')}</label>
              <input id={`${id}-q`} type="search" value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
            </div>
            <button type="submit" className="button button-secondary">
              {t('authoring.searchSubmit')}
            </button>
          </form>
          {search !== null && found.data && candidates.length === 0 ? (
            <p className="muted">{t('coInstructors.noneFound')}</p>
          ) : null}
          <ul>
            {candidates.map((person) => (
              <li key={person.id}>
                {person.displayName}{' '}
                <button
                  type="button"
                  className="button"
                  disabled={save.isPending}
                  onClick={() => save.mutate([...current, person.id])}
                >
                  {t('coInstructors.add', { name: person.displayName })}
                </button>
              </li>
            ))}
          </ul>
          <ErrorAlert error={save.error ?? found.error} />
        </>
      ) : null}
    </section>
  );
}
