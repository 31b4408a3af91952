/**
 * The firmware's post-boot self-test (R18) and the cell-balancing test (R20), computed from what the
 * board measures. Limits: voltage calibration within ±0.5 % (cell ADC sum against the independent
 * pack channel), every temperature sensor answering a plausible value, the RS485 UART and the CAN
 * controller running at the configured rates (loopback timing, UART ±2 %, CAN ±0.5 %).
 */
import type { BalanceTestReport, BmsConfig, SelfTestItem, SelfTestReport } from '../../protocol/smp/groups/bms-group';
import type { BatterySample } from './battery';
import type { SelfTestItemName } from '../firmware-behaviour';

export interface InterfaceFaults {
  /** the RS485 transceiver runs off-rate (a wrong crystal, a damaged driver) */
  rs485: boolean;
  can: boolean;
}

export interface SelfTestInputs {
  sample: BatterySample;
  config: BmsConfig;
  faults: InterfaceFaults;
  /** items the firmware itself gets wrong (BMSSIM:SELFTEST_FAIL markers) */
  firmwareFailures: readonly SelfTestItemName[];
}

const CALIBRATION_LIMIT_CPCT = 50;
const UART_TOLERANCE_PCT = 2;
const CAN_TOLERANCE_PCT = 0.5;
const PLAUSIBLE_DC: [number, number] = [-400, 1250];

function voltageItem({ sample }: SelfTestInputs): SelfTestItem {
  const adcSum = sample.cells_mv.reduce((sum, v) => sum + v, 0);
  const value = Math.round((Math.abs(adcSum - sample.pack_mv) / sample.pack_mv) * 10_000);
  return {
    name: 'voltage_calibration',
    pass: value <= CALIBRATION_LIMIT_CPCT,
    value,
    limit: CALIBRATION_LIMIT_CPCT,
    detail: `cell ADC sum ${adcSum} mV vs pack channel ${sample.pack_mv} mV (${(value / 100).toFixed(2)} %, limit ±0.5 %)`
  };
}

function temperatureItem({ sample }: SelfTestInputs): SelfTestItem {
  const bad = sample.temps_dc.flatMap((t, i) => (t === null || t < PLAUSIBLE_DC[0] || t > PLAUSIBLE_DC[1] ? [i] : []));
  const answering = sample.temps_dc.length - bad.length;
  return {
    name: 'temperature_sensors',
    pass: bad.length === 0,
    value: answering,
    limit: sample.temps_dc.length,
    detail: bad.length === 0 ? `${answering} sensors answer` : `sensor ${bad.join(', ')} does not answer or reads implausibly`
  };
}

function rateItem(name: 'rs485' | 'can', configured: number, faulty: boolean, tolerancePct: number): SelfTestItem {
  const measured = Math.round(configured * (faulty ? 1 + (3 * tolerancePct) / 100 : 1.0003));
  const errorPct = (Math.abs(measured - configured) / configured) * 100;
  return {
    name,
    pass: errorPct <= tolerancePct,
    value: measured,
    limit: configured,
    detail: `loopback measured ${measured} bit/s for ${configured} configured (${errorPct.toFixed(2)} %, limit ±${tolerancePct} %)`
  };
}

export function runSelfTest(inputs: SelfTestInputs): SelfTestReport {
  const items = [
    voltageItem(inputs),
    temperatureItem(inputs),
    rateItem('rs485', inputs.config.rs485_baud as number, inputs.faults.rs485, UART_TOLERANCE_PCT),
    rateItem('can', inputs.config.can_bitrate as number, inputs.faults.can, CAN_TOLERANCE_PCT)
  ].map((item) =>
    inputs.firmwareFailures.includes(item.name as SelfTestItemName)
      ? { ...item, pass: false, detail: `driver returned no usable reading (firmware fault); ${item.detail}` }
      : item
  );
  return { done: true, pass: items.every((item) => item.pass), items };
}

/** Voltage sag a working bleed resistor causes on its cell during the test. */
const BLEED_SAG_MV = 4;
const MIN_SAG_MV = 2;

/** R20: each cell's bleed resistor switched on in turn; a cell that does not sag has a fault. */
export function runBalanceTest(cellsMv: readonly number[], stuckCell: number | null): BalanceTestReport {
  const cells = cellsMv.map((before, index) => {
    const after = index === stuckCell ? before : before - BLEED_SAG_MV;
    return { index, before_mv: before, after_mv: after, ok: before - after >= MIN_SAG_MV };
  });
  return { pass: cells.every((c) => c.ok), cells };
}
