/** `bms-flasher scan` against a virtual bank, its bus injected where the serial port would be opened. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Link } from '../../src/lib/core/link/link';
import { bankRig, ourUnits, type BankRig } from '../../src/lib/core/update/testing/bank-rig';
import { run } from './scan';

let rig: BankRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

function capture() {
  const out: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) }, text: () => out.join('') };
}

describe('bms-flasher scan (R12)', () => {
  it('R12 lists the 8 units of a bank and exits 0', async () => {
    rig = bankRig(ourUnits(8));
    await rig.ready();
    const link: Link = rig.bus.hostLink('bank bus');
    const { io, text } = capture();
    const code = await run(['--port', 'bus', '--range', '1-10', '--families', 'bms', '--expect', '8'], io, { openLink: async () => link });
    expect(code).toBe(0);
    expect(text()).toMatch(/^8 unit\(s\) on bank bus/);
    for (let a = 1; a <= 8; a += 1) expect(text()).toMatch(new RegExp(`\\n${a} +bms +VBMS-16S +VB-BANK-00${a} +1\\.0\\.0\\+0 \\(broadcast\\)`));
  });

  it('R12 reports a unit that dropped off as missing, exit 3', async () => {
    rig = bankRig(ourUnits(3));
    await rig.ready();
    rig.units[1].tap.dropped = true;
    const link = rig.bus.hostLink();
    const { io, text } = capture();
    const code = await run(['--port', 'bus', '--range', '1-4', '--families', 'bms', '--expect', '3', '--json'], io, { openLink: async () => link });
    expect(code).toBe(3);
    expect(JSON.parse(text())).toMatchObject({ missing: [2], units: [{ address: 1 }, { address: 3 }] });
  });
});
