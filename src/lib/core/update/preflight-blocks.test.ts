/** Each pre-flight failure blocks the update with its own code, and nothing is written to the device. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestFirmware } from '../virtual-bms/firmware-behaviour';
import { ed25519PublicKey } from '../image/ed25519';
import { runUpdate } from './run-update';
import { createBench, type Bench, type BenchOptions } from './testing/virtual-bench';
import type { UpdateOptions } from './update-context';

const benches: Bench[] = [];
afterEach(async () => {
  for (const bench of benches.splice(0)) await bench.close();
});

const otherKey = new Uint8Array(32).fill(7);

interface Case {
  name: string;
  code: string;
  check?: string;
  bench?: BenchOptions;
  prepare?: (b: Bench) => void | Promise<void>;
  image?: () => Uint8Array;
  options?: (b: Bench) => Partial<UpdateOptions>;
}

const good = () => makeTestFirmware({ version: '1.1.0', securityCounter: 2 });

const CASES: Case[] = [
  { name: 'R01 SoC 15 %', code: 'UPDATE_SOC_OUT_OF_RANGE', check: 'soc', prepare: (b) => b.bms.battery.setSoc(150) },
  { name: 'R01 SoC 85 %', code: 'UPDATE_SOC_OUT_OF_RANGE', check: 'soc', prepare: (b) => b.bms.battery.setSoc(850) },
  { name: 'R02 −5 °C', code: 'UPDATE_TEMPERATURE_OUT_OF_RANGE', check: 'temperature', prepare: (b) => b.bms.battery.setTemperature(-50) },
  { name: 'R02 50 °C', code: 'UPDATE_TEMPERATURE_OUT_OF_RANGE', check: 'temperature', prepare: (b) => b.bms.battery.setTemperature(500) },
  { name: 'R02 a dead temperature sensor', code: 'UPDATE_TEMPERATURE_SENSOR_FAILED', check: 'temperature', prepare: (b) => b.bms.battery.failTemperatureSensor(2) },
  {
    name: 'R03 unstable supply',
    code: 'UPDATE_SUPPLY_UNSTABLE',
    check: 'supply',
    prepare: (b) => b.bms.battery.setSupplyInstability({ rippleMv: 900, dropMv: 3000, dropChance: 0.5 })
  },
  {
    name: 'R07 wrong hardware revision',
    code: 'UPDATE_HARDWARE_INCOMPATIBLE',
    check: 'compatibility',
    image: () => makeTestFirmware({ version: '1.1.0', securityCounter: 2, metadata: { hwRevisions: ['C', 'D'] } })
  },
  {
    name: 'R07 bootloader too old',
    code: 'UPDATE_BOOTLOADER_TOO_OLD',
    check: 'compatibility',
    image: () => makeTestFirmware({ version: '1.1.0', securityCounter: 2, metadata: { minBootloader: { major: 3, minor: 0, revision: 0, build: 0 } } })
  },
  {
    name: 'R25 downgrade below the device security counter',
    code: 'UPDATE_DOWNGRADE_BLOCKED',
    check: 'anti-rollback',
    bench: { bms: { factoryImage: makeTestFirmware({ version: '2.0.0', securityCounter: 3 }) } },
    // The factory image's counter is stored at its first confirmed boot.
    image: () => makeTestFirmware({ version: '1.5.0', securityCounter: 2 })
  },
  {
    name: 'R11 package signed by an unknown key',
    code: 'IMAGE_UNKNOWN_KEY',
    check: 'package',
    image: () => makeTestFirmware({ version: '1.1.0', securityCounter: 2, signingKey: otherKey })
  },
  {
    name: 'R08 package corrupted after signing',
    code: 'IMAGE_HASH_MISMATCH',
    check: 'package',
    image: () => {
      const bytes = good();
      bytes[0x200 + 100] ^= 0x01;
      return bytes;
    }
  },
  {
    name: 'R13 safety-critical package over a wireless link',
    code: 'UPDATE_SAFETY_CRITICAL_OVER_WIRELESS',
    check: 'interface',
    bench: { wireless: true },
    image: () => makeTestFirmware({ version: '1.1.0', securityCounter: 2, metadata: { safetyCritical: true } })
  },
  {
    name: 'R06 baud-rate mismatch, diagnosed by the link test at first contact',
    code: 'LINK_BAUD_MISMATCH',
    bench: { link: { baudRate: 57_600 } }
  },
  {
    name: 'R04 site checklist not confirmed',
    code: 'UPDATE_CHECKLIST_INCOMPLETE',
    options: (b) => ({ checklist: { ...b.checklist, confirmed: ['no-flammables'] } })
  },
  {
    name: 'R14 technician key not enrolled on the BMS',
    code: 'UPDATE_AUTH_REJECTED',
    options: () => ({ technicianKey: { name: 'stranger', publicKey: ed25519PublicKey(otherKey), sign: async () => new Uint8Array(64) } })
  },
  { name: 'R14 no technician key', code: 'UPDATE_TECHNICIAN_KEY_MISSING', options: () => ({ technicianKey: undefined }) }
];

describe('pre-flight refusals', () => {
  it.each(CASES)('$name blocks with $code before any write', async (c) => {
    const b = await createBench(c.bench);
    benches.push(b);
    await c.prepare?.(b);
    const before = b.bms.snapshot();
    const opsBefore = b.bms.flashOps();
    const final = await runUpdate((c.image ?? good)(), b.options(c.options?.(b)));

    expect(final).toMatchObject({ phase: 'failed', outcome: 'blocked', error: { code: c.code } });
    if (c.check) expect(final.report.checks.find((k) => k.id === c.check)).toMatchObject({ status: 'fail', code: c.code });
    const after = b.bms.snapshot();
    expect(after.slots).toEqual(before.slots);
    expect(after.config).toEqual(before.config);
    expect(after.nextBoot).toBe('none');
    const ops = b.bms.flashOps();
    for (const phase of ['upload', 'erase', 'pending', 'confirm', 'config'] as const) expect(ops[phase] ?? 0, phase).toBe(opsBefore[phase] ?? 0);
    expect(final.report.outcome).toBe('blocked');
    expect(await b.store.reports.get(final.report.id)).toBeDefined();
  });
});
