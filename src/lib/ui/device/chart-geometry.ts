/**
 * Geometry of the Device page's small SVG charts, kept pure so it can be tested. Ranges are zoomed on
 * the data: healthy cells differ by millivolts, which bars from zero would hide.
 */

/** [lo, hi] covering `values` with `pad` on each side, rounded outwards to `step`; never empty. */
export function zoomedRange(values: readonly number[], step: number, pad: number): [number, number] {
  if (values.length === 0) return [0, step];
  const lo = Math.floor((Math.min(...values) - pad) / step) * step;
  const hi = Math.ceil((Math.max(...values) + pad) / step) * step;
  return hi > lo ? [lo, hi] : [lo, lo + step];
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One bar per value in a `width` × `height` box, bottoms at the range's low end. */
export function bars(values: readonly number[], [lo, hi]: [number, number], width: number, height: number, gap = 2): Bar[] {
  const slot = width / Math.max(1, values.length);
  return values.map((value, i) => {
    const h = (Math.min(Math.max(value, lo), hi) - lo) / (hi - lo) * height;
    return { x: i * slot + gap / 2, y: height - h, width: Math.max(1, slot - gap), height: h };
  });
}

export interface Sample {
  at: number;
  mv: number;
}

/** SVG polyline points for samples between `from` and `to` (ms) in a `width` × `height` box. */
export function linePoints(samples: readonly Sample[], [lo, hi]: [number, number], from: number, to: number, width: number, height: number): string {
  const x = (at: number) => ((at - from) / Math.max(1, to - from)) * width;
  const y = (mv: number) => height - ((mv - lo) / (hi - lo)) * height;
  return samples.map((s) => `${x(s.at).toFixed(1)},${y(s.mv).toFixed(1)}`).join(' ');
}
