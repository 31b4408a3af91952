/** R09 R23: a backup is only ever restored onto the model and the device it was taken from. */
import { afterEach, describe, expect, it } from 'vitest';
import { createSmpDeviceSession } from '../family/bms/smp-device-session';
import { secretKeySigner } from '../family/technician-signer';
import { TECHNICIAN_TEST_SECRET_KEY } from '../image/test-keys';
import { connectPacedLink } from '../link/paced-link';
import { createVirtualBms, type VirtualBms } from '../virtual-bms/virtual-bms';
import { makeBackup } from './config-backup';
import { restoreBackup } from './restore-backup';

const open: { bms: VirtualBms; close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const rig of open.splice(0)) await rig.close();
});

async function connected() {
  const bms = createVirtualBms();
  await bms.settled();
  while (bms.status !== 'app') await new Promise((resolve) => setTimeout(resolve, 10));
  const link = connectPacedLink(bms.port, { pace: false });
  const session = createSmpDeviceSession({ link });
  open.push({ bms, close: async () => (await session.close(), await link.close(), await bms.powerOff()) });
  return { bms, session, identity: await session.identity(), config: await session.config!.readConfig() };
}

const signer = secretKeySigner(TECHNICIAN_TEST_SECRET_KEY, 'test technician');

describe('restore refuses a foreign backup', () => {
  it.each([
    ['another model with the same serial', 'UPDATE_BACKUP_WRONG_MODEL', { model: 'JK-PB2A16S' }],
    ['another device of the same model', 'UPDATE_BACKUP_WRONG_DEVICE', { serial: 'VB2499999' }]
  ])('R23 %s: %s, nothing written', async (_name, code, other) => {
    const { bms, session, identity, config } = await connected();
    const foreign = { ...makeBackup(identity, { ...config, cell_ov_mv: 3500 }, new Date()), ...other };
    const opsBefore = bms.flashOps().config ?? 0;
    await expect(restoreBackup(session, foreign, signer)).rejects.toMatchObject({ code });
    expect(bms.flashOps().config ?? 0).toBe(opsBefore);
    expect(await session.config!.readConfig()).toEqual(config);
  });
});
