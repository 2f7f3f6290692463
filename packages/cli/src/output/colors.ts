import picocolors from 'picocolors';

export type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * Colours for one output stream: only when it is a terminal and `NO_COLOR` is not set to a non-empty
 * value (no-color.org); `FORCE_COLOR` (non-empty, not `0`) turns them on for a pipe.
 */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0';
  return picocolors.createColors(!noColor && (force || stream.isTTY === true));
}
