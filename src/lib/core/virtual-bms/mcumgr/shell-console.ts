/**
 * The UART of a Zephyr build with the shell transport for SMP (CONFIG_MCUMGR_TRANSPORT_SHELL), as
 * device-families.md §1 describes it: the shell owns the line and hands lines that start with 06 09 /
 * 04 14 to mcumgr; every other byte is shell input, echoed back, and Enter runs it as a command. The
 * shell prints Zephyr's boot banner and log lines, and its coloured prompt after each answer. A client
 * must pick its frames out of all this.
 */
import type { UartIo } from '../device-profile';
import type { EndpointFraming } from '../smp/endpoint-framing';
import { encodeSerialFrames, SerialFrameDecoder } from '../../protocol/smp/serial-frame';

/** The shell's prompt as the default VT100 colours draw it. */
export const SHELL_PROMPT = '\x1b[1;32muart:~$ \x1b[m';
export const ZEPHYR_BANNER = '*** Booting Zephyr OS build v3.4.99 ***';

export interface ShellOptions {
  /** the application's log lines at start, after the banner (module: text) */
  bootLog?: string[];
  /**
   * A log line printed between the lines of every multi-line answer, as a busy log thread can: a stress
   * knob for clients (a frame's continuation lines must still be found after it).
   */
  logBetweenLines?: string;
}

const encoder = new TextEncoder();
const CR = 0x0d;
const LF = 0x0a;
const BACKSPACE = [0x08, 0x7f];

/** "[00:00:01.234,000] <inf> smp_sample: text" with Zephyr's uptime stamp. */
export function logLine(uptimeMs: number, text: string): string {
  const ms = Math.floor(uptimeMs);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const stamp = `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)},000`;
  return `[${stamp}] <inf> ${text}\r\n`;
}

export function shellConsole(io: UartIo, options: ShellOptions = {}): EndpointFraming {
  const decoder = new SerialFrameDecoder({ maxLineLength: io.lineLength() });
  let command = '';
  const say = (text: string) => io.transmit(encoder.encode(text));

  // Shell input: echo what is typed, run the line on Enter (no command exists here but the defaults).
  const type = (bytes: Uint8Array) => {
    let echo = '';
    for (const byte of bytes) {
      if (byte === CR || byte === LF) {
        const line = command.trim();
        command = '';
        echo += `\r\n${line === '' ? '' : `${line.split(' ')[0]}: command not found\r\n`}${SHELL_PROMPT}`;
      } else if (BACKSPACE.includes(byte)) {
        if (command.length > 0) echo += '\b \b';
        command = command.slice(0, -1);
      } else if (byte >= 0x20 && byte < 0x7f) {
        command += String.fromCharCode(byte);
        echo += String.fromCharCode(byte);
      }
    }
    if (echo !== '') say(echo);
  };

  return {
    push(bytes) {
      const packets: Uint8Array[] = [];
      for (const event of decoder.push(bytes)) {
        if (event.type === 'packet') packets.push(event.packet);
        else if (event.type === 'noise') type(event.bytes);
      }
      return packets;
    },
    encode(packet) {
      const frames = encodeSerialFrames(packet, { lineLength: io.lineLength() });
      const pieces: Uint8Array[] = [];
      let start = 0;
      for (let i = 0; i < frames.length; i++) {
        if (frames[i] !== LF) continue;
        pieces.push(frames.subarray(start, i + 1));
        start = i + 1;
        if (options.logBetweenLines && start < frames.length) pieces.push(encoder.encode(logLine(io.uptimeMs(), options.logBetweenLines)));
      }
      pieces.push(encoder.encode(SHELL_PROMPT));
      return pieces;
    },
    started() {
      const log = (options.bootLog ?? []).map((text) => logLine(io.uptimeMs(), text)).join('');
      say(`${ZEPHYR_BANNER}\r\n${log}${SHELL_PROMPT}`);
    }
  };
}
