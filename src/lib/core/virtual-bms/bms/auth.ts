/**
 * The technician session (R14, R27 least privilege): the BMS hands out a fresh 32-byte nonce, usable
 * once and only for a short time; the technician signs authMessage(nonce, serial) with an Ed25519 key
 * enrolled in the BMS. The session then allows writes until it has been idle too long or the BMS
 * resets. All of it lives in RAM, as on the MCU.
 */
import { ed25519Verify } from '../../image/ed25519';
import { sameBytes } from '../../image/same-bytes';
import { BmsGroupRc, authMessage, type AuthChallenge, type AuthGranted, type AuthResponse } from '../../protocol/smp/groups/bms-group';

export interface AuthTiming {
  challengeTtlMs: number;
  idleTimeoutMs: number;
}

export const DEFAULT_AUTH_TIMING: AuthTiming = { challengeTtlMs: 60_000, idleTimeoutMs: 300_000 };

export type AuthOutcome =
  | { ok: true; granted: AuthGranted }
  | { ok: false; rc: (typeof BmsGroupRc)['AUTH_REJECTED' | 'AUTH_NO_CHALLENGE']; reason: string };

export class AuthSessions {
  readonly #now: () => number;
  readonly #timing: AuthTiming;
  #challenge: { nonce: Uint8Array; expiresAt: number } | undefined;
  #lastWriteAt: number | undefined;

  constructor(now: () => number, timing: AuthTiming = DEFAULT_AUTH_TIMING) {
    this.#now = now;
    this.#timing = timing;
  }

  /** A new challenge replaces any earlier one. */
  challenge(serial: string): AuthChallenge {
    const nonce = globalThis.crypto.getRandomValues(new Uint8Array(32));
    this.#challenge = { nonce, expiresAt: this.#now() + this.#timing.challengeTtlMs };
    return { nonce, serial };
  }

  respond(response: AuthResponse, serial: string, enrolled: readonly Uint8Array[]): AuthOutcome {
    const challenge = this.#challenge;
    // Single use: whatever the outcome, this nonce is spent.
    this.#challenge = undefined;
    if (!challenge || this.#now() > challenge.expiresAt) {
      return { ok: false, rc: BmsGroupRc.AUTH_NO_CHALLENGE, reason: challenge ? 'the challenge expired' : 'no challenge was issued' };
    }
    if (!enrolled.some((key) => sameBytes(key, response.pubkey))) {
      return { ok: false, rc: BmsGroupRc.AUTH_REJECTED, reason: 'this public key is not enrolled on the BMS' };
    }
    const message = authMessage(challenge.nonce, serial);
    if (response.sig.length !== 64 || !ed25519Verify(response.sig, message, response.pubkey)) {
      return { ok: false, rc: BmsGroupRc.AUTH_REJECTED, reason: 'the signature does not verify' };
    }
    this.#lastWriteAt = this.#now();
    return { ok: true, granted: { idle_timeout_s: Math.round(this.#timing.idleTimeoutMs / 1000) } };
  }

  /** True while a session is open; an idle session closes itself. */
  get active(): boolean {
    if (this.#lastWriteAt === undefined) return false;
    if (this.#now() - this.#lastWriteAt > this.#timing.idleTimeoutMs) this.#lastWriteAt = undefined;
    return this.#lastWriteAt !== undefined;
  }

  /** An authorised write keeps the session alive. */
  touch(): void {
    if (this.active) this.#lastWriteAt = this.#now();
  }
}
