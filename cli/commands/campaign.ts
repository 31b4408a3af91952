/**
 * `bms-flasher campaign`: one image for several units of a bank's RS485 bus, one site checklist, the
 * full safe procedure on each unit in turn (docs/rs485.md). Until `flash --all` exists this is the
 * command line of the bank campaign.
 */
import { join } from 'node:path';
import { createSmpDeviceSession } from '../../src/lib/core/family/bms/smp-device-session';
import { Rs485Bus } from '../../src/lib/core/protocol/rs485/rs485-bus';
import { createCampaignStore, type CampaignRecord } from '../../src/lib/core/update/campaign/campaign-record';
import { runCampaign, type CampaignEvent } from '../../src/lib/core/update/campaign/run-campaign';
import { fileRecordStore } from '../../src/lib/platform/node/file-store';
import type { UpdateTimings } from '../../src/lib/core/update/update-timings';
import { parseCommandLine, processIo, readBytes, runCommand, UsageError, type CliIo } from '../args';
import { linkSettings, openNodeSerialLink, type DeviceCommandDeps } from '../open-link';
import { askChecklist, DEVICE_OPTIONS, DEVICE_USAGE, dataDirOf, loadTechnician, loadTrustedKeys, openStores } from './device-options';

export const summary = 'update several units of an RS485 bank in one campaign (one checklist, resumable)';

const usage = `usage: bms-flasher campaign --port PATH (--all N | --units 1,2,5 | --resume ID) [options] image.img

${DEVICE_USAGE}
  --all N         units 1…N of the bus
  --units LIST    these unit addresses, in this order
  --resume ID     carry on an interrupted campaign (units already updated are not touched)
  --continue      go on with the next unit when one is not updated (default: stop there)
  --no-broadcast  send the image to each unit on its own (default: once to every unit that supports it)
  --key FILE      technician key (PEM); default DATA/technician.pem
  --trust FILE    a developer public key the package must be signed with (repeat)
  --checklist-confirmed-by NAME
                  the person who checked the bank's site (recorded in each report); without it the
                  checklist is asked on the terminal

The campaign record (the report) is kept in DATA/campaigns/. Exit status: 0 every unit updated,
5 stopped at a unit that was not updated, 4 interrupted, 1 other errors, 2 usage.`;

const options = {
  ...DEVICE_OPTIONS,
  all: { type: 'string' },
  units: { type: 'string' },
  resume: { type: 'string' },
  continue: { type: 'boolean' },
  'no-broadcast': { type: 'boolean' },
  key: { type: 'string', short: 'k' },
  trust: { type: 'string', multiple: true },
  'checklist-confirmed-by': { type: 'string' }
} as const;

const EXIT = { complete: 0, stopped: 5, interrupted: 4, running: 1 } as const;

export function run(argv: string[], io: CliIo = processIo, deps: DeviceCommandDeps & { timings?: Partial<UpdateTimings> } = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values, positionals } = parseCommandLine(argv, options, 1);
    const settings = linkSettings(values);
    const addresses = unitList(values.all, values.units, values.resume);
    const image = readBytes(positionals[0]);
    const technicianKey = await loadTechnician(values.key, values);
    const checklist = await askChecklist(io, values['checklist-confirmed-by']);
    const link = await (deps.openLink ?? openNodeSerialLink)(settings);
    const bus = new Rs485Bus(link);
    const stop = new AbortController();
    const interrupt = () => stop.abort();
    process.once('SIGINT', interrupt);
    try {
      const record = await runCampaign({
        image,
        addresses,
        bus,
        openUnit: async (address) => {
          const session = createSmpDeviceSession({ link: bus.unit(address), ...deps.session });
          await session.connect();
          return { session, smp: session.client, close: () => session.close() };
        },
        update: { store: openStores(values), trustedKeys: loadTrustedKeys(values.trust ?? [], values), technicianKey, timings: deps.timings, tool: 'bms-flasher (cli campaign)' },
        checklist,
        store: createCampaignStore(fileRecordStore(join(dataDirOf(values), 'campaigns'))),
        resume: values.resume,
        continueOnFailure: values.continue,
        broadcast: !values['no-broadcast'],
        signal: deps.signal ? AbortSignal.any([deps.signal, stop.signal]) : stop.signal,
        onEvent: (event) => io.out(eventLine(event))
      });
      io.out(reportText(record));
      return EXIT[record.status];
    } finally {
      process.off('SIGINT', interrupt);
      await bus.close();
      await link.close();
    }
  });
}

function unitList(all: string | undefined, units: string | undefined, resume: string | undefined): number[] {
  if ([all, units, resume].filter((v) => v !== undefined).length !== 1) throw new UsageError('give exactly one of --all N, --units LIST or --resume ID');
  if (resume !== undefined) return [];
  const list = all !== undefined ? Array.from({ length: Number(all) }, (_, i) => i + 1) : (units as string).split(',').map((u) => Number(u.trim()));
  if (list.length === 0 || list.some((a) => !Number.isInteger(a) || a < 1 || a > 247)) throw new UsageError('unit addresses are 1 to 247');
  return list;
}

function eventLine(event: CampaignEvent): string {
  if (event.type === 'broadcast') return `broadcast: image sent once to ${event.units} units in ${(event.ms / 1000).toFixed(1)} s; ${event.ready} hold it all but its last chunk\n`;
  if (event.type === 'unit-start') return `== unit ${event.address}\n`;
  const u = event.unit;
  return `unit ${u.address}: ${u.outcome} (${u.versionBefore ?? '?'} → ${u.versionAfter ?? '?'}${u.confirmed ? ', confirmed' : ''}) in ${(u.durationMs / 1000).toFixed(1)} s\n`;
}

function reportText(record: CampaignRecord): string {
  const lines = [`\ncampaign ${record.id}: ${record.status} (image ${record.imageVersion})`];
  for (const address of record.addresses) {
    const u = record.units.find((unit) => unit.address === address);
    if (!u) {
      lines.push(`  unit ${address}: not reached`);
      continue;
    }
    const problem = u.error ? `  ${u.error.code}: ${u.error.detail}` : '';
    lines.push(`  unit ${address} ${u.serial ?? ''}: ${u.outcome}, ${u.versionBefore ?? '?'} → ${u.versionAfter ?? '?'}, ${u.transfer}, ${(u.durationMs / 1000).toFixed(1)} s${problem}`);
  }
  if (record.status !== 'complete') lines.push(`resume with: bms-flasher campaign --resume ${record.id} …`);
  return `${lines.join('\n')}\n`;
}
