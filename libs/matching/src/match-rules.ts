/**
 * Who paid? Ordered, explainable rules (design: matching). The first rule that decides wins;
 * every decision carries the rule, a confidence and a sentence a person can read. Pure: the
 * lookups are loaded in bulk by the caller.
 */
export interface EntryFacts {
  id: string;
  direction: 'CRDT' | 'DBIT';
  reversal: boolean;
  returnReasonCode: string | null;
  rail: string;
  currency: string;
  amount: string;
  /** the collection account the statement is for; null when it is none of ours */
  collectionAccountId: string | null;
  creditedAccount: string | null;
  remitterAccount: string | null;
  remitterName: string | null;
  remittanceUnstructured: string | null;
  remittanceStructured: string | null;
  additionalInfo: string | null;
}

export interface CustomerFacts {
  id: string;
  name: string;
  reference: string;
  /** currencies the customer can be credited in (its own and its virtual accounts') */
  currencies: readonly string[];
}

export interface MatchLookups {
  virtualAccounts: ReadonlyMap<
    string,
    { customerId: string; currency: string; number: string; collectionAccountId: string }
  >;
  knownRemitters: ReadonlyMap<string, { customerId: string; learnedAt: Date; learnedBy: string }>;
  customersByReference: ReadonlyMap<string, CustomerFacts>;
  billsByReference: ReadonlyMap<string, { customerId: string; reference: string }>;
  customers: ReadonlyMap<string, CustomerFacts>;
}

export type Flag =
  | 'cash_deposit'
  | 'cheque_deposit'
  | 'currency_not_held'
  | 'low_confidence'
  | 'ambiguous_reference'
  | 'no_rule_matched'
  | 'fee_above_cap'
  | 'return_without_original'
  | 'unknown_collection_account';

export type Decision =
  | { kind: 'debit'; rule: 'debit_entry'; confidence: 1; explanation: string }
  | { kind: 'reversal'; rule: 'reversal_entry'; confidence: 1; explanation: string }
  | { kind: 'credit'; customerId: string; rule: MatchRule; confidence: number; explanation: string }
  | {
      kind: 'unmatched';
      customerId: string | null;
      rule: MatchRule | 'none';
      confidence: number;
      explanation: string;
      flags: Flag[];
    };

export type MatchRule =
  'virtual_account' | 'known_remitter_account' | 'customer_reference' | 'bill_reference' | 'manual';

export const RULE_CONFIDENCE: Record<Exclude<MatchRule, 'manual'>, number> = {
  virtual_account: 1,
  known_remitter_account: 0.95,
  customer_reference: 0.9,
  bill_reference: 0.9,
};

export const CUSTOMER_REFERENCE = /\bRC[0-9A-HJKMNP-TV-Z]{8}\b/g;
export const BILL_REFERENCE = /\bB-\d{6}-RC[0-9A-HJKMNP-TV-Z]{8}(?:-[A-Z]{3})?\b/g;

export const normalizeAccount = (a: string | null | undefined) => (a ? a.replace(/[\s-]+/g, '').toUpperCase() : null);

export function referencesIn(
  e: Pick<EntryFacts, 'remittanceStructured' | 'remittanceUnstructured' | 'additionalInfo'>,
): { customers: string[]; bills: string[] } {
  const text = [e.remittanceStructured, e.remittanceUnstructured, e.additionalInfo]
    .filter(Boolean)
    .join(' ')
    .toUpperCase();
  // bill references contain the customer reference: find bills first, then customers outside them
  const bills = [...new Set(text.match(BILL_REFERENCE) ?? [])];
  const rest = bills.reduce((t, b) => t.split(b).join(' '), text);
  return { bills, customers: [...new Set(rest.match(CUSTOMER_REFERENCE) ?? [])] };
}

