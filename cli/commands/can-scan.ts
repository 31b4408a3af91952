/**
 * `bms-flasher can-scan`: opens a USB-CAN adapter (SLCAN) and lists the BMS nodes on the bus: ThingSet
 * nodes (LibreSolar BMS-C1, 8S50-IC) by their address claims and reports, with their identity, and a
 * foxBMS 2 master by its telemetry or its bootloader's answer.
 */
import { CAN_BITRATES } from '../../src/lib/core/link/can/can-frame';
import { SlcanAdapter } from '../../src/lib/core/link/can/slcan-adapter';
import { scanCanBus, type CanScanResult } from '../../src/lib/core/protocol/can-scan';
import { parseCommandLine, parseInteger, processIo, runCommand, UsageError, type CliIo } from '../args';
import { JSON_OPTION, openNodeSerialLink } from '../open-link';

export const summary = 'list the ThingSet and foxBMS nodes on a CAN bus through a USB-CAN adapter (SLCAN)';

const usage = `usage: bms-flasher can-scan --port PATH [--bitrate N] [--listen MS] [--node ADDR] [--listen-only] [--probe-foxbms] [--json]

  --port PATH      the USB-CAN adapter's serial port (SLCAN / Lawicel firmware, e.g. CANable)
  --bitrate N      the bus bit rate, one of ${CAN_BITRATES.join(', ')} (default 500000)
  --listen MS      how long to listen (default 2500; a ThingSet node reports once a second)
  --node ADDR      also ask for ThingSet node ADDR (0x01–0xFD) with an address discovery if it was not heard
                   (a node that sends no reports and started before the scan)
  --listen-only    open the adapter silent (L): acknowledge nothing, send nothing, read no identity
  --probe-foxbms   send the foxBMS 2 bootloader status probe (frames on 0x400) to find a waiting bootloader
  --json           machine-readable output

Exit 0 when at least one node was found, 1 when the bus was silent or carried no known node.`;

const options = {
  ...JSON_OPTION,
  port: { type: 'string', short: 'p' },
  bitrate: { type: 'string' },
  listen: { type: 'string' },
  node: { type: 'string' },
  'listen-only': { type: 'boolean' },
  'probe-foxbms': { type: 'boolean' }
} as const;

function describe(result: CanScanResult): string {
  const lines = [`${result.frames} frames heard`];
  for (const node of result.thingset) {
    const seen = `${node.claims} address claim${node.claims === 1 ? '' : 's'}, ${node.reports} report${node.reports === 1 ? '' : 's'}`;
    lines.push(`ThingSet node 0x${node.address.toString(16).padStart(2, '0')}${node.eui64 ? ` EUI-64 ${node.eui64}` : ''} (${seen})`);
    if (node.identity) {
      const { cManufacturer, cDeviceType, cHardwareVersion, cFirmwareVersion } = node.identity;
      lines.push(`  ${cManufacturer} ${cDeviceType}, hardware ${cHardwareVersion}, firmware ${cFirmwareVersion}`);
    }
    if (node.error) lines.push(`  identity not read: ${node.error}`);
  }
  if (result.foxbms) {
    const { applicationMessages, bootloaderIds, bootloaderVersion } = result.foxbms;
    if (applicationMessages.length) lines.push(`foxBMS 2 application running (${applicationMessages.join(', ')})`);
    if (bootloaderIds.length) lines.push(`foxBMS 2 bootloader answering${bootloaderVersion ? ` (version ${bootloaderVersion})` : ''}`);
  }
  if (result.unknownIds.length) lines.push(`other standard ids: ${result.unknownIds.join(' ')}`);
  if (!result.thingset.length && !result.foxbms) lines.push('no ThingSet or foxBMS node found: check the bit rate, the wiring and the termination');
  return `${lines.join('\n')}\n`;
}

export function run(argv: string[], io: CliIo = processIo): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values } = parseCommandLine(argv, options, 0);
    if (!values.port) throw new UsageError('--port is required');
    const bitrate = parseInteger(values.bitrate, 'bitrate') ?? 500_000;
    if (!(CAN_BITRATES as readonly number[]).includes(bitrate)) throw new UsageError(`--bitrate ${bitrate}: use one of ${CAN_BITRATES.join(', ')}`);
    const listenMs = parseInteger(values.listen, 'listen') ?? 2500;
    const listenOnly = values['listen-only'] === true;
    if (listenOnly && (values['probe-foxbms'] || values.node)) throw new UsageError('--probe-foxbms and --node send frames: they cannot go with --listen-only');
    const node = parseInteger(values.node, 'node');
    if (node !== undefined && (node < 0x01 || node > 0xfd)) throw new UsageError(`--node ${values.node}: ThingSet node addresses are 0x01 to 0xFD`);
    // A USB CDC adapter ignores the serial rate; 115200 is what its driver is opened with.
    const link = await openNodeSerialLink({ port: values.port, baudRate: 115200 });
    const adapter = await SlcanAdapter.open(link, { bitrate, listenOnly });
    try {
      const result = await scanCanBus(adapter, { listenMs, identify: !listenOnly, probeFoxBms: values['probe-foxbms'], discover: node === undefined ? [] : [node] });
      const version = adapter.info.version ? `adapter version ${adapter.info.version}${adapter.info.serial ? `, serial ${adapter.info.serial}` : ''}` : '';
      if (values.json) io.out(`${JSON.stringify({ port: values.port, bitrate, adapter: adapter.info, ...result }, null, 2)}\n`);
      else io.out(`${values.port} at ${bitrate / 1000} kbit/s${version ? `, ${version}` : ''}\n${describe(result)}`);
      return result.thingset.length || result.foxbms ? 0 : 1;
    } finally {
      await adapter.close();
    }
  });
}
