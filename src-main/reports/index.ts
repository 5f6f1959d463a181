// Runs in: main process and CLI (Node). Reports: the pre-Ofsted snapshot and the POSH escalation pack.
export { playwrightPdfRenderer, footerTemplate, PDF_MARGIN, type PdfRenderer } from './pdf'
export { safeFileName, writeFileAtomic, diskWriter, type FileWriter } from './files'
export { gatherFigures, type TrendsAccess } from './ofsted/gather'
export { snapshotHtml } from './ofsted/html'
export { changesSince } from './ofsted/changes'
export type { SnapshotFigures, PreviousSnapshot } from './ofsted/types'
export { buildPoshPack, POSH_EMAIL } from './posh/pack'
export { collectEvidence, poshWarnings, DEFAULT_OUTCOME, type PoshCase } from './posh/collect'

import type { PdfRenderer } from './pdf'
/** What the report handlers may be given: the Electron app passes its printToPDF renderer. */
export interface ReportDeps {
  pdf?: PdfRenderer
}
