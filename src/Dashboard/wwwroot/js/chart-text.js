// Sender text (sources, places, names, firstbird values) reaches the charts as data, and stays text. ApexCharts draws
// axis labels, data labels and donut labels as SVG text nodes, which are text already, so those keep the text as
// sent; it fills the tooltip (title, series names, the x-axis box) and the legend with innerHTML, so the formatters
// below escape exactly what lands there. Every options object passes through asText before the library sees it, so
// `A & B <x>` reads `A & B <x>` everywhere and never becomes markup.

const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => entities[c]);
}

// Called with the text and the library's context object: only the text is taken.
const asHtmlText = (value) => escapeHtml(value);

export function asText(options) {
  const tooltip = options.tooltip ?? {};
  options.tooltip = {
    ...tooltip,
    x: { ...tooltip.x, formatter: asHtmlText },
    y: {
      ...tooltip.y,
      // The library's own default, "name: ", with the name escaped.
      title: { formatter: (name) => (name ? `${escapeHtml(name)}: ` : '') },
    },
  };
  options.xaxis = { ...options.xaxis, tooltip: { ...options.xaxis?.tooltip, formatter: asHtmlText } };
  options.legend = { ...options.legend, formatter: asHtmlText };
  return options;
}
