// The page: one input, read as it changes; the verdict, the explanation and the retry plan below it.
import type { DestinationSnapshot } from '@mailverdict/core';
import { explain, formatExplanation } from '@mailverdict/core/explain';
import { h } from './dom';
import { examples } from './examples';
import { formatDuration } from './format-duration';
import { type Finding, type Reading, readInput } from './read-input';
import { renderSteps, renderTimeline } from './render-timeline';
import { renderVerdict } from './render-verdict';
import { destinationOf, planRetries, type ThrottleView, throttleAfter } from './retry-plan';
import { decodeFragment, encodeFragment } from './share-url';
import './style.css';

// Links longer than this are refused by some browsers and chat tools; a big bounce email stays unshared.
const maxFragment = 32_000;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`index.html lacks #${id}`);
  return element as T;
}

const input = byId<HTMLTextAreaElement>('input');
const result = byId<HTMLElement>('result');
const shareStatus = byId<HTMLElement>('share-status');
// One short sentence for screen readers after each reading; the whole card would be too much to announce.
const verdictStatus = byId<HTMLElement>('verdict-status');

function rate(perSecond: number): string {
  return perSecond >= 1
    ? `${Number(perSecond.toFixed(2))} per second`
    : `${Number((perSecond * 60).toFixed(2))} per minute`;
}

function describeSnapshot(snapshot: DestinationSnapshot | undefined, now: number): string {
  if (snapshot === undefined) return 'not tracked';
  const parts = [`sending at ${rate(snapshot.rate)}`];
  if (snapshot.pausedUntil !== undefined && snapshot.pausedUntil > now) {
    parts.push(
      `paused for ${formatDuration(snapshot.pausedUntil - now)}${snapshot.pausedBy ? ` by ${snapshot.pausedBy}` : ''}`,
    );
  }
  if (snapshot.shapedBy) parts.push(`shaped by rule ${snapshot.shapedBy}`);
  return parts.join(', ');
}

function renderThrottle(view: ThrottleView, named: boolean, now: number): HTMLElement {
  const replyAt = now + 1_000;
  const next = view.next.allowed
    ? 'may go at once'
    : `waits ${formatDuration(Math.max(0, view.next.retryAt - replyAt))} (${view.next.reason}${view.next.by === undefined ? '' : `: ${view.next.by}`})`;
  return h(
    'section',
    {
      class: 'throttle',
      'data-destination': view.destination,
      'data-next': view.next.allowed ? 'allowed' : view.next.reason,
    },
    h(
      'h3',
      {},
      named
        ? `Throttle for ${view.destination} after this reply`
        : 'Throttle for the destination after this reply (the input names none)',
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Before'),
      h('dd', {}, describeSnapshot(view.before, now)),
      h('dt', {}, 'After'),
      h('dd', { 'data-fact': 'throttle-after' }, describeSnapshot(view.after, replyAt)),
      h('dt', {}, 'Next message there'),
      h('dd', { 'data-fact': 'throttle-next' }, next),
    ),
  );
}

/** The width the timeline gets inside the plan's box (the result column less the box's padding). */
function timelineSpace(): number {
  const padding = window.innerWidth < 640 ? 26 : 42;
  return result.clientWidth - padding;
}

function renderPlan(finding: Finding): HTMLElement {
  const start = Date.now();
  const subject = finding.outcome ?? finding.verdict;
  const destination = destinationOf(finding.verdict, finding.outcome);
  const plan = planRetries(subject, destination, start);
  const section = h(
    'section',
    { class: 'plan', 'aria-labelledby': 'plan-title' },
    h('h2', { id: 'plan-title' }, 'Retry plan'),
  );
  if (plan.kind === 'not-a-failure') {
    section.append(h('p', { 'data-plan': 'not-a-failure' }, plan.reason));
    return section;
  }
  section.append(
    h(
      'p',
      { class: 'caption' },
      'What decideRetry does under the default policy if every attempt gets this same answer (waits shown at their minimum; jitter adds up to 10 %).',
    ),
    h('div', { class: 'timeline-box' }, renderTimeline(plan.attempts, timelineSpace())),
    renderSteps(plan.attempts),
    renderThrottle(
      throttleAfter(subject, destination ?? 'example.com', finding.outcome?.recipient, start),
      destination !== undefined,
      start,
    ),
  );
  return section;
}

function findingLabel(finding: Finding): string {
  const who = finding.outcome?.recipient ?? 'no recipient';
  return `${who} — ${finding.outcome?.event ?? 'reply'}: ${finding.verdict.category}`;
}

function renderFinding(finding: Finding): DocumentFragment {
  const explanation = explain(finding.verdict);
  const fragment = document.createDocumentFragment();
  const card = renderVerdict(explanation, finding.outcome);
  const copy = h('button', { type: 'button', class: 'copy' }, 'Copy as a ticket note (Markdown)');
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(formatExplanation(explanation, 'markdown')).then(
      () => copy.replaceChildren('Copied'),
      () => copy.replaceChildren('Copy failed: the browser refused the clipboard'),
    );
  });
  card.append(copy);
  fragment.append(card, renderPlan(finding));
  return fragment;
}

