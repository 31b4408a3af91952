/**
 * A `navigator.serial` stand-in wired to a virtual BMS running in the same page: the app's own Web
 * Serial code (chooser, open, streams, locks, close) talks SMP to the simulator exactly as it would to
 * a USB-RS485 adapter. Used by Playwright scenarios (installed before the app starts, e.g. through
 * page.addInitScript) and usable for demos. Bytes cross at the rates both ends use: a port opened at
 * another rate than the device's receives what a real UART would make of it (garbage and framing
 * errors), so the link test and its baud diagnosis (R06) run in the browser too.
 */
import type { DevicePort } from '../../../core/link/device-port';
import { createVirtualBms, type VirtualBms, type VirtualBmsOptions } from '../../../core/virtual-bms/virtual-bms';
import { resampleUart } from '../../../core/link/uart-line';
import { FakeSerial, FakeSerialPort } from './fake-serial-port';
import type { SerialPortInfo } from '../links/web-serial-types';

/** A CP2102 USB-UART bridge, as on many USB-RS485 dongles: the BMS resets behind it without re-enumerating. */
export const VIRTUAL_BMS_PORT_INFO: SerialPortInfo = { usbVendorId: 0x10c4, usbProductId: 0xea60 };

export interface VirtualSerialOptions {
  bms?: VirtualBmsOptions;
  /** another room of the virtual BMS (e.g. a stock mcumgr device) instead of our BMS built from `bms` */
  device?: VirtualBms;
  info?: SerialPortInfo;
  /** already permitted: getPorts() returns it without the chooser (a returning user) */
  granted?: boolean;
}

export interface VirtualSerial {
  /** what `navigator.serial` becomes */
  readonly serial: FakeSerial;
  /** the adapter, with the device-side knobs of FakeSerialPort (unplug, line errors, busy port…) */
  readonly port: FakeSerialPort;
  /** the simulator's control panel (power, faults, battery, snapshot) */
  readonly bms: VirtualBms;
}

export function createVirtualSerial(options: VirtualSerialOptions = {}): VirtualSerial {
  const bms = options.device ?? createVirtualBms(options.bms);
  const serial = new FakeSerial();
  const port = serial.plug(new FakeSerialPort(options.info ?? VIRTUAL_BMS_PORT_INFO), { granted: options.granted });
  wireAtLineRates(port, bms.port);
  return { serial, port, bms };
}

/** Replaces `target.serial` (by default the page's navigator) with the stand-in. */
export function installVirtualSerial(options: VirtualSerialOptions = {}, target: object = navigator): VirtualSerial {
  const virtual = createVirtualSerial(options);
  Object.defineProperty(target, 'serial', { value: virtual.serial, configurable: true, enumerable: true });
  return virtual;
}

function wireAtLineRates(port: FakeSerialPort, device: DevicePort): void {
  const hostRate = () => port.openedWith?.baudRate ?? device.baudRate;
  port.onHostWrite((bytes) => {
    const received = hostRate() === device.baudRate ? bytes : resampleUart(bytes, hostRate(), device.baudRate).bytes;
    if (received.length > 0) device.receive(received);
  });
  device.onTransmit((bytes) => {
    if (hostRate() === device.baudRate) return port.deviceSend(bytes);
    const burst = resampleUart(bytes, device.baudRate, hostRate());
    if (burst.bytes.length > 0) port.deviceSend(burst.bytes);
    // Chrome reports a framing error on the stream after the bytes before it.
    if (burst.framingErrors > 0) port.injectLineError('FramingError');
  });
}
