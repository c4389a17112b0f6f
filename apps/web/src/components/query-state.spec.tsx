import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { QueryState, type QueryLike } from './query-state';

const query = (over: Partial<QueryLike<string[]>>): QueryLike<string[]> => ({
  data: undefined,
  error: null,
  isPending: false,
  isError: false,
  refetch: () => {},
  ...over,
});

const show = (q: QueryLike<string[]>) =>
  render(
    <QueryState query={q} isEmpty={(d) => d.length === 0} empty={<p>비었어요</p>}>
      {(d) => <p>{d.join(',')}</p>}
    </QueryState>,
  );

describe('QueryState', () => {
  it('says it is loading', () => {
    show(query({ isPending: true }));
    expect(screen.getByRole('status')).toHaveTextContent('불러오고 있어요');
  });

  it('shows a load error with a retry that refetches', async () => {
    const refetch = vi.fn();
    show(query({ isError: true, error: new ApiError({ status: 500, code: 'network', message: 'boom' }), refetch }));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: '다시 해 보기' }));
    expect(refetch).toHaveBeenCalledOnce();
  });

  it('shows the empty state, then the data', () => {
    const { unmount } = show(query({ data: [] }));
    expect(screen.getByText('비었어요')).toBeInTheDocument();
    unmount();
    show(query({ data: ['가', '나'] }));
    expect(screen.getByText('가,나')).toBeInTheDocument();
    expect(screen.queryByText('비었어요')).not.toBeInTheDocument();
  });

  it('keeps the data under a failed refresh', () => {
    show(
      query({ data: ['가'], isError: true, error: new ApiError({ status: 500, code: 'network', message: 'boom' }) }),
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByText('가')).toBeInTheDocument();
  });
});
