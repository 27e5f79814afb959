/**
 * The fuzzed lines and what each must get back. Phase "rejected" lines may only be refused
 * or read (the database must not change); phase "accepted" lines are valid calls with hostile
 * strings and batches mixing a write with junk, each checked for what it stored.
 */
import type { Random } from './seeded-random.js';

/** What one batch element must get: a reply with its id, a -32600 of its own, or nothing. */
export type BatchElement = { id: number } | 'invalid' | 'silent';

export type Expect =
  /** A well-formed request: exactly one reply with its id. */
  | { kind: 'answer'; id: number | string; outcome: 'success' | 'error' | 'any'; code?: number }
  /** Not a request: one error reply with one of these codes. */
  | { kind: 'invalid'; codes: number[] }
  /** Junk: at most one reply, an error. */
  | { kind: 'noise' }
  /** A notification: no reply. */
  | { kind: 'silent' }
  | { kind: 'batch'; elements: BatchElement[] }
  /** Over the 1 MiB limit: a -32600, then the daemon closes the connection. */
  | { kind: 'oversized' };

export interface FuzzLine {
  category: string;
  line: string | Buffer;
  expect: Expect;
  /** For accepted writes: the title sent; lone: it holds lone surrogates. */
  title?: { sent: string; lone: boolean };
}

export interface Fixture {
  projectId: number;
  taskId: number;
  columnId: number;
  labelId: number;
}

const INVALID_REQUEST = -32600;
const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;

const HOSTILE = [
  "'); DROP TABLE tasks; --",
  '" OR 1=1 --',
  '%s%s%s%n%x',
  '${process.exit()}',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  'a\u0000b',
  'bell\u0007tab\tesc\u001b[2J',
  'line\u2028sep\u2029para',
  'bom\ufeffmid',
  'rtl \u202eevil\u202c ok',
  'zw\u200b\u200c\u200djoin',
  'e\u0301\u0301\u0301\u0301 combining',
  '👩‍👩‍👧‍👦 family',
  '🏳️‍🌈 flag',
  'ｆｕｌｌ　ｗｉｄｔｈ',
  '\u{10ffff} last code point',
  'x'.repeat(200),
  '字'.repeat(200),
  '\\"\\\\ escaped',
  'null',
  '__proto__',
  'constructor',
];

const LONE = ['a\ud800b', '\udc00'.repeat(200), '\ud800'.repeat(200), 'x\udbff', '\udfff\ud800 reversed pair'];

const NON_OBJECTS: unknown[] = [null, 1, 0, -1, 'x', '', true, false, [], [1], [null]];
const HUGE = ['999999999', '1e308', '-1', '0', '1.5', '9007199254740993', '1e400', '-0', '"1"', '123456789012345678901234567890', '1e-400'];

export class FuzzGenerator {
  private nextId = 1;
  private readonly writable: string[];

  constructor(
    private readonly random: Random,
    private readonly fixture: Fixture,
    methods: string[],
  ) {
    // Never ask the daemon to stop or to write files outside its database.
    this.writable = methods.filter((m) => m !== 'daemon.shutdown' && m !== 'daemon.backup');
  }

  private id(): number {
    return this.nextId++;
  }

  private request(method: string, params?: unknown, id: number | null = this.id()): Record<string, unknown> {
    const message: Record<string, unknown> = { jsonrpc: '2.0', method };
    if (id !== null) message.id = id;
    if (params !== undefined) message.params = params;
    return message;
  }

  /** A valid read: always answered with a result. */
  private read(id: number | null = this.id()): Record<string, unknown> {
    const { projectId, taskId } = this.fixture;
    const [method, params] = this.random.pick<[string, unknown]>([
      ['daemon.status', undefined],
      ['project.list', {}],
      ['project.get', { id: projectId }],
      ['board.get', { projectId }],
      ['task.get', { id: taskId }],
      ['task.list', { projectId, query: 'a' }],
      ['label.list', { projectId }],
      ['column.list', { projectId }],
      ['rpc.discover', undefined],
    ]);
    return this.request(method, params, id);
  }

