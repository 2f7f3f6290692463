// The verdict as a card, with what the codes mean and what to do about it (core/explain).
import type { DeliveryOutcome, Verdict } from '@mailverdict/core';
import type { Explanation } from '@mailverdict/core/explain';
import { h } from './dom';

const scopeWords: Readonly<Record<Verdict['scope'], string>> = {
  recipient: 'the recipient',
  message: 'this message',
  sender: 'our sender set-up',
  destination: 'the destination server',
  provider: 'our email provider',
  none: 'nobody',
};

const permanenceWords: Readonly<Record<Verdict['permanence'], string>> = {
  permanent: 'permanent',
  transient: 'transient',
  success: 'not a failure',
};

function fact(term: string, value: Node | string, name: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', { 'data-fact': name }, value)];
}

/**
 * The enhanced code the server (or the bounce report's Status field) really gave. Anything else the
 * explanation shows was inferred by the library from the category, and the card says so.
 */
function givenStatus(verdict: Verdict, outcome: DeliveryOutcome | undefined): string | undefined {
  const reported = outcome?.providerDetail.status;
  return verdict.reply?.enhanced?.code ?? (typeof reported === 'string' ? reported : undefined);
}

/** Core's headline, but with only the codes the input really carried (core's shows inferred ones too). */
function headline(explanation: Explanation, outcome: DeliveryOutcome | undefined): string {
  const { verdict, provider, categoryTitle } = explanation;
  const given = [verdict.reply?.code, givenStatus(verdict, outcome)].filter((part) => part !== undefined);
  const title = `${provider === undefined ? '' : `${provider.name}: `}${categoryTitle}`;
  const text = given.length === 0 ? title : `${title} — ${given.join(' ')}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function codes(explanation: Explanation, outcome: DeliveryOutcome | undefined): HTMLElement | undefined {
  const items: HTMLElement[] = [];
  const { replyCode, status } = explanation;
  if (replyCode !== undefined) {
    items.push(
      h(
        'li',
        { 'data-code': String(replyCode.code) },
        h('code', {}, String(replyCode.code)),
        ` ${[replyCode.classMeaning, replyCode.groupMeaning].filter(Boolean).join(', ')}`,
        replyCode.registered && replyCode.meaning !== undefined
          ? ` — “${replyCode.meaning}”`
          : ' (not a standard code)',
        ` (${replyCode.reference ?? 'RFC 5321 §4.2'})`,
      ),
    );
  }
  if (status !== undefined) {
    const inferred = status.code !== givenStatus(explanation.verdict, outcome);
    items.push(
      h(
        'li',
        { 'data-code': status.code, 'data-inferred': String(inferred) },
        h('code', {}, status.code),
        inferred &&
          h(
            'span',
            {
              class: 'badge',
              title: 'The reply gave no enhanced code; this is the one the category implies.',
            },
            'inferred',
          ),
        ` ${[status.classMeaning, status.subjectMeaning].filter(Boolean).join('; ')}`,
        status.registered && status.summary !== undefined
          ? ` — IANA: “${status.summary}”`
          : ' — not in the IANA registry',
      ),
    );
  }
  if (items.length === 0) return undefined;
  return h(
    'section',
    { class: 'codes' },
    h('h3', {}, 'The codes'),
    h('ul', {}, ...items),
    explanation.codeNote !== undefined && h('p', { class: 'note' }, explanation.codeNote),
  );
}

function list(
  title: string,
  tag: 'ul' | 'ol',
  items: readonly (Node | string)[],
  name: string,
): HTMLElement | undefined {
  if (items.length === 0) return undefined;
  return h(
    'section',
    { class: name },
    h('h3', {}, title),
    h(tag, {}, ...items.map((item) => h('li', {}, item))),
  );
}

export function renderVerdict(explanation: Explanation, outcome: DeliveryOutcome | undefined): HTMLElement {
  const { verdict } = explanation;
  const confidence = Math.round(verdict.confidence * 100);
  const meter = h('meter', { min: '0', max: '100', value: String(confidence), 'aria-label': 'confidence' });
  const facts = h(
    'dl',
    { class: 'facts' },
    ...fact(
      'Category',
      h('span', {}, explanation.categoryTitle, ' ', h('code', {}, verdict.category)),
      'category',
    ),
    ...fact('Permanence', permanenceWords[verdict.permanence], 'permanence'),
    ...fact('Whose problem', scopeWords[verdict.scope], 'scope'),
    ...fact('Suppress the address', verdict.suppressRecipient ? 'yes' : 'no', 'suppress'),
    ...fact(
      'Decided by',
      h('span', {}, h('code', {}, verdict.rule), ` · confidence ${confidence} % `, meter),
      'rule',
    ),
    ...(explanation.provider === undefined
      ? []
      : fact('Mailbox provider', explanation.provider.name, 'provider')),
    ...(outcome === undefined
      ? []
      : fact(
          'Event',
          `${outcome.provider} · ${outcome.event}${outcome.recipient === undefined ? '' : ` · ${outcome.recipient}`}`,
          'event',
        )),
  );
  const links = explanation.links.map((link) =>
    h('a', { href: link.url, rel: 'noopener noreferrer', target: '_blank' }, link.title),
  );
  return h(
    'article',
    { class: `card ${verdict.permanence}`, 'data-category': verdict.category },
    h('h2', {}, headline(explanation, outcome)),
    h('p', { class: 'summary' }, explanation.summary),
    facts,
    list('In plain words', 'ul', explanation.outlook, 'outlook'),
    explanation.replyText !== undefined && h('blockquote', { class: 'reply' }, explanation.replyText),
    codes(explanation, outcome),
    list('Likely causes', 'ul', explanation.causes, 'causes'),
    list('Steps to fix', 'ol', explanation.steps, 'fix'),
    list('The provider’s pages', 'ul', links, 'links'),
  );
}
