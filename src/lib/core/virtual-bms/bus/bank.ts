/**
 * A battery bank on one RS485 bus: N units, mixed families allowed, as `bms-flasher sim --units` and the
 * bus tests build it. Units are numbered 1…N in order. Our BMS takes its number as its rs485_address
 * setting and a JK-PB as its Modbus slave id; JBD and Daly boards carry no unit address in their
 * protocols (the JBD frame has none, the Daly address byte names the host port), so a bus holds at most
 * one of each: two would answer every request together.
 */
import { fail } from '../../errors';
import type { DeviceClock } from '../board/device-clock';
import { createFieldRoom } from '../field-rooms';
import { JkRoom } from '../jk/jk-room';
import { createVirtualBms, type VirtualBms, type VirtualBmsOptions } from '../virtual-bms';
import { BUS_BMS_PROFILE } from './addressed-framing';
import { createVirtualBus, type BusTap, type VirtualBus, type VirtualBusOptions } from './virtual-bus';

export const BANK_FAMILIES = ['bms', 'jk', 'jbd', 'daly'] as const;
export type BankFamily = (typeof BANK_FAMILIES)[number];

export interface BankUnitSpec {
  family: BankFamily;
  /** bms: the rest of the board (its factory image, battery…); the address comes from its place */
  bms?: Omit<VirtualBmsOptions, 'profile' | 'clock'>;
}

export interface BankUnit {
  family: BankFamily;
  /** the unit's bus address (our BMS, JK); undefined for JBD and Daly */
  address?: number;
  tap: BusTap;
  /** our BMS's full model (fault knobs, snapshot) */
  bms?: VirtualBms;
  powerOff(): Promise<void>;
}

export interface Bank {
  bus: VirtualBus;
  units: BankUnit[];
  /** resolves once every unit of our family runs its application */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface BankOptions {
  clock?: DeviceClock;
  bus?: VirtualBusOptions;
}

export function createBank(specs: BankUnitSpec[], options: BankOptions = {}): Bank {
  for (const family of ['jbd', 'daly'] as const) {
    if (specs.filter((s) => s.family === family).length > 1) fail('DEVICE_OPTION_INVALID', `a bus holds one ${family} board at most: its protocol has no unit address`);
  }
  if (specs.length > 247) fail('DEVICE_OPTION_INVALID', `${specs.length} units: a bus addresses 247 at most`);
  const bus = createVirtualBus(options.bus);
  const units = specs.map((spec, i): BankUnit => {
    const address = i + 1;
    if (spec.family === 'bms') {
      const factoryConfig = { ...spec.bms?.factoryConfig, rs485_address: address };
      const bms = createVirtualBms({ seed: address, serial: `VB-BANK-${String(address).padStart(3, '0')}`, ...spec.bms, factoryConfig, clock: options.clock, profile: BUS_BMS_PROFILE });
      return { family: 'bms', address, bms, tap: bus.attach(bms.port, `unit ${address}: our BMS`), powerOff: () => bms.powerOff() };
    }
    if (spec.family === 'jk') {
      const room = new JkRoom({ clock: options.clock, slave: address, seed: address });
      return { family: 'jk', address, tap: bus.attach(room.port, `unit ${address}: JK-PB, Modbus slave ${address}`), powerOff: async () => {} };
    }
    const room = createFieldRoom(spec.family, undefined, options.clock);
    return { family: spec.family, tap: bus.attach(room.port, `unit ${address}: ${room.describe()}`), powerOff: async () => {} };
  });
  return {
    bus,
    units,
    settled: async () => {
      await Promise.all(units.map((unit) => unit.bms?.settled()));
    },
    close: async () => {
      bus.close();
      await Promise.all(units.map((unit) => unit.powerOff()));
    }
  };
}
