import { loadUnseen, measureAccuracy } from './measure-accuracy';

const r = measureAccuracy(loadUnseen('evaluation'));
for (const s of r.suppressViolations)
  console.log(
    s.label.id,
    s.label.category,
    '→',
    s.verdict.category,
    s.verdict.rule,
    '|',
    s.label.reply.slice(0, 160).replace(/\n/g, ' ⏎ '),
  );
