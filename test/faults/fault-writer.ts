/**
 * One writer for the kill -9 fault: `node fault-writer.js NAME PROJECT_ID` with PASO_HOME set.
 * Creates tasks one after another through the client's own connect (auto-start included)
 * until its stdin ends, printing one line per call:
 *   ack TITLE          the daemon said success: the task must exist
 *   unknown TITLE      the connection dropped before a reply: it may or may not exist
 *   rejected TITLE ... any error reply (never expected)
 */
import { connect, type PasoClient } from '../../client/connection/connection.js';
import { PasoError } from '../../shared/errors.js';

const [name, projectArg] = process.argv.slice(2);
const projectId = Number(projectArg);
let stopping = false;
process.stdin.on('data', () => {});
process.stdin.on('end', () => (stopping = true));

const print = (line: string) => process.stdout.write(`${line}\n`);
let client: PasoClient | null = null;
let n = 0;
while (!stopping) {
  if (!client) {
    try {
      client = await connect();
    } catch (error) {
      // Several writers race to restart a killed daemon; the losers try again.
      print(`connect-failed ${(error as Error).message.split('\n')[0]}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
  }
  const title = `${name}-${n++}`;
  try {
    await client.call('task.create', { projectId, title });
    print(`ack ${title}`);
  } catch (error) {
    if (error instanceof PasoError && error.kind === 'unavailable') {
      print(`unknown ${title}`);
      client.close();
      client = null;
    } else {
      print(`rejected ${title} ${(error as Error).message}`);
    }
  }
}
client?.close();
print('done');
