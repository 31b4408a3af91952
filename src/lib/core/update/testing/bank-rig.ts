/** A bank on a virtual bus with the host's bus client, for the bus, scan and campaign tests. */
import { Rs485Bus, type Rs485BusOptions } from '../../protocol/rs485/rs485-bus';
import { createBank, type Bank, type BankUnitSpec } from '../../virtual-bms/bus/bank';
import { fastClock, untilRunning } from './virtual-bench';

export interface BankRig extends Bank {
  host: Rs485Bus;
  /** every unit of our family runs its application */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

/** `speed`: device time runs that many times faster than the host's (boots, self-tests). */
export function bankRig(specs: BankUnitSpec[], options: { baudRate?: number; speed?: number; host?: Rs485BusOptions } = {}): BankRig {
  const bank = createBank(specs, { clock: fastClock(options.speed ?? 10), bus: { baudRate: options.baudRate ?? 115_200 } });
  const link = bank.bus.hostLink();
  const host = new Rs485Bus(link, { turnTimeoutMs: 300, ...options.host });
  return {
    ...bank,
    host,
    ready: async () => {
      await Promise.all(bank.units.map((unit) => unit.bms && untilRunning(unit.bms, 5_000)));
    },
    stop: async () => {
      await host.close();
      await link.close();
      await bank.close();
    }
  };
}

export const ourUnits = (count: number, spec: Omit<BankUnitSpec, 'family'> = {}): BankUnitSpec[] =>
  Array.from({ length: count }, () => ({ family: 'bms', ...spec }));
