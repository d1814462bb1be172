import { useId, useState } from 'react';
import { formatMoney } from '../../../lib/money';
import { chartSummary, formatAxisValue, type Chart } from '../chart';

// Drawn at about this size (dashboard.css caps the width), so that its text stays readable.
const WIDTH = 540;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 8, bottom: 40, left: 56 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

interface PurchasesChartProps {
  chart: Chart;
}

/**
 * The months' purchases as stacked bars, one colour per product, in plain SVG. The picture
 * says in one sentence what it shows; the same figures are a table behind "Show as table".
 */
export function PurchasesChart({ chart }: PurchasesChartProps) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  return (
    <div className="purchases-chart">
      <Legend chart={chart} />
      <Bars chart={chart} />
      <button
        type="button"
        className="button-secondary"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => {
          setShowTable(!showTable);
        }}
      >
        {showTable ? 'Hide table' : 'Show as table'}
      </button>
      <div id={tableId} hidden={!showTable}>
        {showTable && <PurchasesTable chart={chart} />}
      </div>
    </div>
  );
}

function Legend({ chart }: PurchasesChartProps) {
  if (chart.series.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label="Products">
      {chart.series.map((series) => (
        <li key={series.code}>
          <span className={`chart-swatch chart-series-${series.colour}`} aria-hidden="true" />
          {series.name}
        </li>
      ))}
    </ul>
  );
}

function Bars({ chart }: PurchasesChartProps) {
  const slot = PLOT_WIDTH / Math.max(chart.bars.length, 1);
  const barWidth = slot * 0.6;
  const scale = (value: number) => (chart.max === 0 ? 0 : (value / chart.max) * PLOT_HEIGHT);
  return (
    <svg
      className="chart"
      role="img"
      aria-label={chartSummary(chart)}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <g className="chart-grid">
        {chart.ticks.map((tick) => {
          const y = MARGIN.top + PLOT_HEIGHT - scale(tick);
          return (
            <g key={tick}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y} y2={y} />
              <text x={MARGIN.left - 8} y={y} dy="0.32em" textAnchor="end">
                {formatAxisValue(tick, chart.currency)}
              </text>
            </g>
          );
        })}
      </g>
      {chart.bars.map((bar, index) => {
        const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
        let top = MARGIN.top + PLOT_HEIGHT;
        return (
          <g key={bar.month}>
            <title>{`${bar.longLabel}: ${formatMoney(bar.total)}`}</title>
            {bar.segments.map((segment) => {
              const height = scale(segment.value);
              top -= height;
              return (
                <rect
                  key={segment.series.code}
                  className={`chart-series-${segment.series.colour}`}
                  x={x}
                  y={top}
                  width={barWidth}
                  height={height}
                />
              );
            })}
            <text className="chart-label" x={x + barWidth / 2} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle">
              {bar.shortLabel}
            </text>
            {bar.yearLabel && (
              <text className="chart-label" x={x + barWidth / 2} y={HEIGHT - MARGIN.bottom + 32} textAnchor="middle">
                {bar.yearLabel}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** The chart's figures: a row per month, a column per product, and the month's total. */
function PurchasesTable({ chart }: PurchasesChartProps) {
  return (
    <div className="table-wrapper">
      <table>
        <caption className="visually-hidden">Purchases by product and month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {chart.series.map((series) => (
              <th key={series.code} scope="col" className="numeric">
                {series.name}
              </th>
            ))}
            <th scope="col" className="numeric">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {chart.bars.map((bar) => (
            <tr key={bar.month}>
              <th scope="row">{bar.longLabel}</th>
              {chart.series.map((series) => {
                const segment = bar.segments.find((one) => one.series.code === series.code);
                return (
                  <td key={series.code} className="numeric">
                    {segment ? formatMoney(segment.total) : '–'}
                  </td>
                );
              })}
              <td className="numeric">{formatMoney(bar.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
