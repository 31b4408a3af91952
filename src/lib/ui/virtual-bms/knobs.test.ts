import { describe, expect, it } from 'vitest';
import { fieldsOf, knobsOf, SUPPLY } from './knobs';

describe('fault panel fields', () => {
  it('R01 R02 R03 map to the board’s units and back', () => {
    const knobs = {
      socPm: 150,
      temperatureDc: 470,
      failedSensors: [2],
      stuckCell: 3,
      supply: SUPPLY.drops,
      responseDelayMs: 40,
      bitErrorRate: 1e-4,
      deviceBaud: 57600,
      unpaced: true
    };
    const fields = fieldsOf(knobs);
    expect(fields).toEqual({
      socPercent: 15,
      temperatureC: 47,
      failedSensor: '2',
      stuckCell: '3',
      supply: 'drops',
      responseDelayMs: 40,
      bitErrorRate: 1e-4,
      deviceBaud: '57600',
      unpaced: true
    });
    expect(knobsOf(fields)).toEqual(knobs);
    expect(knobsOf({ ...fields, failedSensor: '', stuckCell: '', deviceBaud: '', supply: 'stable' })).toMatchObject({
      failedSensors: [],
      stuckCell: null,
      deviceBaud: null,
      supply: SUPPLY.stable
    });
  });
});
