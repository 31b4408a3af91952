/**
 * A stand-in USBDevice (and `navigator.usb`) for tests and Playwright pages: a CDC-ACM function
 * (control interface 0 with an interrupt endpoint, data interface 1 with bulk IN 1 / OUT 2, 64-byte
 * packets, like Zephyr's CDC ACM class) or a vendor bridge chip without CDC interfaces. It follows
 * WebUSB's rules that the driver relies on: transfers need the device open and the interface claimed,
 * releasing an interface aborts its pending transfers (AbortError), unplugging fails them (NotFoundError).
 * No DOM, no Node: browsers and Node 20 both run it.
 */
import { wireDevice, type DevicePort } from '../../../core/link/device-port';
import type {
  UsbConfigurationLike,
  UsbControlSetup,
  UsbDeviceFilter,
  UsbDeviceLike,
  UsbDirection,
  UsbInResult,
  UsbLike,
  UsbOutResult
} from '../links/webusb-types';

const CDC_ACM_CONFIGURATION: UsbConfigurationLike = {
  configurationValue: 1,
  interfaces: [
    {
      interfaceNumber: 0,
      alternates: [
        {
          alternateSetting: 0,
          interfaceClass: 0x02,
          interfaceSubclass: 0x02,
          interfaceProtocol: 0x01,
          endpoints: [{ endpointNumber: 3, direction: 'in', type: 'interrupt', packetSize: 16 }]
        }
      ]
    },
    {
      interfaceNumber: 1,
      alternates: [
        {
          alternateSetting: 0,
          interfaceClass: 0x0a,
          interfaceSubclass: 0,
          interfaceProtocol: 0,
          endpoints: [
            { endpointNumber: 1, direction: 'in', type: 'bulk', packetSize: 64 },
            { endpointNumber: 2, direction: 'out', type: 'bulk', packetSize: 64 }
          ]
        }
      ]
    }
  ]
};

/** A CP2102-like vendor-class interface: bulk endpoints, but no CDC, so it needs the vendor's driver. */
const VENDOR_BRIDGE_CONFIGURATION: UsbConfigurationLike = {
  configurationValue: 1,
  interfaces: [
    {
      interfaceNumber: 0,
      alternates: [
        {
          alternateSetting: 0,
          interfaceClass: 0xff,
          interfaceSubclass: 0,
          interfaceProtocol: 0,
          endpoints: [
            { endpointNumber: 1, direction: 'in', type: 'bulk', packetSize: 64 },
            { endpointNumber: 1, direction: 'out', type: 'bulk', packetSize: 64 }
          ]
        }
      ]
    }
  ]
};

const dom = (name: string, message: string) => new DOMException(message, name);

interface PendingIn {
  length: number;
  resolve(result: UsbInResult): void;
  reject(error: DOMException): void;
}

export class FakeUsbDevice implements UsbDeviceLike {
  readonly vendorId: number;
  readonly productId: number;
  readonly configurations: UsbConfigurationLike[];
  opened = false;
  configuration: UsbConfigurationLike | null = null;
  readonly claimed = new Set<number>();
  /** Every control request the host sent, with its data. */
  readonly controlRequests: { setup: UsbControlSetup; data?: Uint8Array }[] = [];
  /** A DOMException name the next open() or claimInterface() rejects with, e.g. 'SecurityError'. */
  failOpen: string | undefined;
  failClaim: string | undefined;
  #connected = true;
  #pendingIn: PendingIn | undefined;
  #inbox: Uint8Array[] = [];
  #stallNextIn = false;
  #writeListeners = new Set<(bytes: Uint8Array) => void>();

  constructor(options: { vendorId?: number; productId?: number; kind?: 'cdc-acm' | 'vendor-bridge' } = {}) {
    this.vendorId = options.vendorId ?? 0x2fe3;
    this.productId = options.productId ?? 0x0100;
    this.configurations = [options.kind === 'vendor-bridge' ? VENDOR_BRIDGE_CONFIGURATION : CDC_ACM_CONFIGURATION];
  }

  get connected(): boolean {
    return this.#connected;
  }

  async open(): Promise<void> {
    this.#assertConnected();
    if (this.failOpen) throw dom(this.failOpen, 'Access denied.');
    this.opened = true;
  }

  async close(): Promise<void> {
    this.#abortIn('AbortError', 'The transfer was cancelled.');
    this.claimed.clear();
    this.opened = false;
  }

  async selectConfiguration(value: number): Promise<void> {
    this.#assertOpen();
    const found = this.configurations.find((c) => c.configurationValue === value);
    if (!found) throw dom('NotFoundError', 'The configuration value provided is not supported by the device.');
    this.configuration = found;
  }

  async claimInterface(interfaceNumber: number): Promise<void> {
    this.#assertOpen();
    if (this.failClaim) throw dom(this.failClaim, 'Unable to claim interface.');
    if (!this.configuration?.interfaces.some((i) => i.interfaceNumber === interfaceNumber)) {
      throw dom('NotFoundError', 'The interface number provided is not supported by the device.');
    }
    this.claimed.add(interfaceNumber);
  }

