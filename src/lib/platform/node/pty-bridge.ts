/**
 * Puts a device port (the virtual BMS) behind a real pseudo-terminal, so any serial tool — our CLI,
 * mcumgr, smpmgr, screen — can talk to it as to a USB adapter. Debian's `socat` creates a linked pty
 * pair (`pty,raw,echo=0,link=PATH`); we hold the other end with serialport and shuttle bytes.
 *
 * A pty carries bytes at whatever speed and the client's baud setting is not seen here. With
 * `baudRate`, the bytes cross the paced line model from core at that rate (8N1), so transfers take the
 * time they would on a real UART; a baud mismatch cannot be simulated on this path. Client programs may
 * close and reopen PATH; the bridge stays up until close().
 */
import { spawn } from 'node:child_process';
import { access, constants, lstat, mkdtemp, readlink, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DevicePort } from '../../core/link/device-port';
import { BmsError } from '../../core/errors';
import type { Link } from '../../core/link/link';
import { connectPacedLink } from '../../core/link/paced-link';
import { openSerialPortLink } from './serialport-link';

export const SOCAT = '/usr/bin/socat';

/**
 * Runs socat so that it dies with us, however we end (close(), SIGTERM, SIGKILL, a crashed test
 * worker): a watcher reads our end of a pipe on fd 3 and kills socat when it closes, which the kernel
 * does when our process goes. The shell exits with socat's status; SIGTERM to the shell stops socat too.
 */
const TIED_TO_PARENT = [
  'exec 3<&0',
  '"$@" </dev/null & pid=$!',
  "trap 'kill $pid 2>/dev/null' TERM INT",
  '(read -r _ <&3; kill $pid 2>/dev/null) & watcher=$!',
  'wait $pid; status=$?',
  'wait $pid 2>/dev/null',
  'kill $watcher 2>/dev/null',
  'exit $status'
].join('\n');

export interface PtyBridge {
  /** The path client programs open (a symlink to /dev/pts/N). */
  readonly path: string;
  /** Resolves with the reason the bridge stopped: 'closed' after close(), or what failed (socat died…). */
  readonly stopped: Promise<string>;
  close(): Promise<void>;
}

export interface PtyBridgeOptions {
  /** Where to create the client's link, e.g. /tmp/bms-sim. An old symlink there is replaced. */
  path: string;
  socat?: string;
  /** Paces the bytes at this line rate (8N1) both ways; without it they pass as fast as the pty goes. */
  baudRate?: number;
  /** How long socat may take to create the pair. */
  startTimeoutMs?: number;
}

export async function startPtyBridge(device: DevicePort, options: PtyBridgeOptions): Promise<PtyBridge> {
  const socat = options.socat ?? SOCAT;
  const { path } = options;
  await access(socat, constants.X_OK).catch(() => {
    throw new BmsError('LINK_PTY_UNAVAILABLE', `${socat} is missing or not executable`);
  });
  await removeStaleLink(path);
  // socat's own links stay in a private folder (socat deletes them by name when it exits, even if
  // another bridge has since taken `path`); `path` is our symlink to the client's /dev/pts/N.
  const folder = await mkdtemp(join(tmpdir(), 'bms-pty-'));
  const outer = join(folder, 'client');
  const inner = join(folder, 'device');

  const child = spawn('/bin/sh', ['-c', TIED_TO_PARENT, 'sh', socat, '-d', '-d', `pty,raw,echo=0,link=${outer}`, `pty,raw,echo=0,link=${inner}`], {
    stdio: ['pipe', 'ignore', 'pipe']
  });
  const exited = new Promise<string>((resolve) => {
    child.on('error', (error) => resolve(error.message));
    child.on('exit', (code, signal) => resolve(`socat exited (${signal ?? `code ${code}`})`));
  });
  let log = '';
  const ready = new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('starting data transfer loop')) resolve();
    });
  });
  let pty: string | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      await rm(folder, { recursive: true, force: true });
      // Our link only: another bridge may have taken the path since.
      if (pty !== undefined && (await readlink(path).catch(() => undefined)) === pty) await unlink(path).catch(() => {});
    })());

  const timeoutMs = options.startTimeoutMs ?? 5000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    ready.then(() => 'ready'),
    exited,
    new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`socat gave no pty within ${timeoutMs} ms`), timeoutMs)))
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await cleanup();
    throw new BmsError('LINK_PTY_UNAVAILABLE', `${outcome}: ${lastLines(log)}`);
  }

  let link: Link;
  const line = connectPacedLink(atRate(device, options.baudRate), { pace: options.baudRate !== undefined });
  try {
    pty = await readlink(outer);
    await symlink(pty, path).catch((error: Error) => {
      throw new BmsError('LINK_PTY_UNAVAILABLE', `cannot create ${path}: ${error.message}`);
    });
    link = await openSerialPortLink({ path: inner, baudRate: device.baudRate });
  } catch (error) {
    await line.close();
    await cleanup();
    throw error;
  }

  let closing = false;
  const stopped = (async () => {
    // Either direction ending (close, socat gone, a device bug) stops both.
    const reason = await Promise.race([pump(link, line), pump(line, link)]);
    await Promise.all([link.close(), line.close()]);
    if (!closing) await cleanup();
    return closing ? 'closed' : reason;
  })();

  return {
    path,
    stopped,
    async close() {
      if (!closing) {
        closing = true;
        await link.close();
      }
      await stopped;
      await cleanup();
    }
  };
}

/** Copies everything `from` receives to `to` until one of them ends; resolves with why. */
async function pump(from: Link, to: Link): Promise<string> {
  try {
    for (;;) await to.write(await from.read());
  } catch (error) {
    return error instanceof BmsError ? error.detail : `the device failed: ${String(error)}`;
  }
}

/** The device seen through a line at `baudRate` (its own rate when none is given). */
function atRate(device: DevicePort, baudRate: number | undefined): DevicePort {
  if (baudRate === undefined) return device;
  return { receive: (bytes) => device.receive(bytes), onTransmit: (listener) => device.onTransmit(listener), baudRate };
}

/** Removes a symlink left by an earlier run; refuses to touch anything else at that path. */
async function removeStaleLink(path: string): Promise<void> {
  const stat = await lstat(path).catch(() => undefined);
  if (!stat) return;
  if (!stat.isSymbolicLink()) {
    throw new BmsError('LINK_PTY_UNAVAILABLE', `${path} exists and is not a symbolic link: choose another path`);
  }
  await unlink(path);
}

function lastLines(log: string): string {
  return log.trim().split('\n').slice(-3).join(' | ') || 'no output';
}
