import { Children, isValidElement, type ReactNode } from 'react';

/** One column: its header, what each row shows in it, and (when the header is not plain text) the phone-card label. */
export interface Column<Row> {
  key: string;
  header: ReactNode;
  /** The label a phone shows beside the cell (data-label). Defaults to the header's text. */
  label?: string;
  cell: (row: Row) => ReactNode;
  /** The language of the cell's text, when it may differ from the page's (a course title in English). */
  lang?: (row: Row) => string | undefined;
}

interface CardTableProps<Row> {
  /** Every table is named; hidden from sight unless `captionVisible`. */
  caption: ReactNode;
  captionVisible?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowClassName?: (row: Row) => string | undefined;
  /** The first column names its row (`th scope="row"`); true unless a table has no such column. */
  firstColumnIsRowHeader?: boolean;
  /** Extra classes beside `table-cards` (for instance 'progress-grid'). */
  className?: string;
}

/** The plain text of a header (for data-label), however it is marked up. */
export function textOf(node: ReactNode): string {
  let text = '';
  Children.forEach(node, (child) => {
    if (typeof child === 'string' || typeof child === 'number') text += String(child);
    else if (isValidElement<{ children?: ReactNode }>(child)) text += textOf(child.props.children);
  });
  return text;
}

/**
 * A data table that becomes a stack of cards on a phone (see .table-cards in styles.css): no page-wide sideways
 * scroll. It always gives the caption, `th scope="col"` headers, and a data-label on every cell, which the
 * phone layout prints before each value.
 */
export function CardTable<Row>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  rowClassName,
  firstColumnIsRowHeader = true,
  className,
}: CardTableProps<Row>) {
  const labels = columns.map((column) => column.label ?? textOf(column.header));
  return (
    <div className="table-wrap">
      <table className={className ? `table-cards ${className}` : 'table-cards'}>
        <caption className={captionVisible ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.key}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column, i) =>
                i === 0 && firstColumnIsRowHeader ? (
                  <th scope="row" data-label={labels[i]} lang={column.lang?.(row)} key={column.key}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td data-label={labels[i]} lang={column.lang?.(row)} key={column.key}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
