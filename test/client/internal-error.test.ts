/**
 * Exit 1 from a real failure: the daemon's disk fills up. The daemon's home is a tiny tmpfs
 * in a private mount namespace (`unshare -m`), so the script runs daemon and clients inside it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { PASO_BIN } from '../helpers/daemon.js';

const script = String.raw`
set -u
home=$(mktemp -d /tmp/paso-full-XXXXXX)
errors=$(mktemp)
mount -t tmpfs -o size=400k,mode=0700 tmpfs "$home"
export PASO_HOME=$home
paso() { "$NODE" "$PASO_BIN" "$@"; }
cleanup() { paso daemon stop >/dev/null 2>&1; umount "$home"; rmdir "$home"; rm -f "$errors"; }
trap cleanup EXIT
paso daemon start >/dev/null
description=$(head -c 15000 /dev/zero | tr '\0' x)
for i in $(seq 1 100); do
  paso rpc task.create "{\"projectId\":1,\"title\":\"task $i\",\"description\":\"$description\"}" >/dev/null 2>"$errors" || {
    echo "exit=$? at=$i"
    head -n 1 "$errors"
    paso rpc task.list '{"projectId":1,"query":"task '"$i"'"}'
    grep -c 'database or disk is full' "$home/daemon.log"
    exit 0
  }
done
echo "the disk never filled"
`;

test('a commit that fails on a full disk is exit 1 with a bare -32603; the daemon stays up and logs why', () => {
  const run = spawnSync('unshare', ['-m', 'bash', '-c', script], {
    env: { ...process.env, NODE: process.execPath, PASO_BIN, PASO_HOME: '', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const [outcome, errorLine, listed, logged] = run.stdout.trim().split('\n');
  assert.match(outcome!, /^exit=1 at=\d+$/);
  assert.deepEqual(JSON.parse(errorLine!), {
    code: -32603,
    message: 'internal error (details in daemon.log)',
    data: { kind: 'internal' },
  });
  assert.deepEqual(JSON.parse(listed!), [], 'the failed task was not half-written; the daemon still answers');
  assert.ok(Number(logged) >= 1, 'daemon.log says why');
});
