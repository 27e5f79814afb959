/**
 * `paso export`, `paso import` and `paso backup`: thin views over `data.export`,
 * `data.import` and `daemon.backup`, printing what the daemon returns.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ExitCode, PasoError } from '../../shared/errors.js';
import { connect, type PasoClient } from '../connection/connection.js';
import { exportToCsv } from './export-csv.js';
import { resolveProject } from './resolve.js';

async function withClient<T>(body: (client: PasoClient) => Promise<T>): Promise<T> {
  const client = await connect();
  try {
    return await body(client);
  } finally {
    client.close();
  }
}

export async function runExport(options: { project?: string; format: 'json' | 'csv' }): Promise<number> {
  const document = await withClient(async (client) => {
    const projectIds = options.project === undefined ? undefined : [(await resolveProject(client, options.project)).id];
    return client.call('data.export', projectIds ? { projectIds } : {});
  });
  process.stdout.write(options.format === 'csv' ? exportToCsv(document) : JSON.stringify(document, null, 2) + '\n');
  return ExitCode.ok;
}

export async function runImport(file: string): Promise<number> {
  const text = file === '-' ? await readStdin() : await readDocument(file);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new PasoError('validation', `${file === '-' ? 'stdin' : file} is not JSON: ${(error as Error).message}`);
  }
  const { projects } = await withClient((client) => client.call('data.import', { document }));
  for (const project of projects) process.stdout.write(`imported project ${project.key} (id ${project.id})\n`);
  return ExitCode.ok;
}

export async function runBackup(file: string): Promise<number> {
  // The daemon has its own working directory; FILE means what it means in the caller's shell.
  const path = resolve(process.cwd(), file);
  const { bytes } = await withClient((client) => client.call('daemon.backup', { path }));
  process.stdout.write(`backed up ${bytes} bytes to ${path}\n`);
  return ExitCode.ok;
}

async function readDocument(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new PasoError('usage', `cannot read ${file}: ${(error as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
