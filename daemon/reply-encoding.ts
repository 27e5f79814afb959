/**
 * Messages to a client as lines. A reply whose result is JsonText (board.get) is written by
 * pasting that text in; everything else, and JsonText nested deeper, goes through
 * JSON.stringify (JsonText.toJSON parses it back, so the line is the same either way).
 */
import { JsonText } from './json-text.js';

export function encodeMessage(message: unknown): string {
  return (Array.isArray(message) ? `[${message.map(encodeOne).join(',')}]` : encodeOne(message)) + '\n';
}

function encodeOne(message: unknown): string {
  const result = (message as { result?: unknown } | null)?.result;
  if (!(result instanceof JsonText)) return JSON.stringify(message);
  const { result: _pasted, ...envelope } = message as { result: JsonText<unknown> };
  const head = JSON.stringify(envelope);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"result":${result.text}}`;
}
