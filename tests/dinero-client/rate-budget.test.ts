import { describe, expect, it } from 'vitest';
import { createRateBudget } from '../../electron/dinero/client/rate-budget';
import { createFakeScheduler } from '../support/fake-scheduler';
import { busiestWindow } from '../support/busiest-window';

describe('rate budget', () => {
  it('lets at most 60 requests into any 60 s window of one bucket, by waiting', async () => {
    const scheduler = createFakeScheduler();
    const budget = createRateBudget({ scheduler });
    const sentAt: number[] = [];
    await Promise.all(
      Array.from({ length: 150 }, () =>
        budget.acquire('42').then((release) => {
          sentAt.push(scheduler.now());
          release();
        }),
      ),
    );
    expect(sentAt).toHaveLength(150);
    expect(busiestWindow(sentAt, 60_000)).toBe(60);
    // 150 requests need three windows: the last batch cannot start before two full windows have passed.
    expect(Math.max(...sentAt) - Math.min(...sentAt)).toBeGreaterThan(120_000);
  });

  it('serves waiters first come, first served', async () => {
    const scheduler = createFakeScheduler();
    const budget = createRateBudget({ scheduler, limit: 2, windowMs: 1000 });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4, 5].map((n) => budget.acquire('org').then((release) => {
      order.push(n);
      release();
    })));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps buckets apart: a full company does not slow another one', async () => {
    const scheduler = createFakeScheduler();
    const budget = createRateBudget({ scheduler, limit: 3 });
    for (let i = 0; i < 3; i += 1) (await budget.acquire('1'))();
    const before = scheduler.now();
    (await budget.acquire('2'))();
    (await budget.acquire('user'))();
    expect(scheduler.now()).toBe(before);
    (await budget.acquire('1'))();
    expect(scheduler.now()).toBeGreaterThan(before + 60_000);
  });

  it('counts a request from its start until a full window after it finished', async () => {
    const scheduler = createFakeScheduler();
    const budget = createRateBudget({ scheduler, limit: 1, windowMs: 1000 });
    const release = await budget.acquire('a');
    let admitted = false;
    const next = budget.acquire('a').then((r) => {
      admitted = true;
      return r;
    });
    scheduler.advance(5000); // time passes while the first request is still in flight
    await Promise.resolve();
    await Promise.resolve();
    expect(admitted).toBe(false);
    const finishedAt = scheduler.now();
    release();
    (await next)();
    expect(scheduler.now()).toBe(finishedAt + 1001);
  });

  it('frees slots as the window rolls on, without waiting when there is room', async () => {
    const scheduler = createFakeScheduler();
    const budget = createRateBudget({ scheduler, limit: 2, windowMs: 1000 });
    (await budget.acquire('a'))();
    scheduler.advance(600);
    (await budget.acquire('a'))();
    scheduler.advance(401); // the first send is now more than a window old
    const at = scheduler.now();
    (await budget.acquire('a'))();
    expect(scheduler.now()).toBe(at);
    expect(scheduler.sleeps).toEqual([]);
  });
});
