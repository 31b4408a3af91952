import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '$lib/core/errors';
import type { VerifiedSummary } from '$lib/platform/web/image-worker/image-summary';
import { verdictOf } from './verdict';

const failure = (code: ErrorCode) => ({ ok: false as const, error: { code, detail: 'x' } });

describe('R11 verdictOf', () => {
  it('is trusted only when verification succeeded', () => {
    const verified = { digest: 'ab' } as VerifiedSummary;
    expect(verdictOf({ ok: true, value: verified })).toEqual({ kind: 'trusted', verified });
  });

  it('separates an unknown key and a missing signature from a corrupt image', () => {
    expect(verdictOf(failure('IMAGE_UNKNOWN_KEY')).kind).toBe('untrusted');
    expect(verdictOf(failure('IMAGE_UNSIGNED')).kind).toBe('unsigned');
    for (const code of ['IMAGE_HASH_MISMATCH', 'IMAGE_SIGNATURE_INVALID', 'IMAGE_BAD_MAGIC', 'INTERNAL_ERROR'] as const) {
      expect(verdictOf(failure(code))).toEqual({ kind: 'corrupt', error: { code, detail: 'x' } });
    }
  });
});
