/**
 * A small in-memory SMP device seen through the Link interface, for the smp tests: it decodes the
 * frames written to it with our codec and answers through the same codec. Unlike the virtual BMS
 * (src/lib/core/virtual-bms/) it exists to inject protocol faults precisely: dropped requests, corrupted
 * answers, answers held back and released out of order, v1-only answers, session loss mid-upload, a
 * different line rate. The upload handler follows Zephyr's img_mgmt: an unexpected offset is answered
 * with the expected one and not written; off=0 with the sha of the running session resumes it.
 */
import { BmsError } from '../../../errors';
import type { Link, LinkInfo, ReadOptions } from '../../../link/link';
import { LinkLifecycle } from '../../../link/link-lifecycle';
import type { CborMap } from '../cbor';
import { ImageCommand, OsCommand, SmpGroup } from '../smp-ids';
import { decodePacket, encodePacket, type SmpPacket } from '../smp-packet';
import { encodeSerialFrames, SerialFrameDecoder } from '../serial-frame';

/** Returns the response body, or undefined to stay silent. */
export type FakeHandler = (request: SmpPacket, device: FakeSmpDevice) => CborMap | undefined;

export interface FakeDeviceOptions {
  /** the device's own line rate; the link starts at the same rate unless `hostBaudRate` says otherwise */
  baudRate?: number;
  hostBaudRate?: number;
  /** answers with v1 headers, as a legacy server does */
  v1Only?: boolean;
  /** OS params answer; undefined makes params answer ENOTSUP like MCUboot without the option */
  params?: { bufSize: number; bufCount: number };
  /** requests whose frame exceeds this are dropped silently, as MCUboot does */
  maxFrameBytes?: number;
  delayMs?: number;
}

export interface UploadSession {
  len: number;
  sha?: Uint8Array;
  off: number;
  data: Uint8Array;
}

export class FakeSmpDevice implements Link {
  readonly info: LinkInfo;
  readonly handlers = new Map<string, FakeHandler>();
  /** every request the device decoded, in arrival order */
  readonly received: SmpPacket[] = [];
  session: UploadSession | undefined;
  /** drop the next N requests without answering */
  dropRequests = 0;
  /** flip a bit in the next N answers (CRC error on the host) */
  corruptAnswers = 0;
  /** when set, answers wait here until `release()` */
  held: Uint8Array[] | undefined;
  /** forget the upload session (as a reset would) once it reaches this offset */
  loseSessionAt: number | undefined;
  readonly #options: FakeDeviceOptions;
  readonly #life = new LinkLifecycle();
  readonly #decoder = new SerialFrameDecoder();
  readonly #deviceBaud: number;

  constructor(options: FakeDeviceOptions = {}) {
    this.#options = options;
    this.#deviceBaud = options.baudRate ?? 115200;
    this.info = { kind: 'virtual', wired: true, label: 'fake SMP device', baudRate: options.hostBaudRate ?? this.#deviceBaud };
    this.on(SmpGroup.os, OsCommand.echo, (req) => ({ r: req.body.d as string }));
    this.on(SmpGroup.os, OsCommand.reset, () => ({}));
    this.on(SmpGroup.os, OsCommand.params, () =>
      options.params ? { buf_size: options.params.bufSize, buf_count: options.params.bufCount } : { rc: 8 }
    );
    this.on(SmpGroup.image, ImageCommand.upload, (req) => this.#upload(req.body));
  }

  on(group: number, command: number, handler: FakeHandler): void {
    this.handlers.set(`${group}:${command}`, handler);
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.#life.assertOpen('write');
    if (this.info.baudRate !== this.#deviceBaud) {
      // Wrong line rate: the device sees garbage and the host reads garbage and framing errors back.
      this.#life.queue.push(Uint8Array.of(0xf0, 0x00, 0xfe));
      this.#life.queue.pushError(new BmsError('LINK_FRAMING_ERROR', 'stop bit low'));
      return;
    }
    if (this.#options.maxFrameBytes !== undefined && bytes.length > this.#options.maxFrameBytes) return;
    for (const event of this.#decoder.push(bytes)) {
      if (event.type === 'packet') this.#handle(decodePacket(event.packet));
    }
  }

  read(options?: ReadOptions): Promise<Uint8Array> {
    return this.#life.queue.read(options);
  }

  async setBaudRate(baudRate: number): Promise<void> {
    (this.info as { baudRate?: number }).baudRate = baudRate;
  }

  async close(): Promise<void> {
    this.#life.closing();
  }

  onDisconnect(listener: () => void): () => void {
    return this.#life.onDisconnect(listener);
  }

  disconnect(): void {
    this.#life.disconnected('fake device unplugged');
  }

  /** Bytes the host reads as if the device printed them (log lines between frames). */
  print(bytes: Uint8Array | string): void {
    this.#life.queue.push(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  }

  lineError(code: 'LINK_FRAMING_ERROR' | 'LINK_BUFFER_OVERRUN'): void {
    this.#life.queue.pushError(new BmsError(code, 'injected by the test'));
  }

  /** Sends held answers, by default in reverse order (out-of-order responses). */
  release(order: 'reverse' | 'same' = 'reverse'): void {
    const answers = this.held ?? [];
    this.held = undefined;
    for (const frame of order === 'reverse' ? answers.reverse() : answers) this.#life.queue.push(frame);
  }

  #handle(request: SmpPacket): void {
    this.received.push(request);
    if (this.dropRequests > 0) {
      this.dropRequests--;
      return;
    }
    const { group, command, seq, op } = request.header;
    const handler = this.handlers.get(`${group}:${command}`);
    const body = handler ? handler(request, this) : { rc: 8 };
    if (body === undefined) return;
    const version = this.#options.v1Only ? 0 : request.header.version;
    const frame = encodeSerialFrames(encodePacket({ version, op: (op + 1) as 1 | 3, group, seq, command, body }));
    if (this.corruptAnswers > 0) {
      this.corruptAnswers--;
      frame[12] ^= 0x02; // a base64 letter changes into another: valid base64, wrong CRC
    }
    if (this.held) {
      this.held.push(frame);
      return;
    }
    setTimeout(() => this.#life.queue.push(frame), this.#options.delayMs ?? 0);
  }

  #upload(body: CborMap): CborMap {
    const off = body.off as number;
    const data = body.data as Uint8Array;
    if (off === 0) {
      if (typeof body.len !== 'number') return { rc: 3 };
      const sha = body.sha as Uint8Array | undefined;
      const resumes = this.session && sha && this.session.sha && sameBytes(sha, this.session.sha) && this.session.len === body.len;
      if (resumes) return { off: this.session!.off };
      this.session = { len: body.len, sha, off: 0, data: new Uint8Array(body.len) };
    }
    const session = this.session;
    if (!session) return { off: 0 };
    if (off !== session.off) return { off: session.off };
    if (off + data.length > session.len) return { err: { group: 1, rc: 31 } };
    session.data.set(data, off);
    session.off += data.length;
    const answer = { off: session.off };
    if (this.loseSessionAt !== undefined && session.off >= this.loseSessionAt) {
      this.loseSessionAt = undefined;
      this.session = undefined;
    }
    return answer;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
