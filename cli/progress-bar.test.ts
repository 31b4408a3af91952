import { describe, expect, it } from 'vitest';
import { formatClock, formatSize } from '../src/lib/core/format';
import { createProgressBar, formatBar, formatStatus } from './progress-bar';

function capture(isTTY: boolean, columns = 100) {
  const writes: string[] = [];
  return { writes, output: { isTTY, columns, write: (text: string) => writes.push(text) } };
}

describe('progress bar', () => {
  it('formats sizes, durations and the status line', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(262_144)).toBe('256.0 KiB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.00 MiB');
    expect(formatClock(7)).toBe('0:07');
    expect(formatClock(750)).toBe('12:30');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(Infinity)).toBe('--:--');
    expect(formatBar(5, 10, 10)).toBe('[#####.....]');
    expect(formatStatus({ sent: 131_072, total: 262_144, bytesPerSecond: 10_240, etaSeconds: 12.8, retries: 2 })).toBe(
      ' 50.0 %  128.0 KiB / 256.0 KiB  10.0 KiB/s  ETA 0:13  retries 2'
    );
    expect(formatStatus({ sent: 0, total: 10, bytesPerSecond: 0, etaSeconds: Infinity, retries: 0 })).not.toContain('retries');
  });

  it('redraws one line in place on a terminal, throttled, and always draws the final state', () => {
    let t = 0;
    const { writes, output } = capture(true);
    const bar = createProgressBar(output, { label: 'upload', intervalMs: 100, now: () => t });
    bar.update({ sent: 0, total: 1000 });
    t = 50;
    bar.update({ sent: 400, total: 1000 }); // within the interval: skipped
    t = 150;
    bar.update({ sent: 500, total: 1000, retries: 1 });
    t = 160;
    bar.update({ sent: 1000, total: 1000 });
    bar.finish();
    bar.update({ sent: 1000, total: 1000 });
    expect(writes).toHaveLength(3);
    expect(writes.every((w) => w.startsWith('\rupload ['))).toBe(true);
    expect(writes[1]).toContain(' 50.0 %');
    expect(writes[1]).toContain('retries 1');
    expect(writes[2]).toMatch(/100\.0 %.*\n$/);
  });

  it('computes rate and ETA from its own clock when the caller does not give them', () => {
    let t = 0;
    const { writes, output } = capture(false);
    const bar = createProgressBar(output, { now: () => t });
    t = 2000;
    bar.update({ sent: 2048, total: 4096 });
    expect(writes[0]).toContain('1.0 KiB/s');
    expect(writes[0]).toContain('ETA 0:02');
  });

  it('prints a plain line per 10 % step in a log, and the end once', () => {
    const { writes, output } = capture(false);
    const bar = createProgressBar(output, { now: () => 1 });
    for (let sent = 0; sent <= 1000; sent += 25) bar.update({ sent, total: 1000, bytesPerSecond: 100, etaSeconds: 1 });
    bar.finish();
    expect(writes).toHaveLength(11);
    expect(writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
    expect(writes[10]).toContain('100.0 %');
  });

  it('drops the bar, not the numbers, on a narrow terminal', () => {
    const { writes, output } = capture(true, 60);
    const bar = createProgressBar(output, { now: () => 0 });
    bar.update({ sent: 131_072, total: 262_144, bytesPerSecond: 10_240, etaSeconds: 13 });
    expect(writes[0]).not.toContain('#');
    expect(writes[0]).not.toContain('..');
    expect(writes[0]).toContain('50.0 %');
  });
});
