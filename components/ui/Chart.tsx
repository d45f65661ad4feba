import { useEffect, useRef } from 'preact/hooks';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartProps {
  /** The visible heading's id: the chart is labelled by it. */
  labelledBy: string;
  data: AlignedData;
  /** Builds the options with the current colours; called again when the scheme changes. */
  options: (colors: ChartColors) => Omit<Options, 'width' | 'height'>;
  height?: number;
}

export interface ChartColors {
  text: string;
  grid: string;
  series: [string, string, string];
  band: string;
}

// Okabe–Ito colours, distinguishable with every common colour-vision deficiency; the dark
// scheme uses the lighter members of the same palette so lines keep their contrast.
function readColors(): ChartColors {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return dark
    ? { text: '#e9eeec', grid: 'rgba(233,238,236,0.15)', series: ['#56B4E9', '#E69F00', '#CC79A7'], band: 'rgba(86,180,233,0.22)' }
    : { text: '#1b1f1e', grid: 'rgba(27,31,30,0.12)', series: ['#0072B2', '#9A6700', '#A3497F'], band: 'rgba(0,114,178,0.16)' };
}

export function axis(colors: ChartColors, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return { stroke: colors.text, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid, width: 1 }, ...extra };
}

/**
 * A uPlot chart that fills its container's width and follows window resizes and the colour
 * scheme. It is an image to assistive technology; every chart has a text summary and a
 * table beside it.
 */
export function Chart({ labelledBy, data, options, height = 220 }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = box.current!;
    const build = () => {
      plot.current?.destroy();
      // x values are UTC midnights of the person's days: place and label ticks in UTC too, so a
      // day's tick sits on its point whatever zone the device is in.
      const tzDate = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
      plot.current = new uPlot({ tzDate, ...options(readColors()), width: Math.max(200, el.clientWidth), height }, data, el);
    };
    build();
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    scheme?.addEventListener('change', build);
    return () => {
      resize.disconnect();
      scheme?.removeEventListener('change', build);
      plot.current?.destroy();
      plot.current = null;
    };
  }, [data]);

  return <div ref={box} class="chart" role="img" aria-labelledby={labelledBy} />;
}
