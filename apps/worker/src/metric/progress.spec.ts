import { ProgressReporter } from './progress';

describe('ProgressReporter', () => {
  it('reports whole, increasing percentages at most every interval, and always 100', async () => {
    let t = 0;
    const sent: number[] = [];
    const p = new ProgressReporter(
      async (pct) => void sent.push(pct),
      100,
      () => t,
    );
    await p.report(0.4);
    await p.report(5.7); // too soon
    t = 150;
    await p.report(5.7);
    await p.report(3); // backwards
    t = 300;
    await p.report(5.9); // same whole percent
    await p.report(150);
    await p.report(100);
    expect(sent).toEqual([0, 5, 100]);
  });
});