function show(reading: Reading): void {
  if (reading.kind === 'empty') {
    result.replaceChildren(
      h('p', { class: 'hint' }, 'Paste something above, drop a file on it, or pick an example.'),
    );
    return;
  }
  if (reading.kind === 'problem') {
    result.replaceChildren(h('p', { class: 'problem', role: 'alert' }, reading.message));
    return;
  }
  const header = h(
    'p',
    { class: 'read-as', 'data-kind': reading.kind },
    'Read as: ',
    h('strong', {}, reading.label),
  );
  const notes = reading.notes.map((note) => h('p', { class: 'note' }, note));
  const detail = h('div', { class: 'finding' });
  const preferred = Math.max(
    0,
    reading.findings.findIndex((finding) => finding.verdict.permanence !== 'success'),
  );
  const choose = (index: number): void => {
    const finding = reading.findings[index];
    if (finding !== undefined) detail.replaceChildren(renderFinding(finding));
    for (const [position, button] of buttons.entries())
      button.setAttribute('aria-pressed', String(position === index));
  };
  const buttons = reading.findings.map((finding, index) => {
    const button = h('button', { type: 'button', class: 'pick' }, findingLabel(finding));
    button.addEventListener('click', () => choose(index));
    return button;
  });
  const picker =
    buttons.length > 1
      ? h(
          'div',
          { class: 'picker', role: 'group', 'aria-label': `${buttons.length} outcomes in this input` },
          ...buttons,
        )
      : undefined;
  result.replaceChildren(header, ...notes, ...(picker === undefined ? [] : [picker]), detail);
  choose(preferred);
}

let latest = 0;
async function update(text: string, options: { share: boolean }): Promise<void> {
  latest += 1;
  const mine = latest;
  const reading = await readInput(text);
  if (mine !== latest) return;
  show(reading);
  document.body.dataset.state = reading.kind;
  verdictStatus.textContent =
    reading.kind === 'empty'
      ? ''
      : reading.kind === 'problem'
        ? reading.message
        : `${reading.label}: ${reading.findings.map((finding) => `${finding.verdict.category}, ${finding.verdict.permanence}`).join('; ') || 'no verdict'}.`;
  if (options.share) {
    const fragment = await encodeFragment(text);
    if (mine !== latest) return;
    const fits = fragment.length <= maxFragment;
    history.replaceState(
      null,
      '',
      fits && fragment !== '' ? `#${fragment}` : location.pathname + location.search,
    );
    shareStatus.textContent = fits ? '' : 'Too large to share as a link: the link keeps nothing.';
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void update(input.value, { share: true }), 150);
});

function load(text: string): void {
  input.value = text;
  input.scrollTop = 0;
  void update(text, { share: true });
}

async function loadFile(file: File | undefined): Promise<void> {
  if (file !== undefined) load(await file.text());
}

input.addEventListener('dragover', (event) => event.preventDefault());
input.addEventListener('drop', (event) => {
  event.preventDefault();
  void loadFile(event.dataTransfer?.files[0]);
});
byId<HTMLInputElement>('file').addEventListener('change', (event) => {
  void loadFile((event.target as HTMLInputElement).files?.[0]);
});

byId<HTMLButtonElement>('share').addEventListener('click', () => {
  void navigator.clipboard?.writeText(location.href).then(
    () => {
      shareStatus.textContent = 'Link copied. The text is in the part after #, which browsers never send.';
    },
    () => {
      shareStatus.textContent = 'Copy the address bar: the text is in the part after #.';
    },
  );
});

const list = byId<HTMLUListElement>('examples');
for (const example of examples) {
  const button = h(
    'button',
    { type: 'button', 'data-example': example.id, title: example.source },
    example.label,
  );
  button.addEventListener('click', () => {
    load(example.text);
    // Caret and view at the start: an email or a JSON body reads from its first line.
    input.setSelectionRange(0, 0);
    input.focus();
    input.scrollTop = 0;
  });
  list.append(h('li', {}, button));
}

// Theme: the system's unless the visitor chose; the choice stays in this browser (localStorage).
const themeButton = byId<HTMLButtonElement>('theme');
function applyTheme(theme: string | null): void {
  const dark =
    theme === 'dark' || (theme === null && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  themeButton.setAttribute('aria-pressed', String(dark));
}
applyTheme(localStorage.getItem('theme'));
themeButton.addEventListener('click', () => {
  const theme = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
  localStorage.setItem('theme', theme);
  applyTheme(theme);
});

async function fromLocation(): Promise<void> {
  if (location.hash.length > 1) {
    const text = await decodeFragment(location.hash);
    if (text === undefined) {
      shareStatus.textContent = 'This link’s text could not be read.';
    } else {
      input.value = text;
      await update(text, { share: false });
      return;
    }
  }
  show({ kind: 'empty' });
}

window.addEventListener('hashchange', () => void fromLocation());
void fromLocation().then(() => {
  document.body.dataset.ready = String(Math.round(performance.now()));
});
