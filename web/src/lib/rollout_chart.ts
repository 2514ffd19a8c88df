// The rollout bar chart (planned vs live), drawn with Chart.js. Loaded on demand by the rollout
// page, so Chart.js stays out of the bundle every other page downloads. Only the pieces a bar
// chart needs are registered (Chart.js is tree-shakable).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface BarChartData {
  labels: string[];
  series: { label: string; values: number[] }[];
  // Number formatting for ticks and tooltips (1.234 in Vietnamese, 1,234 in English).
  locale: string;
}

// Planned: light grey with a dark edge; live: the portal's red. Distinct in lightness too, and the
// table beside the chart carries every number for anyone who cannot tell them apart.
const COLOURS = [
  { background: '#b1b4b6', border: '#505a5f' },
  { background: '#a4161a', border: '#7a1013' },
];

function toDatasets(data: BarChartData) {
  return data.series.map((s, index) => {
    const colour = COLOURS[index % COLOURS.length] ?? COLOURS[0]!;
    return {
      label: s.label,
      data: s.values,
      backgroundColor: colour.background,
      borderColor: colour.border,
      borderWidth: 1,
    };
  });
}

export interface BarChart {
  update(data: BarChartData): void;
  destroy(): void;
}

export function drawBarChart(canvas: HTMLCanvasElement, data: BarChartData): BarChart {
  // The page's own font, so the chart reads like the text around it.
  Chart.defaults.font.family = getComputedStyle(canvas).fontFamily;
  Chart.defaults.font.size = 14;
  Chart.defaults.color = '#0b0c0c';
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: data.labels, datasets: toDatasets(data) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: data.locale,
      scales: {
        x: { ticks: { color: '#0b0c0c' }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { color: '#0b0c0c', precision: 0 }, grid: { color: '#dddddd' } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: '#0b0c0c' } },
      },
    },
  });
  return {
    update(next) {
      chart.data.labels = next.labels;
      chart.data.datasets = toDatasets(next);
      chart.options.locale = next.locale;
      chart.update();
    },
    destroy() {
      chart.destroy();
    },
  };
}
