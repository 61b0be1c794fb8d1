// Saves a data URI (a chart's PNG) as a file the browser downloads.
export function saveDataUri(fileName, uri) {
  const link = document.createElement('a');
  link.href = uri;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
