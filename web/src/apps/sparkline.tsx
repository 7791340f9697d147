/** A small inline SVG line chart: the last values, scaled to the box (or to `max`). */
export function Sparkline({
  values,
  max,
  label,
  width = 240,
  height = 48,
}: {
  values: number[];
  max?: number;
  label: string;
  width?: number;
  height?: number;
}) {
  const top = Math.max(max ?? 0, ...values, 1e-9);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / top) * (height - 4)).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      height={height}
      role="img"
      aria-label={label}
      preserveAspectRatio="none"
    >
      <line x1="0" y1={height - 1} x2={width} y2={height - 1} className="spark-axis" />
      {values.length > 1 && (
        <polyline
          points={`0,${height} ${points} ${((values.length - 1) * step).toFixed(1)},${height}`}
          className="spark-fill"
        />
      )}
      {values.length > 0 && <polyline points={points} className="spark-line" fill="none" />}
    </svg>
  );
}
