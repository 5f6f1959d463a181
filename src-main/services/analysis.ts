// Runs in: main process and CLI (Node). Gives the poller the analysis engine, with each school's names and
// staff as context, so every new mention is stored together with its sentiment, flags, priority and owner.
import type { AnalysisEngine } from '../analysis'
import { getBuiltinEngine } from '../analysis'
import type { AnalyzeFn } from '../sources/ingest'

export function schoolAnalyzer(given?: AnalysisEngine): AnalyzeFn {
  // Loaded on the first new mention, not at start-up: the model's weights take a moment to read.
  let engine = given
  return (text, school) => {
    engine ??= getBuiltinEngine()
    const r = engine.analyze(text, {
      school: {
        name: school.name,
        aliases: school.aliases,
        town: school.town,
        postcode: school.postcode,
        staff: school.staff,
      },
    })
    return {
      engine: r.engine,
      engineVersion: r.engineVersion,
      sentiment: r.sentiment,
      flags: r.flags,
      priority: r.priority,
      owner: r.owner,
      evidence: r.evidence,
    }
  }
}
