// The retry plan as a picture: attempts on a time axis, the give-up point or the hold, the maximum age.
import { defaultRetryPolicy, type RetryDecision, retryFixes } from '@mailverdict/core';
import { h, s } from './dom';
import { formatDuration } from './format-duration';
import type { PlannedAttempt } from './retry-plan';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const ticks = [0, 5 * minute, 30 * minute, hour, 6 * hour, day, 2 * day, 5 * day, 7 * day];

/** Drawn in CSS pixels at the width it is shown at (320–720), so text keeps its size on a phone. */
export const timelineWidths = { min: 320, max: 720 } as const;
const height = 150;
const left = 28;
const right = 28;
const axisY = 92;

/**
 * Minutes on a log scale, so that a 5-minute retry and a 5-day expiry both fit: `log(1 + t / 1 min)`.
 */
function scale(horizonMs: number, width: number): (offsetMs: number) => number {
  const span = Math.log1p(horizonMs / minute);
  return (offsetMs) => left + ((width - left - right) * Math.log1p(offsetMs / minute)) / span;
}

function tickLabel(offsetMs: number): string {
  return offsetMs === 0 ? 'now' : `+${formatDuration(offsetMs)}`;
}

function finalWords(decision: RetryDecision, wide: boolean): string {
  switch (decision.action) {
    case 'give-up':
      return `give up (${decision.cause})`;
    case 'hold':
      // The fix in full where it fits; the list under the picture always says it.
      return wide ? `hold: ${retryFixes[decision.fix]}` : 'hold until fixed';
    default:
      return 'retry';
  }
}

/** One sentence for screen readers and for the SVG's title. */
export function describePlan(attempts: readonly PlannedAttempt[]): string {
  const last = attempts[attempts.length - 1];
  if (last === undefined) return 'No plan.';
  const retries = attempts.length - 1;
  const end =
    last.decision.action === 'give-up'
      ? `gives up ${last.offsetMs === 0 ? 'at once' : `after ${formatDuration(last.offsetMs)}`} (${last.decision.cause})`
      : last.decision.action === 'hold'
        ? `holds the message until someone acts: ${retryFixes[last.decision.fix]}`
        : 'keeps retrying';
  return `${retries === 0 ? 'No retry' : `${retries} ${retries === 1 ? 'retry' : 'retries'}`}; then ${end}.`;
}

/** The end of the plan in words, above the axis; anchored at its right end when it would run off the picture. */
function endLabel(atX: number, words: string, width: number): SVGElement {
  const rightHalf = atX > width / 2;
  return s(
    'text',
    {
      x: rightHalf ? width - right : atX,
      y: axisY - 34,
      class: 't-end',
      'text-anchor': rightHalf ? 'end' : 'start',
    },
    words,
  );
}

export function renderTimeline(attempts: readonly PlannedAttempt[], availableWidth: number): SVGElement {
  const width = Math.round(Math.min(timelineWidths.max, Math.max(timelineWidths.min, availableWidth)));
  const wide = width >= 560;
  const last = attempts[attempts.length - 1];
  const lastOffset = last?.offsetMs ?? 0;
  const horizon = ticks.find((tick) => tick >= lastOffset * 1.15 && tick >= 6 * hour) ?? lastOffset * 1.15;
  const x = scale(horizon, width);
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    role: 'img',
    class: 'timeline',
    'data-attempts': attempts.length,
    'data-end': last?.decision.action ?? 'none',
  });
  svg.append(s('title', {}, `Retry plan: ${describePlan(attempts)}`));
  svg.append(s('line', { x1: left, x2: width - right, y1: axisY, y2: axisY, class: 't-axis' }));
  let tickLabelledAt = Number.NEGATIVE_INFINITY;
  for (const tick of ticks.filter((value) => value <= horizon)) {
    svg.append(s('line', { x1: x(tick), x2: x(tick), y1: axisY - 4, y2: axisY + 4, class: 't-axis' }));
    // Labels closer than 48 px would overlap: the tick stays, its label goes.
    if (x(tick) - tickLabelledAt < 48) continue;
    svg.append(s('text', { x: x(tick), y: axisY + 22, class: 't-tick' }, tickLabel(tick)));
    tickLabelledAt = x(tick);
  }
  const maxAge = defaultRetryPolicy.maxAgeMs;
  if (maxAge <= horizon) {
    svg.append(
      s('line', { x1: x(maxAge), x2: x(maxAge), y1: 18, y2: axisY + 8, class: 't-limit' }),
      s('text', { x: x(maxAge), y: 12, class: 't-tick' }, `max age ${formatDuration(maxAge)}`),
    );
  }

  let labelledAt = Number.NEGATIVE_INFINITY;
  let sameSpot = 0;
  let previousX = Number.NaN;
  for (const { attempt, offsetMs, decision } of attempts) {
    const cx = x(offsetMs);
    sameSpot = cx === previousX ? sameSpot + 1 : 0;
    previousX = cx;
    const cy = axisY - sameSpot * 10;
    const kind = attempt === 1 ? 'first' : 'retry';
    svg.append(
      s('circle', {
        cx,
        cy,
        r: attempt === 1 ? 7 : 5,
        class: `t-attempt t-${kind}`,
        'data-attempt': attempt,
      }),
    );
    if (cx - labelledAt >= 22 && sameSpot === 0) {
      svg.append(s('text', { x: cx, y: axisY - 14, class: 't-number' }, String(attempt)));
      labelledAt = cx;
    }
    if (decision.action === 'give-up') {
      svg.append(
        s('path', {
          d: `M${cx + 10} ${axisY - 6}l12 12m0 -12l-12 12`,
          class: 't-give-up',
          'data-cause': decision.cause,
        }),
        endLabel(cx + 16, finalWords(decision, wide), width),
      );
    } else if (decision.action === 'hold') {
      svg.append(
        s('rect', { x: cx + 10, y: axisY - 5, width: width - right - cx - 10, height: 10, class: 't-hold' }),
        endLabel(cx + 14, finalWords(decision, wide), width),
      );
    }
  }
  return svg;
}

/** The same plan as a list: the first attempts, a summary of a long run of retries, the end. */
export function renderSteps(attempts: readonly PlannedAttempt[]): HTMLOListElement {
  const list = h('ol', { class: 'steps-list' });
  const shown = attempts.length <= 8 ? attempts : [...attempts.slice(0, 5), ...attempts.slice(-2)];
  for (const [index, { attempt, offsetMs, decision }] of shown.entries()) {
    if (index === 5 && attempts.length > 8) {
      list.append(h('li', { class: 'gap' }, `… ${attempts.length - 7} more attempts on the same schedule …`));
    }
    const when = attempt === 1 ? 'this reply' : tickLabel(offsetMs);
    list.append(
      h('li', { value: String(attempt) }, h('strong', {}, `Attempt ${attempt} (${when}): `), decision.reason),
    );
  }
  return list;
}
