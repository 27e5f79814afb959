/**
 * `paso daemon`: takes the lock, migrates, serves the socket until SIGTERM, SIGINT,
 * SIGHUP or `daemon.shutdown`, then finishes in-flight calls and removes what it created.
 */
import { chmodSync } from 'node:fs';
import { PasoError } from '../shared/errors.js';
import { probeDaemon } from '../shared/daemon-probe.js';
import { ensurePasoHome, pasoPaths, type PasoPaths } from '../shared/paths.js';
import { DAEMON_STOPPING } from '../shared/protocol/index.js';
import { PASO_VERSION } from '../shared/version.js';
import { migrateToLatest } from './db/migrations.js';
import { DatabaseLockedError, makeCommitsDurable, openDatabase } from './db/open-database.js';
import { SyncDb } from './db/sync-db.js';
import { Dispatcher } from './dispatcher.js';
import { DaemonLog } from './logger.js';
import { GroupCommit } from './group-commit.js';
import { IdleMemory } from './idle-memory.js';
import { readPidFile, removePidFileIfOurs, writePidFile } from './owned-files.js';
import { RpcServer } from './rpc-server.js';
import { seedIfEmpty } from './services/seed.js';
import { SocketServer } from './socket-server.js';
import { Subscriptions } from './subscriptions.js';
import type BetterSqlite3 from 'better-sqlite3';

/** How long a daemon that finds the lock taken waits for the holder to answer. */
const LOCK_HOLDER_WAIT_MS = 10_000;

export async function runDaemon(): Promise<number> {
  // Every file the daemon creates (database, WAL, log, pid) is the user's alone.
  process.umask(0o077);
  const paths = pasoPaths();
  try {
    ensurePasoHome(paths);
  } catch (error) {
    process.stderr.write(`paso: ${(error as Error).message}\n`);
    return error instanceof PasoError ? error.exitCode : 1;
  }
  const log = new DaemonLog(paths.log);
  log.rotateIfLarge();

  const sqlite = await takeDatabase(paths);
  if (typeof sqlite === 'number') return sqlite;
  try {
    return await serve(paths, sqlite, log);
  } catch (error) {
    log.error('daemon failed', error);
    process.stderr.write(`paso: daemon failed: ${(error as Error).message}\n`);
    sqlite.close();
    return 1;
  }
}

/** The database with its lock, or the exit code when another daemon holds it. */
async function takeDatabase(paths: PasoPaths): Promise<BetterSqlite3.Database | number> {
  const deadline = Date.now() + LOCK_HOLDER_WAIT_MS;
  for (;;) {
    try {
      const sqlite = openDatabase(paths.db);
      chmodSync(paths.db, 0o600);
      return sqlite;
    } catch (error) {
      if (!(error instanceof DatabaseLockedError)) {
        process.stderr.write(`paso: cannot open ${paths.db}: ${(error as Error).message}\n`);
        return 1;
      }
    }
    // Locked: the holder is normally a daemon still starting or already serving. Both racers
    // may briefly see each other's lock, so we retry until one of them answers.
    const running = await probeDaemon(paths).catch(() => null);
    if (running) {
      running.client.close();
      const { pid, version } = running.status;
      process.stderr.write(`paso: a daemon is already running for ${paths.home} (pid ${pid}, version ${version})\n`);
      return 0;
    }
    if (Date.now() > deadline) {
      const pid = readPidFile(paths.pid);
      process.stderr.write(
        `paso: ${paths.db} is locked by another process${pid ? ` (paso.pid says ${pid})` : ''}, which does not answer on ${paths.socket}\n`,
      );
      return 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function serve(paths: PasoPaths, sqlite: BetterSqlite3.Database, log: DaemonLog): Promise<number> {
  const schemaVersion = await migrateToLatest(sqlite);
  const db = new SyncDb(sqlite);
  const dispatcher = new Dispatcher(db);
  dispatcher.transact((ctx) => seedIfEmpty(ctx));
  makeCommitsDurable(sqlite);

  const startedAt = new Date();
  const startedAtIso = startedAt.toISOString();
  const server = new SocketServer(paths.socket, log);
  const subscriptions = new Subscriptions(server.connections);
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));
  let stopping = false;

  const shutdown = async (reason: string, code = 0): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info(`shutting down (${reason})`);
    // Only a deliberate stop is announced: after a signal or a crash, clients start a new daemon.
    if (reason === 'daemon.shutdown') {
      for (const connection of server.connections) connection.send({ jsonrpc: '2.0', method: DAEMON_STOPPING, params: { reason } });
    }
    try {
      await server.close();
    } finally {
      removePidFileIfOurs(paths.pid);
      sqlite.close();
      log.info('stopped');
      finish(code);
    }
  };

  writePidFile(paths.pid);
  const requestShutdown = (reason: string) => void shutdown(reason);
  const idleMemory = new IdleMemory();
  const rpc = new RpcServer({
    dispatcher,
    sqlite,
    log,
    requestShutdown,
    status: () => ({
      version: PASO_VERSION,
      pid: process.pid,
      startedAt: startedAtIso,
      uptimeMs: Date.now() - startedAt.getTime(),
      connections: server.connections.size,
      subscribers: subscriptions.count,
      seq: dispatcher.seq,
      dbPath: paths.db,
      socketPath: paths.socket,
      schemaVersion,
    }),
  });
  await server.listen(
    new GroupCommit({
      dispatcher,
      rpc,
      log,
      requestShutdown,
      publish: (change) => subscriptions.publish(change),
      afterGroup: () => idleMemory.busy(),
    }),
  );
  log.info(`daemon ${PASO_VERSION} serving ${paths.socket} (schema ${schemaVersion})`);

  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  const onFatal = (error: unknown) => {
    log.error('uncaught error; shutting down', error);
    void shutdown('uncaught error', 1);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  const code = await finished;
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  process.off('SIGHUP', onSignal);
  return code;
}
