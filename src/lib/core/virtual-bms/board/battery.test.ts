import { describe, expect, it } from 'vitest';
import { BatteryModel, TEMPERATURE_SENSORS, defaultBatteryState, ocvMv } from './battery';

function model(seed = 1) {
  let now = 0;
  const battery = new BatteryModel(defaultBatteryState(0), () => now, seed);
  return { battery, advance: (ms: number) => (now += ms) };
}

describe('battery model', () => {
  it('follows an LFP open-circuit curve', () => {
    expect(ocvMv(0)).toBe(2500);
    expect(ocvMv(50)).toBe(3300);
    expect(ocvMv(100)).toBe(3550);
    expect(ocvMv(25)).toBeCloseTo(3265, 0);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = model(3).battery.sample(16, 100_000);
    expect(model(3).battery.sample(16, 100_000)).toEqual(a);
    expect(model(4).battery.sample(16, 100_000)).not.toEqual(a);
  });

  it('R01 counts the charge: 10 A for 1 h on a 100 Ah pack moves the SoC by 10 %', () => {
    const { battery, advance } = model();
    battery.update(100_000, { socPm: 500, currentMa: 10_000 });
    advance(3_600_000);
    expect(battery.socPm(100_000)).toBeCloseTo(600, 6);
    battery.update(100_000, { currentMa: -200_000 });
    advance(3_600_000);
    expect(battery.socPm(100_000)).toBe(0);
  });

  it('R02 R18 reports every sensor around the ambient, and null for a dead one', () => {
    const { battery } = model();
    battery.update(100_000, { ambientDc: 400, failedSensors: [3] });
    const temps = battery.sample(16, 100_000).temps_dc;
    expect(temps).toHaveLength(TEMPERATURE_SENSORS);
    expect(temps[3]).toBeNull();
    for (const t of temps.slice(0, 3)) expect(Math.abs((t as number) - 400)).toBeLessThan(15);
  });

  it('R18 shows an ADC gain error in the cell readings, not in the pack channel', () => {
    const { battery } = model();
    battery.update(100_000, { calibrationErrorCpct: 100 });
    const sample = battery.sample(16, 100_000);
    const sum = sample.cells_mv.reduce((s, v) => s + v, 0);
    expect(sum / sample.pack_mv).toBeCloseTo(1.01, 3);
  });
});
