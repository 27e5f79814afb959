/**
 * `paso export --format csv`: one row per task for spreadsheets (RFC 4180: fields with a
 * comma, quote or line break are quoted, quotes doubled; CRLF line ends as the RFC says).
 */
import type { PasoExport } from '../../shared/protocol/index.js';

export const CSV_HEADER = ['ref', 'title', 'column', 'priority', 'type', 'due', 'labels', 'blocked', 'archived', 'created', 'updated'] as const;

export function exportToCsv(document: PasoExport): string {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const { columns, tasks } of document.projects) {
    const columnNames = new Map(columns.map((column) => [column.id, column.name]));
    for (const task of tasks) {
      rows.push([
        task.ref,
        task.title,
        columnNames.get(task.columnId) ?? '',
        task.priority,
        task.type,
        task.dueAt ?? '',
        task.labels.map((label) => label.name).join(';'),
        String(task.blocked),
        task.archivedAt ?? '',
        task.createdAt,
        task.updatedAt,
      ]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
