// Saves a data URI (a chart's PNG) as a file the browser downloads.
// Only a PNG data URI is followed: a link to anything else (a javascript: URL above all) is never clicked.
export function saveDataUri(fileName, uri) {
  if (typeof uri !== 'string' || !uri.startsWith('data:image/png;base64,')) return;
  const link = document.createElement('a');
  link.href = uri;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
