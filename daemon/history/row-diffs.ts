/**
 * What one change did to each row, net: the first image before and the last image after,
 * the columns that differ, and whether a position change was the row's own move or only a
 * shift made room for (or closed behind) another row. Shifts never conflict and are never
 * put back literally: an undo re-derives neighbours' positions instead.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { BOOKKEEPING_COLUMNS, isDataTable, ORDERED_TABLES, orderGroupOf, type DataTable } from './table-shapes.js';

export type RowImage = Record<string, unknown>;

export interface RowEvent {
  id: number;
  tbl: DataTable;
  pk: string;
  old: RowImage | null;
  new: RowImage | null;
}

export interface NetRowChange {
  tbl: DataTable;
  pk: string;
  before: RowImage | null;
  after: RowImage | null;
  /** Data columns that differ ('row' when the row came or went); empty for shifts and bookkeeping. */
  fields: Set<string> | 'row';
  /** Its position changed only to make room for another row. */
  shifted: boolean;
  /** version or updated_at changed: the row itself was edited (an undo raises them again). */
  bookkept: boolean;
}

export function rowKey(tbl: string, pk: string): string {
  return `${tbl}:${pk}`;
}

const loaders = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

export function loadEvents(sqlite: BetterSqlite3.Database, seq: number): RowEvent[] {
  let statement = loaders.get(sqlite);
  if (!statement) loaders.set(sqlite, (statement = sqlite.prepare('SELECT id, tbl, pk, old, new FROM change_rows WHERE seq = ? ORDER BY id')));
  const rows = statement.all(seq) as { id: number; tbl: string; pk: string; old: string | null; new: string | null }[];
  return rows
    .filter((r) => isDataTable(r.tbl))
    .map((r) => ({
      id: r.id,
      tbl: r.tbl as DataTable,
      pk: r.pk,
      old: r.old === null ? null : (JSON.parse(r.old) as RowImage),
      new: r.new === null ? null : (JSON.parse(r.new) as RowImage),
    }));
}

/** Net changes by row key, in the order each row was first written. */
export function netChanges(events: readonly RowEvent[]): Map<string, NetRowChange> {
  const net = new Map<string, NetRowChange>();
  for (const event of events) {
    const key = rowKey(event.tbl, event.pk);
    const seen = net.get(key);
    if (seen) seen.after = event.new;
    else net.set(key, { tbl: event.tbl, pk: event.pk, before: event.old, after: event.new, fields: new Set(), shifted: false, bookkept: false });
  }
  for (const change of net.values()) classifyFields(change);
  for (const group of orderGroups(net.values()).values()) markShifts(group);
  return net;
}

function classifyFields(change: NetRowChange): void {
  const { before, after } = change;
  if (before === null || after === null) {
    change.fields = before === after ? new Set() : 'row';
    change.bookkept = before !== after;
    return;
  }
  const fields = new Set<string>();
  for (const column of Object.keys(after)) {
    if (before[column] === after[column]) continue;
    if (BOOKKEEPING_COLUMNS.has(column)) {
      if (column !== 'next_ticket') change.bookkept = true;
    } else fields.add(column);
  }
  change.fields = fields;
}

/** Rows of ordered tables that stayed in one order group and changed position there. */
function orderGroups(changes: Iterable<NetRowChange>): Map<string, NetRowChange[]> {
  const groups = new Map<string, NetRowChange[]>();
  for (const change of changes) {
    if (!ORDERED_TABLES.has(change.tbl) || change.fields === 'row') continue;
    const groupBefore = orderGroupOf(change.tbl, change.before);
    const groupAfter = orderGroupOf(change.tbl, change.after);
    const key = `${change.tbl}/${groupBefore}`;
    if (groupBefore === null || groupBefore !== groupAfter) continue;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(change);
  }
  return groups;
}

/**
 * Within one group, the rows whose relative order is kept (with every row the change did
 * not write) are shifts; the rest moved. That is the heaviest increasing subsequence of new
 * positions taken in old order, where unwritten rows weigh most, and a row whose version
 * rose (a task's own move bumps it) weighs least, so an adjacent swap names the task moved.
 */
function markShifts(group: NetRowChange[]): void {
  const moved = group.filter((c) => c.before!.position !== c.after!.position);
  if (moved.length === 0) return;
  const takenBefore = new Set(group.map((c) => c.before!.position as number));
  const takenAfter = new Set(group.map((c) => c.after!.position as number));
  const top = Math.max(...takenBefore, ...takenAfter);
  interface Item { from: number; to: number; weight: number; change?: NetRowChange }
  const items: Item[] = moved.map((change) => ({
    from: change.before!.position as number,
    to: change.after!.position as number,
    weight: change.before!.version !== change.after!.version ? 1 : 2,
    change,
  }));
  for (let slot = 0; slot < top; slot++) {
    if (!takenBefore.has(slot) && !takenAfter.has(slot)) items.push({ from: slot, to: slot, weight: 1_000_000 });
  }
  items.sort((a, b) => a.from - b.from);
  const best = items.map((item) => item.weight);
  const previous = items.map(() => -1);
  for (let i = 0; i < items.length; i++) {
    for (let j = 0; j < i; j++) {
      if (items[j]!.to < items[i]!.to && best[j]! + items[i]!.weight > best[i]!) {
        best[i] = best[j]! + items[i]!.weight;
        previous[i] = j;
      }
    }
  }
  let at = best.indexOf(Math.max(...best));
  while (at >= 0) {
    const change = items[at]!.change;
    if (change) {
      change.shifted = true;
      if (change.fields !== 'row') change.fields.delete('position');
    }
    at = previous[at]!;
  }
}