  /** Any method with params its schema refuses (every schema rejects unknown keys). */
  private refusedCall(id: number | null = this.id()): Record<string, unknown> {
    const method = this.random.pick(this.writable);
    const params = this.random.pick<unknown>([
      { fuzz: 1 },
      { id: this.fixture.taskId, projectId: this.fixture.projectId, title: 'never stored', fuzz: true },
      [this.fixture.taskId],
      { id: 'one', title: 7, projectId: null, fuzz: [] },
    ]);
    return this.request(method, params, id);
  }

  private single(category: string, message: unknown, expect: Expect): FuzzLine {
    return { category, line: JSON.stringify(message), expect };
  }

  /** Lines that must change nothing. */
  rejected(count: number): FuzzLine[] {
    const r = this.random;
    const makers: [number, () => FuzzLine][] = [
      [12, () => ({ category: 'random bytes', line: randomBytes(r), expect: { kind: 'noise' } })],
      [8, () => {
        const whole = JSON.stringify(r.chance(0.5) ? this.read() : this.refusedCall());
        return { category: 'truncated line', line: whole.slice(0, r.int(1, whole.length - 1)), expect: { kind: 'noise' } };
      }],
      [8, () => this.wrongEnvelope()],
      [10, () => {
        const message = this.read();
        return this.single('valid read', message, { kind: 'answer', id: message.id as number, outcome: 'success' });
      }],
      [20, () => {
        const message = this.refusedCall();
        return this.single('refused params', message, { kind: 'answer', id: message.id as number, outcome: 'error', code: INVALID_PARAMS });
      }],
      [12, () => this.missingRecord()],
      [6, () => {
        const id = this.id();
        const method = r.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'TASK.CREATE', 'task.create ', 'rpc.', '', 'task\u0000.get', 'ta\ud800sk', '🙂', randomWord(r)]);
        return this.single('unknown method', { jsonrpc: '2.0', id, method, params: {} }, { kind: 'answer', id, outcome: 'error', code: METHOD_NOT_FOUND });
      }],
      [5, () => this.oddUnicode()],
      [8, () => this.junkBatch()],
      [3, () => ({ category: 'notification', line: JSON.stringify(r.chance(0.5) ? this.read(null) : this.refusedCall(null)), expect: { kind: 'silent' } })],
      [3, () => {
        const value = r.pick<unknown>([...NON_OBJECTS.filter((v) => !Array.isArray(v)), {}, { jsonrpc: '2.0' }, { id: this.id() }]);
        return this.single('not a request', value, { kind: 'invalid', codes: [INVALID_REQUEST] });
      }],
    ];
    const total = makers.reduce((sum, [weight]) => sum + weight, 0);
    const lines: FuzzLine[] = [...this.extremes()];
    while (lines.length < count) {
      let roll = r.int(1, total);
      const maker = makers.find(([weight]) => (roll -= weight) <= 0)![1];
      lines.push(maker());
    }
    return lines;
  }

  /** Nesting 100,000 deep, and lines over the 1 MiB limit. */
  private extremes(): FuzzLine[] {
    const depth = 100_000;
    const deepArray = '['.repeat(depth) + ']'.repeat(depth);
    const deepObject = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const id = this.id();
    const paramsId = this.id();
    return [
      { category: 'batch nested 100,000 deep', line: deepArray, expect: { kind: 'batch', elements: ['invalid'] } },
      {
        category: '100,000-deep nesting',
        line: `{"jsonrpc":"2.0","id":${id},"method":"task.create","params":{"projectId":${this.fixture.projectId},"title":${deepObject}}}`,
        expect: { kind: 'answer', id, outcome: 'error' },
      },
      {
        category: '100,000-deep nesting',
        line: `{"jsonrpc":"2.0","id":${paramsId},"method":"board.get","params":${deepArray}}`,
        expect: { kind: 'answer', id: paramsId, outcome: 'error' },
      },
      { category: '100,000-deep nesting', line: `{"jsonrpc":"2.0","id":${deepArray},"method":"daemon.status"}`, expect: { kind: 'invalid', codes: [INVALID_REQUEST] } },
      { category: 'oversized line', line: JSON.stringify(this.request('task.list', { projectId: 1, query: 'q'.repeat(1_100_000) })), expect: { kind: 'oversized' } },
      { category: 'oversized line', line: 'x'.repeat(3 * 1024 * 1024), expect: { kind: 'oversized' } },
    ];
  }

  private wrongEnvelope(): FuzzLine {
    const r = this.random;
    const id = this.id();
    const variant = r.int(0, 3);
    if (variant === 0) {
      const method = r.pick<unknown>([1, null, {}, ['daemon.status'], true, 1e400]);
      const line = `{"jsonrpc":"2.0","id":${id},"method":${JSON.stringify(method) ?? 'null'}}`;
      return { category: 'method not a string', line, expect: { kind: 'invalid', codes: [INVALID_REQUEST] } };
    }
    if (variant === 1) {
      const version = r.pick<unknown>(['1.0', 2, null, '2.0 ', '']);
      return this.single('wrong jsonrpc version', { jsonrpc: version, id, method: 'daemon.status' }, { kind: 'invalid', codes: [INVALID_REQUEST] });
    }
    if (variant === 2) {
      const badId = r.pick<unknown>([{}, [], true, [1], { id: 1 }]);
      return this.single('id of the wrong type', { jsonrpc: '2.0', id: badId, method: 'daemon.status' }, { kind: 'invalid', codes: [INVALID_REQUEST] });
    }
    const params = r.pick<unknown>(['x', 5, true]);
    return this.single('params not structured', { jsonrpc: '2.0', id, method: 'project.list', params }, { kind: 'invalid', codes: [INVALID_REQUEST, INVALID_PARAMS] });
  }

  /** Well-typed calls naming records that do not exist, with ids no record has. */
  private missingRecord(): FuzzLine {
    const r = this.random;
    const id = this.id();
    const bad = r.pick(HUGE);
    const line = r.pick([
      `{"jsonrpc":"2.0","id":${id},"method":"task.update","params":{"id":${bad},"title":"never"}}`,
      `{"jsonrpc":"2.0","id":${id},"method":"task.delete","params":{"id":${bad}}}`,
      `{"jsonrpc":"2.0","id":${id},"method":"project.delete","params":{"id":${bad},"force":true}}`,
      `{"jsonrpc":"2.0","id":${id},"method":"column.delete","params":{"id":${bad},"force":true}}`,
      `{"jsonrpc":"2.0","id":${id},"method":"label.delete","params":{"id":${bad}}}`,
      `{"jsonrpc":"2.0","id":${id},"method":"comment.delete","params":{"id":${bad}}}`,
      `{"jsonrpc":"2.0","id":${id},"method":"task.move","params":{"id":${bad},"role":"done"}}`,
      `{"jsonrpc":"2.0","id":${id},"method":"task.create","params":{"projectId":${bad},"title":"never"}}`,
      `{"jsonrpc":"2.0","id":${id},"method":"task.move","params":{"id":${this.fixture.taskId},"columnId":${bad}}}`,
      `{"jsonrpc":"2.0","id":${id},"method":"task.setLabels","params":{"id":${this.fixture.taskId},"labelIds":[${bad}]}}`,
    ]);
    return { category: 'missing record, huge or odd numbers', line, expect: { kind: 'answer', id, outcome: 'error' } };
  }

  private oddUnicode(): FuzzLine {
    const r = this.random;
    const id = this.id();
    const variant = r.int(0, 3);
    if (variant === 0) {
      return { category: 'odd Unicode', line: `\ufeff${JSON.stringify(this.read())}`, expect: { kind: 'noise' } };
    }
    if (variant === 1) {
      // Raw bytes that are not UTF-8 inside a string: overlong, lone continuation, surrogate encoded.
      const junk = r.pick([Buffer.from([0xc0, 0xaf]), Buffer.from([0x80, 0x80]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])]);
      const line = Buffer.concat([Buffer.from(`{"jsonrpc":"2.0","id":${id},"method":"task.list","params":{"projectId":${this.fixture.projectId},"query":"`), junk, Buffer.from('"}}')]);
      return { category: 'odd Unicode', line, expect: { kind: 'answer', id, outcome: 'any' } };
    }
    if (variant === 2) {
      const query = r.pick([...LONE, ...HOSTILE]);
      return this.single('odd Unicode', this.request('task.list', { projectId: this.fixture.projectId, query }, id), { kind: 'answer', id, outcome: 'any' });
    }
    // A refused write carrying odd text: still refused (unknown key), whatever the text.
    const title = r.pick([...LONE, ...HOSTILE]);
    return this.single('odd Unicode', this.request('task.create', { projectId: this.fixture.projectId, title, fuzz: 1 }, id), {
      kind: 'answer',
      id,
      outcome: 'error',
      code: INVALID_PARAMS,
    });
  }

  private junkBatch(): FuzzLine {
    const r = this.random;
    if (r.chance(0.05)) return { category: 'empty batch', line: '[]', expect: { kind: 'invalid', codes: [INVALID_REQUEST] } };
    const items: unknown[] = [];
    const elements: BatchElement[] = [];
    for (let i = r.int(1, 8); i > 0; i--) {
      const what = r.int(0, 3);
      if (what === 0) {
        const message = this.read();
        items.push(message);
        elements.push({ id: message.id as number });
      } else if (what === 1) {
        const message = this.refusedCall();
        items.push(message);
        elements.push({ id: message.id as number });
      } else if (what === 2) {
        items.push(r.pick(NON_OBJECTS));
        elements.push('invalid');
      } else {
        items.push(this.read(null));
        elements.push('silent');
      }
    }
    // A batch of notifications alone is answered with nothing at all (JSON-RPC 2.0, batch).
    const silent = elements.every((element) => element === 'silent');
    return { category: 'batch with non-object elements', line: JSON.stringify(items), expect: silent ? { kind: 'silent' } : { kind: 'batch', elements } };
  }

  /** Valid writes with hostile text (stored exactly, or refused as validation), and ghost batches. */
  accepted(count: number): FuzzLine[] {
    const r = this.random;
    const lines: FuzzLine[] = [];
    while (lines.length < count) {
      const roll = r.int(1, 10);
      if (roll <= 7) {
        const lone = roll === 7;
        const sent = lone ? r.pick(LONE) : `${r.pick(HOSTILE).slice(0, 150)} ${lines.length}`.slice(-200);
        const title = lone ? sent : sent.trim();
        const message = this.request('task.create', {
          projectId: this.fixture.projectId,
          title,
          ...(r.chance(0.3) ? { description: r.pick(HOSTILE).repeat(r.int(1, 800)).slice(0, 20_000) } : {}),
        });
        lines.push({
          ...this.single(lone ? 'lone surrogates' : 'hostile strings', message, { kind: 'answer', id: message.id as number, outcome: 'any' }),
          title: { sent: title, lone },
        });
      } else {
        const ghost = this.request('task.create', { projectId: this.fixture.projectId, title: `ghost ${lines.length}` });
        const junk = r.pick(NON_OBJECTS);
        const first = r.chance(0.5);
        lines.push({
          category: 'write batched with junk',
          line: JSON.stringify(first ? [ghost, junk] : [junk, ghost]),
          expect: { kind: 'batch', elements: first ? [{ id: ghost.id as number }, 'invalid'] : ['invalid', { id: ghost.id as number }] },
          title: { sent: (ghost.params as { title: string }).title, lone: false },
        });
      }
    }
    return lines;
  }
}

function randomBytes(r: Random): Buffer {
  const bytes = Buffer.alloc(r.int(1, 200));
  for (let i = 0; i < bytes.length; i++) {
    let b = r.int(0, 255);
    if (b === 0x0a) b = 0x0b;
    bytes[i] = b;
  }
  return bytes;
}

function randomWord(r: Random): string {
  return Array.from({ length: r.int(1, 20) }, () => String.fromCharCode(r.int(0x20, 0x7e))).join('');
}
