/** `bms-flasher scan`: every unit on a bank's RS485 bus in one table (docs/rs485.md). */
import { Rs485Bus } from '../../src/lib/core/protocol/rs485/rs485-bus';
import { scanBus, type BusFamily, type ScanResult } from '../../src/lib/core/protocol/rs485/scan-bus';
import { parseCommandLine, parseInteger, processIo, runCommand, UsageError, type CliIo } from '../args';
import { JSON_OPTION, linkSettings, openNodeSerialLink, type DeviceCommandDeps } from '../open-link';
import { DEVICE_OPTIONS, DEVICE_USAGE } from './device-options';

export const summary = 'list every unit on an RS485 bus: address, family, identity, firmware, readings';

const usage = `usage: bms-flasher scan --port PATH [--baud N] [--range FROM-TO] [--expect N] [--families LIST] [--json]

${DEVICE_USAGE}
  --range FROM-TO   unit addresses to ask (default 1-32); each silent address costs one --timeout
  --expect N        units 1…N should answer: the silent ones are reported missing (default: every
                    address below the highest that answered)
  --families LIST   bms, jk, jbd, daly (default all); JBD and Daly boards are asked once at 9600 baud
  --timeout MS      per probe (default 100)
  --json            machine-readable output

Our BMS answers by its rs485_address, a JK-PB by its Modbus slave id. Exit status: 0 every expected
unit answered, 3 some are missing or a problem was seen (two units on one address), 1 other errors.`;

const options = {
  ...DEVICE_OPTIONS,
  ...JSON_OPTION,
  range: { type: 'string' },
  expect: { type: 'string' },
  families: { type: 'string' },
  timeout: { type: 'string' }
} as const;

const FAMILIES: BusFamily[] = ['bms', 'jk', 'jbd', 'daly'];

export function run(argv: string[], io: CliIo = processIo, deps: DeviceCommandDeps = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values } = parseCommandLine(argv, options, 0);
    const settings = linkSettings(values);
    const addresses = parseRange(values.range ?? '1-32');
    const expectCount = parseInteger(values.expect, 'expect');
    const families = values.families === undefined ? FAMILIES : values.families.split(',').map((f) => f.trim());
    for (const family of families) if (!(FAMILIES as string[]).includes(family)) throw new UsageError(`--families: ${family} is not one of ${FAMILIES.join(', ')}`);
    const timeoutMs = parseInteger(values.timeout, 'timeout') ?? 100;
    const link = await (deps.openLink ?? openNodeSerialLink)(settings);
    const bus = new Rs485Bus(link, { turnTimeoutMs: timeoutMs });
    try {
      const expected = expectCount === undefined ? undefined : Array.from({ length: expectCount }, (_, i) => i + 1);
      const result = await scanBus(bus, { addresses, expected, families: families as BusFamily[], timeoutMs });
      io.out(values.json ? `${JSON.stringify(result, null, 2)}\n` : table(result, link.info.label));
      return result.missing.length > 0 || result.problems.length > 0 ? 3 : 0;
    } finally {
      await bus.close();
      await link.close();
    }
  });
}

function parseRange(text: string): number[] {
  const match = /^(\d+)-(\d+)$/.exec(text);
  const [from, to] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(from >= 1 && to <= 247 && from <= to)) throw new UsageError(`--range ${text}: give FROM-TO within 1-247, e.g. 1-16`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function table(result: ScanResult, label: string): string {
  const rows = [['addr', 'family', 'model', 'serial', 'firmware', 'SoC', 'pack', 'current']];
  for (const u of result.units) {
    const r = u.readings;
    rows.push([
      u.address === undefined ? '-' : String(u.address),
      u.family,
      u.model,
      u.serial ?? '-',
      u.firmware + (u.caps?.includes('bcast') ? ' (broadcast)' : ''),
      r ? `${(r.socPm / 10).toFixed(1)} %` : '-',
      r ? `${(r.packMv / 1000).toFixed(2)} V` : '-',
      r ? `${(r.currentMa / 1000).toFixed(2)} A` : '-'
    ]);
  }
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const lines = rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd());
  lines.unshift(`${result.units.length} unit(s) on ${label} in ${(result.durationMs / 1000).toFixed(1)} s`);
  if (result.missing.length > 0) lines.push(`MISSING: no answer from address ${result.missing.join(', ')}`);
  for (const p of result.problems) lines.push(`PROBLEM at ${p.address ?? p.family}: ${p.detail}`);
  return `${lines.join('\n')}\n`;
}
