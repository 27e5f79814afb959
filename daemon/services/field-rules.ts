/**
 * Semantic checks on text fields. TypeBox has already checked types, lengths and patterns
 * of the raw params; these rules apply to the cleaned value users actually see.
 */
import { validation } from '../../shared/errors.js';

/** Characters as people count them: code points, so an emoji is one, not two UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** A one-line name or title: trimmed, non-empty, at most `max` characters. */
export function cleanLine(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '') throw validation(`${field} must not be empty`, { field });
  if (/[\r\n]/.test(trimmed)) throw validation(`${field} must be one line`, { field });
  if (characterCount(trimmed) > max) throw validation(`${field} must be at most ${max} characters`, { field, max });
  return trimmed;
}

/** A multi-line text such as a comment body: trimmed and non-empty. */
export function cleanText(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '') throw validation(`${field} must not be empty`, { field });
  if (characterCount(trimmed) > max) throw validation(`${field} must be at most ${max} characters`, { field, max });
  return trimmed;
}

export const LIMITS = {
  title: 200,
  projectName: 100,
  shortName: 50,
  commentBody: 4_000,
  author: 100,
} as const;

/** `#rrggbb` in upper case. */
export function normalizeColor(value: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(value)) throw validation('color must be #RRGGBB', { field: 'color' });
  return value.toUpperCase();
}
