/**
 * The only globals core may use beyond ES2022: the part of the web platform that browsers, Web Workers
 * and Node 20 all provide (WHATWG Encoding, DOM AbortController, HTML timers and base64, High Resolution
 * Time, Web Crypto's getRandomValues). tsconfig.core.json compiles core with `lib: ["ES2022"]`, no DOM
 * and no Node types plus this file, so `window`, `navigator`, `document`, `process`, `Buffer` or a
 * `node:` import in core is a compile error. Declared narrowly, only the members core calls; add one
 * here only if every runtime has it. The app's own type check (tsconfig.json) gets these from the DOM
 * and Node types instead and leaves this file out (svelte.config.js), as the two would clash.
 */

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { new (): TextEncoder };

interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare var TextDecoder: { new (label?: string, options?: { fatal?: boolean }): TextDecoder };

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare var AbortSignal: { any(signals: AbortSignal[]): AbortSignal };

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { new (): AbortController };

/** A timer handle is a number in browsers and an object in Node: core only hands it back. */
interface TimerHandle {
  readonly __timerHandle: unique symbol;
}
declare function setTimeout(handler: (...args: never[]) => void, ms?: number): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;
declare function setInterval(handler: (...args: never[]) => void, ms?: number): TimerHandle;
declare function clearInterval(handle: TimerHandle | undefined): void;
declare function queueMicrotask(callback: () => void): void;

declare function atob(base64: string): string;
declare function btoa(binary: string): string;

declare var performance: { now(): number };
declare var crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
