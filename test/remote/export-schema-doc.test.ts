/** The README shows the paso-export JSON Schema; it must be the one import validates with. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PasoExportSchema } from '../../shared/protocol/export-schema.js';

test('the README\'s JSON Schema of the export document is the TypeBox schema import uses', () => {
  const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
  const section = readme.slice(readme.indexOf('<summary>The document\'s JSON Schema'));
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  assert.ok(block, 'a json block follows the summary');
  assert.deepEqual(JSON.parse(block[1]!), JSON.parse(JSON.stringify(PasoExportSchema)));
});
