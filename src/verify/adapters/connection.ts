/**
 * One child process speaking JSON lines. Spawned without a shell, in its own process group;
 * any failure (exit, timeout, bad line) is latched, the whole group is killed, and every later
 * call fails fast with the same ProtocolError.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { ProtocolError, parseMessage, type IncomingMessage } from '../protocol.js';

export interface ConnectionOptions {
  command: string;
  args?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Longest accepted line in bytes (default 16 MiB). */
  maxLineBytes?: number;
  /** How much of the child's stderr tail is kept for error messages (default 8 KiB). */
  stderrTailBytes?: number;
}

export class Connection {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly queue: IncomingMessage[] = [];
  private waiter: { resolve: (m: IncomingMessage) => void; reject: (e: ProtocolError) => void } | null = null;
  private failure: ProtocolError | null = null;
  private stderrTail = '';
  private closing = false;
  private groupGone = false;
  readonly exited: Promise<void>;

  constructor(private readonly options: ConnectionOptions) {
    this.child = spawn(options.command, options.args ?? [], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], shell: false, detached: true });
    this.exited = new Promise((resolve) => this.child.once('close', () => resolve()));
    this.child.on('error', (e) => this.fail(new ProtocolError('spawn-failed', `could not start ${JSON.stringify(options.command)}: ${e.message}`, options.command)));
    this.child.stdin.on('error', () => {}); // EPIPE after the child died: reported by 'exit'.
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      const limit = options.stderrTailBytes ?? 8192;
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-limit);
    });
    this.child.on('exit', (code, signal) => {
      if (this.buffer.length > 0) {
        this.fail(new ProtocolError('partial-line', `the implementation exited (code ${code}, signal ${signal}) in the middle of a line: ${JSON.stringify(this.buffer.toString('utf8').slice(0, 200))}`, code));
      } else if (!this.closing) {
        this.fail(new ProtocolError('exited', `the implementation exited unexpectedly with code ${code}${signal ? ` (signal ${signal})` : ''}`, code));
      }
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stderr(): string {
    return this.stderrTail;
  }

  private onData(chunk: Buffer): void {
    if (this.failure) return;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    let newline: number;
    while ((newline = this.buffer.indexOf(10)) >= 0) {
      const line = this.buffer.subarray(0, newline).toString('utf8').replace(/\r$/, '');
      this.buffer = this.buffer.subarray(newline + 1);
      if (line.trim() === '') continue;
      try {
        this.deliver(parseMessage(line));
      } catch (e) {
        this.fail(e instanceof ProtocolError ? new ProtocolError(e.reason, e.message, e.value, this.stderrTail) : (e as ProtocolError));
        return;
      }
    }
    const max = this.options.maxLineBytes ?? 16 * 1024 * 1024;
    if (this.buffer.length > max) this.fail(new ProtocolError('oversized-line', `a line longer than ${max} bytes (limit maxLineBytes)`, this.buffer.length));
  }

  private deliver(m: IncomingMessage): void {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w.resolve(m);
    } else this.queue.push(m);
  }

  /** Latches the first failure, kills the process group, wakes any waiter. */
  fail(error: ProtocolError): ProtocolError {
    if (this.failure) return this.failure;
    this.failure = error.stderr || !this.stderrTail ? error : new ProtocolError(error.reason, error.message, error.value, this.stderrTail);
    this.kill();
    const w = this.waiter;
    this.waiter = null;
    w?.reject(this.failure);
    return this.failure;
  }

  /** SIGKILL to the child's process group (grandchildren too), even after the child itself exited. */
  kill(): void {
    const pid = this.child.pid;
    if (pid === undefined || this.groupGone) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      this.groupGone = true; // ESRCH: nobody left in the group
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    }
  }

  send(message: unknown): void {
    if (this.failure) throw this.failure;
    this.child.stdin.write(JSON.stringify(message) + '\n');
  }

  /** The next message, or a ProtocolError after `timeoutMs` of silence. */
  next(timeoutMs: number, waitingFor: string): Promise<IncomingMessage> {
    if (this.failure) return Promise.reject(this.failure);
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new ProtocolError('timeout', `no message within ${timeoutMs} ms while waiting for ${waitingFor}`, timeoutMs)), timeoutMs);
      this.waiter = {
        resolve: (m) => (clearTimeout(timer), resolve(m)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
    });
  }

  /** Asks the child to exit; kills the group if it has not within `graceMs`. */
  async close(graceMs = 2000): Promise<void> {
    this.closing = true;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        this.child.stdin.end(JSON.stringify({ type: 'shutdown' }) + '\n');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => this.kill(), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.kill();
    await this.groupExited(graceMs);
  }

  /** SIGKILL is asynchronous: wait (bounded) until no member of the group is left. */
  private async groupExited(timeoutMs: number): Promise<void> {
    const pid = this.child.pid;
    const deadline = Date.now() + timeoutMs;
    while (pid !== undefined && !this.groupGone && Date.now() < deadline) {
      try {
        process.kill(-pid, 0);
        await new Promise((r) => setTimeout(r, 20));
      } catch {
        this.groupGone = true;
      }
    }
  }
}
