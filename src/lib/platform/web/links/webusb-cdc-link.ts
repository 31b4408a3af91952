/**
 * Link over WebUSB for CDC-ACM devices: our own small driver, for Chrome on Android, which has WebUSB
 * but no Web Serial. It claims the CDC data interface, sets the line with SET_LINE_CODING, raises
 * DTR/RTS (many CDC stacks, Zephyr's and TinyUSB's among them, only send once DTR is set), and keeps
 * one bulk IN transfer pending to feed the shared byte queue.
 */
import { BmsError, type Result } from '../../../core/errors';
import type { Link, LinkInfo, LinkSignals, ReadOptions } from '../../../core/link/link';
import { LinkLifecycle } from '../../../core/link/link-lifecycle';
import { bridgeDriver, describeUsbSerial } from '../../../core/link/usb-serial-chips';
import {
  controlLineState,
  encodeLineCoding,
  findCdcLayout,
  SEND_BREAK,
  SET_CONTROL_LINE_STATE,
  SET_LINE_CODING,
  USB_CLASS_CDC,
  type CdcLayout,
  type LineSettings
} from './webusb-cdc-acm';
import { errorMessage, errorName } from './dom-errors';
import type { UsbDeviceLike, UsbLike } from './webusb-types';

/** One pending IN transfer of this size: it completes early on a short packet, so latency stays low. */
const READ_SIZE = 16 * 1024;

export interface WebUsbCdcOptions extends LineSettings {
  /** `navigator.usb`, to hear the device's 'disconnect' event. */
  usb?: EventTarget;
}

export interface WebUsbCdcLink extends Link {
  readonly device: UsbDeviceLike;
}

/** The chooser for CDC-ACM devices (matched by interface class). Cancelling it is an outcome. */
export async function chooseUsbSerialDevice(usb: UsbLike | undefined): Promise<Result<UsbDeviceLike>> {
  if (!usb || typeof usb.requestDevice !== 'function') {
    return { ok: false, error: { code: 'LINK_NOT_SUPPORTED', detail: 'navigator.usb is not available' } };
  }
  try {
    return { ok: true, value: await usb.requestDevice({ filters: [{ classCode: USB_CLASS_CDC }] }) };
  } catch (error) {
    const name = errorName(error);
    if (name === 'NotFoundError') {
      return { ok: false, error: { code: 'LINK_NO_PORT_SELECTED', detail: 'the USB chooser was closed without a choice' } };
    }
    if (name === 'SecurityError') return { ok: false, error: { code: 'LINK_PICKER_BLOCKED', detail: errorMessage(error) } };
    throw new BmsError('LINK_OPEN_FAILED', `the USB chooser failed: ${errorMessage(error)}`, { cause: error });
  }
}

