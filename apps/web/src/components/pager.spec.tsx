import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pager, pageCount } from './pager';

describe('Pager', () => {
  it('is absent with one page', () => {
    render(<Pager label="쪽" page={1} pages={1} status="1쪽" onPage={() => {}} />);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('moves one page either way, stops at the ends and keeps focus on the button pressed', async () => {
    const onPage = vi.fn();
    const { rerender } = render(<Pager label="쪽" page={1} pages={3} status="3쪽 중 1쪽" onPage={onPage} />);
    const nav = screen.getByRole('navigation', { name: '쪽' });
    expect(nav).toHaveTextContent('3쪽 중 1쪽');
    expect(screen.getByRole('button', { name: '이전' })).toBeDisabled();
    const next = screen.getByRole('button', { name: '다음' });
    await userEvent.setup().click(next);
    expect(onPage).toHaveBeenLastCalledWith(2);
    rerender(<Pager label="쪽" page={2} pages={3} status="3쪽 중 2쪽" onPage={onPage} />);
    expect(screen.getByRole('button', { name: '다음' })).toBe(next);
    expect(next).toHaveFocus();
    await userEvent.setup().click(screen.getByRole('button', { name: '이전' }));
    expect(onPage).toHaveBeenLastCalledWith(1);
    rerender(<Pager label="쪽" page={3} pages={3} status="3쪽 중 3쪽" onPage={onPage} />);
    expect(screen.getByRole('button', { name: '다음' })).toBeDisabled();
  });

  it('waits while busy', () => {
    render(<Pager label="쪽" page={2} pages={3} status="2" onPage={() => {}} busy />);
    expect(screen.getByRole('button', { name: '이전' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '다음' })).toBeDisabled();
  });

  it('counts pages', () => {
    expect(pageCount(undefined)).toBe(1);
    expect(pageCount({ total: 0, pageSize: 20 })).toBe(1);
    expect(pageCount({ total: 41, pageSize: 20 })).toBe(3);
  });
});
