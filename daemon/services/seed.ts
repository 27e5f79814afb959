/**
 * First run: a new database gets one project, "My board" (key MY, refs MY-1, MY-2, ...),
 * with the standard columns, so a new user sees a board at once. It happens once per
 * database: a user who later deletes every project is not given it back.
 */
import type { ServiceContext } from './context.js';
import { createProject } from './projects.js';

const SEEDED_KEY = 'seeded';

export const SEED_PROJECT = { name: 'My board', key: 'MY' } as const;

export function seedIfEmpty(ctx: ServiceContext): void {
  const { db } = ctx;
  db.transaction(() => {
    const seeded = db.first(db.qb.selectFrom('meta').select('value').where('key', '=', SEEDED_KEY));
    if (seeded) return;
    const anyProject = db.first(db.qb.selectFrom('projects').select('id').limit(1));
    if (!anyProject) createProject({ ...SEED_PROJECT }, ctx);
    db.run(db.qb.insertInto('meta').values({ key: SEEDED_KEY, value: 1 }));
  });
}
