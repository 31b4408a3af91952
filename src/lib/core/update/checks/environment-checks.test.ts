import { describe, expect, it } from 'vitest';
import type { BmsTelemetry } from '../../protocol/smp/groups/bms-group';
import { checkSoc, checkSupply, checkSupplyDrift, checkTemperature } from './environment-checks';
import { DEFAULT_SAFETY_LIMITS as limits } from './safety-limits';
import { checkText } from './check-result';

function telemetry(over: Partial<BmsTelemetry>): BmsTelemetry {
  return {
    soc_pm: 550, pack_mv: 52_000, supply_mv: 52_000, current_ma: 0, cells_mv: [3300, 3300],
    temps_dc: [250, 260], balancing: [false, false], protections: 0, chg_fet: true, dsg_fet: true,
    cycles: 10, uptime_ms: 1000, ...over
  };
}

describe('environment checks', () => {
  it.each([
    [150, 'fail'], [199, 'fail'], [200, 'warn'], [230, 'pass'], [550, 'pass'], [800, 'warn'], [801, 'fail'], [850, 'fail']
  ] as const)('R01 SoC %i ‰ → %s', (soc, status) => {
    const check = checkSoc(telemetry({ soc_pm: soc }), limits);
    expect(check.status).toBe(status);
    expect(check.code).toBe(status === 'fail' ? 'UPDATE_SOC_OUT_OF_RANGE' : undefined);
  });

  it.each([
    [[-50, 250], 'fail'], [[0, 250], 'fail'], [[10, 250], 'warn'], [[250, 440], 'warn'], [[250, 300], 'pass'],
    [[250, 450], 'fail'], [[250, 500], 'fail']
  ] as const)('R02 temperatures %j → %s', (temps, status) => {
    const check = checkTemperature(telemetry({ temps_dc: [...temps] }), limits);
    expect(check.status).toBe(status);
    if (status === 'fail') expect(check.code).toBe('UPDATE_TEMPERATURE_OUT_OF_RANGE');
  });

  it('R02 a sensor that does not answer blocks with its own code and is named', () => {
    const check = checkTemperature(telemetry({ temps_dc: [250, null, 240] }), limits);
    expect(check).toMatchObject({ status: 'fail', code: 'UPDATE_TEMPERATURE_SENSOR_FAILED' });
    expect(checkText(check, 'en')).toMatchObject({ reason: 'Sensor T2 does not answer.', measured: 'T1 25.0 °C, T2 no answer, T3 24.0 °C' });
    expect(checkText(check, 'fr')).toMatchObject({ reason: 'Le capteur T2 ne répond pas.', measured: 'T1 25,0 °C, T2 sans réponse, T3 24,0 °C' });
    expect(checkTemperature(telemetry({ temps_dc: [] }), limits).code).toBe('UPDATE_TEMPERATURE_SENSOR_FAILED');
  });

  it('R03 judges the spread of the readings against the documented limits and keeps them', () => {
    const stable = checkSupply([52_000, 52_010, 51_990, 52_005, 51_995], limits);
    expect(stable).toMatchObject({ status: 'pass', readings: [52_000, 52_010, 51_990, 52_005, 51_995] });
    expect(checkSupply([52_000, 52_300, 52_000, 52_100, 52_000], limits).status).toBe('warn'); // 0.58 %
    const unstable = checkSupply([52_000, 50_900, 52_000, 51_500, 52_000], limits); // 2.1 %
    expect(unstable).toMatchObject({ status: 'fail', code: 'UPDATE_SUPPLY_UNSTABLE' });
    expect(checkText(unstable, 'en').measured).toContain('spread 2.1');
    expect(checkText(unstable, 'fr').measured).toMatch(/^moyenne 51,\d\d V, écart 2,1\d %$/);
    expect(checkSupply([52_000], limits).status).toBe('fail');
    expect(checkSupply([0, 0, 0], limits).status).toBe('fail');
  });

  it('R03 during transfer a reading beyond 2 % of the pre-flight mean fails', () => {
    expect(checkSupplyDrift(51_200, 52_000, limits).status).toBe('pass');
    expect(checkSupplyDrift(50_800, 52_000, limits)).toMatchObject({ status: 'fail', code: 'UPDATE_SUPPLY_UNSTABLE' });
    expect(checkSupplyDrift(53_100, 52_000, limits).status).toBe('fail');
  });
});
