/**
 * The USB identities a BMS connection is likely to use: USB-to-UART bridge chips (which need a vendor
 * driver on Windows/macOS and are not CDC-ACM devices) and vendors of microcontrollers whose native USB
 * port is a CDC-ACM serial port. One table feeds the port chooser's filters, port labels and driver help.
 */

export interface UsbSerialVendor {
  vendorId: number;
  name: string;
  /** Bridge chips only: the driver a user installs from the chip maker. */
  driver?: string;
  /** Product ids worth naming in labels ("CP2102" rather than "CP210x"). */
  products?: Record<number, string>;
}

/** USB-to-UART bridge chips: serial adapters and RS485/CAN interface cables. */
export const USB_UART_BRIDGES: readonly UsbSerialVendor[] = [
  {
    vendorId: 0x0403,
    name: 'FTDI',
    driver: 'FTDI VCP driver',
    products: { 0x6001: 'FT232R', 0x6010: 'FT2232', 0x6011: 'FT4232', 0x6014: 'FT232H', 0x6015: 'FT231X' }
  },
  {
    vendorId: 0x1a86,
    name: 'WCH CH34x',
    driver: 'WCH CH341SER (CH340/CH341) or CH343SER (CH343/CH9102) driver',
    products: { 0x7523: 'CH340', 0x5523: 'CH341', 0x55d3: 'CH343', 0x55d4: 'CH9102' }
  },
  {
    vendorId: 0x10c4,
    name: 'Silicon Labs CP210x',
    driver: 'Silicon Labs CP210x VCP driver',
    products: { 0xea60: 'CP2102', 0xea70: 'CP2105', 0xea71: 'CP2108' }
  },
  { vendorId: 0x067b, name: 'Prolific PL2303', driver: 'Prolific PL2303 driver', products: { 0x2303: 'PL2303' } }
];

/**
 * Vendors whose microcontrollers expose a native USB CDC-ACM port (MCUboot/Zephyr serial recovery and
 * SMP over USB). Web Serial filters match only vendor/product ids, not the CDC class, so these stand in
 * for "any CDC-ACM device"; the "all ports" choice covers the rest.
 */
export const USB_CDC_VENDORS: readonly UsbSerialVendor[] = [
  { vendorId: 0x2fe3, name: 'Zephyr USB device' },
  { vendorId: 0x0483, name: 'STMicroelectronics' },
  { vendorId: 0x1915, name: 'Nordic Semiconductor' },
  { vendorId: 0x1fc9, name: 'NXP' },
  { vendorId: 0x303a, name: 'Espressif' },
  { vendorId: 0x2e8a, name: 'Raspberry Pi' },
  { vendorId: 0x04d8, name: 'Microchip' }
];

export const hex4 = (value: number) => value.toString(16).padStart(4, '0');

export function findUsbVendor(vendorId: number | undefined): UsbSerialVendor | undefined {
  return [...USB_UART_BRIDGES, ...USB_CDC_VENDORS].find((vendor) => vendor.vendorId === vendorId);
}

/** "CP2102 (10c4:ea60)", "WCH CH34x (1a86:1234)", "USB serial (1234:5678)", or "serial port" without ids. */
export function describeUsbSerial(vendorId?: number, productId?: number): string {
  if (vendorId === undefined) return 'serial port';
  const vendor = findUsbVendor(vendorId);
  const product = productId === undefined ? undefined : vendor?.products?.[productId];
  const ids = productId === undefined ? hex4(vendorId) : `${hex4(vendorId)}:${hex4(productId)}`;
  return `${product ?? vendor?.name ?? 'USB serial'} (${ids})`;
}

/** The driver help for a bridge chip, or undefined for CDC-ACM devices (the OS drives those). */
export function bridgeDriver(vendorId: number | undefined): string | undefined {
  return USB_UART_BRIDGES.find((bridge) => bridge.vendorId === vendorId)?.driver;
}
