// The report's explanation of a verdict: core's `explain` (from `@mailverdict/core/explain`, the
// entry with the guidance prose) — a compact line for the terminal (the category in plain words and
// the first thing to do) and the full `formatExplanation` text (codes, causes, steps, links) for the
// JSON report.
import type { Verdict } from '@mailverdict/core';
import { explain, formatExplanation } from '@mailverdict/core/explain';
import type { ExplainPort } from './ports';

export function createExplainPort(): ExplainPort {
  return {
    explain(verdict: Verdict) {
      let explanation: ReturnType<typeof explain>;
      try {
        explanation = explain(verdict);
      } catch (error) {
        // A verdict read back from the database that core cannot explain: say so, keep the report.
        const why = error instanceof Error ? error.message : String(error);
        return { line: verdict.summary, details: `${verdict.summary}\n(no explanation: ${why})\n` };
      }
      const step = explanation.steps[0];
      return {
        line: step === undefined ? explanation.categoryTitle : `${explanation.categoryTitle} — ${step}`,
        details: formatExplanation(explanation, 'text'),
      };
    },
  };
}
