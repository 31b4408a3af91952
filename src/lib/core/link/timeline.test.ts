import { describe, expect, it } from 'vitest';
import { Timeline } from './timeline';

describe('Timeline', () => {
  it('runs callbacks in time order, ties in the order added, and late ones do not delay the rest', async () => {
    let now = 0;
    const timeline = new Timeline(() => now);
    const order: string[] = [];
    timeline.at(20, () => order.push('c'));
    timeline.at(10, () => order.push('a'));
    timeline.at(10, () => order.push('b'));
    timeline.at(30, () => order.push('d'));
    now = 25; // the clock moved past two targets before the timer ran: all due run at once, in order
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order).toEqual(['a', 'b', 'c']);
    now = 30;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('clear() drops pending callbacks', async () => {
    const timeline = new Timeline(() => performance.now());
    let ran = false;
    timeline.at(performance.now() + 5, () => (ran = true));
    timeline.clear();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(false);
  });
});