  async releaseInterface(interfaceNumber: number): Promise<void> {
    this.#assertOpen();
    this.claimed.delete(interfaceNumber);
    if (interfaceNumber === 1) this.#abortIn('AbortError', 'The transfer was cancelled.');
  }

  async selectAlternateInterface(): Promise<void> {
    this.#assertOpen();
  }

  async controlTransferOut(setup: UsbControlSetup, data?: Uint8Array): Promise<UsbOutResult> {
    this.#assertOpen();
    if (setup.recipient === 'interface' && !this.claimed.has(setup.index)) {
      throw dom('InvalidStateError', 'The specified interface has not been claimed.');
    }
    this.controlRequests.push({ setup, data: data?.slice() });
    return { bytesWritten: data?.length ?? 0, status: 'ok' };
  }

  transferIn(endpointNumber: number, length: number): Promise<UsbInResult> {
    try {
      this.#assertEndpoint(endpointNumber, 'in');
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.#pendingIn) return Promise.reject(dom('InvalidStateError', 'A transfer is already pending.'));
    return new Promise((resolve, reject) => {
      this.#pendingIn = { length, resolve, reject };
      this.#serveIn();
    });
  }

  async transferOut(endpointNumber: number, data: Uint8Array): Promise<UsbOutResult> {
    this.#assertEndpoint(endpointNumber, 'out');
    const bytes = data.slice();
    for (const listener of this.#writeListeners) listener(bytes);
    return { bytesWritten: bytes.length, status: 'ok' };
  }

  async clearHalt(direction: UsbDirection, endpointNumber: number): Promise<void> {
    this.#assertEndpoint(endpointNumber, direction);
  }

  // ---- device side ----

  deviceSend(bytes: Uint8Array): void {
    this.#inbox.push(bytes.slice());
    this.#serveIn();
  }

  /** The next IN transfer completes with status 'stall' (the host must clearHalt and carry on). */
  stallNextIn(): void {
    this.#stallNextIn = true;
    this.#serveIn();
  }

  onHostWrite(listener: (bytes: Uint8Array) => void): () => void {
    this.#writeListeners.add(listener);
    return () => this.#writeListeners.delete(listener);
  }

  attachDevice(device: DevicePort): () => void {
    return wireDevice(this, device);
  }

  /** The cable is pulled: the pending transfer fails with NotFoundError. FakeUsb fires 'disconnect'. */
  unplug(): void {
    this.#connected = false;
    this.#abortIn('NotFoundError', 'The device was disconnected.');
    this.opened = false;
  }

  #serveIn(): void {
    const pending = this.#pendingIn;
    if (!pending) return;
    if (this.#stallNextIn) {
      this.#stallNextIn = false;
      this.#pendingIn = undefined;
      pending.resolve({ status: 'stall' });
      return;
    }
    const chunk = this.#inbox.shift();
    if (!chunk) return;
    const taken = chunk.subarray(0, pending.length);
    if (chunk.length > pending.length) this.#inbox.unshift(chunk.subarray(pending.length));
    this.#pendingIn = undefined;
    pending.resolve({ status: 'ok', data: new DataView(taken.buffer, taken.byteOffset, taken.byteLength) });
  }

  #abortIn(name: string, message: string): void {
    const pending = this.#pendingIn;
    this.#pendingIn = undefined;
    pending?.reject(dom(name, message));
  }

  #assertConnected(): void {
    if (!this.#connected) throw dom('NotFoundError', 'The device was disconnected.');
  }

  #assertOpen(): void {
    this.#assertConnected();
    if (!this.opened) throw dom('InvalidStateError', 'The device must be opened first.');
  }

  #assertEndpoint(endpointNumber: number, direction: UsbDirection): void {
    this.#assertOpen();
    const owner = this.configuration?.interfaces.find((i) =>
      i.alternates[0].endpoints.some((e) => e.endpointNumber === endpointNumber && e.direction === direction)
    );
    if (!owner || !this.claimed.has(owner.interfaceNumber)) {
      throw dom('NotFoundError', 'The specified endpoint is not part of a claimed and selected alternate interface.');
    }
  }
}

/** `navigator.usb` stand-in: the chooser's answer is set by the test; 'disconnect' events carry `device`. */
export class FakeUsb extends EventTarget implements UsbLike {
  readonly devices: FakeUsbDevice[] = [];
  nextChoice: FakeUsbDevice | 'first' | 'cancel' = 'first';
  lastFilters: UsbDeviceFilter[] | undefined;

  plug(device: FakeUsbDevice): FakeUsbDevice {
    this.devices.push(device);
    return device;
  }

  unplug(device: FakeUsbDevice): void {
    device.unplug();
    this.dispatchEvent(Object.assign(new Event('disconnect'), { device }));
  }

  async requestDevice(options: { filters: UsbDeviceFilter[] }): Promise<UsbDeviceLike> {
    this.lastFilters = options.filters;
    const choice = this.nextChoice === 'first' ? this.devices.find((d) => d.connected) : this.nextChoice;
    if (!choice || choice === 'cancel') throw dom('NotFoundError', 'No device selected.');
    return choice;
  }

  async getDevices(): Promise<UsbDeviceLike[]> {
    return this.devices.filter((d) => d.connected);
  }
}
