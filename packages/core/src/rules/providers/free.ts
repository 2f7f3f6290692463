// Free (free.fr). Free names its postmaster site in rejections (postmaster.free.fr).
import type { Rule } from '../rule';

export const freeRules: readonly Rule[] = [
  {
    id: 'free:too-many-spams',
    category: 'reputation',
    provider: 'free',
    phrases: ['too many spams from your ip'],
    example: '421 4.7.0 Too many spams from your IP (192.0.2.1), please visit http://postmaster.free.fr/',
    source: 'http://postmaster.free.fr/',
  },
];
