/**
 * A long seeded-random sequence of task and column changes through the socket, checked
 * after every step against a plain in-memory model of the board: order, positions 0..n-1,
 * one column per role, tickets never reused, blocked, acyclic parent/blocks links, and
 * archived tasks kept out of the order (and back at the end when unarchived).
 * Change SEED to explore; a failure names the step and the operation.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { makeHome, removeHome, startDaemon, type RawClient } from '../helpers/daemon.js';
import { rpcError, Code } from './rpc-fixture.js';

const SEED = 20261125;
const STEPS = 300;

/** mulberry32: a tiny PRNG, so a seed reproduces the same run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Role = 'ready' | 'in_progress' | 'done';
interface ModelColumn {
  id: number;
  role: Role | null;
  tasks: number[];
  /** Archived tasks of the column, in no order. */
  archived: number[];
}
type Edge = { kind: 'parent' | 'blocks'; from: number; to: number };

class BoardModel {
  columns: ModelColumn[] = [];
  edges: Edge[] = [];
  maxTicket = 0;

  column(id: number): ModelColumn {
    return this.columns.find((c) => c.id === id)!;
  }
  columnOf(taskId: number): ModelColumn {
    return this.columns.find((c) => c.tasks.includes(taskId))!;
  }
  allTasks(): number[] {
    return this.columns.flatMap((c) => c.tasks);
  }
  allArchived(): number[] {
    return this.columns.flatMap((c) => c.archived);
  }
  takeRole(role: Role | null): void {
    if (role) for (const c of this.columns) if (c.role === role) c.role = null;
  }
  removeTasks(ids: number[]): void {
    for (const c of this.columns) {
      c.tasks = c.tasks.filter((t) => !ids.includes(t));
      c.archived = c.archived.filter((t) => !ids.includes(t));
    }
    this.edges = this.edges.filter((e) => !ids.includes(e.from) && !ids.includes(e.to));
  }
  reaches(kind: Edge['kind'], start: number, goal: number): boolean {
    const seen = new Set<number>();
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === goal) return true;
      if (seen.has(node)) continue;
      seen.add(node);
      for (const e of this.edges) if (e.kind === kind && e.from === node) stack.push(e.to);
    }
    return false;
  }
  blocked(taskId: number): boolean {
    const done = this.columns.find((c) => c.role === 'done');
    const open = (id: number) => !(done && done.tasks.includes(id)) && !this.allArchived().includes(id);
    return this.edges.some((e) => e.kind === 'blocks' && e.to === taskId && open(e.from));
  }
}

