// How a reply names the mailbox provider or filter that sent it: host names and house codes that
// appear in its text (`- gsmtp`, `protection.outlook.com`, `mwinf…`). Earlier entries win when a
// reply names several (a mailbox provider before the filter it links to).
export const providerSignatures: readonly {
  readonly provider: string;
  readonly phrases: readonly string[];
}[] = [
  { provider: 'google', phrases: [' gsmtp', 'google.com', 'gmail', 'googlemail'] },
  {
    provider: 'microsoft',
    phrases: [
      'outlook.com',
      'hotmail',
      'mail.live.com',
      'storedrv',
      'resolver.adr.',
      'resolver.rst.',
      'office365',
    ],
  },
  { provider: 'yahoo', phrases: ['yahoo', 'aol.com', 'verizonmedia'] },
  { provider: 'apple', phrases: ['icloud', 'apple.com', 'appleid'] },
  { provider: 'comcast', phrases: ['comcast'] },
  { provider: 'cox', phrases: ['cox.net', 'aup#cx', 'aup#cd'] },
  { provider: 'spectrum', phrases: ['spectrum.net', 'charter.net'] },
  { provider: 'godaddy', phrases: ['secureserver.net', 'ibsmtp', 'x.co/rlbounce'] },
  { provider: 'orange', phrases: ['orange.fr', 'wanadoo', 'mwinf', 'ofr_', 'ofr00'] },
  { provider: 'sfr', phrases: ['sfr.fr', 'sfr_in_'] },
  { provider: 'free', phrases: ['free.fr'] },
  { provider: 'gmx', phrases: ['gmx.', 'web.de', 'nemesis esmtp'] },
  { provider: 'mailru', phrases: ['mail.ru'] },
  { provider: 'yandex', phrases: ['yandex'] },
  { provider: 'qq', phrases: ['qq.com', 'foxmail'] },
  { provider: 'zoho', phrases: ['zoho'] },
  { provider: 'proofpoint', phrases: ['pphosted', 'proofpoint'] },
  { provider: 'mimecast', phrases: ['mimecast'] },
  { provider: 'barracuda', phrases: ['barracuda'] },
  { provider: 'ironport', phrases: ['iphmx', 'ironport'] },
];
