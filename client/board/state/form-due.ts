/**
 * The form's due field takes what `--due` takes (CONTRACT section 6): `tomorrow`, `fri`,
 * `+3d`, `eom`, `YYYY-MM-DD`, ... turned into a calendar day by the shared parser when the
 * form is saved, against the clock of that moment. A date the parser refuses keeps the form
 * open with the parser's message.
 */
import { parseNaturalDate } from '../../../shared/natural-date.js';
import type { FormChanges } from './edit-form.js';

export type ResolvedChanges = { ok: true; changes: FormChanges } | { ok: false; error: string };

export function resolveDue(changes: FormChanges, now: Date): ResolvedChanges {
  const typed = changes.fields.dueAt;
  if (typed == null) return { ok: true, changes };
  const parsed = parseNaturalDate(typed, now);
  if (!parsed.ok) return { ok: false, error: `due: ${parsed.error}` };
  return { ok: true, changes: { ...changes, fields: { ...changes.fields, dueAt: parsed.value } } };
}
