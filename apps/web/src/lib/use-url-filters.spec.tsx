import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { readChoice, readPage, readText, useUrlFilters } from './use-url-filters';

interface Filter {
  q?: string;
  kind?: 'a' | 'b';
  page: number;
}
const read = (params: URLSearchParams): Filter => ({
  q: readText(params, 'q', 5),
  kind: readChoice(params, 'kind', ['a', 'b'] as const),
  page: readPage(params),
});

function List() {
  const { filter, formKey, onSearch, goToPage } = useUrlFilters(read);
  return (
    <>
      <form key={formKey} onSubmit={onSearch}>
        <label htmlFor="q">q</label>
        <input id="q" name="q" defaultValue={filter.q ?? ''} />
        <label htmlFor="kind">kind</label>
        <select id="kind" name="kind" defaultValue={filter.kind ?? ''}>
          <option value="">-</option>
          <option value="a">a</option>
          <option value="b">b</option>
        </select>
        <button type="submit">go</button>
      </form>
      <output>{JSON.stringify(filter)}</output>
      <button type="button" onClick={() => goToPage(filter.page + 1)}>
        next
      </button>
    </>
  );
}

function setup(url: string) {
  const router = createMemoryRouter([{ path: '/list', element: <List /> }], { initialEntries: [url] });
  render(<RouterProvider router={router} />);
  return { router, url: () => router.state.location.pathname + router.state.location.search };
}

describe('useUrlFilters', () => {
  it('reads the address, refusing what is not allowed', () => {
    setup('/list?q=%20hello%20world&kind=zzz&page=-3');
    expect(JSON.parse(screen.getByRole('status').textContent)).toEqual({ q: 'hello', page: 1 });
  });

  it('round-trips: a search writes the address and starts at page 1, a page keeps the filters, Back restores', async () => {
    const { router, url } = setup('/list?page=4');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('q'), '  민수 ');
    await user.selectOptions(screen.getByLabelText('kind'), 'b');
    await user.click(screen.getByRole('button', { name: 'go' }));
    expect(url()).toBe(`/list?q=${encodeURIComponent('민수')}&kind=b`);
    expect(JSON.parse(screen.getByRole('status').textContent)).toEqual({ q: '민수', kind: 'b', page: 1 });

    await user.click(screen.getByRole('button', { name: 'next' }));
    expect(url()).toBe(`/list?q=${encodeURIComponent('민수')}&kind=b&page=2`);

    await act(() => router.navigate(-1));
    expect(screen.getByLabelText('q')).toHaveValue('민수');
    await act(() => router.navigate(-1));
    // The form shows the address again (formKey), not what was typed before.
    expect(screen.getByLabelText('q')).toHaveValue('');
    expect(url()).toBe('/list?page=4');
  });
});
