import { classify } from '../src/classify';

const samples = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [
      '220 mx.example.com ESMTP Postfix\n421 4.3.2 Service not available',
      '250 2.1.0 Ok\n550 5.1.1 <a@b>: Recipient address rejected: User unknown',
      '550 5.1.7',
      '553 5.1.8',
      '550 5.4.0',
      '451 4.4.0',
      '554 5.5.0',
      '550 5.6.0',
      '451 4.3.0',
      '550 5.3.0',
      '550 5.4.6',
      '554 5.4.14',
      '550 5.0.0',
      '550 Rejected',
      '554 5.7.1',
      '550 5.2.1 The user is receiving mail at a rate that prevents delivery',
      '451 4.7.0 Temporary server error. Please try again later. PRX2',
      '451 4.4.4 Mail received as unauthenticated, incoming to a recipient domain configured in a hosted tenant which has no mail-enabled subscriptions',
      '451 4.7.1 Access denied',
      '421 4.3.2 Service not available',
      '451 4.4.4 Unable to route',
      '451 4.3.0 Internal error',
      '451 4.3.5 Configuration error',
    ];
for (const s of samples) {
  const v = classify(s);
  console.log(
    JSON.stringify(s).slice(0, 70).padEnd(72),
    v.category,
    v.permanence,
    v.scope,
    v.suppressRecipient,
    v.rule,
  );
}
