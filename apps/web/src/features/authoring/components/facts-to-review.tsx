import { formatFactValue, type FactReviewItem, type Locale } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../components/course/localized';
import { useLocale } from '../../../components/use-locale';
import { HTML_LANG } from '../../../lib/format';
import { useFactsReview } from '../api/get-facts-review';

/** A calendar day (YYYY-MM-DD) as the reader writes dates, whatever the device's time zone. */
const formatDay = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(HTML_LANG[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

function Item({ item }: { item: FactReviewItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = pickText(item.label, locale);
  return (
    <li>
      <p>
        <strong lang={label.lang}>{label.text}</strong> <code>{`{{fact:${item.key}}}`}</code>
      </p>
      <p>
        {t('factsReview.lastValue', { value: formatFactValue(item.kind, item.lastValue, locale), year: item.lastYear })}
        {item.reviewBy ? ` · ${t('factsReview.reviewBy', { date: formatDay(item.reviewBy, locale) })}` : null}
        {item.expired ? ` · ${t('factsReview.expired')}` : null}
      </p>
      <p className="muted">{t('factsReview.source', { source: item.source })}</p>
    </li>
  );
}

/**
 * The dated facts (libs/curriculum/facts) someone must look up again: their review date has come or
 * their last known period is over. Shows nothing when none is due, and nothing if the list cannot load
 * (it is a reminder, not the page's purpose).
 */
export function FactsToReview() {
  const { t } = useTranslation();
  const review = useFactsReview();
  const items = review.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card facts-review" aria-labelledby="facts-review-title">
      <h2 id="facts-review-title">{t('factsReview.title')}</h2>
      <p>{t('factsReview.intro', { count: items.length })}</p>
      <ul>
        {items.map((item) => (
          <Item key={item.key} item={item} />
        ))}
      </ul>
      <p className="muted">{t('factsReview.how')}</p>
    </section>
  );
}

export default FactsToReview;
