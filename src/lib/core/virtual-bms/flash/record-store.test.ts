import { describe, expect, it } from 'vitest';
import { PowerLoss } from './flash';
import { createFlashLayout } from './flash-layout';
import { readRecord, writeRecord } from './record-store';

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);
const encode = (s: string) => new TextEncoder().encode(s);

describe('A/B record store', () => {
  it('reads nothing when blank and the newest copy after several writes', () => {
    const { config } = createFlashLayout();
    expect(readRecord(config)).toBeUndefined();
    writeRecord(config, encode('one'));
    writeRecord(config, encode('two'));
    writeRecord(config, encode('three'));
    expect(text(readRecord(config))).toBe('three');
  });

  it('R15 a power cut at any flash operation and any byte leaves the old or the new record, never a mix', () => {
    const old = `{"cell_ov_mv":3650,"name":"${'a'.repeat(40)}"}`;
    const next = `{"cell_ov_mv":3600,"name":"${'b'.repeat(40)}"}`;
    let cuts = 0;
    for (let op = 0; op < 3; op += 1) {
      for (let cutAfter = 0; cutAfter < 120; cutAfter += 7) {
        const layout = createFlashLayout();
        writeRecord(layout.config, encode('first'));
        writeRecord(layout.config, encode(old));
        let seen = 0;
        layout.flash.hook = () => (seen++ === op ? { cutAfterBytes: cutAfter } : undefined);
        try {
          writeRecord(layout.config, encode(next));
        } catch (error) {
          expect(error).toBeInstanceOf(PowerLoss);
          cuts += 1;
        }
        layout.flash.hook = undefined;
        expect([old, next]).toContain(text(readRecord(layout.config)));
      }
    }
    expect(cuts).toBeGreaterThan(30);
  });
});
