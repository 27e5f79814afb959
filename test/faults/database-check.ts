/**
 * Reads a stopped daemon's database directly: SQLite's own integrity and foreign-key checks,
 * and a dump of every table for before/after comparisons.
 */
import Database from 'better-sqlite3';

export interface DatabaseHealth {
  integrity: string;
  foreignKeyViolations: number;
}

export function checkDatabase(path: string): DatabaseHealth {
  const db = new Database(path, { readonly: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
    return { integrity, foreignKeyViolations };
  } finally {
    db.close();
  }
}

/** Task titles of one project, straight from the table. */
export function taskTitles(path: string, projectId: number): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT title FROM tasks WHERE project_id = ?').all(projectId) as { title: string }[]).map((r) => r.title);
  } finally {
    db.close();
  }
}

/** `node database-check.js PATH`: prints checkDatabase as JSON (for scripts in a namespace). */
if (process.argv[1]?.endsWith('database-check.js') && process.argv[2]) {
  console.log(JSON.stringify(checkDatabase(process.argv[2])));
}
