import { describe, expect, it } from 'vitest';
import { bars, linePoints, zoomedRange } from './chart-geometry';

describe('chart geometry', () => {
  it('zooms on the data, rounded to the step, never empty', () => {
    expect(zoomedRange([3301, 3312, 3296], 10, 20)).toEqual([3270, 3340]);
    expect(zoomedRange([52_000, 52_000], 100, 0)).toEqual([52_000, 52_100]);
    expect(zoomedRange([], 10, 0)).toEqual([0, 10]);
  });

  it('draws bars from the low end, clamped into the box', () => {
    expect(bars([3270, 3340, 4000], [3270, 3340], 30, 70, 0)).toEqual([
      { x: 0, y: 70, width: 10, height: 0 },
      { x: 10, y: 0, width: 10, height: 70 },
      { x: 20, y: 0, width: 10, height: 70 }
    ]);
  });

  it('places samples by time and value', () => {
    const points = linePoints([{ at: 0, mv: 100 }, { at: 50, mv: 200 }], [100, 200], 0, 100, 300, 100);
    expect(points).toBe('0.0,100.0 150.0,0.0');
  });
});
