// Runs in: main process and CLI (Node). The print stylesheet every report shares: A4, calm, readable
// in black and white, tables that do not split a row across pages.
export const PRINT_CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
body { font-family: Helvetica, Arial, sans-serif; font-size: 10.5pt; color: #222; line-height: 1.4; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 4pt; color: #1d3557; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; color: #1d3557; border-bottom: 1px solid #c8d0dc; padding-bottom: 2pt; break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
p { margin: 0 0 6pt; }
.muted { color: #555; }
.small { font-size: 9pt; }
.cover { border-left: 4pt solid #1d3557; padding-left: 10pt; margin-bottom: 10pt; }
.figures { display: flex; gap: 8pt; margin: 8pt 0; }
.figure { flex: 1; border: 1px solid #c8d0dc; border-radius: 4pt; padding: 6pt 8pt; break-inside: avoid; }
.figure .value { font-size: 17pt; font-weight: bold; }
.figure .label { font-size: 9pt; color: #555; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9.5pt; break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; border-bottom: 1px solid #dde3ea; overflow-wrap: anywhere; }
th { background: #eef2f7; font-weight: bold; }
tr { break-inside: avoid; }
table.kv th { width: 32%; }
td.num, th.num { text-align: right; white-space: nowrap; }
.chart { margin: 4pt 0 8pt; break-inside: avoid; }
.chart svg { width: 100%; height: auto; }
.note { background: #f5f7fa; border: 1px solid #dde3ea; border-radius: 4pt; padding: 6pt 8pt; margin: 6pt 0; break-inside: avoid; }
.warn { background: #fff4e5; border-color: #e0b070; }
.quote { white-space: pre-wrap; font-family: Georgia, serif; background: #fafafa; border-left: 3pt solid #999; padding: 4pt 8pt; margin: 4pt 0; overflow-wrap: anywhere; }
.hash { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 7.5pt; white-space: nowrap; color: #444; }
ul { margin: 0 0 6pt 14pt; padding: 0; }
.section { break-inside: auto; }
`
