/**
 * A stand-in for `navigator.bluetooth` and a BluetoothDevice for tests: a BMS whose GATT server offers
 * the SMP characteristic, wired to a device model's GATT endpoint (the virtual BMS). It follows the Web
 * Bluetooth rules the link relies on: the chooser lists only devices advertising a filtered service and
 * rejects with NotFoundError when cancelled, GATT operations fail with NetworkError once disconnected,
 * a Write Without Response longer than the ATT payload (MTU − 3) fails, and notifications arrive as
 * 'characteristicvaluechanged' events with the bytes in `value`. No DOM: Node 20 has EventTarget and
 * DOMException.
 */
import type { GattEndpoint } from '../../../core/link/device-port';
import { SMP_CHARACTERISTIC_UUID, SMP_SERVICE_UUID } from '../links/web-bluetooth-link';
import type {
  BluetoothDeviceLike,
  BluetoothLike,
  BluetoothRequestOptions,
  GattCharacteristicLike,
  GattServerLike,
  GattServiceLike
} from '../links/web-bluetooth-types';

export interface FakeBluetoothDeviceOptions {
  name?: string;
  /** false: a BLE device without the SMP service (default true) */
  smpService?: boolean;
  /** connect() fails, as with a weak signal */
  connectFails?: boolean;
}

const networkError = (message: string) => new DOMException(message, 'NetworkError');

class FakeCharacteristic extends EventTarget implements GattCharacteristicLike {
  value?: DataView;
  /** the length of every write the device received */
  readonly writes: number[] = [];
  #stop: (() => void) | undefined;

  constructor(
    private readonly endpoint: GattEndpoint,
    private readonly server: FakeGattServer
  ) {
    super();
  }

  async startNotifications(): Promise<GattCharacteristicLike> {
    if (!this.server.connected) throw networkError('GATT Server is disconnected.');
    this.#stop ??= this.endpoint.onNotify((bytes) => {
      if (!this.server.connected) return;
      this.value = new DataView(bytes.slice().buffer);
      this.dispatchEvent(new Event('characteristicvaluechanged'));
    });
    return this;
  }

  async stopNotifications(): Promise<GattCharacteristicLike> {
    this.#stop?.();
    this.#stop = undefined;
    return this;
  }

  async writeValueWithoutResponse(value: Uint8Array): Promise<void> {
    if (!this.server.connected) throw networkError('GATT Server is disconnected.');
    if (value.length > this.endpoint.notifySize) {
      throw networkError(`${value.length} bytes exceed the ATT payload of ${this.endpoint.notifySize}`);
    }
    this.writes.push(value.length);
    this.endpoint.write(value.slice());
  }
}

class FakeGattServer implements GattServerLike, GattServiceLike {
  connected = false;
  readonly characteristic: FakeCharacteristic | undefined;

  constructor(
    private readonly device: FakeBluetoothDevice,
    endpoint: GattEndpoint | undefined,
    private readonly options: FakeBluetoothDeviceOptions
  ) {
    this.characteristic = endpoint && options.smpService !== false ? new FakeCharacteristic(endpoint, this) : undefined;
  }

  async connect(): Promise<GattServerLike> {
    if (this.options.connectFails) throw networkError('Connection attempt failed.');
    this.connected = true;
    return this;
  }

  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    void this.characteristic?.stopNotifications();
    this.device.dispatchEvent(new Event('gattserverdisconnected'));
  }

  async getPrimaryService(uuid: string): Promise<GattServiceLike> {
    if (!this.connected) throw networkError('GATT Server is disconnected.');
    if (uuid !== SMP_SERVICE_UUID || !this.characteristic) throw new DOMException(`No Services matching UUID ${uuid} found in Device.`, 'NotFoundError');
    return this;
  }

  async getCharacteristic(uuid: string): Promise<GattCharacteristicLike> {
    if (!this.connected) throw networkError('GATT Server is disconnected.');
    if (uuid !== SMP_CHARACTERISTIC_UUID || !this.characteristic) {
      throw new DOMException(`No Characteristics matching UUID ${uuid} found in Service.`, 'NotFoundError');
    }
    return this.characteristic;
  }
}

export class FakeBluetoothDevice extends EventTarget implements BluetoothDeviceLike {
  readonly id: string;
  readonly name: string;
  readonly gatt: FakeGattServer;

  constructor(endpoint: GattEndpoint | undefined, options: FakeBluetoothDeviceOptions = {}) {
    super();
    this.name = options.name ?? 'BMS';
    this.id = `fake-${this.name}`;
    this.gatt = new FakeGattServer(this, endpoint, options);
  }

  get advertisesSmp(): boolean {
    return this.gatt.characteristic !== undefined;
  }

  /** the length of every write the device received */
  get writes(): readonly number[] {
    return this.gatt.characteristic?.writes ?? [];
  }

  /** The device leaves radio range: the connection drops as the browser reports it. */
  outOfRange(): void {
    this.gatt.disconnect();
  }
}

/** `navigator.bluetooth` with the given devices in range; `cancelChooser` makes the user close the chooser. */
export function createFakeBluetooth(devices: FakeBluetoothDevice[]): BluetoothLike & { cancelChooser: boolean } {
  return {
    cancelChooser: false,
    async requestDevice(options: BluetoothRequestOptions) {
      const wanted = options.filters.flatMap((filter) => filter.services);
      const found = devices.find((device) => device.advertisesSmp && wanted.includes(SMP_SERVICE_UUID));
      if (this.cancelChooser || !found) throw new DOMException('User cancelled the requestDevice() chooser.', 'NotFoundError');
      return found;
    }
  };
}
