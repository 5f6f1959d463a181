// Runs in: renderer. Hands a report's bytes (base64 from main) to the browser's own download, with the
// safe file name main chose. Works the same in the app's window and in a browser tab.
import type { ReportFile } from '@contract'

export function downloadReport(file: ReportFile): void {
  const bin = atob(file.dataBase64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Long enough for the browser to start the download; the object URL is then released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
