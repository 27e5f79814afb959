/** Long text (descriptions, comment bodies) may come from stdin: `-` reads it all. */
export async function readTextArg(value: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  if (value !== '-') return value;
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  // A trailing newline is how files and heredocs end, not part of the text.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
