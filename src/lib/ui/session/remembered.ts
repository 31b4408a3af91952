/**
 * What the Connect page remembers between visits (localStorage): the last port's USB identity, so it
 * reopens through getPorts() without a prompt, and the baud rate per BMS model. Entries are replaced
 * only by a later successful connection, never erased behind the user's back.
 */
import { DEFAULT_BAUD } from '$lib/core/link/link';

export type PortKind = 'web-serial' | 'webusb' | 'virtual';

export interface RememberedPort {
  kind: PortKind;
  usbVendorId?: number;
  usbProductId?: number;
  /** the BMS model last seen on it, to pick its baud rate */
  model?: string;
}

const PORT_KEY = 'bms-flasher.last-port';
const BAUD_KEY = 'bms-flasher.baud-by-model';

function read<T>(key: string): T | undefined {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined; // storage disabled or a value this version cannot read: ignored, not erased
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage can be disabled (private mode, policy): the choice then lasts for this visit only.
  }
}

export function lastPort(): RememberedPort | undefined {
  const port = read<RememberedPort>(PORT_KEY);
  return port && typeof port.kind === 'string' ? port : undefined;
}

export function baudFor(model: string | undefined): number {
  const table = read<Record<string, number>>(BAUD_KEY) ?? {};
  const baud = model === undefined ? undefined : table[model];
  return typeof baud === 'number' && baud > 0 ? baud : DEFAULT_BAUD;
}

/** After a successful connection: this port, and this baud for this model. */
export function rememberConnection(port: RememberedPort, baudRate: number): void {
  write(PORT_KEY, port);
  if (port.model) write(BAUD_KEY, { ...(read<Record<string, number>>(BAUD_KEY) ?? {}), [port.model]: baudRate });
}
