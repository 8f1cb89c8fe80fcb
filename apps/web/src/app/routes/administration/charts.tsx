import { useId } from 'react';
import { largest, niceScale, position, segments, type CountRange } from '../../../lib/chart-scale';

// Small SVG charts for the statistics page, drawn by hand (no chart library). Each chart is one
// image with a title and a description for assistive technology; the numbers themselves are in
// the table that always follows a chart. Series differ in colour, line style and marker shape,
// so they can be told apart without seeing colour.

const WIDTH = 720;

export interface LineSeries {
  key: string;
  label: string;
  counts: readonly (number | null)[];
}

export interface AxisLabel {
  /** The month, e.g. "jan." */
  main: string;
  /** The year under the first month and under each January; empty otherwise. */
  sub: string;
}

const STYLES = [
  { color: '#0b5c55', dash: undefined, marker: 'circle' },
  { color: '#b5460f', dash: '8 4', marker: 'square' },
  { color: '#5b3a99', dash: '2 4', marker: 'triangle' },
  { color: '#1f4e79', dash: '12 4 2 4', marker: 'diamond' },
] as const;

function Marker({ kind, x, y, color }: { kind: (typeof STYLES)[number]['marker']; x: number; y: number; color: string }) {
  const size = 4.5;
  if (kind === 'square') return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} fill={color} />;
  if (kind === 'triangle') return <polygon points={`${x},${y - size - 1} ${x + size + 1},${y + size} ${x - size - 1},${y + size}`} fill={color} />;
  if (kind === 'diamond') return <polygon points={`${x},${y - size - 1} ${x + size + 1},${y} ${x},${y + size + 1} ${x - size - 1},${y}`} fill={color} />;
  return <circle cx={x} cy={y} r={size} fill={color} />;
}

/** The legend under a chart: a sample of each series' line and marker with its name. */
function Legend({ series }: { series: readonly { key: string; label: string }[] }) {
  return (
    <ul className="chart__legend">
      {series.map((item, index) => {
        const style = STYLES[index % STYLES.length]!;
        return (
          <li key={item.key}>
            <svg width="36" height="14" aria-hidden="true" focusable="false">
              <line x1="2" y1="7" x2="34" y2="7" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
              <Marker kind={style.marker} x={18} y={7} color={style.color} />
            </svg>
            {item.label}
          </li>
        );
      })}
    </ul>
  );
}

export interface LineChartProps {
  title: string;
  description: string;
  labels: readonly AxisLabel[];
  series: readonly LineSeries[];
  /** Formats axis values in the interface language. */
  format: (value: number) => string;
}

/** Counts per month as lines; a suppressed month (null) breaks the line instead of dropping to zero. */
export function LineChart({ title, description, labels, series, format }: LineChartProps) {
  const id = `chart${useId().replace(/:/g, '')}`;
  const height = 280;
  const margin = { top: 16, right: 20, bottom: 48, left: 56 };
  const plotWidth = WIDTH - margin.left - margin.right;
  const bottom = height - margin.bottom;
  const scale = niceScale(largest(...series.map((item) => item.counts)));
  const step = labels.length ? plotWidth / labels.length : plotWidth;
  const x = (index: number) => margin.left + step * (index + 0.5);
  const y = (value: number) => position(value, scale.max, bottom, margin.top);
  const every = Math.max(1, Math.ceil(labels.length / 12));

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} focusable="false">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={WIDTH - margin.right} y1={y(tick)} y2={y(tick)} className={tick === 0 ? 'chart__axis' : 'chart__grid'} />
            <text x={margin.left - 8} y={y(tick)} dy="0.35em" textAnchor="end" className="chart__tick">
              {format(tick)}
            </text>
          </g>
        ))}
        {labels.map((label, index) =>
          index % every === 0 || label.sub ? (
            <text key={index} x={x(index)} y={bottom + 18} textAnchor="middle" className="chart__tick">
              {index % every === 0 ? label.main : ''}
              {label.sub ? (
                <tspan x={x(index)} dy="1.2em">
                  {label.sub}
                </tspan>
              ) : null}
            </text>
          ) : null,
        )}
        {series.map((item, index) => {
          const style = STYLES[index % STYLES.length]!;
          return (
            <g key={item.key}>
              {segments(item.counts).map((run) => (
                <polyline
                  key={run[0]!.index}
                  points={run.map((point) => `${x(point.index)},${y(point.value)}`).join(' ')}
                  fill="none"
                  stroke={style.color}
                  strokeWidth="2.5"
                  strokeDasharray={style.dash}
                  strokeLinejoin="round"
                />
              ))}
              {item.counts.map((value, i) => (value === null ? null : <Marker key={i} kind={style.marker} x={x(i)} y={y(value)} color={style.color} />))}
            </g>
          );
        })}
      </svg>
      <Legend series={series} />
    </figure>
  );
}

export interface RangeBar {
  key: string;
  label: string;
  range: CountRange;
}

export interface RangeBarChartProps {
  title: string;
  description: string;
  bars: readonly RangeBar[];
  format: (value: number) => string;
  /** "12–36": how a total with suppressed months is written. */
  formatRange: (range: CountRange) => string;
}

/**
 * Totals as horizontal bars. A total that includes suppressed months is only known as a range:
 * the bar is solid up to the least it can be and hatched up to the most.
 */
export function RangeBarChart({ title, description, bars, format, formatRange }: RangeBarChartProps) {
  const id = `chart${useId().replace(/:/g, '')}`;
  const row = 28;
  const margin = { top: 8, right: 80, bottom: 28, left: 200 };
  const height = margin.top + bars.length * row + margin.bottom;
  const bottom = height - margin.bottom;
  const scale = niceScale(Math.max(0, ...bars.map((bar) => bar.range.max)));
  const x = (value: number) => position(value, scale.max, margin.left, WIDTH - margin.right);
  const truncate = (text: string) => (text.length > 28 ? `${text.slice(0, 27)}…` : text);

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} focusable="false">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#e3f0ee" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#0b5c55" strokeWidth="2.5" />
          </pattern>
        </defs>
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={margin.top} y2={bottom} className={tick === 0 ? 'chart__axis' : 'chart__grid'} />
            <text x={x(tick)} y={bottom + 18} textAnchor="middle" className="chart__tick">
              {format(tick)}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const top = margin.top + index * row + 5;
          const barHeight = row - 10;
          const exact = bar.range.min === bar.range.max;
          return (
            <g key={bar.key}>
              <text x={margin.left - 8} y={top + barHeight / 2} dy="0.35em" textAnchor="end" className="chart__label">
                {truncate(bar.label)}
              </text>
              <rect x={x(0)} y={top} width={x(bar.range.min) - x(0)} height={barHeight} fill="#0b5c55" />
              {exact ? null : <rect x={x(bar.range.min)} y={top} width={x(bar.range.max) - x(bar.range.min)} height={barHeight} fill={`url(#${id}-hatch)`} stroke="#0b5c55" strokeWidth="1" />}
              <text x={x(bar.range.max) + 6} y={top + barHeight / 2} dy="0.35em" className="chart__value">
                {exact ? format(bar.range.min) : formatRange(bar.range)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
