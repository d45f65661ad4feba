// The bench's Lighthouse rows (scripts/bench.mjs): the `lighthouse` package's default mobile run
// (emulated phone, simulated slow 4G and CPU slowdown) against the web app as `npm start` serves
// it, in the same Chromium, a fresh browser for each run; the median of the runs.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { median } from './bench-pages.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

export async function lighthouseRows({ url, chromePath, runs = 3 }) {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
  const metrics = { fcp: [], lcp: [], tbt: [], bytes: [], unusedJs: [] };
  for (let i = 0; i < runs; i++) {
    const chrome = await launch({
      chromePath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      const lhr = result?.lhr;
      if (!lhr) throw new Error('Lighthouse returned nothing');
      for (const c of CATEGORIES) scores[c].push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
      metrics.fcp.push(lhr.audits['first-contentful-paint']?.numericValue ?? NaN);
      metrics.lcp.push(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
      metrics.tbt.push(lhr.audits['total-blocking-time']?.numericValue ?? NaN);
      metrics.bytes.push(lhr.audits['total-byte-weight']?.numericValue ?? NaN);
      metrics.unusedJs.push(lhr.audits['unused-javascript']?.details?.overallSavingsBytes ?? 0);
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode) && a.details?.type !== 'debugdata')
        .map((a) => a.id);
      if (i === runs - 1) metrics.failing = failing;
    } finally {
      await chrome.kill();
    }
  }
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(scores[c])])),
    all: scores,
    fcp: median(metrics.fcp),
    lcp: median(metrics.lcp),
    tbt: median(metrics.tbt),
    bytes: median(metrics.bytes),
    unusedJs: median(metrics.unusedJs),
    failing: metrics.failing ?? [],
  };
}
