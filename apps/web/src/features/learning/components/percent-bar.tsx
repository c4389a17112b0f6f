import { useTranslation } from 'react-i18next';

/** Percent complete in words and as a bar (the words are what counts; the bar is a picture of them). */
export function PercentBar({ percent }: { percent: number }) {
  const { t } = useTranslation();
  return (
    <div className="percent">
      <span>{t('learning.percent', { percent })}</span>
      <progress max={100} value={percent} aria-hidden="true" />
    </div>
  );
}
