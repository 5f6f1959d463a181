// Runs in: main process and CLI (Node). JSON columns are parsed in one place so a bad row fails loudly.
export function parseJson<T>(text: string, column: string): T {
  try {
    return JSON.parse(text) as T
  } catch {
    throw new Error(`Column ${column} holds invalid JSON`)
  }
}
