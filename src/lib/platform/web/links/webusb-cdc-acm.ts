/**
 * USB CDC-ACM facts for our small WebUSB serial driver (USB CDC 1.2 and its PSTN subclass 1.2):
 * which interfaces carry the serial data, and the class requests that set the line. Pure functions.
 */
import type { UsbConfigurationLike, UsbEndpointLike } from './webusb-types';

export const USB_CLASS_CDC = 0x02; // Communications (control interface)
export const CDC_SUBCLASS_ACM = 0x02; // Abstract Control Model
export const USB_CLASS_CDC_DATA = 0x0a; // the interface with the bulk endpoints

/** PSTN class requests sent to the control interface. */
export const SET_LINE_CODING = 0x20;
export const SET_CONTROL_LINE_STATE = 0x22;
export const SEND_BREAK = 0x23;

export interface CdcLayout {
  /** The ACM control interface, target of the class requests; absent on bare bulk-only devices. */
  controlInterface?: number;
  dataInterface: number;
  dataAlternate: number;
  in: UsbEndpointLike;
  out: UsbEndpointLike;
}

/**
 * Finds the first CDC data interface with a bulk IN and a bulk OUT endpoint, and the ACM control
 * interface before it (WebUSB does not expose the union functional descriptor that pairs them; in
 * practice the control interface immediately precedes its data interface, as in composite devices
 * with several ports).
 */
export function findCdcLayout(configuration: UsbConfigurationLike): CdcLayout | undefined {
  let control: number | undefined;
  for (const usbInterface of configuration.interfaces) {
    for (const alternate of usbInterface.alternates) {
      if (alternate.interfaceClass === USB_CLASS_CDC && alternate.interfaceSubclass === CDC_SUBCLASS_ACM) {
        control = usbInterface.interfaceNumber;
      }
      if (alternate.interfaceClass !== USB_CLASS_CDC_DATA) continue;
      const bulk = (direction: 'in' | 'out') =>
        alternate.endpoints.find((endpoint) => endpoint.type === 'bulk' && endpoint.direction === direction);
      const inEndpoint = bulk('in');
      const outEndpoint = bulk('out');
      if (!inEndpoint || !outEndpoint) continue;
      return {
        controlInterface: control,
        dataInterface: usbInterface.interfaceNumber,
        dataAlternate: alternate.alternateSetting,
        in: inEndpoint,
        out: outEndpoint
      };
    }
  }
  return undefined;
}

export interface LineSettings {
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  stopBits?: 1 | 2;
  parity?: 'none' | 'odd' | 'even';
}

const PARITY = { none: 0, odd: 1, even: 2 } as const;

/** The 7-byte SET_LINE_CODING payload: dwDTERate (LE), bCharFormat (0 = 1 stop bit, 2 = 2), bParityType, bDataBits. */
export function encodeLineCoding(settings: LineSettings): Uint8Array {
  const out = new Uint8Array(7);
  const view = new DataView(out.buffer);
  view.setUint32(0, settings.baudRate, true);
  out[4] = settings.stopBits === 2 ? 2 : 0;
  out[5] = PARITY[settings.parity ?? 'none'];
  out[6] = settings.dataBits ?? 8;
  return out;
}

/** wValue of SET_CONTROL_LINE_STATE: bit 0 DTR, bit 1 RTS (the "carrier control" for half duplex). */
export function controlLineState(dataTerminalReady: boolean, requestToSend: boolean): number {
  return (dataTerminalReady ? 1 : 0) | (requestToSend ? 2 : 0);
}
