// Orange / Wanadoo (and La Poste's similar bilingual replies). Orange appends its own code
// (OFR_417, OFR006_102…) to a French + English sentence (postmaster.orange.fr / sisimai Rhost/FrancePTT.pm).
import type { Rule } from '../rule';

const pm = 'https://postmaster.orange.fr; sisimai Rhost/FrancePTT.pm';

export const orangeRules: readonly Rule[] = [
  {
    // Orange sends 552 5.1.1 (a misleading "bad mailbox" code) for a FULL mailbox
    id: 'orange:mailbox-full',
    category: 'mailbox-full',
    provider: 'orange',
    phrases: ['ofr_417', 'ofr004_417', 'boite du destinataire pleine', 'recipient overquota'],
    example: '552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]',
    source: pm,
  },
  {
    id: 'orange:invalid-recipient',
    category: 'mailbox-unknown',
    provider: 'orange',
    phrases: ['ofr_416', 'ofr004_416', 'destinataire invalide'],
    example: '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    source: pm,
  },
  {
    id: 'orange:spam-ip',
    category: 'reputation',
    provider: 'orange',
    phrases: ['adresse ip source bloquee', 'client host blocked for spamming'],
    permanence: 'permanent',
    changeRequired: true,
    reason: 'the IP stays blocked until a reset is requested (Orange points to Cloudmark CSI)',
    example:
      '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102',
    source: pm,
  },
  {
    // "Mail rejete. Mail rejected. OFR_506": the content filter (sisimai Rhost/FrancePTT.pm maps 506 to spam)
    id: 'orange:content-rejected',
    category: 'spam-content',
    provider: 'orange',
    phrases: ['ofr_506', 'ofr004_506'],
    example: '550 5.2.0 6FcArPEpSDkj6 Mail rejete. Mail rejected. OFR_506 [506]',
    source: pm,
  },
  {
    id: 'orange:too-many-connections',
    category: 'rate-limited',
    provider: 'orange',
    phrases: ['trop de connexions', 'ofr005_104', 'ofr_104'],
    example:
      '421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]',
    source: pm,
  },
  {
    id: 'orange:sender-spf',
    category: 'authentication',
    provider: 'orange',
    phrases: ['emetteur invalide, veuillez verifier la configuration spf'],
    example:
      '421 smtp.orange.fr [192.0.2.1] Emetteur invalide, Veuillez verifier la configuration SPF/DNS de votre nom de domaine. Invalid Sender. SPF check failed.',
    source: pm,
  },
];
