/**
 * BEGIN / SAVEPOINT / RELEASE / ROLLBACK as prepared statements. better-sqlite3's
 * `transaction()` builds a wrapper per call and hides the savepoint depth; the dispatcher
 * needs both a group transaction and one savepoint per call inside it.
 */
import type BetterSqlite3 from 'better-sqlite3';

export class SqlTransaction {
  private readonly beginStatement: BetterSqlite3.Statement;
  private readonly commitStatement: BetterSqlite3.Statement;
  private readonly rollbackStatement: BetterSqlite3.Statement;
  private readonly savepoints: { open: BetterSqlite3.Statement; release: BetterSqlite3.Statement; rollbackTo: BetterSqlite3.Statement }[] = [];
  private depth = 0;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.beginStatement = sqlite.prepare('BEGIN');
    this.commitStatement = sqlite.prepare('COMMIT');
    this.rollbackStatement = sqlite.prepare('ROLLBACK');
  }

  get open(): boolean {
    return this.sqlite.inTransaction;
  }

  /** Starts the outermost transaction; returns depth 0. */
  begin(): number {
    this.beginStatement.run();
    this.depth = 0;
    return 0;
  }

  commit(): void {
    this.commitStatement.run();
    this.depth = 0;
  }

  rollback(): void {
    this.rollbackStatement.run();
    this.depth = 0;
  }

  /** Opens a savepoint inside the open transaction; returns its depth for release/rollbackTo. */
  savepoint(): number {
    const depth = ++this.depth;
    let statements = this.savepoints[depth];
    if (!statements) {
      statements = {
        open: this.sqlite.prepare(`SAVEPOINT call_${depth}`),
        release: this.sqlite.prepare(`RELEASE call_${depth}`),
        rollbackTo: this.sqlite.prepare(`ROLLBACK TO call_${depth}`),
      };
      this.savepoints[depth] = statements;
    }
    statements.open.run();
    return depth;
  }

  release(depth: number): void {
    this.savepoints[depth]!.release.run();
    this.depth = depth - 1;
  }

  /** Undoes everything since the savepoint and closes it. */
  rollbackTo(depth: number): void {
    const statements = this.savepoints[depth]!;
    statements.rollbackTo.run();
    statements.release.run();
    this.depth = depth - 1;
  }
}
