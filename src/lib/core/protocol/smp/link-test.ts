/**
 * The link test run before any firmware byte is sent (R06): echo round trips with random payloads give
 * the round-trip time, the loss rate and the line errors seen. When nothing answers, the usual baud
 * rates are probed so the operator learns "device answers at 57600, you selected 115200" instead of a
 * bare timeout; the selected rate is restored either way (the tool never changes it silently).
 */
import { BmsError, fail, isBmsError, type ErrorCode } from '../../errors';
import { echo } from './groups/os-group';
import type { SmpClient, SmpClientEvent } from './smp-client';

export const USUAL_BAUD_RATES: readonly number[] = [9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, 1000000];

export interface LinkTestOptions {
  /** echo round trips (default 10) */
  rounds?: number;
  /** longest random payload; lengths vary from 1 up to it so multi-line frames are exercised (default 100) */
  payloadBytes?: number;
  timeoutMs?: number;
  probeBaudRates?: readonly number[];
  signal?: AbortSignal;
  now?: () => number;
}

export interface LinkTestResult {
  baudRate?: number;
  rounds: number;
  answered: number;
  /** share of round trips without a correct answer, 0..1 */
  lossRate: number;
  rttMs: { min: number; avg: number; max: number };
  /** what went wrong during the test, by code: timeouts, echo mismatches, bad frames, line errors */
  errors: { code: ErrorCode; count: number }[];
}

/** Rounds in a row without any answer after which we stop and probe other rates. */
const SILENT_ROUNDS_BEFORE_PROBE = 3;

export async function testLink(client: SmpClient, options: LinkTestOptions = {}): Promise<LinkTestResult> {
  const rounds = Math.max(1, options.rounds ?? 10);
  const timeoutMs = options.timeoutMs ?? 500;
  const now = options.now ?? (() => performance.now());
  const counts = new Map<ErrorCode, number>();
  const count = (code: ErrorCode) => counts.set(code, (counts.get(code) ?? 0) + 1);
  const stopListening = client.listen((event: SmpClientEvent) => {
    if (event.type === 'bad-frame' || event.type === 'line-error') count(event.code);
  });
  const rtts: number[] = [];
  let done = 0;
  try {
    for (; done < rounds; done++) {
      if (done >= SILENT_ROUNDS_BEFORE_PROBE && rtts.length === 0) break;
      const payload = randomText(1 + randomInt(Math.max(1, options.payloadBytes ?? 100)));
      const started = now();
      try {
        const answer = await echo(client, payload, { timeoutMs, retries: 0, signal: options.signal });
        if (answer === payload) rtts.push(now() - started);
        else count('SMP_ECHO_MISMATCH');
      } catch (error) {
        if (!isBmsError(error) || error.code === 'CANCELLED' || error.code.startsWith('LINK_')) throw error;
        count(error.code);
      }
    }
  } finally {
    stopListening();
  }
  if (rtts.length === 0) return probe(client, done, timeoutMs, options);
  return {
    baudRate: client.link.info.baudRate,
    rounds: done,
    answered: rtts.length,
    lossRate: (done - rtts.length) / done,
    rttMs: {
      min: round(Math.min(...rtts)),
      avg: round(rtts.reduce((a, b) => a + b, 0) / rtts.length),
      max: round(Math.max(...rtts))
    },
    errors: [...counts].map(([code, n]) => ({ code, count: n }))
  };
}

/** Nothing answered: look for the rate the device does answer at, then restore the selected one. */
async function probe(client: SmpClient, tried: number, timeoutMs: number, options: LinkTestOptions): Promise<never> {
  const { link } = client;
  const selected = link.info.baudRate;
  if (!link.setBaudRate || selected === undefined) {
    fail('LINK_NO_ANSWER', `no echo answered in ${tried} tries${selected ? ` at ${selected} baud` : ''}`);
  }
  const candidates = (options.probeBaudRates ?? USUAL_BAUD_RATES).filter((rate) => rate !== selected);
  let found: number | undefined;
  try {
    for (const rate of candidates) {
      await link.setBaudRate(rate);
      client.resetFraming();
      if (await answers(client, timeoutMs, options.signal)) {
        found = rate;
        break;
      }
    }
  } finally {
    await link.setBaudRate(selected);
    client.resetFraming();
  }
  if (found !== undefined) fail('LINK_BAUD_MISMATCH', `device answers at ${found}, you selected ${selected}`);
  return fail('LINK_NO_ANSWER', `no echo answered at ${selected} baud nor at ${candidates.join(', ')}`);
}

async function answers(client: SmpClient, timeoutMs: number, signal: AbortSignal | undefined): Promise<boolean> {
  const payload = randomText(8);
  try {
    return (await echo(client, payload, { timeoutMs, retries: 1, signal })) === payload;
  } catch (error) {
    if (error instanceof BmsError && error.code === 'CANCELLED') throw error;
    return false;
  }
}

/** Printable ASCII, so that an echo can be compared as text whatever the device's string handling. */
function randomText(length: number): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return String.fromCharCode(...bytes.map((b) => 0x21 + (b % 94)));
}

function randomInt(below: number): number {
  const bytes = new Uint32Array(1);
  globalThis.crypto.getRandomValues(bytes);
  return bytes[0] % below;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
