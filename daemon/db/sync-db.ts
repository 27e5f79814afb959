/**
 * kysely as a query builder over a synchronous better-sqlite3 connection. Every request's
 * transaction runs to completion without yielding, so requests never interleave, and
 * compiled SQL is prepared once and reused (kysely's async driver would add a mutex and a
 * promise per query on the hot path).
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type CompiledQuery,
} from 'kysely';
import type { Database } from './schema.js';
import type { Statement } from './statement.js';

type Row<Q> = Q extends Compilable<infer R> ? R : never;

export class SyncDb {
  /** Build queries with this; run them with all/first/run below. */
  readonly qb: Kysely<Database>;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly written = new Map<Statement<readonly unknown[], unknown>, BetterSqlite3.Statement>();

  constructor(readonly sqlite: BetterSqlite3.Database) {
    this.qb = new Kysely<Database>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
  }

  all<Q extends Compilable<unknown>>(query: Q): Row<Q>[] {
    const compiled = query.compile();
    const statement = this.prepare(compiled);
    const params = bindable(compiled.parameters);
    return (statement.reader ? statement.all(params) : (statement.run(params), [])) as Row<Q>[];
  }

  first<Q extends Compilable<unknown>>(query: Q): Row<Q> | undefined {
    const compiled = query.compile();
    return this.prepare(compiled).get(bindable(compiled.parameters)) as Row<Q> | undefined;
  }

  /** Runs a write; returns rows changed and the last inserted rowid. */
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
    const compiled = query.compile();
    const result = this.prepare(compiled).run(bindable(compiled.parameters));
    return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
  }

  /** The first row of a statement (see statement.ts), or undefined. */
  get<P extends readonly unknown[], R>(query: Statement<P, R>, ...params: P): R | undefined {
    return this.statementFor(query).get(...params) as R | undefined;
  }

  /** Every row of a statement. */
  rows<P extends readonly unknown[], R>(query: Statement<P, R>, ...params: P): R[] {
    return this.statementFor(query).all(...params) as R[];
  }

  /** Runs a writing statement; returns rows changed and the last inserted rowid. */
  exec<P extends readonly unknown[]>(query: Statement<P, unknown>, ...params: P): { changes: number; lastInsertRowid: number } {
    const result = this.statementFor(query).run(...params);
    return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
  }

  /** Runs fn in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.sqlite.transaction(fn)();
  }

  private statementFor(query: Statement<readonly unknown[], unknown>): BetterSqlite3.Statement {
    let prepared = this.written.get(query);
    if (!prepared) {
      prepared = this.sqlite.prepare(query.sql);
      this.written.set(query, prepared);
    }
    return prepared;
  }

  private prepare(compiled: CompiledQuery): BetterSqlite3.Statement {
    let statement = this.statements.get(compiled.sql);
    if (!statement) {
      statement = this.sqlite.prepare(compiled.sql);
      this.statements.set(compiled.sql, statement);
    }
    return statement;
  }
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null, but not booleans. */
function bindable(parameters: readonly unknown[]): unknown[] {
  return parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
}
