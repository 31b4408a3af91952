import { describe, expect, it } from 'vitest';
import { ed25519Verify } from '../../../core/image/ed25519';
import { authMessage } from '../../../core/protocol/smp/groups/bms-group';
import { createTechnicianKey, deleteTechnicianKey, loadTechnicianKey, type KeyPairSlot } from './technician-key';

function mapSlot(): KeyPairSlot {
  const map = new Map<string, never>();
  return {
    get: async (k) => map.get(k),
    set: async (k, v) => void map.set(k, v as never),
    del: async (k) => void map.delete(k)
  };
}

describe('browser technician key', () => {
  it('R14 signs the auth message with a non-extractable key that noble verifies', async () => {
    const slot = mapSlot();
    expect(await loadTechnicianKey(slot)).toBeUndefined();
    const created = await createTechnicianKey('A. Martin', slot);
    const loaded = await loadTechnicianKey(slot);
    expect(loaded?.publicKey).toEqual(created.publicKey);
    const message = authMessage(new Uint8Array(32).fill(9), 'SN-1');
    const signature = await loaded!.sign(message);
    expect(ed25519Verify(signature, message, created.publicKey)).toBe(true);
    const stored = await slot.get('technician-key');
    await expect(crypto.subtle.exportKey('pkcs8', stored!.keyPair.privateKey)).rejects.toThrow();
    await deleteTechnicianKey(slot);
    expect(await loadTechnicianKey(slot)).toBeUndefined();
  });
});
