// A horizontal bar chart in SVG, drawn at the pixel width it is given (so its text stays 14 px on a
// phone): each bar under its label with its number beside it, a value axis with ticks and grid
// lines, a tooltip on hover, and the same figures for screen readers as the image's label.
import { useEffect, useRef, useState } from 'react';

export interface Bar {
  label: string;
  value: number;
}

/** Tick values 0, step, 2·step … covering max, with step 1, 2 or 5 × 10^k and at most about 5 ticks. */
export function ticksFor(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? power * 10);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

const ROW = 48;
const AXIS = 28;
const VALUE_SPACE = 48;

export function BarChart({ title, bars, unit = '件' }: { title: string; bars: Bar[]; unit?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(320);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const ticks = ticksFor(Math.max(0, ...bars.map((b) => b.value)));
  const top = ticks[ticks.length - 1]!;
  const plot = width - VALUE_SPACE;
  const x = (v: number) => (v / top) * plot;
  const height = bars.length * ROW + AXIS;
  const summary = bars.map((b) => `${b.label} ${b.value}${unit}`).join('、');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={box}>
        {bars.length === 0 ? (
          <p className="muted">データはありません。</p>
        ) : (
          <svg role="img" aria-label={`${title}: ${summary}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
            {ticks.map((t) => (
              <g key={t}>
                <line className="grid" x1={x(t)} x2={x(t)} y1={0} y2={bars.length * ROW} />
                <text className="tick" x={x(t)} y={bars.length * ROW + 18} textAnchor={t === 0 ? 'start' : 'middle'}>
                  {t}
                </text>
              </g>
            ))}
            {bars.map((b, i) => (
              <g key={b.label} transform={`translate(0 ${i * ROW})`}>
                <title>{`${b.label}: ${b.value}${unit}`}</title>
                <text className="label" x={6} y={17}>
                  {b.label}
                </text>
                <rect className="bar" x={0} y={24} width={Math.max(x(b.value), b.value > 0 ? 2 : 0)} height={18} rx={2} />
                <text x={x(b.value) + 6} y={38}>
                  {b.value}
                </text>
              </g>
            ))}
            <line className="axis" x1={0} x2={plot} y1={bars.length * ROW} y2={bars.length * ROW} />
            <line className="axis" x1={0} x2={0} y1={0} y2={bars.length * ROW} />
          </svg>
        )}
      </div>
    </figure>
  );
}
