import { useMemo } from 'preact/hooks';
import type { AlignedData } from 'uplot';
import type { Snapshot } from '../../lib/share/model';
import { dayOf } from '../../lib/share/summary';
import { words } from '../i18n';
import { Chart, dayAxis, moodAxis } from '../ui/Chart';

interface Props {
  snapshot: Snapshot;
  label: string;
}

/**
 * Daily average mood as a line, drawn by the shared uPlot wrapper. The canvas is for sighted
 * readers: the same facts are in the text summary and the table beside it.
 */
export function MoodChart({ snapshot, label }: Props) {
  // The preview makes a new snapshot object on every keystroke; only the plotted data matters.
  const plotted = `${snapshot.lastDay}|${snapshot.mood?.join(',')}`;
  const data = useMemo<AlignedData>(
    () => [
      // Noon UTC of each day, labelled in UTC by the wrapper, whatever zone the reader is in.
      snapshot.checkins.map((_, i) => Date.parse(`${dayOf(snapshot, i)}T12:00:00Z`) / 1000),
      (snapshot.mood ?? []).map((m) => (m === 0 ? null : m / 10)),
    ],
    [plotted],
  );
  return (
    <Chart
      class="mood-chart"
      label={label}
      height={200}
      minWidth={240}
      data={data}
      options={(c) => ({
        legend: { show: false },
        cursor: { show: false },
        // Half a day either side, so the first and last days' points are not cut by the edges.
        scales: { x: { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] }, y: { range: [1, 5] } },
        axes: [dayAxis(c), moodAxis(c, words.insights.moodAxis)],
        series: [{}, { stroke: c.series[0], width: 2, spanGaps: false, points: { show: true, size: 6, fill: c.series[0] } }],
      })}
    />
  );
}
