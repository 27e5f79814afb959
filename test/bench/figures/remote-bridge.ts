/** The ssh bridge (issue 11) against the local socket, and 50 remote boards on one daemon. */
import { execFileSync } from 'node:child_process';
import { measureRemote } from '../remote/measure-remote.js';
import { ms, type Figure } from '../figure.js';

function sshdAvailable(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v sshd || test -x /usr/sbin/sshd'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const remoteBridge: Figure = {
  name: 'remote-bridge',
  run: async (ctx) => {
    if (!sshdAvailable()) {
      ctx.log('remote-bridge: no sshd on this machine (apt-get install openssh-server); skipped');
      return [];
    }
    const boards = ctx.n(50, 10);
    const m = await measureRemote({ boards, roundTrips: ctx.n(2000, 100), commits: ctx.n(100, 10) });
    return [
      {
        figure: ms('round trip through the ssh bridge, p50', m.roundTrip.bridge.p50Ms),
        floor: ms('the local socket, p50', m.roundTrip.socket.p50Ms),
        n: m.roundTrip.bridge.n,
      },
      {
        figure: ms('db_changed through the ssh bridge after a commit, p50', m.dbChanged.bridge.p50Ms),
        floor: ms('the local socket, p50', m.dbChanged.socket.p50Ms),
        n: m.dbChanged.bridge.n,
      },
      {
        figure: ms(`db_changed to ${m.manyBoards.boards} remote boards, p99`, m.manyBoards.notification.p99Ms),
        n: m.manyBoards.notification.n,
        note: `p50 ${m.manyBoards.notification.p50Ms} ms`,
      },
    ];
  },
};
