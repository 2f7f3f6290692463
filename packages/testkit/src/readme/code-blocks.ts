/** One fenced code block of a Markdown file. */
export interface CodeBlock {
  /** 1-based line of the block's first code line in the file */
  readonly line: number;
  readonly code: string;
}

/** The blocks fenced exactly as ```<language> … ``` (one extractor for every README test here). */
export function codeBlocks(markdown: string, language = 'ts'): CodeBlock[] {
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
