import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Snapshot } from '../../lib/share/model';
import { dayOf } from '../../lib/share/summary';

interface Props {
  snapshot: Snapshot;
  label: string;
}

function cssColor(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

function options(el: Element): uPlot.Options {
  // Canvas cannot read CSS variables, so the scheme's colours are read when the chart is built.
  const text = cssColor(el, '--text', '#1b1f1e');
  const accent = cssColor(el, '--accent', '#1d6b64');
  const grid = cssColor(el, '--border', '#8a9895');
  return {
    width: Math.max(240, el.clientWidth),
    height: 200,
    legend: { show: false },
    cursor: { show: false },
    // x values are noon UTC of the person's days: label them in UTC, whatever zone the reader is in.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    // Half a day either side, so the first and last days' points are not cut by the edges.
    scales: { x: { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] }, y: { range: [1, 5] } },
    axes: [
      { stroke: text, grid: { stroke: grid, width: 0.5 }, ticks: { stroke: grid } },
      { stroke: text, grid: { stroke: grid, width: 0.5 }, ticks: { stroke: grid }, splits: () => [1, 2, 3, 4, 5] },
    ],
    series: [{}, { stroke: accent, width: 2, spanGaps: false, points: { show: true, size: 6, fill: accent } }],
  };
}

/**
 * Daily average mood as a uPlot line, built in an effect and rebuilt when the snapshot or the
 * colour scheme changes. The canvas is for sighted readers: the same facts are in the text
 * summary and the table beside it.
 */
export function MoodChart({ snapshot, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // The preview makes a new snapshot object on every keystroke; only the plotted data matters.
  const plotted = `${snapshot.lastDay}|${snapshot.mood?.join(',')}`;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = snapshot.checkins.map((_, i) => Date.parse(`${dayOf(snapshot, i)}T12:00:00Z`) / 1000);
    const ys = (snapshot.mood ?? []).map((m) => (m === 0 ? null : m / 10));
    let chart: uPlot | null = null;
    const build = () => {
      chart?.destroy();
      chart = new uPlot(options(el), [xs, ys], el);
    };
    build();
    const resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(240, el.clientWidth), height: 200 }));
    resize.observe(el);
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    scheme?.addEventListener('change', build);
    return () => {
      resize.disconnect();
      scheme?.removeEventListener('change', build);
      chart?.destroy();
    };
  }, [plotted]);

  return <div class="mood-chart" ref={box} role="img" aria-label={label} />;
}
