import { describe, expect, it } from 'vitest';
import type { BmsTelemetry } from '../../core/protocol/smp/groups/bms-group';
import { checkSoc, checkTemperature } from '../../core/update/checks/environment-checks';
import { DEFAULT_SAFETY_LIMITS } from '../../core/update/checks/safety-limits';
import { CHECKLIST_ITEMS } from '../../core/update/checklist';
import { checkRows, updateGate, type GateInput } from './preflight-view';

const telemetry = (over: Partial<BmsTelemetry>): BmsTelemetry => ({
  soc_pm: 550, pack_mv: 52_000, supply_mv: 52_000, current_ma: 0, cells_mv: [3300], temps_dc: [250],
  balancing: [false], protections: 0, chg_fet: true, dsg_fet: true, cycles: 1, uptime_ms: 1, ...over
});

const lowSoc = checkSoc(telemetry({ soc_pm: 150 }), DEFAULT_SAFETY_LIMITS);

const ready: GateInput = {
  connected: true,
  hasImage: true,
  checking: false,
  checks: [checkSoc(telemetry({}), DEFAULT_SAFETY_LIMITS)],
  confirmed: CHECKLIST_ITEMS.map((i) => i.id),
  operator: 'A. Technician'
};

describe('pre-flight view', () => {
  it('R01 a failing check says what was measured, the limit, and what to do, in the language shown', () => {
    const [row] = checkRows([lowSoc], 'en');
    expect(row).toMatchObject({ name: 'preflight.check.soc', status: 'fail', measured: '15.0 %', threshold: '20.0 % – 80.0 %', code: 'UPDATE_SOC_OUT_OF_RANGE' });
    expect(row.todo).toMatch(/Charge or discharge the pack/);
    expect(checkRows([lowSoc], 'fr')[0]).toMatchObject({ measured: '15,0 %', threshold: 'de 20,0 % à 80,0 %', reason: "L'état de charge est sous la plage autorisée." });
    expect(checkRows([lowSoc], 'fr')[0].todo).toMatch(/Chargez ou déchargez/);
    expect(checkRows([checkTemperature(telemetry({}), DEFAULT_SAFETY_LIMITS)], 'en')[0].todo).toBeUndefined();
  });

  it('R01 R04 R05 the Update button opens only with every check passed and the whole checklist confirmed', () => {
    expect(updateGate(ready)).toEqual({ open: true });
    expect(updateGate({ ...ready, checks: [lowSoc] })).toEqual({
      open: false,
      reasons: [{ key: 'preflight.gate.failed', check: 'soc', params: { measured: lowSoc.measured, threshold: lowSoc.threshold } }]
    });
    const unticked = updateGate({ ...ready, confirmed: ['no-flammables'], operator: ' ' });
    expect(unticked).toEqual({
      open: false,
      reasons: [{ key: 'preflight.gate.checklist', params: { count: 2 } }, { key: 'preflight.gate.operator' }]
    });
  });

  it('says why before anything is measured: no device, no image, checks running, pre-flight refused', () => {
    const keys = (input: GateInput) => {
      const gate = updateGate(input);
      return gate.open ? [] : gate.reasons.map((r) => r.key);
    };
    expect(keys({ ...ready, connected: false, hasImage: false, checks: [] })).toEqual(['preflight.gate.notConnected', 'preflight.gate.noImage']);
    expect(keys({ ...ready, checking: true, checks: [lowSoc] })).toEqual(['preflight.gate.checking']);
    expect(keys({ ...ready, checks: [], blocking: { code: 'UPDATE_DEVICE_LOST', detail: '' } })).toEqual(['preflight.gate.blocked']);
  });
});
