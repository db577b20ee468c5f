/** HTML text and attribute escaping: every string of the report comes from a document, and is data. */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function esc(text: string | number | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** A file name for a document's page: ids are safe file names already; `#` and `%` would break a URL. */
export function pageFileOf(documentId: string): string {
  return `${encodeURIComponent(documentId)}.html`;
}

export function shell(title: string, body: string, root: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><link rel="stylesheet" href="${root}report.css"></head>
<body>${body}<script src="${root}report.js"></script></body></html>
`;
}
