// Runs in: CLI (Node). Small argument parsers shared by commands.
import { CliError } from '../context'

export function positiveInt(text: string, label: string): number {
  const n = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n <= 0)
    throw new CliError(`${label} must be a positive whole number, not "${text}"`)
  return n
}
