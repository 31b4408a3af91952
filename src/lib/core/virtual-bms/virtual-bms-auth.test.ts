import { describe, expect, it } from 'vitest';
import { ed25519PublicKey, ed25519Sign } from '../image/ed25519';
import { generateKeyPair } from '../image/keys';
import type { CborMap } from '../protocol/smp/cbor';
import { BMS_GROUP_ID, BmsCommand, BmsGroupRc, authMessage } from '../protocol/smp/groups/bms-group';
import { ImageCommand, MgmtRc, OsCommand, SmpGroup } from '../protocol/smp/smp-ids';
import { authenticate, startVirtualBms, type SmpHarness } from './testing/smp-harness';
import { TECHNICIAN_TEST_SECRET_KEY } from '../image/test-keys';

const challenge = async (smp: SmpHarness) => (await smp.request(BMS_GROUP_ID, BmsCommand.auth, 'read')).body;
const respond = (smp: SmpHarness, body: CborMap, version: 0 | 1 = 1) =>
  smp.request(BMS_GROUP_ID, BmsCommand.auth, 'write', body, { version });
const signed = (secretKey: Uint8Array, c: CborMap) => ({
  pubkey: ed25519PublicKey(secretKey),
  sig: ed25519Sign(authMessage(c.nonce as Uint8Array, c.serial as string), secretKey)
});

const WRITES: [string, number, number, CborMap][] = [
  ['reset', SmpGroup.os, OsCommand.reset, {}],
  ['image state write', SmpGroup.image, ImageCommand.state, { confirm: true }],
  ['upload', SmpGroup.image, ImageCommand.upload, { off: 0, data: new Uint8Array(64), len: 64 }],
  ['erase', SmpGroup.image, ImageCommand.erase, {}],
  ['config write', BMS_GROUP_ID, BmsCommand.config, { config: { device_name: 'x' } }],
  ['balance test', BMS_GROUP_ID, BmsCommand.balanceTest, {}]
];

describe('technician session (R14, R27)', () => {
  for (const [name, group, command, body] of WRITES) {
    it(`R14 refuses ${name} without a session with rc 11 EACCESSDENIED`, async () => {
      const { smp } = await startVirtualBms();
      const answer = await smp.request(group, command, 'write', body);
      expect(answer.body).toMatchObject({ rc: MgmtRc.ACCESS_DENIED });
    });
  }

  it('R27 keeps reads open without a session', async () => {
    const { smp } = await startVirtualBms();
    for (const [group, command] of [[SmpGroup.image, ImageCommand.state], [BMS_GROUP_ID, BmsCommand.identity], [BMS_GROUP_ID, BmsCommand.telemetry], [BMS_GROUP_ID, BmsCommand.config]]) {
      const answer = await smp.request(group, command, 'read');
      expect(answer.body.rc).toBeUndefined();
      expect(answer.body.err).toBeUndefined();
    }
  });

  it('R14 grants a session to an enrolled key signing a fresh nonce, with its idle timeout', async () => {
    const { smp, bms } = await startVirtualBms();
    const c = await challenge(smp);
    expect(c.serial).toBe(bms.identity.serial);
    expect((c.nonce as Uint8Array).length).toBe(32);
    expect((await respond(smp, signed(TECHNICIAN_TEST_SECRET_KEY, c))).body).toEqual({ idle_timeout_s: 300 });
    const write = await smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { config: { device_name: 'Workshop' } });
    expect(write.body.config).toMatchObject({ device_name: 'Workshop' });
  });

  it('R14 R21 rejects a key that is not enrolled, a bad signature, and a replayed or missing challenge', async () => {
    const { smp } = await startVirtualBms();
    const stranger = generateKeyPair().secretKey;
    expect((await respond(smp, signed(stranger, await challenge(smp)))).body).toMatchObject({
      err: { group: BMS_GROUP_ID, rc: BmsGroupRc.AUTH_REJECTED }
    });
    const c = await challenge(smp);
    const forged = { ...signed(TECHNICIAN_TEST_SECRET_KEY, c), sig: new Uint8Array(64).fill(7) };
    expect((await respond(smp, forged)).body).toMatchObject({ err: { group: BMS_GROUP_ID, rc: BmsGroupRc.AUTH_REJECTED } });
    // the nonce was spent by the failed attempt: a correct signature over it is refused now
    expect((await respond(smp, signed(TECHNICIAN_TEST_SECRET_KEY, c))).body).toMatchObject({
      err: { group: BMS_GROUP_ID, rc: BmsGroupRc.AUTH_NO_CHALLENGE }
    });
    // v1 clients get the BMS group code as 256 + rc
    expect((await respond(smp, signed(TECHNICIAN_TEST_SECRET_KEY, c), 0)).body).toMatchObject({ rc: 256 + BmsGroupRc.AUTH_NO_CHALLENGE });
  });

  it('R14 lets a challenge expire after a minute', async () => {
    const { smp } = await startVirtualBms();
    const c = await challenge(smp);
    await smp.advance(61_000);
    expect((await respond(smp, signed(TECHNICIAN_TEST_SECRET_KEY, c))).body).toMatchObject({
      err: { group: BMS_GROUP_ID, rc: BmsGroupRc.AUTH_NO_CHALLENGE }
    });
  });

  it('R14 ends the session after the idle timeout and on reset', async () => {
    const { smp } = await startVirtualBms({ authTiming: { idleTimeoutMs: 10_000 } });
    await authenticate(smp);
    await smp.advance(9_000);
    expect((await smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { config: { device_name: 'A' } })).body.config).toBeDefined();
    await smp.advance(9_000);
    expect((await smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { config: { device_name: 'B' } })).body.config).toBeDefined();
    await smp.advance(11_000);
    expect((await smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { config: { device_name: 'C' } })).body).toMatchObject({ rc: MgmtRc.ACCESS_DENIED });
    await authenticate(smp);
    expect((await smp.request(SmpGroup.os, OsCommand.reset, 'write')).body).toEqual({});
    await smp.advance(300);
    await smp.waitUntilReady();
    expect((await smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { config: { device_name: 'D' } })).body).toMatchObject({ rc: MgmtRc.ACCESS_DENIED });
  });

  it('R14 accepts a technician key enrolled later', async () => {
    const { smp, bms } = await startVirtualBms({ technicianKeys: [] });
    const technician = generateKeyPair();
    expect((await authenticate(smp, technician.secretKey)).body).toMatchObject({ err: { rc: BmsGroupRc.AUTH_REJECTED } });
    await bms.enrolTechnicianKey(technician.publicKey);
    expect((await authenticate(smp, technician.secretKey)).body).toEqual({ idle_timeout_s: 300 });
  });
});
