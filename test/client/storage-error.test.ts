/**
 * Exit 8 from a real failure: the daemon's disk fills up. The daemon's home is a tiny tmpfs
 * in a private mount namespace (`unshare -m`), so the script runs daemon and clients inside it.
 * A filler file takes part of the space, so removing it shows that writes resume.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { PASO_BIN } from '../helpers/daemon.js';

const script = String.raw`
set -u
home=$(mktemp -d /tmp/paso-full-XXXXXX)
errors=$(mktemp)
mount -t tmpfs -o size=600k,mode=0700 tmpfs "$home"
export PASO_HOME=$home
paso() { "$NODE" "$PASO_BIN" "$@"; }
cleanup() { paso daemon stop >/dev/null 2>&1; umount "$home"; rmdir "$home"; rm -f "$errors"; }
trap cleanup EXIT
paso daemon start >/dev/null
head -c 200000 /dev/zero > "$home/filler"
description=$(head -c 15000 /dev/zero | tr '\0' x)
for i in $(seq 1 100); do
  paso rpc task.create "{\"projectId\":1,\"title\":\"task $i\",\"description\":\"$description\"}" >/dev/null 2>"$errors" || {
    echo "exit=$? at=$i"
    head -n 1 "$errors"
    paso rpc task.list '{"projectId":1,"query":"task '"$i"'"}'
    grep -c 'not saved' "$home/daemon.log"
    rm "$home/filler"
    paso rpc task.create '{"projectId":1,"title":"after freeing space"}' | grep -c 'after freeing space'
    paso rpc daemon.status | grep -c '"pid"'
    exit 0
  }
done
echo "the disk never filled"
`;

test('a commit that fails on a full disk is exit 8 (storage, -32005) saying why; reads still work; writes resume once space is freed', () => {
  const run = spawnSync('unshare', ['-m', 'bash', '-c', script], {
    env: { ...process.env, NODE: process.execPath, PASO_BIN, PASO_HOME: '', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const [outcome, errorLine, listed, logged, resumed, alive] = run.stdout.trim().split('\n');
  assert.match(outcome!, /^exit=8 at=\d+$/, run.stdout);
  const error = JSON.parse(errorLine!);
  assert.equal(error.code, -32005);
  assert.equal(error.data.kind, 'storage');
  assert.match(error.message, /^the change was not saved because the disk is full or read-only \(database or disk is full\)$/);
  assert.deepEqual(JSON.parse(listed!), [], 'the failed task was not half-written; reads still answer');
  assert.ok(Number(logged) >= 1, 'daemon.log says why');
  assert.equal(resumed, '1', 'a write succeeds once space is freed');
  assert.equal(alive, '1', 'the same daemon still answers');
});
