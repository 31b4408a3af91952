/** probeSmpFamily against both rooms of the virtual BMS, and against a line that only echoes. */
import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualBms } from '../../virtual-bms/virtual-bms';
import { createLoopbackPort } from '../../link/testing/loopback-port';
import { connectPacedLink, type PacedLink } from '../../link/paced-link';
import { connectMcumgr, type McumgrConnection } from '../../virtual-bms/mcumgr/testing/connect-mcumgr';
import { echo } from './groups/os-group';
import { probeSmpFamily } from './probe-family';
import { SmpClient } from './smp-client';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const connection of open.splice(0)) await connection.close();
});

function clientOn(link: PacedLink): SmpClient {
  const client = new SmpClient(link, { timeoutMs: 200, retries: 1 });
  open.push({ close: () => client.close().then(() => link.close()) });
  return client;
}

describe('probeSmpFamily', () => {
  it('R12 names our BMS by its group 64 identity', async () => {
    const client = clientOn(connectPacedLink(createVirtualBms().port, { pace: false }));
    await echo(client, 'boot', { retries: 10 });
    expect(await probeSmpFamily(client)).toMatchObject({ family: 'bms', identity: { model: 'VBMS-16S', in_bootloader: false } });
  });

  it('R12 names a stock mcumgr device by the rc 8 its missing group 64 answers', async () => {
    const connection: McumgrConnection = await connectMcumgr();
    open.push(connection);
    expect(await probeSmpFamily(connection.client)).toEqual({ family: 'mcumgr' });
  });

  it('R21 leaves a line that answers no SMP to the caller: SMP_TIMEOUT, not a guess', async () => {
    // A loopback plug sends the request back: a request is not an answer.
    const client = clientOn(connectPacedLink(createLoopbackPort(115200), { pace: false }));
    await expect(probeSmpFamily(client)).rejects.toMatchObject({ code: 'SMP_TIMEOUT' });
  });
});
