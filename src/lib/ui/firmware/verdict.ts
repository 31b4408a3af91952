import type { ErrorData, Result } from '$lib/core/errors';
import type { VerifiedSummary } from '$lib/platform/web/image-worker/image-summary';

/** What the user is told about an image after verification. */
export type Verdict =
  | { kind: 'trusted'; verified: VerifiedSummary }
  | { kind: 'untrusted'; error: ErrorData }
  | { kind: 'unsigned'; error: ErrorData }
  | { kind: 'corrupt'; error: ErrorData };

/**
 * An unknown key and a missing signature say nothing against the bytes themselves, so they are told
 * apart from "corrupt" (hash mismatch, bad signature, damaged structure), which always means "do not use".
 */
export function verdictOf(result: Result<VerifiedSummary>): Verdict {
  if (result.ok) return { kind: 'trusted', verified: result.value };
  const { error } = result;
  if (error.code === 'IMAGE_UNKNOWN_KEY') return { kind: 'untrusted', error };
  if (error.code === 'IMAGE_UNSIGNED') return { kind: 'unsigned', error };
  return { kind: 'corrupt', error };
}
