// Transfer engine figures: the "week offline" catch-up (seven reports closed while Dinero was unreachable,
// then online) against the sandbox over real HTTP on a fake clock: how many Dinero requests it used, the
// busiest minute against the 60-per-minute budget, and how long the catch-up took in real time.
import { median } from './bench-kit';
import type { BenchFigure, BenchPart } from './bench-kit';
import { runWeekOffline } from '../tests/support/week-offline.scenario';

const RUNS = 5;

export const transferBench: BenchPart = {
  name: 'transfer',
  async run(ctx) {
    const wall: number[] = [];
    let last: Awaited<ReturnType<typeof runWeekOffline>> | undefined;
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const run = await runWeekOffline();
      wall.push(performance.now() - started);
      const sent = run.reports.filter((r) => run.h.history.transfer(r.id)?.state === 'sent').length;
      if (sent !== run.reports.length) throw new Error(`week offline: only ${sent} of ${run.reports.length} reports were sent`);
      await run.h.close();
      last = run;
    }
    if (!last) return [];
    ctx.log(`7 reports closed offline, then online; ${RUNS} runs`);
    const figures: BenchFigure[] = [
      { label: 'week offline: Dinero requests to catch up (7 reports)', value: last.requestsOnline, unit: 'count', target: 9, note: 'chart of accounts + VAT codes once, then one create per report' },
      { label: 'week offline: requests tried while offline (never answered)', value: last.requestsOffline, unit: 'count', note: 'one per close: the token refresh or chart read that found Dinero unreachable' },
      { label: 'week offline: Visma Connect token refreshes to catch up', value: last.tokenRefreshesOnline, unit: 'count' },
      { label: 'week offline: busiest 60-s window after coming online', value: last.busiestMinute, unit: 'count', target: 60 },
      { label: 'week offline: whole scenario, median wall time', value: median(wall), unit: 'ms' },
    ];
    return figures;
  },
};
