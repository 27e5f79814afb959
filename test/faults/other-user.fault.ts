/**
 * Another user on the machine (`nobody`, through setpriv) can neither connect to a daemon's
 * socket nor read its files: not through the 0700 PASO_HOME, and not by the files' own modes
 * when the directory is opened up. Needs root to switch users; otherwise skipped, saying why.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { withDaemon } from '../helpers/daemon.js';

const isRoot = process.getuid?.() === 0;
const skip = isRoot ? false : 'switching to user nobody needs root (setpriv --reuid); this run is not root';
if (skip) console.log(`other-user: skipped: ${skip}`);

/** What nobody gets trying each access: an error code, or "ok" when it succeeded. */
const probe = String.raw`
const fs = require('node:fs');
const net = require('node:net');
const [home] = process.argv.slice(1);
const out = {};
const tryIt = (name, fn) => { try { fn(); out[name] = 'ok'; } catch (e) { out[name] = e.code; } };
tryIt('list home', () => fs.readdirSync(home));
for (const file of ['tasks.db', 'tasks.db-wal', 'daemon.log', 'paso.pid']) {
  tryIt('read ' + file, () => fs.readFileSync(home + '/' + file));
}
const socket = net.createConnection(home + '/paso.sock');
socket.on('connect', () => { out['connect paso.sock'] = 'ok'; done(); });
socket.on('error', (e) => { out['connect paso.sock'] = e.code; done(); });
function done() { socket.destroy(); console.log(JSON.stringify(out)); }
`;

function asNobody(home: string): Record<string, string> {
  const run = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '-e', probe, home], {
    encoding: 'utf8',
    cwd: '/',
    timeout: 20_000,
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

test('user nobody cannot connect to the socket or read the files', { skip }, async () => {
  await withDaemon(async (daemon) => {
    const files = ['tasks.db', 'daemon.log', 'paso.pid', 'paso.sock'].filter((f) => existsSync(join(daemon.home, f)));
    const throughHome = asNobody(daemon.home);
    // Opened up by the user (or an admin): the files' own modes must still hold.
    chmodSync(daemon.home, 0o711);
    const byFileModes = asNobody(daemon.home);
    console.log(`other-user: through the home directory ${JSON.stringify(throughHome)}`);
    console.log(`other-user: home opened to 0711 ${JSON.stringify(byFileModes)}`);
    for (const [access, outcome] of Object.entries(throughHome)) assert.equal(outcome, 'EACCES', `${access} through the home`);
    assert.equal(byFileModes['connect paso.sock'], 'EACCES', 'the socket is 0600');
    for (const file of files.filter((f) => f !== 'paso.sock')) assert.equal(byFileModes[`read ${file}`], 'EACCES', `${file} by its own mode`);
  });
});
