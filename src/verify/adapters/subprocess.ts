/**
 * An implementation under test in another process (any language), over samcheck-protocol/1.
 * The harness answers the child's evaluate requests itself, so it counts every gradient.
 */
import { ImplementationError, PROTOCOL_VERSION, ProtocolError, decodeVector, encodeNumber, encodeVector } from '../protocol.js';
import type { Capabilities, ImplementationSession, ImplementationUnderTest, StepOutcome } from '../types.js';
import { Connection, type ConnectionOptions } from './connection.js';

export interface SubprocessOptions extends ConnectionOptions {
  /** Time allowed for the hello message (default 20 s: interpreters and torch import slowly). */
  handshakeTimeoutMs?: number;
  /** Longest silence while a step is in progress (default 10 s). */
  messageTimeoutMs?: number;
}

export interface SubprocessImplementation extends ImplementationUnderTest {
  readonly pid: number | undefined;
  readonly stderr: string;
  dispose(): Promise<void>;
}

export function subprocessImplementation(options: SubprocessOptions): SubprocessImplementation {
  let connection: Connection | null = null;
  let hello: Promise<{ name: string; capabilities: Capabilities }> | null = null;
  let nextStep = 0;
  let nextSession = 0;
  const timeout = options.messageTimeoutMs ?? 10_000;

  const connect = () => {
    connection ??= new Connection(options);
    const c = connection;
    hello ??= c.next(options.handshakeTimeoutMs ?? 20_000, `the "hello" handshake (${PROTOCOL_VERSION})`).then((m) => {
      if (m.type !== 'hello') throw fail(c, new ProtocolError('unexpected-message', `expected "hello" first, got ${JSON.stringify(m.type)}`, m.type));
      return m;
    });
    return { c, hello };
  };

  return {
    name: options.command + (options.args?.length ? ' ' + options.args.join(' ') : ''),
    get pid() {
      return connection?.pid;
    },
    get stderr() {
      return connection?.stderr ?? '';
    },
    async capabilities() {
      return (await connect().hello).capabilities;
    },
    async createSession(config, layout): Promise<ImplementationSession> {
      const { c, hello: ready } = connect();
      await ready;
      const session = `s${nextSession++}`;
      const dim = layout.sizes.reduce((a, b) => a + b, 0);
      return {
        async step(params, oracle): Promise<StepOutcome> {
          const id = nextStep++;
          c.send({ type: 'step', id, session, config, layout, params: encodeVector(params), ...(oracle.data ? { data: oracle.data } : {}) });
          for (;;) {
            const m = await c.next(timeout, `the result of step ${id}`);
            if (m.type === 'evaluate') {
              let reply: Record<string, unknown>;
              try {
                const r = oracle.evaluate(decodeVector('evaluate.point', m.point, dim), m.want, { samples: m.samples, weights: m.weights });
                reply = {
                  type: 'evaluation',
                  id: m.id,
                  ...(r.value !== undefined ? { value: encodeNumber(r.value) } : {}),
                  ...(r.gradient ? { gradient: encodeVector(r.gradient) } : {}),
                  ...(r.perSample ? { perSample: encodeVector(r.perSample) } : {}),
                };
              } catch (e) {
                throw fail(c, e instanceof ProtocolError ? e : new ProtocolError('invalid-message', String(e), m.point));
              }
              c.send(reply);
            } else if (m.type === 'result' && m.id === id) {
              if (m.params.length !== dim) throw fail(c, new ProtocolError('invalid-message', `result.params has ${m.params.length} entries, the layout ${dim}`, m.params.length));
              return { params: m.params, diagnostics: m.diagnostics };
            } else if (m.type === 'error') {
              throw new ImplementationError(`the implementation reported: ${m.message}`);
            } else {
              throw fail(c, new ProtocolError('unexpected-message', `got ${JSON.stringify(m.type)} (id ${JSON.stringify((m as { id?: unknown }).id)}) while step ${id} was in progress`, m.type));
            }
          }
        },
        async close() {
          try {
            c.send({ type: 'close', session });
          } catch {
            /* connection already failed: nothing to close */
          }
        },
      };
    },
    async dispose() {
      await connection?.close();
    },
  };
}

const fail = (c: Connection, e: ProtocolError): ProtocolError => c.fail(e);
