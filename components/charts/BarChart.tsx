// A bar chart drawn as SVG on the server: no chart library, no script. Bars are grouped (one
// per series side by side) or stacked. The SVG is one labelled image for screen readers; the
// same figures follow in a table, which is the chart's text equivalent.
import { useId } from "react";

export type Series = { name: string; values: number[]; colour: string };

type Props = {
  title: string;
  /** One sentence saying what the chart shows and what stands out. */
  description: string;
  categories: string[];
  /** Short names for the axis when the categories are long (the table keeps the full ones). */
  axisLabels?: string[];
  series: Series[];
  stacked?: boolean;
  /** The top of the scale; the largest bar by default. */
  max?: number;
  format?: (n: number) => string;
  /** Heading of the category column in the table. */
  categoryLabel: string;
};

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 44;
const BOTTOM = 40;
const TOP = 10;

export function BarChart({ title, description, categories, axisLabels = categories, series, stacked = false, max, format = String, categoryLabel }: Props) {
  const id = useId();
  const totals = categories.map((_, i) => (stacked ? series.reduce((s, x) => s + (x.values[i] ?? 0), 0) : Math.max(0, ...series.map((x) => x.values[i] ?? 0))));
  const top = max ?? Math.max(1, ...totals);
  const plotH = HEIGHT - TOP - BOTTOM;
  const band = (WIDTH - LEFT) / Math.max(1, categories.length);
  const barW = stacked ? band * 0.6 : (band * 0.8) / Math.max(1, series.length);
  const y = (v: number) => TOP + plotH - (Math.max(0, v) / top) * plotH;
  const ticks = [0, top / 2, top];

  return (
    <figure className="chart">
      <figcaption className="chart__title" id={`${id}-title`}>
        {title}
      </figcaption>
      <p className="chart__description" id={`${id}-desc`}>
        {description}
      </p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart__svg">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={WIDTH} y1={y(t)} y2={y(t)} className="chart__grid" />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" className="chart__label">
              {format(t)}
            </text>
          </g>
        ))}
        {categories.map((c, i) => {
          const x0 = LEFT + i * band + (stacked ? band * 0.2 : band * 0.1);
          let base = 0;
          return (
            <g key={c}>
              {series.map((s, j) => {
                const v = s.values[i] ?? 0;
                const from = stacked ? base : 0;
                base += stacked ? v : 0;
                const x = stacked ? x0 : x0 + j * barW;
                return <rect key={s.name} x={x} width={Math.max(1, barW - 2)} y={y(from + v)} height={Math.max(0, y(from) - y(from + v))} fill={s.colour} />;
              })}
              <text x={LEFT + i * band + band / 2} y={HEIGHT - BOTTOM + 16} textAnchor="middle" className="chart__label">
                {axisLabels[i] ?? c}
              </text>
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <ul className="chart__legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.name}>
              <span className="chart__swatch" style={{ background: s.colour }} /> {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="chart__data">
        <summary>The figures as a table</summary>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              {series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                {series.map((s) => (
                  <td key={s.name}>{format(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
