/**
 * The page's side of the session worker (session-api.ts): opens ports where the browser allows it (Web
 * Serial, WebUSB and Web Bluetooth on the page, the Virtual BMS in its worker), bridges their bytes to the worker and
 * forwards the device calls. One session worker for the whole app, started on first use.
 */
import * as Comlink from 'comlink';
import { BmsError, toErrorData, type Result } from '../../../core/errors';
import type { Link } from '../../../core/link/link';
import { virtualBms } from '../virtual-bms/virtual-bms-client';
import { openWebSerialLink } from '../links/web-serial-link';
import { portIdentity, waitForPort, webSerial } from '../links/web-serial-ports';
import type { SerialPortLike } from '../links/web-serial-types';
import { openWebUsbCdcLink } from '../links/webusb-cdc-link';
import { openWebBluetoothLink } from '../links/web-bluetooth-link';
import { pumpLinkToMessagePort, type BridgePort } from './link-bridge';
import type { ConnectedDevice, SessionApi, SessionEvent, SessionService } from './session-api';
import { crashGuard } from './worker-guard';

/** How long a Web Serial device may take to come back after it vanished (USB re-enumeration on reset). */
const REOPEN_TIMEOUT_MS = 15_000;

function startSessionWorker(): SessionApi {
  const worker = new Worker(new URL('./session-worker.ts', import.meta.url), { type: 'module' });
  // Every method already returns a promise of plain data, so the remote has the service's own type
  // (Comlink's Remote<> would split each Result union into a union of promises).
  const remote = Comlink.wrap<SessionService>(worker) as unknown as SessionService;
  const guard = crashGuard(worker, 'session');
  const listeners = new Set<(event: SessionEvent) => void>();
  const onEvent = Comlink.proxy((event: SessionEvent) => listeners.forEach((listener) => listener(event)));

  /** A new bridge for `link`: the page end is pumped here, the other end goes to the worker. */
  const bridge = (link: Link): MessagePort => {
    const channel = new MessageChannel();
    pumpLinkToMessagePort(link, channel.port1 as unknown as BridgePort);
    return Comlink.transfer(channel.port2, [channel.port2]);
  };
  const connect = async (
    open: () => Promise<Link>,
    reopen?: () => Promise<MessagePort>
  ): Promise<Result<ConnectedDevice>> => {
    await guard(remote.disconnect());
    let link: Link;
    try {
      link = await open();
    } catch (error) {
      return { ok: false, error: toErrorData(error) };
    }
    return guard(remote.connectPort(bridge(link), { ...link.info }, onEvent, reopen && Comlink.proxy(reopen)));
  };

  return {
    connectVirtual: (options = {}) =>
      guard(
        (async () => {
          const line = async () => {
            const opened = await virtualBms().openLine({ baudRate: options.baudRate });
            if (!opened.ok) throw new BmsError(opened.error.code, opened.error.detail);
            return opened.value;
          };
          await remote.disconnect();
          let first;
          try {
            first = await line();
          } catch (error) {
            return { ok: false as const, error: toErrorData(error) };
          }
          const reopen = Comlink.proxy(async () => {
            const { port } = await line();
            return Comlink.transfer(port, [port]);
          });
          return remote.connectPort(Comlink.transfer(first.port, [first.port]), first.info, onEvent, reopen);
        })()
      ),
    connectSerial: (port, baudRate) =>
      connect(
        () => openWebSerialLink(port, { baudRate }),
        async () => bridge(await openWebSerialLink(await reappeared(port), { baudRate }))
      ),
    connectUsb: (device, baudRate) =>
      connect(() => openWebUsbCdcLink(device, { baudRate, usb: (navigator as { usb?: EventTarget }).usb })),
    // A reset drops the BLE connection; the same BluetoothDevice reconnects without a new chooser.
    connectBluetooth: (device, options = {}) =>
      connect(
        () => openWebBluetoothLink(device, options),
        async () => bridge(await openWebBluetoothLink(device, options))
      ),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    disconnect: () => guard(remote.disconnect()),
    identity: () => guard(remote.identity()),
    telemetry: () => guard(remote.telemetry()),
    imageState: () => guard(remote.imageState()),
    linkTest: () => guard(remote.linkTest()),
    preflight: (image, options) =>
      guard(remote.preflight(Comlink.transfer(image, [image]), { ...options, trustedKeys: plainKeys(options.trustedKeys) })),
    startUpdate: (image, request, onState, onLog) =>
      guard(
        remote.startUpdate(
          Comlink.transfer(image, [image]),
          { ...request, trustedKeys: plainKeys(request.trustedKeys) },
          onState && Comlink.proxy(onState),
          onLog && Comlink.proxy(onLog)
        )
      ),
    cancel: () => guard(remote.cancel()),
    readConfig: () => guard(remote.readConfig()),
    previewRestore: (backup) => guard(remote.previewRestore(backup)),
    restoreBackup: (backup) => guard(remote.restoreBackup(backup))
  };
}

/** The same serial device once it is back: the port itself when it survived, else its re-enumerated twin. */
async function reappeared(port: SerialPortLike): Promise<SerialPortLike> {
  const serial = webSerial();
  const identity = portIdentity(port);
  if (port.connected !== false || !serial || !identity) return port;
  return waitForPort(serial, identity, { except: port, timeoutMs: REOPEN_TIMEOUT_MS });
}

/** UI state may hold Svelte proxies, which cannot be structured-cloned. */
function plainKeys<K extends { name: string; publicKey: Uint8Array }>(keys: K[]): { name: string; publicKey: Uint8Array }[] {
  return keys.map((key) => ({ name: key.name, publicKey: key.publicKey }));
}

let shared: SessionApi | undefined;

/** The app's device session (never started during prerendering: call it from the browser only). */
export function sessionApi(): SessionApi {
  return (shared ??= startSessionWorker());
}