test('random task and column changes keep every board invariant', { timeout: 60_000 }, async () => {
  const home = makeHome();
  const daemon = await startDaemon(home);
  let rpc: RawClient | undefined;
  try {
    rpc = await daemon.client();
    const random = prng(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const int = (max: number) => Math.floor(random() * (max + 1));

    const project = await rpc.call('project.create', { name: 'Invariants', key: 'INV' });
    const model = new BoardModel();
    model.columns = (await rpc.call('column.list', { projectId: project.id })).map((c: any) => ({ id: c.id, role: c.role, tasks: [], archived: [] }));

    const operations: Record<string, () => Promise<string>> = {
      async createTask() {
        const columnId = random() < 0.5 && model.columns.length > 0 ? pick(model.columns).id : undefined;
        const params: Record<string, unknown> = { projectId: project.id, title: `task ${int(999)}` };
        if (columnId !== undefined) params.columnId = columnId;
        if (model.columns.length === 0) {
          assert.equal((await rpcError(rpc!.call('task.create', params))).code, Code.validation);
          return 'create refused: no columns';
        }
        const task = await rpc!.call('task.create', params);
        assert.ok(task.ticket > model.maxTicket, `ticket ${task.ticket} is new`);
        model.maxTicket = task.ticket;
        const target = columnId !== undefined ? model.column(columnId) : (model.columns.find((c) => c.role === 'ready') ?? model.columns[0]!);
        target.tasks.push(task.id);
        return `create ${task.id} in ${target.id}`;
      },
      async moveTask() {
        const tasks = model.allTasks();
        if (tasks.length === 0) return 'move skipped';
        const id = pick(tasks);
        const byRole = random() < 0.3;
        const roleColumns = model.columns.filter((c) => c.role !== null);
        const target = byRole && roleColumns.length > 0 ? pick(roleColumns) : pick(model.columns);
        const position = random() < 0.2 ? undefined : int(target.tasks.length + 2);
        const params: Record<string, unknown> = { id };
        if (byRole && target.role) params.role = target.role;
        else params.columnId = target.id;
        if (position !== undefined) params.position = position;
        await rpc!.call('task.move', params);
        const from = model.columnOf(id);
        from.tasks.splice(from.tasks.indexOf(id), 1);
        target.tasks.splice(Math.min(position ?? target.tasks.length, target.tasks.length), 0, id);
        return `move ${id} to ${target.id}@${position}`;
      },
      async archiveTask() {
        const tasks = model.allTasks();
        if (tasks.length === 0) return 'archive skipped';
        const id = pick(tasks);
        const archived = await rpc!.call('task.archive', { id });
        assert.ok(archived.archivedAt !== null);
        const column = model.columnOf(id);
        column.tasks.splice(column.tasks.indexOf(id), 1);
        column.archived.push(id);
        // An archived task cannot be moved.
        assert.equal((await rpcError(rpc!.call('task.move', { id, position: 0 }))).code, Code.validation);
        return `archive ${id}`;
      },
      async unarchiveTask() {
        const archived = model.allArchived();
        if (archived.length === 0) return 'unarchive skipped';
        const id = pick(archived);
        const task = await rpc!.call('task.unarchive', { id });
        const column = model.columns.find((c) => c.archived.includes(id))!;
        column.archived.splice(column.archived.indexOf(id), 1);
        column.tasks.push(id);
        assert.equal(task.position, column.tasks.length - 1, 'unarchived at the end of its column');
        return `unarchive ${id}`;
      },
      async deleteTask() {
        const tasks = [...model.allTasks(), ...model.allArchived()];
        if (tasks.length === 0) return 'delete skipped';
        const id = pick(tasks);
        await rpc!.call('task.delete', { id });
        model.removeTasks([id]);
        return `delete ${id}`;
      },
      async linkTasks() {
        const tasks = [...model.allTasks(), ...model.allArchived()];
        if (tasks.length < 2) return 'link skipped';
        const kind = pick(['parent', 'blocks'] as const);
        let from = pick(tasks);
        let to = pick(tasks);
        const sameKind = model.edges.filter((e) => e.kind === kind);
        if (sameKind.length > 0 && random() < 0.4) {
          // Walk down a chain and try to link its end back to its start: a cycle.
          const start = pick(sameKind);
          let end = start.to;
          for (let hop = 0; hop < 3; hop++) {
            const next = sameKind.filter((e) => e.from === end);
            if (next.length === 0) break;
            end = pick(next).to;
          }
          [from, to] = [end, start.from];
        }
        const reply = await rpc!.request('task.link', { taskId: from, kind, targetId: to });
        const exists = model.edges.some((e) => e.kind === kind && e.from === from && e.to === to);
        if (from === to) assert.equal(reply.error?.code, Code.validation);
        else if (!exists && model.reaches(kind, to, from)) assert.equal(reply.error?.code, Code.dependency);
        else {
          assert.ifError(reply.error);
          if (!exists) model.edges.push({ kind, from, to });
        }
        return `link ${from} ${kind} ${to}`;
      },
      async createColumn() {
        const after = random() < 0.5 && model.columns.length > 0 ? pick(model.columns) : undefined;
        const role = random() < 0.3 ? pick(['ready', 'in_progress', 'done'] as const) : undefined;
        const params: Record<string, unknown> = { projectId: project.id, name: `col ${int(99)}` };
        if (after) params.afterId = after.id;
        if (role) params.role = role;
        const column = await rpc!.call('column.create', params);
        model.takeRole(role ?? null);
        const index = after ? model.columns.indexOf(after) + 1 : model.columns.length;
        model.columns.splice(index, 0, { id: column.id, role: role ?? null, tasks: [], archived: [] });
        return `create column ${column.id}`;
      },
      async moveColumn() {
        if (model.columns.length === 0) return 'column move skipped';
        const column = pick(model.columns);
        const position = int(model.columns.length + 1);
        await rpc!.call('column.move', { id: column.id, position });
        model.columns.splice(model.columns.indexOf(column), 1);
        model.columns.splice(Math.min(position, model.columns.length), 0, column);
        return `move column ${column.id} to ${position}`;
      },
      async setColumnRole() {
        if (model.columns.length === 0) return 'role skipped';
        const column = pick(model.columns);
        const role = pick(['ready', 'in_progress', 'done', null] as const);
        await rpc!.call('column.update', { id: column.id, role });
        model.takeRole(role);
        column.role = role;
        return `column ${column.id} role ${role}`;
      },
      async deleteColumn() {
        if (model.columns.length <= 1) return 'column delete skipped';
        const column = pick(model.columns);
        if (column.tasks.length + column.archived.length > 0 && random() < 0.5) {
          const error = await rpcError(rpc!.call('column.delete', { id: column.id }));
          assert.equal(error.code, Code.validation);
          assert.equal(error.data.taskCount, column.tasks.length);
          assert.equal(error.data.archivedCount, column.archived.length);
          return `column delete ${column.id} refused`;
        }
        await rpc!.call('column.delete', { id: column.id, force: true });
        model.removeTasks([...column.tasks, ...column.archived]);
        model.columns.splice(model.columns.indexOf(column), 1);
        return `delete column ${column.id}`;
      },
    };
    const weighted: [string, number][] = [
      ['createTask', 30],
      ['moveTask', 30],
      ['deleteTask', 10],
      ['archiveTask', 8],
      ['unarchiveTask', 5],
      ['linkTasks', 12],
      ['createColumn', 5],
      ['moveColumn', 5],
      ['setColumnRole', 5],
      ['deleteColumn', 3],
    ];
    const total = weighted.reduce((sum, [, w]) => sum + w, 0);
    const chooseOperation = () => {
      let roll = random() * total;
      for (const [name, weight] of weighted) if ((roll -= weight) < 0) return name;
      return weighted[0]![0];
    };

    const ticketsSeen = new Map<number, number>();
    for (let step = 0; step < STEPS; step++) {
      const name = chooseOperation();
      const what = await operations[name]!();
      const board: any = await rpc.call('board.get', { projectId: project.id });
      const context = `step ${step}: ${what}`;
      assert.deepEqual(
        board.columns.map((c: any) => [c.id, c.role, c.tasks.map((t: any) => t.id)]),
        model.columns.map((c) => [c.id, c.role, c.tasks]),
        context,
      );
      board.columns.forEach((c: any, i: number) => {
        assert.equal(c.position, i, `${context}: column positions 0..n-1`);
        c.tasks.forEach((t: any, j: number) => {
          assert.equal(t.position, j, `${context}: task positions 0..n-1`);
          assert.equal(t.columnId, c.id, context);
          assert.equal(t.blocked, model.blocked(t.id), `${context}: blocked of ${t.id}`);
          const ticketOwner = ticketsSeen.get(t.ticket);
          assert.ok(ticketOwner === undefined || ticketOwner === t.id, `${context}: ticket ${t.ticket} reused`);
          ticketsSeen.set(t.ticket, t.id);
        });
      });
      const archived: any[] = await rpc.call('task.list', { projectId: project.id, archived: true });
      assert.deepEqual(
        archived.map((t) => t.id).sort((a, b) => a - b),
        model.allArchived().sort((a, b) => a - b),
        `${context}: archived tasks`,
      );
      for (const t of archived) {
        assert.ok(model.column(t.columnId).archived.includes(t.id), `${context}: ${t.id} keeps its column`);
        assert.equal(t.blocked, model.blocked(t.id), `${context}: blocked of archived ${t.id}`);
      }
      const roles = board.columns.map((c: any) => c.role).filter((r: unknown) => r !== null);
      assert.equal(new Set(roles).size, roles.length, `${context}: one column per role`);
    }
    assert.ok(ticketsSeen.size > 50, 'the run created a fair number of tasks');
  } finally {
    rpc?.close();
    await daemon.stop();
  }

  try {
    // After the daemon is gone, the file itself must hold no orphans: cascades did their work.
    const db = new Database(join(home, 'tasks.db'), { readonly: true });
    try {
      assert.deepEqual(db.pragma('foreign_key_check'), []);
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      db.close();
    }
  } finally {
    removeHome(home);
  }
});
