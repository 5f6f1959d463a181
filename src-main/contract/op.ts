// Runs in: both processes (common). How an operation is declared. Each feature keeps its operations
// in its own contract file (e.g. `secrets.ts` exports `secretsOps`) and index.ts spreads them into
// the one table, so the table stays the single list of what the renderer may call.
import { z } from 'zod'

export function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) {
  return { input, output, summary }
}

/** For operations that take nothing. */
export const NoInput = z
  .union([z.undefined(), z.null(), z.object({}).strict()])
  .transform(() => undefined)
