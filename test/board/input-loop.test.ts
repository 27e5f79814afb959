/** The input loop alone: order, waiting behind effects, overflow, errors. No terminal, no daemon. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputLoop } from '../../client/board/control/input-loop.js';

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test('inputs are handled in order, and those behind a held input wait until it settles', async () => {
  const handled: string[] = [];
  const create = deferred();
  const loop = new InputLoop<string>({
    handle: (event) => {
      handled.push(event);
      if (event === 'Enter') return create.promise;
    },
  });
  for (const key of ['a', 'x', 'Enter', 'a', 'y', 'Enter']) loop.push(key);
  assert.deepEqual(handled, ['a', 'x', 'Enter'], 'the keys after Enter wait for its effect');
  assert.equal(loop.pending, 3);
  create.resolve();
  await loop.idle();
  assert.deepEqual(handled, ['a', 'x', 'Enter', 'a', 'y', 'Enter'], 'then run in the order typed');
});

test('a full queue drops what does not fit and says how many', async () => {
  const gate = deferred();
  const handled: number[] = [];
  const overflows: number[] = [];
  const loop = new InputLoop<number>({
    capacity: 3,
    handle: (n) => {
      handled.push(n);
      if (n === 0) return gate.promise;
    },
    onOverflow: (dropped) => overflows.push(dropped),
  });
  for (let n = 0; n < 7; n++) loop.push(n);
  assert.deepEqual(overflows, [1, 2, 3], 'each dropped input is counted');
  gate.resolve();
  await loop.idle();
  assert.deepEqual(handled, [0, 1, 2, 3], 'the queued ones all ran, in order');
});

test('a failing handler is reported and the next input still runs', async () => {
  const errors: unknown[] = [];
  const handled: string[] = [];
  const loop = new InputLoop<string>({
    handle: (event) => {
      handled.push(event);
      if (event === 'boom') return Promise.reject(new Error('lost daemon'));
    },
    onError: (error) => errors.push(error),
  });
  loop.push('boom');
  loop.push('next');
  await loop.idle();
  assert.deepEqual(handled, ['boom', 'next']);
  assert.equal((errors[0] as Error).message, 'lost daemon');
});

test('hold() makes input wait for work no input started (an automatic project switch)', async () => {
  const handled: string[] = [];
  const loop = new InputLoop<string>({ handle: (event) => void handled.push(event) });
  const switching = deferred();
  loop.hold(switching.promise);
  loop.push('a');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(handled, [], 'a waits for the switch');
  switching.resolve();
  await loop.idle();
  assert.deepEqual(handled, ['a']);
});
