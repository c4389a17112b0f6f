import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../test/fixtures';
import { apiError, mockApi } from '../test/mock-api';
import { renderApp } from '../test/render-app';

describe('language', () => {
  it('switches to 中文 at once, updates <html lang> and remembers the choice when signed out', async () => {
    const api = mockApi({ 'GET /me': apiError(401, 'unauthenticated') });
    renderApp('/sign-in');
    expect(await screen.findByRole('heading', { level: 1, name: '들어가기' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ko');

    const chinese = screen.getByRole('button', { name: '中文' });
    expect(chinese).toHaveAttribute('lang', 'zh-Hans');
    await userEvent.setup().click(chinese);

    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('zh-Hans');
    expect(window.localStorage.getItem('dari.locale')).toBe('zh');
    expect(api.callsTo('PATCH', '/me')).toHaveLength(0);
  });

  it('saves the choice to the account when signed in', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'PATCH /me': (req) => ({ status: 200, body: makeMe('learner', req.body as { locale: 'en' }) }),
    });
    renderApp('/learn');
    await screen.findByRole('heading', { level: 1, name: '하나 님, 반가워요' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, 하나' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My learning' })).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('PATCH', '/me')).toHaveLength(1));
    expect(api.callsTo('PATCH', '/me')[0]?.body).toEqual({ locale: 'en' });
    expect(document.documentElement.lang).toBe('en');
  });

  it("uses the signed-in person's saved language over this browser's last choice", async () => {
    window.localStorage.setItem('dari.locale', 'en');
    mockApi({ 'GET /me': { status: 200, body: makeMe('learner', { locale: 'zh' }) } });
    renderApp('/learn');
    expect(await screen.findByRole('heading', { level: 1, name: '하나，欢迎你' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-Hans');
  });
});
