/**
 * The part of Web Bluetooth (W3C CG) the SMP link uses, as structural types: TypeScript's DOM library
 * does not ship them, and the stand-in in `fake-bluetooth-device.ts` implements the same shapes.
 */

export interface BluetoothRequestOptions {
  filters: { services: string[]; namePrefix?: string }[];
  optionalServices?: string[];
}

export interface BluetoothLike {
  requestDevice(options: BluetoothRequestOptions): Promise<BluetoothDeviceLike>;
}

export interface BluetoothDeviceLike extends EventTarget {
  readonly id: string;
  readonly name?: string;
  /** absent when the device has no GATT server (classic-only) */
  readonly gatt?: GattServerLike;
}

export interface GattServerLike {
  readonly connected: boolean;
  connect(): Promise<GattServerLike>;
  disconnect(): void;
  getPrimaryService(uuid: string): Promise<GattServiceLike>;
}

export interface GattServiceLike {
  getCharacteristic(uuid: string): Promise<GattCharacteristicLike>;
}

/** 'characteristicvaluechanged' events carry the notified bytes in `value` (a DataView). */
export interface GattCharacteristicLike extends EventTarget {
  readonly value?: DataView;
  startNotifications(): Promise<GattCharacteristicLike>;
  stopNotifications(): Promise<GattCharacteristicLike>;
  writeValueWithoutResponse(value: Uint8Array): Promise<void>;
}