export async function openWebUsbCdcLink(device: UsbDeviceLike, options: WebUsbCdcOptions): Promise<WebUsbCdcLink> {
  const settings: LineSettings = { dataBits: 8, stopBits: 1, parity: 'none', ...options };
  const name = describeUsbSerial(device.vendorId, device.productId);
  const info: LinkInfo = { kind: 'webusb', wired: true, label: '', baudRate: settings.baudRate };
  const relabel = () => {
    info.baudRate = settings.baudRate;
    info.label = `${name} (USB) @ ${settings.baudRate}`;
  };
  relabel();
  const layout = await claimCdc(device, name);
  const life = new LinkLifecycle();
  const lines = { dataTerminalReady: true, requestToSend: true };
  let running = true;

  const control = async (request: number, value: number, data?: Uint8Array) => {
    if (layout.controlInterface === undefined) return; // bulk-only device: nothing to configure
    const setup = { requestType: 'class', recipient: 'interface', request, value, index: layout.controlInterface } as const;
    const result = await device.controlTransferOut(setup, data);
    if (result.status !== 'ok') throw new Error(`request 0x${request.toString(16)} stalled`);
  };
  const setLines = () => control(SET_CONTROL_LINE_STATE, controlLineState(lines.dataTerminalReady, lines.requestToSend));

  try {
    await control(SET_LINE_CODING, 0, encodeLineCoding(settings));
    await setLines();
  } catch (error) {
    await device.close().catch(() => {});
    throw new BmsError('LINK_INVALID_SETTINGS', `${name}: ${errorMessage(error)}`, { cause: error });
  }

  const pump = async () => {
    while (running) {
      try {
        const result = await device.transferIn(layout.in.endpointNumber, READ_SIZE);
        if (result.data && result.data.byteLength > 0) {
          life.queue.push(new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.byteLength));
        }
        if (result.status === 'stall') await device.clearHalt('in', layout.in.endpointNumber);
        if (result.status === 'babble') {
          life.queue.pushError(new BmsError('LINK_BUFFER_OVERRUN', `${name}: the device sent more than requested (babble)`));
        }
      } catch (error) {
        // Closing aborts the pending transfer (AbortError); anything else means the device is gone.
        if (running) life.disconnected(`${name}: ${errorMessage(error)}`);
        return;
      }
    }
  };
  const pumping = pump();

  const onUsbDisconnect = (event: Event) => {
    if ((event as Event & { device?: unknown }).device === device) {
      running = false;
      life.disconnected(`${name}: the USB device was unplugged or reset`);
    }
  };
  options.usb?.addEventListener('disconnect', onUsbDisconnect);

  return {
    info,
    device,
    async write(bytes: Uint8Array) {
      life.assertOpen('write');
      let result;
      try {
        result = await device.transferOut(layout.out.endpointNumber, bytes);
      } catch (error) {
        if (errorName(error) === 'NotFoundError') life.disconnected(`${name}: ${errorMessage(error)}`);
        life.assertOpen('write');
        throw new BmsError('LINK_WRITE_FAILED', `${name}: ${errorMessage(error)}`, { cause: error });
      }
      if (result.status === 'stall') {
        await device.clearHalt('out', layout.out.endpointNumber).catch(() => {});
        throw new BmsError('LINK_WRITE_FAILED', `${name}: the device stalled the OUT endpoint`);
      }
    },
    read: (readOptions?: ReadOptions) => life.queue.read(readOptions),
    // CDC changes the rate of an open line with one request: no close and reopen, unlike Web Serial.
    async setBaudRate(baudRate: number) {
      life.assertOpen('change the baud rate');
      try {
        await control(SET_LINE_CODING, 0, encodeLineCoding({ ...settings, baudRate }));
      } catch (error) {
        throw new BmsError('LINK_INVALID_SETTINGS', `${name} at ${baudRate} baud: ${errorMessage(error)}`, { cause: error });
      }
      settings.baudRate = baudRate;
      relabel();
    },
    async setSignals(signals: LinkSignals) {
      life.assertOpen('set the control lines');
      if (layout.controlInterface === undefined) return 'unsupported' as const;
      try {
        lines.dataTerminalReady = signals.dataTerminalReady ?? lines.dataTerminalReady;
        lines.requestToSend = signals.requestToSend ?? lines.requestToSend;
        if (signals.dataTerminalReady !== undefined || signals.requestToSend !== undefined) await setLines();
        if (signals.break !== undefined) await control(SEND_BREAK, signals.break ? 0xffff : 0);
        return 'applied' as const;
      } catch (error) {
        throw new BmsError('LINK_SIGNALS_FAILED', `${name}: ${errorMessage(error)}`, { cause: error });
      }
    },
    async close() {
      if (!life.closing()) return;
      running = false;
      options.usb?.removeEventListener('disconnect', onUsbDisconnect);
      // Drop DTR as an OS driver does on close, then release: that aborts the pending IN transfer.
      lines.dataTerminalReady = false;
      lines.requestToSend = false;
      await setLines().catch(() => {});
      await device.releaseInterface(layout.dataInterface).catch(() => {});
      if (layout.controlInterface !== undefined) await device.releaseInterface(layout.controlInterface).catch(() => {});
      await pumping;
      await device.close().catch(() => {});
    },
    onDisconnect: (listener) => life.onDisconnect(listener)
  };
}

/** Opens the device, selects its configuration and claims the CDC interfaces, mapping each refusal. */
async function claimCdc(device: UsbDeviceLike, name: string): Promise<CdcLayout> {
  try {
    if (!device.opened) await device.open();
    if (!device.configuration) await device.selectConfiguration(device.configurations[0]?.configurationValue ?? 1);
  } catch (error) {
    if (device.opened) await device.close().catch(() => {});
    throw usbOpenError(error, `${name}: opening failed`);
  }
  const layout = device.configuration ? findCdcLayout(device.configuration) : undefined;
  if (!layout) {
    await device.close().catch(() => {});
    const driver = bridgeDriver(device.vendorId);
    if (driver) {
      throw new BmsError('LINK_DRIVER_MISSING', `${name} is a vendor bridge chip, not CDC-ACM: it needs the ${driver}`);
    }
    throw new BmsError('LINK_USB_NOT_SERIAL', `${name} has no CDC data interface with bulk IN and OUT endpoints`);
  }
  try {
    if (layout.controlInterface !== undefined) await device.claimInterface(layout.controlInterface);
    await device.claimInterface(layout.dataInterface);
    if (layout.dataAlternate !== 0) await device.selectAlternateInterface(layout.dataInterface, layout.dataAlternate);
  } catch (error) {
    await device.close().catch(() => {});
    throw usbOpenError(error, `${name}: claiming the serial interface failed`);
  }
  return layout;
}

function usbOpenError(error: unknown, context: string): BmsError {
  const detail = `${context}: ${errorMessage(error)}`;
  switch (errorName(error)) {
    case 'SecurityError': // Windows: "Access denied" when usbser owns the device
    case 'NetworkError': // "Unable to claim interface": a kernel driver or another app holds it
      return new BmsError('LINK_USB_ACCESS_DENIED', detail, { cause: error });
    case 'InvalidStateError':
      return new BmsError('LINK_PORT_BUSY', detail, { cause: error });
    case 'NotFoundError':
      return new BmsError('LINK_DISCONNECTED', detail, { cause: error });
    default:
      return new BmsError('LINK_OPEN_FAILED', detail, { cause: error });
  }
}
