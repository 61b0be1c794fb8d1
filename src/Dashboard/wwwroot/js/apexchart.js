// The one bridge between Blazor and ApexCharts: create, update in place, export, destroy.
// The library (1 MB) is loaded on the first chart, so pages without charts never pay for it.
// Every options object goes through asText first: sender text in it is shown as text (see chart-text.js), and through
// withMotion: a person who asked the system for reduced motion gets charts that appear and change without animating.
import { asText } from './chart-text.js';
import { saveDataUri } from './download.js';

let loading;
const charts = new Map();
let nextId = 1;

function loadLibrary() {
  if (window.ApexCharts) return Promise.resolve();
  loading ??= new Promise((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = 'lib/apexcharts/apexcharts.css';
    document.head.appendChild(css);
    const script = document.createElement('script');
    script.src = 'lib/apexcharts/apexcharts.min.js';
    script.onload = () => resolve();
    script.onerror = () => { loading = undefined; reject(new Error('The chart library could not be loaded.')); };
    document.head.appendChild(script);
  });
  return loading;
}

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

// A funnel's stages are named on the funnel itself (SVG text, so a name is drawn as written) where the bar is wide
// enough to hold the name; a narrow bar keeps its number only, the name staying in the chart's table.
function withStageNames(options) {
  if (options.plotOptions?.bar?.isFunnel) {
    options.dataLabels = {
      ...options.dataLabels,
      formatter: (value, { dataPointIndex, w }) => {
        const widest = Math.max(...w.globals.series.flat(), 1);
        return value / widest >= 0.3 ? `${w.globals.labels[dataPointIndex] ?? ''}: ${value}` : `${value}`;
      },
    };
  }
  return options;
}

function withMotion(options) {
  if (reducedMotion.matches) options.chart = { ...options.chart, animations: { enabled: false } };
  return options;
}

export async function create(element, options, dotNetRef) {
  await loadLibrary();
  if (dotNetRef) {
    const select = (_event, _context, config) => {
      dotNetRef.invokeMethodAsync('OnPointSelectedFromChart', config.seriesIndex, config.dataPointIndex);
    };
    options.chart = options.chart || {};
    // A click on a bar or slice is a data point selection; Enter or Space on the point the keyboard has reached in
    // the chart is reported as a marker click.
    options.chart.events = { dataPointSelection: select, markerClick: select };
    // Where the page asked for it (the options say so by keeping a legend entry from hiding its series), a legend
    // entry, clicked or chosen with Enter, selects its series, or a donut's slice.
    if (options.legend?.onItemClick?.toggleDataSeries === false) {
      options.chart.events.legendClick = (_chart, index) => {
        if (index >= 0) dotNetRef.invokeMethodAsync('OnLegendSelectedFromChart', index);
      };
    }
  }
  const chart = new window.ApexCharts(element, withMotion(withStageNames(asText(options))));
  await chart.render();
  const id = nextId++;
  charts.set(id, chart);
  return id;
}

// Merges into the live chart: bars and lines move to their new values instead of being drawn again.
export async function update(id, options) {
  const chart = charts.get(id);
  if (chart) await chart.updateOptions(withMotion(withStageNames(asText(options))), false, true);
}

// Exported and saved here, in the browser: the image never crosses the circuit, whose messages are capped far below
// a chart's PNG.
export async function savePng(id, fileName) {
  const chart = charts.get(id);
  if (!chart) return;
  const { imgURI } = await chart.dataURI({ scale: 2 });
  saveDataUri(fileName, imgURI);
}

export function destroy(id) {
  const chart = charts.get(id);
  charts.delete(id);
  if (chart) chart.destroy();
}