export function decide(e: EntryFacts, l: MatchLookups, minConfidence: number): Decision {
  if (e.collectionAccountId === null) {
    // issue 11 item 3: money on an account that is not ours is nobody's until finance says so
    return {
      kind: 'unmatched',
      customerId: null,
      rule: 'none',
      confidence: 0,
      explanation:
        'the statement is for an account that is not a known collection account: held until finance assigns the account or rejects the file',
      flags: ['unknown_collection_account'],
    };
  }
  if (e.reversal || (e.returnReasonCode && /^R\d\d$/.test(e.returnReasonCode))) {
    return {
      kind: 'reversal',
      rule: 'reversal_entry',
      confidence: 1,
      explanation: `the bank reversed or returned a transfer${e.returnReasonCode ? ` (reason ${e.returnReasonCode})` : ''}`,
    };
  }
  if (e.direction === 'DBIT') {
    return {
      kind: 'debit',
      rule: 'debit_entry',
      confidence: 1,
      explanation: 'a debit on the collection account: recorded, never credited to a customer',
    };
  }
  if (e.rail === 'CASH' || e.rail === 'CHEQUE') {
    const what = e.rail === 'CASH' ? 'a cash deposit' : 'a cheque deposit';
    return {
      kind: 'unmatched',
      customerId: null,
      rule: 'none',
      confidence: 0,
      explanation: `${what}: only SWIFT and ACH transfers are credited automatically`,
      flags: [e.rail === 'CASH' ? 'cash_deposit' : 'cheque_deposit'],
    };
  }
  const candidate = findCandidate(e, l);
  if (!candidate) {
    const elsewhere = foreignVirtualAccount(e, l);
    return {
      kind: 'unmatched',
      customerId: null,
      rule: 'none',
      confidence: 0,
      explanation: elsewhere
        ? `no rule matched: credited account ${elsewhere.number} is a virtual account of another collection account than the one the statement is for`
        : 'no rule matched: the credited account, the remitter account and the remittance information name no customer',
      flags: ['no_rule_matched'],
    };
  }
  if ('ambiguous' in candidate) {
    return {
      kind: 'unmatched',
      customerId: null,
      rule: candidate.rule,
      confidence: 0.3,
      explanation: candidate.explanation,
      flags: ['ambiguous_reference'],
    };
  }
  const customer = l.customers.get(candidate.customerId);
  if (!customer || !customer.currencies.includes(e.currency)) {
    return {
      kind: 'unmatched',
      customerId: candidate.customerId,
      rule: candidate.rule,
      confidence: candidate.confidence,
      explanation: `${candidate.explanation}, but ${customer?.name ?? 'the customer'} holds no ${e.currency} account`,
      flags: ['currency_not_held'],
    };
  }
  if (candidate.confidence < minConfidence) {
    return {
      kind: 'unmatched',
      customerId: candidate.customerId,
      rule: candidate.rule,
      confidence: candidate.confidence,
      explanation: `${candidate.explanation} (confidence ${candidate.confidence} is below ${minConfidence})`,
      flags: ['low_confidence'],
    };
  }
  return {
    kind: 'credit',
    customerId: candidate.customerId,
    rule: candidate.rule,
    confidence: candidate.confidence,
    explanation: candidate.explanation,
  };
}

type Candidate =
  | { customerId: string; rule: MatchRule; confidence: number; explanation: string }
  | { ambiguous: true; rule: MatchRule; explanation: string };

/** The credited account is a virtual account, but of another collection account. */
function foreignVirtualAccount(e: EntryFacts, l: MatchLookups) {
  const credited = normalizeAccount(e.creditedAccount);
  const va = credited ? l.virtualAccounts.get(credited) : undefined;
  return va && va.collectionAccountId !== e.collectionAccountId ? va : null;
}

function findCandidate(e: EntryFacts, l: MatchLookups): Candidate | null {
  const name = (id: string) => l.customers.get(id)?.name ?? id;
  // 1. the credited account is a customer's exclusive virtual account, allocated under the
  // collection account the money arrived on (a number under another account is not the customer's)
  const credited = normalizeAccount(e.creditedAccount);
  const va = credited ? l.virtualAccounts.get(credited) : undefined;
  if (va && va.collectionAccountId === e.collectionAccountId) {
    if (va.currency !== e.currency) {
      return {
        customerId: va.customerId,
        rule: 'virtual_account',
        confidence: RULE_CONFIDENCE.virtual_account,
        explanation: `credited account ${va.number} is the ${va.currency} virtual account of ${name(va.customerId)} (the transfer is in ${e.currency})`,
      };
    }
    return {
      customerId: va.customerId,
      rule: 'virtual_account',
      confidence: RULE_CONFIDENCE.virtual_account,
      explanation: `credited account ${va.number} is the virtual account of ${name(va.customerId)}`,
    };
  }
  // 2. the remitter's account was learned when an account manager resolved an earlier remittance
  const remitter = normalizeAccount(e.remitterAccount);
  const known = remitter ? l.knownRemitters.get(remitter) : undefined;
  if (known) {
    return {
      customerId: known.customerId,
      rule: 'known_remitter_account',
      confidence: RULE_CONFIDENCE.known_remitter_account,
      explanation: `remitter account ${remitter} is known for ${name(known.customerId)} (learned ${known.learnedAt.toISOString().slice(0, 10)} from a remittance resolved by ${known.learnedBy})`,
    };
  }
  // 3. a customer or bill reference in the remittance information
  const refs = referencesIn(e);
  const hits = new Map<string, string>();
  for (const b of refs.bills) {
    const bill = l.billsByReference.get(b);
    if (bill)
      hits.set(
        bill.customerId,
        `bill reference ${b} in the remittance information belongs to ${name(bill.customerId)}`,
      );
  }
  for (const c of refs.customers) {
    const cust = l.customersByReference.get(c);
    if (cust && !hits.has(cust.id))
      hits.set(cust.id, `customer reference ${c} in the remittance information is ${cust.name}`);
  }
  if (hits.size > 1) {
    return {
      ambiguous: true,
      rule: 'customer_reference',
      explanation: `the remittance information names ${hits.size} different customers: ${[...hits.keys()].map(name).join(', ')}`,
    };
  }
  if (hits.size === 1) {
    const [[customerId, explanation]] = [...hits];
    const viaBill = refs.bills.some((b) => l.billsByReference.get(b)?.customerId === customerId);
    return {
      customerId,
      rule: viaBill ? 'bill_reference' : 'customer_reference',
      confidence: RULE_CONFIDENCE[viaBill ? 'bill_reference' : 'customer_reference'],
      explanation,
    };
  }
  return null;
}
