import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { useLocale } from '@/components/use-locale';
import { formatDateTime } from '@/lib/format';
import { useSendAnnouncement, useSentAnnouncements, type AnnouncementTarget } from '../api/announcements';
import './inbox.css';

/**
 * A manager's announcement to a cohort (optionally only its learners at risk now) or an instructor's to
 * a course's learners: short Markdown, Korean required, English and Chinese optional. One-way.
 */
export function AnnouncementComposer({ target, level = 3 }: { target: AnnouncementTarget; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const SubHeading = level === 2 ? 'h3' : 'h4';
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [ko, setKo] = useState('');
  const [en, setEn] = useState('');
  const [zh, setZh] = useState('');
  const [atRiskOnly, setAtRiskOnly] = useState(false);
  const send = useSendAnnouncement(target);
  const sent = useSentAnnouncements(target);

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    send.mutate(
      { text: { ko, ...(en.trim() ? { en } : {}), ...(zh.trim() ? { zh } : {}) }, atRiskOnly },
      {
        onSuccess: () => {
          setKo('');
          setEn('');
          setZh('');
          setAtRiskOnly(false);
        },
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="announcement-composer">
      <Heading id={`${id}-title`}>{t('inbox.composer.title')}</Heading>
      <p id={`${id}-hint`}>{t('inbox.composer.hint')}</p>
      <form onSubmit={submit}>
        <p>
          <label htmlFor={`${id}-ko`}>{t('inbox.composer.ko')}</label>
          <textarea
            id={`${id}-ko`}
            value={ko}
            onChange={(e) => setKo(e.target.value)}
            maxLength={2000}
            rows={4}
            required
            aria-describedby={`${id}-hint`}
          />
        </p>
        <p>
          <label htmlFor={`${id}-en`}>{t('inbox.composer.en')}</label>
          <textarea id={`${id}-en`} value={en} onChange={(e) => setEn(e.target.value)} maxLength={2000} rows={2} />
        </p>
        <p>
          <label htmlFor={`${id}-zh`}>{t('inbox.composer.zh')}</label>
          <textarea id={`${id}-zh`} value={zh} onChange={(e) => setZh(e.target.value)} maxLength={2000} rows={2} />
        </p>
        {target.kind === 'cohort' ? (
          <p>
            <label>
              <input type="checkbox" checked={atRiskOnly} onChange={(e) => setAtRiskOnly(e.target.checked)} />{' '}
              {t('inbox.composer.atRiskOnly')}
            </label>
          </p>
        ) : null}
        <p>
          <button type="submit" disabled={send.isPending || !ko.trim()}>
            {t('inbox.composer.send')}
          </button>
        </p>
        <ErrorAlert error={send.error} />
        <StatusMessage>{send.isSuccess ? t('inbox.composer.sent') : null}</StatusMessage>
      </form>
      {sent.data?.items.length ? (
        <>
          <SubHeading>{t('inbox.composer.list')}</SubHeading>
          <ul className="inbox-list">
            {sent.data.items.map((a) => {
              const text = pickText(a.text, locale);
              return (
                <li key={a.id} className="inbox-item">
                  <p className="inbox-item-head">
                    <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, locale)}</time>
                    {a.atRiskOnly ? ` · ${t('inbox.composer.atRisk')}` : null}
                  </p>
                  <p className="inbox-sentence" lang={text.lang}>
                    {text.text.length > 120 ? `${text.text.slice(0, 120)}…` : text.text}
                  </p>
                  <p className="inbox-item-head">
                    {t('inbox.composer.readCount', { read: a.readCount ?? 0, audience: a.audienceCount ?? 0 })}
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
