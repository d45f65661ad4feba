import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DayKey } from '../../lib/days';
import { fmt } from '../i18n';

// The one uPlot wrapper (the insights charts and the mentor's mood chart). Like uplot-react, it
// creates the chart once, gives it new data with setData, follows its box's width with setSize,
// and destroys it on unmount. It is rebuilt only for what uPlot can't change in place: the
// number of series and the colour scheme (canvas can't read CSS colours).

export interface ChartColors {
  text: string;
  grid: string;
  series: [string, string, string];
  band: string;
}

export interface ChartProps {
  data: AlignedData;
  /**
   * The options, for the current colours. Read when the chart is built, so anything that changes
   * with the data must be in the data or in functions of the chart (ranges, values, points.show).
   */
  options: (colors: ChartColors) => Omit<Options, 'width' | 'height'>;
  height?: number;
  /** Narrowest width the chart is drawn at, whatever its box. */
  minWidth?: number;
  /** The visible heading's id, when there is one: the chart is labelled by it. */
  labelledBy?: string;
  /** Otherwise its accessible name, from the catalogue. */
  label?: string;
  class?: string;
}

// Okabe–Ito colours, distinguishable with every common colour-vision deficiency; the dark
// scheme uses the lighter members of the same palette so lines keep their contrast.
function palette(dark: boolean): ChartColors {
  return dark
    ? { text: '#e9eeec', grid: 'rgba(233,238,236,0.15)', series: ['#56B4E9', '#E69F00', '#CC79A7'], band: 'rgba(86,180,233,0.22)' }
    : { text: '#1b1f1e', grid: 'rgba(27,31,30,0.12)', series: ['#0072B2', '#9A6700', '#A3497F'], band: 'rgba(0,114,178,0.16)' };
}

const darkQuery = () => (typeof window === 'undefined' ? undefined : window.matchMedia?.('(prefers-color-scheme: dark)'));

function useDarkScheme(): boolean {
  const [dark, setDark] = useState(() => darkQuery()?.matches ?? false);
  useEffect(() => {
    const query = darkQuery();
    if (!query) return;
    const change = () => setDark(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return dark;
}

/** Same series, same values: nothing to redraw (a parent may hand over equal arrays anew). */
function sameData(a: AlignedData, b: AlignedData): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

// x values are seconds at UTC midnight (or noon) of the person's days: place and label ticks in
// UTC too, so a day's tick sits on its point whatever zone the device is in.
const tzDate = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');

/**
 * A uPlot chart that fills its box's width. It is an image to assistive technology: every
 * chart has a text summary and a table beside it.
 */
export function Chart({ data, options, height = 220, minWidth = 200, labelledBy, label, class: className = 'chart' }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The newest props, for the chart built (or resized) later than the render that brought them.
  const latest = useRef({ data, options, height, minWidth });
  latest.current = { data, options, height, minWidth };
  const dark = useDarkScheme();
  const seriesCount = data.length;

  useEffect(() => {
    const el = box.current!;
    const { data, options, height, minWidth } = latest.current;
    const chart = new uPlot({ tzDate, ...options(palette(dark)), width: Math.max(minWidth, el.clientWidth), height }, data, el);
    plot.current = chart;
    const resize = new ResizeObserver(() => {
      const { height, minWidth } = latest.current;
      const width = Math.max(minWidth, el.clientWidth);
      if (width !== chart.width || height !== chart.height) chart.setSize({ width, height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      if (plot.current === chart) plot.current = null;
    };
  }, [seriesCount, dark]);

  useEffect(() => {
    const chart = plot.current;
    if (chart && !sameData(chart.data, data)) chart.setData(data);
  }, [data]);

  useEffect(() => {
    const chart = plot.current;
    if (chart && chart.height !== height) chart.setSize({ width: chart.width, height });
  }, [height]);

  return <div ref={box} class={className} role="img" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label} />;
}

export function axis(colors: ChartColors, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: colors.text,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
    // Numbers in the page's language, not the browser's.
    values: (_u, splits) => splits.map((n) => (n === null ? '' : fmt.number(n))),
    ...extra,
  };
}

const DAY = 86_400;

/** The calendar day of an x value (seconds at UTC midnight or noon of the day). */
export const secondsToDay = (seconds: number): DayKey => new Date(seconds * 1000).toISOString().slice(0, 10) as DayKey;

/** An x axis of days, labelled in the page's language: "3 Jun", or "Jun 2026" when ticks are months apart. */
export function dayAxis(colors: ChartColors, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return axis(colors, {
    values: (_u, splits, _axis, _space, incr) =>
      splits.map((s) =>
        fmt.day(secondsToDay(s), incr >= 28 * DAY ? { month: 'short', year: 'numeric' } : { month: 'short', day: 'numeric' }),
      ),
    ...extra,
  });
}

/** Room for the widest tick label (words are wider than digits, and vary by language). */
function fitLabels(u: uPlot, values: string[] | null, axisIdx: number, cycle: number): number {
  const a = u.axes[axisIdx]! as uPlot.Axis & { _size?: number; font?: [string, number] };
  if (cycle > 1 && a._size) return a._size;
  const widest = (values ?? []).reduce((w, v) => (v.length > w.length ? v : w), '');
  let size = 8 + (typeof a.gap === 'number' ? a.gap : 5) + (a.ticks?.size ?? 10);
  if (widest !== '' && a.font) {
    u.ctx.font = a.font[0];
    size += u.ctx.measureText(widest).width / (window.devicePixelRatio || 1);
  }
  return Math.ceil(size);
}

/** A y axis of mood, 1 to 5, with the catalogue's word for each value. */
export function moodAxis(colors: ChartColors, names: readonly string[], extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return axis(colors, {
    splits: () => [1, 2, 3, 4, 5],
    values: (_u, splits) => splits.map((n) => names[n - 1] ?? ''),
    size: fitLabels,
    ...extra,
  });
}
