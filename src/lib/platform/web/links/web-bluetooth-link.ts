/**
 * Link over Web Bluetooth to the SMP GATT characteristic (smp-mcuboot.md §2.5): requests go out by
 * Write Without Response in pieces of at most MTU − 3 bytes, responses come in as notifications. The
 * link carries bare bytes; the SMP client's raw framing reassembles packets (info.kind 'ble'). A
 * wireless link: wired is false, so the pre-flight check refuses safety-critical images (R13).
 */
import { BmsError, type Result } from '../../../core/errors';
import type { Link, LinkInfo, ReadOptions } from '../../../core/link/link';
import { LinkLifecycle } from '../../../core/link/link-lifecycle';
import { splitPacket } from '../../../core/protocol/smp/raw-packet';
import { errorMessage, errorName } from './dom-errors';
import type { BluetoothDeviceLike, BluetoothLike, GattCharacteristicLike, GattServerLike } from './web-bluetooth-types';

/** Web Bluetooth wants UUIDs in lower case. */
export const SMP_SERVICE_UUID = '8d53dc1d-1db7-4cd3-868b-8a527460aa84';
export const SMP_CHARACTERISTIC_UUID = 'da2e7828-fbce-4e01-ae9e-261174997c48';
/** ATT payload at the default MTU of 23; Web Bluetooth does not report the negotiated MTU. */
export const DEFAULT_BLE_WRITE_SIZE = 20;

export interface WebBluetoothOptions {
  /** bytes per Write Without Response: MTU − 3 when the device's MTU is known (default 20) */
  writeSize?: number;
}

export interface WebBluetoothLink extends Link {
  readonly device: BluetoothDeviceLike;
}

/** The chooser, filtered on the SMP service. Cancelling it is an outcome. */
export async function chooseBluetoothDevice(bluetooth: BluetoothLike | undefined): Promise<Result<BluetoothDeviceLike>> {
  if (!bluetooth || typeof bluetooth.requestDevice !== 'function') {
    return { ok: false, error: { code: 'LINK_BLE_NOT_SUPPORTED', detail: 'navigator.bluetooth is not available' } };
  }
  try {
    const device = await bluetooth.requestDevice({ filters: [{ services: [SMP_SERVICE_UUID] }], optionalServices: [SMP_SERVICE_UUID] });
    return { ok: true, value: device };
  } catch (error) {
    switch (errorName(error)) {
      case 'NotFoundError': // the user closed the chooser (or no adapter: the message says which)
        return { ok: false, error: { code: 'LINK_BLE_NO_DEVICE_SELECTED', detail: errorMessage(error) } };
      case 'SecurityError':
        return { ok: false, error: { code: 'LINK_PICKER_BLOCKED', detail: errorMessage(error) } };
      case 'NotSupportedError':
        return { ok: false, error: { code: 'LINK_BLE_NOT_SUPPORTED', detail: errorMessage(error) } };
      default:
        throw new BmsError('LINK_OPEN_FAILED', `the Bluetooth chooser failed: ${errorMessage(error)}`, { cause: error });
    }
  }
}

export async function openWebBluetoothLink(device: BluetoothDeviceLike, options: WebBluetoothOptions = {}): Promise<WebBluetoothLink> {
  const writeSize = options.writeSize ?? DEFAULT_BLE_WRITE_SIZE;
  if (!Number.isInteger(writeSize) || writeSize < 1 || writeSize > 512) {
    throw new BmsError('LINK_INVALID_SETTINGS', `Bluetooth write size ${writeSize} must be 1 to 512 bytes`);
  }
  const name = device.name ? `${device.name} (Bluetooth)` : 'Bluetooth device';
  const info: LinkInfo = { kind: 'ble', wired: false, label: `${name}, ${writeSize}-byte writes` };
  const { server, characteristic } = await connectSmp(device, name);
  const life = new LinkLifecycle();

  const onNotify = () => {
    const value = characteristic.value;
    if (value && value.byteLength > 0) life.queue.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  };
  const onGone = () => life.disconnected(`${name}: the Bluetooth connection was lost`);
  characteristic.addEventListener('characteristicvaluechanged', onNotify);
  device.addEventListener('gattserverdisconnected', onGone);

  return {
    info,
    device,
    async write(bytes: Uint8Array) {
      life.assertOpen('write');
      // One piece at a time: Chrome refuses a GATT operation while another is in progress.
      for (const piece of splitPacket(bytes, writeSize)) {
        try {
          await characteristic.writeValueWithoutResponse(piece);
        } catch (error) {
          if (!server.connected) life.disconnected(`${name}: ${errorMessage(error)}`);
          life.assertOpen('write');
          throw new BmsError('LINK_WRITE_FAILED', `${name}: ${errorMessage(error)}`, { cause: error });
        }
      }
    },
    read: (readOptions?: ReadOptions) => life.queue.read(readOptions),
    async close() {
      if (!life.closing()) return;
      device.removeEventListener('gattserverdisconnected', onGone);
      characteristic.removeEventListener('characteristicvaluechanged', onNotify);
      if (server.connected) {
        await characteristic.stopNotifications().catch(() => {});
        server.disconnect();
      }
    },
    onDisconnect: (listener) => life.onDisconnect(listener)
  };
}

/** Connects, finds the SMP characteristic and switches notifications on, mapping each refusal. */
async function connectSmp(device: BluetoothDeviceLike, name: string): Promise<{ server: GattServerLike; characteristic: GattCharacteristicLike }> {
  if (!device.gatt) throw new BmsError('LINK_BLE_SERVICE_MISSING', `${name} has no GATT server`);
  let server: GattServerLike;
  try {
    server = await device.gatt.connect();
  } catch (error) {
    throw new BmsError('LINK_BLE_GATT_FAILED', `${name}: connecting failed: ${errorMessage(error)}`, { cause: error });
  }
  let characteristic: GattCharacteristicLike;
  try {
    const service = await server.getPrimaryService(SMP_SERVICE_UUID);
    characteristic = await service.getCharacteristic(SMP_CHARACTERISTIC_UUID);
  } catch (error) {
    server.disconnect();
    const code = errorName(error) === 'NotFoundError' ? 'LINK_BLE_SERVICE_MISSING' : 'LINK_BLE_GATT_FAILED';
    throw new BmsError(code, `${name}: the SMP service: ${errorMessage(error)}`, { cause: error });
  }
  try {
    await characteristic.startNotifications();
  } catch (error) {
    server.disconnect();
    throw new BmsError('LINK_BLE_GATT_FAILED', `${name}: notifications could not be switched on: ${errorMessage(error)}`, { cause: error });
  }
  return { server, characteristic };
}
