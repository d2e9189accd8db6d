import { describe, expect, it } from 'vitest';
import { createRateBudget } from '../../electron/dinero/client/rate-budget';
import { createFakeScheduler } from './support/fake-scheduler';

/** Largest number of sends inside any closed window [t, t + windowMs]. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] as number) - (sorted[j] as number) > windowMs) j += 1;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('rate budget', () => {
  it('lets at most 60 requests into any 60 s window of one bucket, by waiting', async () => {
    const scheduler = createFakeScheduler();
    const budget = createRateBudget({ scheduler });
    const sentAt: number[] = [];
    await Promise.all(Array.from({ length: 150 }, () => budget.acquire('42').then(() => sentAt.push(scheduler.now()))));
    expect(sentAt).toHaveLength(150);
    expect(busiestWindow(sentAt, 60_000)).toBe(60);
    // 150 requests need three windows: the last batch cannot start before two full windows have passed.
    expect(Math.max(...sentAt) - Math.min(...sentAt)).toBeGreaterThan(120_000);
  });

  it('serves waiters first come, first served', async () => {
    const scheduler = createFakeScheduler();
    const budget = createRateBudget({ scheduler, limit: 2, windowMs: 1000 });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4, 5].map((n) => budget.acquire('org').then(() => order.push(n))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps buckets apart: a full company does not slow another one', async () => {
    const scheduler = createFakeScheduler();
    const budget = createRateBudget({ scheduler, limit: 3 });
    for (let i = 0; i < 3; i += 1) await budget.acquire('1');
    const before = scheduler.now();
    await budget.acquire('2');
    await budget.acquire('user');
    expect(scheduler.now()).toBe(before);
    await budget.acquire('1');
    expect(scheduler.now()).toBeGreaterThan(before + 60_000);
  });

  it('frees slots as the window rolls on, without waiting when there is room', async () => {
    const scheduler = createFakeScheduler();
    const budget = createRateBudget({ scheduler, limit: 2, windowMs: 1000 });
    await budget.acquire('a');
    scheduler.advance(600);
    await budget.acquire('a');
    scheduler.advance(401); // the first send is now more than a window old
    const at = scheduler.now();
    await budget.acquire('a');
    expect(scheduler.now()).toBe(at);
    expect(scheduler.sleeps).toEqual([]);
  });
});
