/**
 * Two boards over ssh (keys alice and bob, forced `paso bridge --actor`) and one local board
 * on the same far daemon, in real terminals (tmux): each follows the others' changes without
 * a key press; a remote board whose ssh process is killed reconnects through a new one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { killPid, PASO_BIN, startDaemon, waitFor, type DaemonHandle } from '../helpers/daemon.js';
import { columnOf, shellQuote, TmuxServer } from '../board/tmux.js';
import { FarHost } from './remote-fixture.js';

const tmux = new TmuxServer(`paso-remote-boards-${process.pid}`);
const far = new FarHost();
let daemon: DaemonHandle;

function boardCommand(home: string, remote: string | null): string {
  const env = [`PASO_HOME=${shellQuote(home)}`, 'NO_COLOR=1', `PASO_SSH_COMMAND=${shellQuote(far.sshd.sshCommand)}`];
  const args = remote ? ['--remote', remote, 'board', '--project', 'RB'] : ['board', '--project', 'RB'];
  return `env -u PASO_PROJECT -u PASO_NO_AUTOSTART -u PASO_REMOTE ${env.join(' ')} ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} ${args.join(' ')}`;
}

/** Pids of the ssh processes running `paso bridge` for `host` with the test's config. */
function sshPidsFor(host: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^[0-9]+$/.test(entry))
    .filter((entry) => {
      try {
        const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
        return args[0] === 'ssh' && args.includes(far.sshd.sshConfig) && args.includes(host) && args.includes('bridge');
      } catch {
        return false;
      }
    })
    .map(Number);
}

before(async () => {
  await far.start();
  daemon = await startDaemon(far.farHome);
  const client = await daemon.client();
  try {
    await client.call('project.create', { name: 'Remote boards', key: 'RB' });
  } finally {
    client.close();
  }
  tmux.start('alice', boardCommand(far.clientHome, 'alice'));
  tmux.start('bob', boardCommand(far.clientHome, 'bob'));
  tmux.start('local', boardCommand(far.farHome, null));
  for (const name of ['alice', 'bob', 'local']) await tmux.waitForText(name, 'RB · Remote boards');
});

after(async () => {
  tmux.close();
  await daemon?.stop();
  await far.stop();
});

test('a card created on a remote board appears on the other remote board and the local one', async () => {
  tmux.keys('alice', 'a');
  await tmux.waitForText('alice', 'New card in Todo');
  tmux.type('alice', 'Über ssh 日本');
  tmux.keys('alice', 'Enter');
  await tmux.waitForText('alice', 'Über ssh 日本');
  for (const name of ['bob', 'local']) assert.equal(columnOf(await tmux.waitForText(name, 'Über ssh 日本'), 'Über ssh'), 0);
});

test('a move on the local board shows on both remote boards', async () => {
  tmux.keys('local', 'L');
  for (const name of ['local', 'alice', 'bob']) {
    await tmux.waitForScreen(name, (s) => columnOf(s, 'Über ssh') === 1, 'the card in the second column');
  }
});

test('a remote board whose ssh process is killed reconnects and keeps following changes', async () => {
  const [ssh] = sshPidsFor('alice');
  assert.ok(ssh, 'the alice board runs ssh');
  killPid(ssh, 'SIGKILL');
  await waitFor(() => {
    const now = sshPidsFor('alice');
    return now.length === 1 && now[0] !== ssh;
  }, 'a new ssh for the alice board');
  await tmux.waitForText('alice', '● live');
  tmux.keys('bob', 'a');
  await tmux.waitForText('bob', 'New card in');
  tmux.type('bob', 'After the drop');
  tmux.keys('bob', 'Enter');
  for (const name of ['alice', 'local']) await tmux.waitForText(name, 'After the drop');
});
