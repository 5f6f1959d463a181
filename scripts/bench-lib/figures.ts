// Runs in: Node (the benchmark scripts). Every benchmark ends with one line of JSON holding its
// figures, so `npm run bench` can collect them without scraping the human-readable table above it.
// The line is the last one the script prints; nothing else in it may be JSON on its own.

export type Figures = Record<string, unknown>

/** Prints the figures as the benchmark's final JSON line. `bench` names the benchmark. */
export function printFigures(bench: string, figures: Figures): void {
  console.log(JSON.stringify({ bench, ...figures }))
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Milliseconds to one decimal place: enough for figures that vary by more than that run to run. */
export const ms1 = (x: number): number => Math.round(x * 10) / 10

/** The last stdout line that is a JSON object: a benchmark's figures (what `npm run bench` reads). */
export function lastJsonLine(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.split('\n').map((l) => l.trim())
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!lines[i].startsWith('{')) continue
    try {
      const v: unknown = JSON.parse(lines[i])
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>
    } catch {
      // A line that merely starts with a brace: keep looking upwards.
    }
  }
  return undefined
}
