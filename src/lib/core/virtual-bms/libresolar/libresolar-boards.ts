/**
 * The LibreSolar BMS boards the virtual device can be (LibreSolar/bms-firmware, docs
 * supported_hardware.rst) and what their MCUboot build guarantees, so the tool can say it before any
 * write. Stock BMS-C1 builds use MCUboot upgrade-only with no signature type and slot 0 not validated:
 * the bootloader copies whatever passes its hash check over the running image, checks no signature
 * and can never go back (device-families.md §2). Other boards build MCUboot from bms-firmware's
 * sysbuild/mcuboot/prj.conf (BOOT_UPGRADE_ONLY=n): swap with revert and a signature check. The stock
 * application never calls boot_write_img_confirmed (app/src/main.c, thingset-zephyr-sdk dfu.c), so on
 * a swapping board an image installed through ThingSet DFU runs until the next reset, then is reverted.
 */
export type BootloaderMode = 'upgrade-only' | 'swap';

export interface BootloaderProfile {
  mode: BootloaderMode;
  /** MCUboot checks the image signature against its embedded keys (otherwise only the SHA-256 TLV) */
  checksSignature: boolean;
  /** a test image that does not confirm itself is swapped back at the next reset */
  canRevert: boolean;
  /** slot 0 is validated at every boot (BOOT_VALIDATE_SLOT0) */
  validatesPrimary: boolean;
  /** the application confirms a test image once it runs (stock bms-firmware does not) */
  firmwareConfirms: boolean;
}

export interface LibreSolarBoard {
  id: LibreSolarBoardId;
  /** cDeviceType: the board's devicetree `pcb` type */
  deviceType: string;
  hardwareVersion: string;
  cellCount: number;
  /** thermistors on the cells (rCellTemps_degC) */
  cellThermistors: number;
  /** ThingSet over CAN (ISO-TP) besides the serial port: BMS-C1 and 8S50-IC (device-families.md §2) */
  can: boolean;
  bootloader: BootloaderProfile;
}

export type LibreSolarBoardId = 'bms-c1' | '8s50-ic' | '16s100-sc';

export const LIBRESOLAR_BOARDS: Record<LibreSolarBoardId, LibreSolarBoard> = {
  'bms-c1': {
    id: 'bms-c1',
    deviceType: 'BMS C1',
    hardwareVersion: 'v0.4',
    cellCount: 16,
    cellThermistors: 3,
    can: true,
    bootloader: { mode: 'upgrade-only', checksSignature: false, canRevert: false, validatesPrimary: false, firmwareConfirms: false }
  },
  // STM32L452 + ISL94202, built with sysbuild: MCUboot from sysbuild/mcuboot/prj.conf (swap, signed).
  '8s50-ic': {
    id: '8s50-ic',
    deviceType: 'BMS 8S50 IC',
    hardwareVersion: 'v0.2',
    cellCount: 8,
    cellThermistors: 1,
    can: true,
    bootloader: { mode: 'swap', checksSignature: true, canRevert: true, validatesPrimary: true, firmwareConfirms: false }
  },
  '16s100-sc': {
    id: '16s100-sc',
    deviceType: 'BMS 16S100 SC',
    hardwareVersion: 'v0.2',
    cellCount: 16,
    cellThermistors: 3,
    can: false,
    bootloader: { mode: 'swap', checksSignature: true, canRevert: true, validatesPrimary: true, firmwareConfirms: false }
  }
};

export function isLibreSolarBoard(id: string): id is LibreSolarBoardId {
  return Object.hasOwn(LIBRESOLAR_BOARDS, id);
}
