/**
 * A list as a table: column headings, one row per item, an optional last column of row actions
 * (headed "Actions" for screen readers only) and, when given, a text shown instead of an empty
 * table. Headings are translated by the caller, so every t('…') key stays visible in its feature.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  /** The column heading, already translated. */
  header: string;
  render: (row: T) => ReactNode;
  /** This column names the row: its cells are <th scope="row">. */
  rowHeader?: boolean;
  className?: string | ((row: T) => string | undefined);
  /** A tooltip for the cell, e.g. the full text of a truncated one. */
  title?: (row: T) => string;
}

interface Props<T> {
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Shown instead of the table when there are no rows. */
  empty?: string;
  /** The buttons (or badges) at the end of a row. */
  actions?: (row: T) => ReactNode;
  rowClassName?: (row: T) => string | undefined;
  className?: string;
  /** Scrolls sideways inside its own box when wider than the page. */
  scroll?: boolean;
}

export function DataTable<T>({ label, columns, rows, rowKey, empty, actions, rowClassName, className, scroll }: Props<T>) {
  const { t } = useTranslation();
  if (empty !== undefined && rows.length === 0) return <p className="empty">{empty}</p>;
  const table = (
    <table aria-label={label} className={className}>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col">
              {column.header}
            </th>
          ))}
          {actions ? (
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)}>
            {columns.map((column, i) => {
              const Cell = column.rowHeader ? 'th' : 'td';
              const className = typeof column.className === 'function' ? column.className(row) : column.className;
              return (
                <Cell key={i} scope={column.rowHeader ? 'row' : undefined} className={className} title={column.title?.(row)}>
                  {column.render(row)}
                </Cell>
              );
            })}
            {actions ? <td className="row-actions">{actions(row)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? <div className="table-scroll">{table}</div> : table;
}
