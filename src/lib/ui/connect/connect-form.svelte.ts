/**
 * The Connect page's job: which transport, which baud rate, the browser's choosers, the last port
 * reopened without a prompt. A closed chooser is an outcome with help (LINK_NO_PORT_SELECTED), never an
 * exception; the connection itself lives in the shared session store.
 */
import { browser } from '$app/environment';
import { toErrorData, type ErrorData, type Result } from '$lib/core/errors';
import { DEFAULT_BAUD } from '$lib/core/link/link';
import { describeUsbSerial } from '$lib/core/link/usb-serial-chips';
import type { ConnectedDevice } from '$lib/platform/web/session/session-api';
import { choosePort, findGrantedPort, webSerial } from '$lib/platform/web/links/web-serial-ports';
import type { SerialPortLike } from '$lib/platform/web/links/web-serial-types';
import { chooseUsbSerialDevice } from '$lib/platform/web/links/webusb-cdc-link';
import type { UsbLike } from '$lib/platform/web/links/webusb-types';
import { chooseBluetoothDevice } from '$lib/platform/web/links/web-bluetooth-link';
import type { BluetoothLike } from '$lib/platform/web/links/web-bluetooth-types';
import { baudFor, lastPort, type PortKind } from '../session/remembered';
import { deviceConnection } from '../session/session.svelte';

export type Transport = PortKind | 'bluetooth';

function webUsb(): UsbLike | undefined {
  const usb = (navigator as { usb?: UsbLike }).usb;
  return usb && typeof usb.requestDevice === 'function' ? usb : undefined;
}

function webBluetooth(): BluetoothLike | undefined {
  const bluetooth = (navigator as { bluetooth?: BluetoothLike }).bluetooth;
  return bluetooth && typeof bluetooth.requestDevice === 'function' ? bluetooth : undefined;
}

class ConnectForm {
  transport = $state<Transport>('web-serial');
  baudRate = $state(DEFAULT_BAUD);
  busy = $state(false);
  /** Bluetooth is offered only where the browser has it (not while prerendering) */
  support = $state({ serial: true, usb: true, bluetooth: false });
  /** the chooser was closed: shown as help, not as a failure */
  cancelled = $state.raw<ErrorData | undefined>();
  /** a chooser that could not open (unsupported, blocked) */
  error = $state.raw<ErrorData | undefined>();
  /** the last port, already granted: reopened without the chooser */
  granted = $state.raw<SerialPortLike | undefined>();
  grantedName = $state('');

  /** Reads what the browser offers and what was remembered (browser only, after hydration). */
  async init(): Promise<void> {
    if (!browser) return;
    const serial = webSerial();
    this.support = { serial: typeof serial?.requestPort === 'function', usb: webUsb() !== undefined, bluetooth: webBluetooth() !== undefined };
    const remembered = lastPort();
    if (!remembered) {
      this.transport = this.support.serial ? 'web-serial' : 'virtual';
      return;
    }
    this.transport = remembered.kind;
    this.baudRate = baudFor(remembered.model);
    if (serial && remembered.kind === 'web-serial' && remembered.usbVendorId !== undefined) {
      const identity = { usbVendorId: remembered.usbVendorId, usbProductId: remembered.usbProductId };
      this.granted = await findGrantedPort(serial, identity).catch(() => undefined);
      this.grantedName = describeUsbSerial(remembered.usbVendorId, remembered.usbProductId);
    }
  }

  /** One click: the Virtual BMS at its own rate. */
  tryVirtual(): Promise<boolean> {
    return this.#run(() => deviceConnection.connectVirtual());
  }

  connectVirtual(): Promise<boolean> {
    return this.#run(() => deviceConnection.connectVirtual(this.baudRate));
  }

  /** Must run inside the click handler: the chooser needs the user's gesture (no await before it). */
  choosePort(allPorts = false): Promise<boolean> {
    return this.#run(async () => {
      const chosen = await choosePort(webSerial(), { allPorts });
      return chosen.ok ? deviceConnection.connectSerial(chosen.value, this.baudRate) : chosen;
    });
  }

  reopenGranted(): Promise<boolean> {
    const port = this.granted;
    return port ? this.#run(() => deviceConnection.connectSerial(port, this.baudRate)) : Promise.resolve(false);
  }

  chooseUsb(): Promise<boolean> {
    return this.#run(async () => {
      const chosen = await chooseUsbSerialDevice(webUsb());
      return chosen.ok ? deviceConnection.connectUsb(chosen.value, this.baudRate) : chosen;
    });
  }

  /** Must run inside the click handler, as choosePort. */
  chooseBluetooth(): Promise<boolean> {
    return this.#run(async () => {
      const chosen = await chooseBluetoothDevice(webBluetooth());
      return chosen.ok ? deviceConnection.connectBluetooth(chosen.value) : chosen;
    });
  }

  async #run(task: () => Promise<Result<ConnectedDevice | unknown>>): Promise<boolean> {
    this.busy = true;
    this.cancelled = undefined;
    this.error = undefined;
    try {
      const result = await task();
      if (result.ok) return true;
      // Connect failures are kept by the session store; chooser outcomes are the form's.
      if (result.error.code === 'LINK_NO_PORT_SELECTED') this.cancelled = result.error;
      else if (deviceConnection.error?.code !== result.error.code) this.error = result.error;
      return false;
    } catch (error) {
      this.error = toErrorData(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}

export const connectForm = new ConnectForm();
