/**
 * Geometry of a small bar chart drawn as inline SVG by the view (no
 * JavaScript, no library): one bar per value, scaled to the largest.
 */
export function barChart(values: number[], height = 120, barWidth = 14, gap = 4) {
  const max = Math.max(...values, 1)
  const plot = height - 14
  return {
    width: values.length * (barWidth + gap),
    height,
    baseline: plot,
    bars: values.map((value, index) => {
      const barHeight = value > 0 ? Math.max(2, Math.round((value / max) * plot)) : 0
      return {
        x: index * (barWidth + gap),
        y: plot - barHeight,
        width: barWidth,
        height: barHeight,
      }
    }),
  }
}
