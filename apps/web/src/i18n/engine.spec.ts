import { describe, expect, it } from 'vitest';
import { I18n } from './engine';

function make() {
  const i18n = new I18n();
  void i18n.init({
    lng: 'ko',
    fallbackLng: 'ko',
    resources: {
      ko: {
        translation: {
          a: { b: '안녕 {{name}}', only: '한국어만' },
          lessons_other: '레슨 {{count}}개',
          wait: '{{minutes}}분 뒤에',
        },
      },
    },
  });
  i18n.addResourceBundle(
    'en',
    'translation',
    { a: { b: 'Hi {{name}}' }, lessons_one: 'one lesson', lessons_other: '{{count}} lessons' },
    true,
    true,
  );
  return i18n;
}

describe('the i18n engine (what Dari uses of i18next)', () => {
  it('reads dot paths, falls back to Korean, then to defaultValue, then to the key', async () => {
    const i18n = make();
    expect(i18n.t('a.b', { name: '민지' })).toBe('안녕 민지');
    await i18n.changeLanguage('en');
    expect(i18n.t('a.b', { name: 'Minji' })).toBe('Hi Minji');
    expect(i18n.t('a.only')).toBe('한국어만');
    expect(i18n.t('a.none', { defaultValue: 'draft' })).toBe('draft');
    expect(i18n.t('a.none')).toBe('a.none');
    expect(i18n.t('a')).toBe('a'); // a branch, not a text
    expect(i18n.exists('a.only')).toBe(true);
    expect(i18n.exists('a.none')).toBe(false);
  });

  it('picks the plural form of the language by count', async () => {
    const i18n = make();
    expect(i18n.t('lessons', { count: 1 })).toBe('레슨 1개');
    await i18n.changeLanguage('en');
    expect(i18n.t('lessons', { count: 1 })).toBe('one lesson');
    expect(i18n.t('lessons', { count: 3 })).toBe('3 lessons');
    expect(i18n.t('lessons', { count: 0 })).toBe('0 lessons');
  });

  it('fills placeholders: a value given as undefined is empty, one not given stays', () => {
    const i18n = make();
    expect(i18n.t('wait', { minutes: 0 })).toBe('0분 뒤에');
    expect(i18n.t('wait', { minutes: undefined })).toBe('분 뒤에');
    expect(i18n.t('wait', {})).toBe('{{minutes}}분 뒤에');
  });

  it('tells listeners when the language changes, and a fixed t keeps its language', async () => {
    const i18n = make();
    const seen: string[] = [];
    const listener = (lng: string) => seen.push(lng);
    i18n.on('languageChanged', listener);
    const ko = i18n.getFixedT('ko');
    await i18n.changeLanguage('en');
    await i18n.changeLanguage('en');
    i18n.off('languageChanged', listener);
    await i18n.changeLanguage('ko');
    expect(seen).toEqual(['en']);
    expect(ko('a.b', { name: 'x' })).toBe('안녕 x');
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18n.hasResourceBundle('zh', 'translation')).toBe(false);
  });
});
