/**
 * What a virtual device's firmware and bootloader are, beyond the board they run on: the SMP server it
 * serves, how its UART carries SMP (bare console frames, or a Zephyr shell around them), what the
 * application does at start, and whether the bootloader swaps. Our BMS is the default; each room of the
 * virtual BMS (virtual-bms/<family>/) passes its own.
 */
import type { EndpointFraming } from './smp/endpoint-framing';
import type { SmpServerProfile } from './smp/smp-server';

export interface UartIo {
  /** the device's line buffer (CONFIG_UART_MCUMGR_RX_BUF_SIZE, CONFIG_SHELL_..._RX_BUF_SIZE) */
  lineLength(): number;
  /** bytes the UART sends on its own (a shell echo, a log line) */
  transmit(bytes: Uint8Array): void;
  /** time since the last reset (log stamps) */
  uptimeMs(): number;
  /** the unit's RS485 address setting (rs485_address), for a bus framing */
  address(): number;
}

export interface DeviceProfile {
  server: SmpServerProfile;
  /** the UART's framing (default: bare SMP console frames) */
  uart?: (io: UartIo) => EndpointFraming;
  /**
   * 'bms': our firmware (protections, self-test, confirms itself); 'stock': an SMP server only
   * (Zephyr's smp_svr), which never confirms itself: the client must, or the next reset reverts.
   */
  firmware: 'bms' | 'stock';
  /** false: the bootloader never swaps (bootloader.ts) */
  swap?: boolean;
  /** true: the bootloader checks hash and signature only, as stock MCUboot (image-check.ts `plain`) */
  plainImageCheck?: boolean;
}
