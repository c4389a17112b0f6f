import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CardTable, type Column } from './card-table';

interface Row {
  id: string;
  name: string;
  score: number;
}
const rows: Row[] = [
  { id: 'a', name: '민수', score: 80 },
  { id: 'b', name: '지영', score: 95 },
];

describe('CardTable', () => {
  it('names the table, scopes the headers and labels every cell for the phone cards', () => {
    const columns: Column<Row>[] = [
      { key: 'name', header: '이름', cell: (r) => r.name },
      // A header with markup and no label: the label is still its text.
      {
        key: 'score',
        header: (
          <span>
            점수 <small>(100점)</small>
          </span>
        ),
        cell: (r) => r.score,
      },
      { key: 'note', header: <abbr title="비고">비</abbr>, label: '비고', cell: () => '-' },
    ];
    render(<CardTable caption="성적" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    const table = screen.getByRole('table', { name: '성적' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.getAttribute('scope')),
    ).toEqual(['col', 'col', 'col']);
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows).toHaveLength(2);
    for (const row of bodyRows) {
      const cells = row.querySelectorAll('th, td');
      expect([...cells].map((cell) => cell.getAttribute('data-label'))).toEqual(['이름', '점수 (100점)', '비고']);
    }
    // The first column names its row.
    expect(within(table).getByRole('rowheader', { name: '지영' })).toHaveAttribute('scope', 'row');
    expect(table.querySelector('caption')).toHaveClass('visually-hidden');
  });

  it('shows the caption when asked, adds row classes and can do without a row header', () => {
    render(
      <CardTable
        caption="보이는 제목"
        captionVisible
        className="progress-grid"
        firstColumnIsRowHeader={false}
        columns={[{ key: 'name', header: '이름', cell: (r: Row) => r.name }]}
        rows={rows}
        rowKey={(r) => r.id}
        rowClassName={(r) => (r.score < 90 ? 'at-risk' : undefined)}
      />,
    );
    const table = screen.getByRole('table', { name: '보이는 제목' });
    expect(table).toHaveClass('table-cards', 'progress-grid');
    expect(table.querySelector('caption')).not.toHaveClass('visually-hidden');
    expect(within(table).queryAllByRole('rowheader')).toHaveLength(0);
    expect(within(table).getByText('민수').closest('tr')).toHaveClass('at-risk');
    expect(within(table).getByText('지영').closest('tr')).not.toHaveClass('at-risk');
  });
});
