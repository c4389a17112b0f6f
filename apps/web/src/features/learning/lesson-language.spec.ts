import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { meQueryKey } from '../../lib/session';
import { makeMe } from '../../test/fixtures';
import { forgetLessonLanguages, lessonLanguage } from './lesson-language';
import { forgetOnSignOut } from './offline/personal-cache';

describe('the lesson language', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('is the choice when the lesson has it, else the interface language when it has it, else Korean', () => {
    expect(lessonLanguage(['ko', 'en', 'zh'], 'en', 'zh')).toBe('en');
    expect(lessonLanguage(['ko', 'zh'], 'en', 'zh')).toBe('zh');
    expect(lessonLanguage(['ko', 'en'], null, 'zh')).toBe('ko');
    expect(lessonLanguage(['ko'], 'zh', 'en')).toBe('ko');
  });

  it('is forgotten in this tab when the person signs out, other things kept', () => {
    window.sessionStorage.setItem('dari.lesson-language.u1.c1', 'zh');
    window.sessionStorage.setItem('dari.lesson-language.u1.c2', 'en');
    window.sessionStorage.setItem('something-else', 'kept');
    const client = new QueryClient();
    client.setQueryData(meQueryKey, makeMe('learner'));
    forgetOnSignOut(client);
    client.setQueryData(meQueryKey, makeMe('learner', { displayName: '둘' }));
    expect(window.sessionStorage.getItem('dari.lesson-language.u1.c1')).toBe('zh');
    client.setQueryData(meQueryKey, null);
    expect(window.sessionStorage.getItem('dari.lesson-language.u1.c1')).toBeNull();
    expect(window.sessionStorage.getItem('dari.lesson-language.u1.c2')).toBeNull();
    expect(window.sessionStorage.getItem('something-else')).toBe('kept');
    forgetLessonLanguages();
  });
});
