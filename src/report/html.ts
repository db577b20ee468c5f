/** Text and attribute values made safe for HTML: the dump holds whatever the source printed. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The id of a value's place in a table, shared by its grid cell and its box on the page image. */
export function cellKey(tableIndex: number, rowIndex: number, columnIndex: number): string {
  return `${tableIndex}-${rowIndex}-${columnIndex}`;
}

/** A document id as a file name inside the site (ids are already safe file names; be sure). */
export function pageFileName(documentId: string): string {
  return `doc-${documentId.replace(/[^\p{L}\p{N}._-]/gu, '_')}.html`;
}

export function htmlPage(title: string, body: string, assetPrefix: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${assetPrefix}report.css">
</head>
<body>
${body}
<script src="${assetPrefix}review.js"></script>
</body>
</html>
`;
}
