import { describe, expect, it } from 'vitest';
import { randomSlug, slugForTitles, suggestSlug } from './new-course.schema';
import { romanize } from './romanize';
import { slugSchema } from '@dari/contracts';

describe('address names from titles', () => {
  it('romanises Korean syllables (Revised Romanization), carrying a final consonant over to a silent ㅇ', () => {
    expect(romanize('인권의 기초')).toBe('ingwonui gicho');
    expect(romanize('국어')).toBe('gugeo');
    expect(romanize('선거와 민주주의')).toBe('seongeowa minjujuui');
    expect(romanize('빨래 101')).toBe('ppallae 101');
  });

  it('makes a valid slug from a Korean-only title', () => {
    expect(suggestSlug('인권의 기초')).toBe('ingwonui-gicho');
    expect(slugSchema.safeParse(suggestSlug('인권의 기초')).success).toBe(true);
    expect(slugForTitles('인권의 기초', '')).toBe('ingwonui-gicho');
    expect(slugForTitles('인권의 기초', 'Rights at Work!')).toBe('rights-at-work');
  });

  it('gives nothing when too little is usable, and a short random name that is a valid slug instead', () => {
    expect(suggestSlug('人权')).toBe('');
    expect(suggestSlug('a!')).toBe('');
    const slug = randomSlug();
    expect(slug).toMatch(/^course-[a-z0-9]{4}$/);
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });
});
