import { describe, expect, it } from 'vitest';
import { identity } from '../../../core/protocol/smp/groups/bms-client';
import { echo } from '../../../core/protocol/smp/groups/os-group';
import { testLink } from '../../../core/protocol/smp/link-test';
import { SmpClient } from '../../../core/protocol/smp/smp-client';
import { installVirtualSerial, type VirtualSerial } from './virtual-serial';
import { openWebSerialLink } from '../links/web-serial-link';

async function booted(virtual: VirtualSerial): Promise<void> {
  while (virtual.bms.status !== 'app') await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('virtual serial (navigator.serial stand-in wired to the virtual BMS)', () => {
  it('R12 answers SMP through the Web Serial link, and the port closes with every lock released', async () => {
    const target: { serial?: unknown } = {};
    const virtual = installVirtualSerial({}, target);
    expect(target.serial).toBe(virtual.serial);
    await booted(virtual);
    const port = await virtual.serial.requestPort({ filters: [{ usbVendorId: 0x10c4 }] });
    const link = await openWebSerialLink(port, { baudRate: 115200 });
    const client = new SmpClient(link);
    expect(await identity(client)).toMatchObject({ model: 'VBMS-16S', serial: 'VB2400001' });
    expect(await echo(client, 'ping')).toBe('ping');
    await client.close();
    await link.close();
    await port.open({ baudRate: 115200 });
    await port.close();
  });

  it('R06 garbles bytes at another rate than the device, so the link test names the right one', async () => {
    const virtual = installVirtualSerial({}, {});
    await booted(virtual);
    const link = await openWebSerialLink(virtual.port, { baudRate: 57600 });
    const client = new SmpClient(link);
    const outcome = await testLink(client, { rounds: 3, timeoutMs: 150 }).catch((error: unknown) => error);
    expect(outcome).toMatchObject({ code: 'LINK_BAUD_MISMATCH', detail: 'device answers at 115200, you selected 57600' });
    // The selected rate is restored after probing.
    expect(virtual.port.openedWith?.baudRate).toBe(57600);
    await client.close();
    await link.close();
  });
});
