/**
 * SLCAN (Lawicel) lines, both directions, as pure functions (bms-can-stm32.md §3). Every line ends with
 * CR; an adapter answers a good command with a bare CR and a refused one with BEL (0x07). Frames are
 * `tIIIL…` (11-bit), `TIIIIIIIIL…` (29-bit), `rIIIL` / `RIIIIIIIIL` (remote), upper-case hex; with
 * timestamps on (Z1) the adapter appends 4 hex digits of ms, which we keep. Lawicel firmware answers a
 * transmit with `z`/`Z`; stock CANable firmware answers nothing.
 */
import { checkFrame, type CanFrame } from './can-frame';

export type SlcanLine =
  | { kind: 'frame'; frame: CanFrame; timestampMs?: number }
  /** CR alone: the previous command was accepted. */
  | { kind: 'ok' }
  /** BEL: the previous command (or transmit) was refused. */
  | { kind: 'bell' }
  /** `z` / `Z`: a transmit was queued (Lawicel acknowledgement). */
  | { kind: 'sent'; extended: boolean }
  /** `Sn`: select bit rate n (0–8). */
  | { kind: 'bitrate'; index: number }
  | { kind: 'open' }
  | { kind: 'listen' }
  | { kind: 'close' }
  /** `V` asks; `Vhhss` answers (hardware, software version). */
  | { kind: 'version'; value?: string }
  /** `N` asks; `Nxxxx` answers. */
  | { kind: 'serial'; value?: string }
  /** `F` asks; `Fxx` answers with the status flags below. */
  | { kind: 'status'; flags?: number }
  | { kind: 'timestamps'; on: boolean }
  | { kind: 'unknown'; text: string };

/** Lawicel status flags (`F` reply). */
export const SlcanStatus = {
  rxFifoFull: 0x01,
  txFifoFull: 0x02,
  errorWarning: 0x04,
  dataOverrun: 0x08,
  errorPassive: 0x20,
  arbitrationLost: 0x40,
  busError: 0x80
} as const;

const CR = 0x0d;
const BEL = 0x07;
const HEX = /^[0-9A-Fa-f]*$/;

function hex(value: number, digits: number): string {
  return value.toString(16).toUpperCase().padStart(digits, '0');
}

export function encodeSlcanLine(line: SlcanLine): Uint8Array {
  if (line.kind === 'bell') return Uint8Array.of(BEL);
  return new TextEncoder().encode(`${slcanText(line)}\r`);
}

function slcanText(line: Exclude<SlcanLine, { kind: 'bell' }>): string {
  switch (line.kind) {
    case 'frame': {
      const { frame } = line;
      const letter = frame.remote ? (frame.extended ? 'R' : 'r') : frame.extended ? 'T' : 't';
      const bytes = Array.from(frame.data, (b) => hex(b, 2)).join('');
      const stamp = line.timestampMs === undefined ? '' : hex(line.timestampMs % 60_000, 4);
      return `${letter}${hex(frame.id, frame.extended ? 8 : 3)}${frame.dlc}${bytes}${stamp}`;
    }
    case 'ok':
      return '';
    case 'sent':
      return line.extended ? 'Z' : 'z';
    case 'bitrate':
      return `S${line.index}`;
    case 'open':
      return 'O';
    case 'listen':
      return 'L';
    case 'close':
      return 'C';
    case 'version':
      return `V${line.value ?? ''}`;
    case 'serial':
      return `N${line.value ?? ''}`;
    case 'status':
      return line.flags === undefined ? 'F' : `F${hex(line.flags, 2)}`;
    case 'timestamps':
      return line.on ? 'Z1' : 'Z0';
    case 'unknown':
      return line.text;
  }
}

/** Splits a byte stream into lines; an unterminated tail is returned as `rest` for the next call. */
export function decodeSlcan(buffer: Uint8Array): { lines: SlcanLine[]; rest: Uint8Array } {
  const lines: SlcanLine[] = [];
  let start = 0;
  for (let i = 0; i < buffer.length; i += 1) {
    const byte = buffer[i];
    if (byte !== CR && byte !== BEL) continue;
    const text = String.fromCharCode(...buffer.subarray(start, i));
    start = i + 1;
    if (byte === BEL) {
      // Anything before a BEL is noise the adapter discarded with the refused command.
      lines.push({ kind: 'bell' });
      continue;
    }
    lines.push(parseSlcanText(text));
  }
  return { lines, rest: buffer.slice(start) };
}

export function parseSlcanText(text: string): SlcanLine {
  if (text === '') return { kind: 'ok' };
  const letter = text[0];
  const body = text.slice(1);
  switch (letter) {
    case 't':
    case 'T':
    case 'r':
    case 'R':
      return parseFrame(text) ?? { kind: 'unknown', text };
    case 'z':
    case 'Z':
      if (body === '') return { kind: 'sent', extended: letter === 'Z' };
      if (letter === 'Z' && (body === '0' || body === '1')) return { kind: 'timestamps', on: body === '1' };
      return { kind: 'unknown', text };
    case 'S':
      return /^[0-8]$/.test(body) ? { kind: 'bitrate', index: Number(body) } : { kind: 'unknown', text };
    case 'O':
    case 'L':
    case 'C':
      if (body !== '') return { kind: 'unknown', text };
      return { kind: letter === 'O' ? 'open' : letter === 'L' ? 'listen' : 'close' };
    case 'V':
      return body === '' ? { kind: 'version' } : { kind: 'version', value: body };
    case 'N':
      return body === '' ? { kind: 'serial' } : { kind: 'serial', value: body };
    case 'F':
      if (body === '') return { kind: 'status' };
      return body.length === 2 && HEX.test(body) ? { kind: 'status', flags: parseInt(body, 16) } : { kind: 'unknown', text };
    default:
      return { kind: 'unknown', text };
  }
}

function parseFrame(text: string): SlcanLine | undefined {
  const extended = text[0] === 'T' || text[0] === 'R';
  const remote = text[0] === 'r' || text[0] === 'R';
  const idDigits = extended ? 8 : 3;
  const idText = text.slice(1, 1 + idDigits);
  const dlcText = text[1 + idDigits];
  if (idText.length !== idDigits || !HEX.test(idText) || dlcText === undefined || !/^[0-8]$/.test(dlcText)) return undefined;
  const dlc = Number(dlcText);
  const dataStart = 2 + idDigits;
  const dataEnd = dataStart + (remote ? 0 : dlc * 2);
  const dataText = text.slice(dataStart, dataEnd);
  const tail = text.slice(dataEnd);
  if (dataText.length !== dataEnd - dataStart || !HEX.test(dataText)) return undefined;
  if (tail !== '' && !(tail.length === 4 && HEX.test(tail))) return undefined;
  const data = new Uint8Array(remote ? 0 : dlc);
  for (let i = 0; i < data.length; i += 1) data[i] = parseInt(dataText.slice(i * 2, i * 2 + 2), 16);
  const id = parseInt(idText, 16);
  const maxId = extended ? 0x1fffffff : 0x7ff;
  if (id > maxId) return undefined;
  const frame = checkFrame({ id, extended, remote, data, dlc });
  return tail === '' ? { kind: 'frame', frame } : { kind: 'frame', frame, timestampMs: parseInt(tail, 16) };
}
