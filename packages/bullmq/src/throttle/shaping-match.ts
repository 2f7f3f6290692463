import type { ShapingRule, Verdict } from '@mailverdict/core';

/** `"<code> <enhanced code> <text>"` in lowercase: the one string shaping phrases are looked for in (as core does). */
function shapingText(verdict: Verdict): string {
  const reply = verdict.reply;
  if (reply === undefined) return '';
  return `${reply.code ?? ''} ${reply.enhanced?.code ?? ''} ${reply.text}`.toLowerCase();
}

/**
 * The rules for `destination` whose conditions all hold for `verdict`, in the given order. Phrases
 * are plain substrings (no regular expressions), so hostile reply text costs linear time.
 */
export function matchShapingRules(
  rules: readonly ShapingRule[],
  destination: string,
  verdict: Verdict,
): ShapingRule[] {
  const matched: ShapingRule[] = [];
  let text: string | undefined;
  for (const rule of rules) {
    if (rule.provider !== destination) continue;
    const match = rule.match;
    if (match.category !== undefined && match.category !== verdict.category) continue;
    if (match.code !== undefined && match.code !== verdict.reply?.code) continue;
    if (match.enhanced !== undefined && match.enhanced !== verdict.reply?.enhanced?.code) continue;
    if (match.phrases !== undefined) {
      text ??= shapingText(verdict);
      const body = text;
      if (!match.phrases.some((phrase) => body.includes(phrase))) continue;
    }
    matched.push(rule);
  }
  return matched;
}
