/** `daemon_stopping`: sent to every connection on a deliberate stop, and only then. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeHome, removeHome, startDaemon, waitFor } from '../helpers/daemon.js';

test('daemon.shutdown tells every connection, subscribed or not, after the caller\'s reply', async () => {
  const home = makeHome();
  const daemon = await startDaemon(home);
  try {
    const caller = await daemon.client();
    const subscriber = await daemon.client();
    const idle = await daemon.client();
    await subscriber.call('subscribe', {});
    assert.deepEqual(await caller.call('daemon.shutdown'), { ok: true });
    for (const client of [caller, subscriber, idle]) {
      await waitFor(() => client.closed, 'the daemon to close the connection');
      assert.deepEqual(client.notifications, [{ jsonrpc: '2.0', method: 'daemon_stopping', params: { reason: 'daemon.shutdown' } }]);
    }
    assert.equal(caller.replies.length, 1, 'the reply came first, then only the notice');
  } finally {
    await daemon.stop();
    removeHome(home);
  }
});

test('a signal is not announced: clients may start a new daemon', async () => {
  const home = makeHome();
  const daemon = await startDaemon(home);
  try {
    const client = await daemon.client();
    await daemon.stop('SIGTERM');
    await waitFor(() => client.closed, 'the daemon to close the connection');
    assert.deepEqual(client.notifications, []);
  } finally {
    await daemon.stop();
    removeHome(home);
  }
});
