/** JSON for people (indented, on a terminal) or for programs (one line, otherwise). */
export function writeJson(stream: NodeJS.WriteStream, value: unknown): void {
  stream.write(JSON.stringify(value, null, stream.isTTY ? 2 : undefined) + '\n');
}
