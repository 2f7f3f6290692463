// Finding a README's examples so a test can run them: mailverdict's READMEs are tested this way, so
// an example cannot drift from the code. Fences are CommonMark's (https://spec.commonmark.org/0.31.2/
// #fenced-code-blocks), as the READMEs write them: a line of exactly three backticks and the
// language, closed by a line of exactly three backticks.

export interface CodeBlock {
  /** The line number (1-based) of the block's first line of code in the Markdown. */
  readonly line: number;
  /** The code between the fences, without them. */
  readonly code: string;
}

/** The fenced code blocks of `markdown` in `language` (```ts by default), in order. */
export function codeBlocks(markdown: string, language = 'ts'): CodeBlock[] {
  if (typeof markdown !== 'string') throw new TypeError('codeBlocks: markdown must be a string');
  const blocks: CodeBlock[] = [];
  let current: { line: number; lines: string[] } | undefined;
  markdown.split('\n').forEach((text, index) => {
    if (current === undefined && text === `\`\`\`${language}`) current = { line: index + 2, lines: [] };
    else if (current !== undefined && text === '```') {
      blocks.push({ line: current.line, code: current.lines.join('\n') });
      current = undefined;
    } else current?.lines.push(text);
  });
  return blocks;
}
