import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, mockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';
import { readReadingSettings, reloadReadingSettings } from './reading-settings';

afterEach(() => {
  window.localStorage.clear();
  reloadReadingSettings();
});

describe('reading settings', () => {
  it('makes text larger and lines wider app-wide, remembered on this device, from the header', async () => {
    mockApi({ 'GET /me': apiError(401, 'unauthenticated') });
    renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: '들어가기' });
    const user = userEvent.setup();
    const toggle = screen.getByRole('button', { name: '글자 크기' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const panel = screen.getByRole('group', { name: '읽기 설정' });
    const sizes = within(panel).getByRole('group', { name: '글자 크기' });
    expect(within(sizes).getByRole('radio', { name: '보통' })).toBeChecked();
    expect(within(sizes).getByRole('radio', { name: '보통' })).toHaveFocus();

    await user.click(within(panel).getByRole('radio', { name: '아주 크게' }));
    await user.click(within(panel).getByRole('radio', { name: '넓게' }));
    expect(document.documentElement).toHaveClass('reading-size-larger', 'reading-spacing-wide');
    expect(JSON.parse(window.localStorage.getItem('dari.reading')!)).toEqual({ size: 'larger', spacing: 'wide' });

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: '읽기 설정' })).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();

    await user.click(toggle);
    await user.click(within(screen.getByRole('group', { name: '읽기 설정' })).getByRole('radio', { name: '크게' }));
    expect(document.documentElement).toHaveClass('reading-size-large');
    expect(document.documentElement).not.toHaveClass('reading-size-larger');
  });

  it('reads what was remembered (and ignores anything else)', () => {
    window.localStorage.setItem('dari.reading', JSON.stringify({ size: 'large', spacing: 'wide' }));
    reloadReadingSettings();
    expect(document.documentElement).toHaveClass('reading-size-large', 'reading-spacing-wide');
    window.localStorage.setItem('dari.reading', '{"size":"huge"}');
    expect(readReadingSettings()).toEqual({ size: 'normal', spacing: 'normal' });
    window.localStorage.setItem('dari.reading', 'not json');
    expect(readReadingSettings()).toEqual({ size: 'normal', spacing: 'normal' });
  });
});
