/**
 * A terminal progress bar for byte transfers (upload, flash): bar, %, bytes, rate, ETA and retries on
 * one line. On a terminal the line is redrawn in place (at most every `intervalMs`); in a log or a pipe
 * a plain line is printed at every 10 % step instead, so CI logs stay readable. Rate and ETA are taken
 * from the caller when it knows them (the upload engine counts only this session's bytes), otherwise
 * computed here from the bar's own clock.
 */
import { formatClock, formatSize } from '../src/lib/core/format';

export interface TransferProgress {
  sent: number;
  total: number;
  bytesPerSecond?: number;
  etaSeconds?: number;
  retries?: number;
}

export interface ProgressOutput {
  write(text: string): unknown;
  /** true redraws one line in place; false prints a line per 10 % */
  isTTY?: boolean;
  /** terminal width; the bar shrinks to fit */
  columns?: number;
}

export interface ProgressBarOptions {
  /** printed before the bar, e.g. "upload" */
  label?: string;
  intervalMs?: number;
  now?: () => number;
}

export interface ProgressBar {
  update(progress: TransferProgress): void;
  /** Draws the final state and ends the line; later updates are ignored. */
  finish(): void;
}

/** The text after the bar: "45.2 %  118.5 KiB / 262.1 KiB  10.8 KiB/s  ETA 0:13  retries 2". */
export function formatStatus(progress: Required<TransferProgress>): string {
  const percent = progress.total > 0 ? (progress.sent / progress.total) * 100 : 100;
  const parts = [
    `${percent.toFixed(1).padStart(5)} %`,
    `${formatSize(progress.sent)} / ${formatSize(progress.total)}`,
    `${formatSize(Math.round(progress.bytesPerSecond))}/s`,
    `ETA ${formatClock(progress.etaSeconds)}`
  ];
  if (progress.retries > 0) parts.push(`retries ${progress.retries}`);
  return parts.join('  ');
}

/** `[#####.....]` of `width` cells inside the brackets. */
export function formatBar(sent: number, total: number, width: number): string {
  const filled = total > 0 ? Math.min(width, Math.floor((sent / total) * width)) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

export function createProgressBar(output: ProgressOutput, options: ProgressBarOptions = {}): ProgressBar {
  const now = options.now ?? (() => performance.now());
  const intervalMs = options.intervalMs ?? 100;
  const label = options.label ? `${options.label} ` : '';
  const started = now();
  let last: Required<TransferProgress> | undefined;
  let drawnAt = -Infinity;
  let lastStep = -1;
  let printedSent = -1;
  let finished = false;

  const complete = (progress: TransferProgress): Required<TransferProgress> => {
    const elapsed = Math.max((now() - started) / 1000, 1e-3);
    const rate = progress.bytesPerSecond ?? progress.sent / elapsed;
    const eta = progress.etaSeconds ?? (rate > 0 ? (progress.total - progress.sent) / rate : Infinity);
    return { sent: progress.sent, total: progress.total, bytesPerSecond: rate, etaSeconds: eta, retries: progress.retries ?? 0 };
  };

  const line = (progress: Required<TransferProgress>) => {
    const status = formatStatus(progress);
    const room = (output.columns ?? 80) - label.length - status.length - 4;
    const bar = room >= 10 ? `${formatBar(progress.sent, progress.total, Math.min(40, room))} ` : '';
    return `${label}${bar}${status}`;
  };

  const draw = (progress: Required<TransferProgress>) => {
    if (output.isTTY) {
      if (now() - drawnAt < intervalMs) return;
      drawnAt = now();
      // Clear to the end of the line: the new text may be shorter than the old.
      output.write(`\r${line(progress)}\x1b[K`);
      return;
    }
    const step = progress.total > 0 ? Math.floor((progress.sent / progress.total) * 10) : 10;
    if (step === lastStep) return;
    lastStep = step;
    printedSent = progress.sent;
    output.write(`${line(progress)}\n`);
  };

  return {
    update(progress) {
      if (finished) return;
      last = complete(progress);
      draw(last);
    },
    finish() {
      if (finished) return;
      finished = true;
      if (!last) return;
      // The final state is always drawn on a terminal, however soon after the previous frame.
      if (output.isTTY) output.write(`\r${line(last)}\x1b[K\n`);
      else if (printedSent !== last.sent) output.write(`${line(last)}\n`);
    }
  };
}
