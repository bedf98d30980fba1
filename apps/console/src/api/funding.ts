import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { components } from './schema';
import { useSession } from './session';

type Schemas = components['schemas'];
export type FundingCustomer = Schemas['CustomerResponse'];
export type FundingVirtualAccount = Schemas['VirtualAccountResponse'];
export type LinkedMethod = Schemas['PaymentMethodResponse'];
export type Relationship = Schemas['RelationshipListItemResponse'];
export type TransferResult = Schemas['TransferResponse'];

/**
 * The member's money screens (Funding account, Deposit, Transfers): one customer's balances,
 * settings, payment methods, exclusive accounts, financial relationships and transfers.
 */
export const fundingKeys = {
  customer: (id: string) => ['customer', id] as const,
  methods: (id: string) => ['customer', id, 'payment-methods'] as const,
  accounts: (id: string) => ['customer', id, 'virtual-accounts'] as const,
  relationships: (id: string) => ['customer', id, 'financial-relationships'] as const,
};

export function useFundingCustomer(customerId: string) {
  return useQuery({
    queryKey: fundingKeys.customer(customerId),
    queryFn: () => api<FundingCustomer>('GET', `/customers/${customerId}`),
  });
}

/** Account settings: automatic bill settlement, write off past bills (400 on writeOffPastBills off credit control) */
export function useUpdateAccountSettings(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { autoBillSettlement?: boolean; settlePastBillsWithRefunds?: boolean }) =>
      api<FundingCustomer>('PATCH', `/customers/${customerId}/settings`, body),
    onSuccess: (customer) => qc.setQueryData(fundingKeys.customer(customerId), customer),
  });
}

export function useLinkedMethods(customerId: string) {
  return useQuery({
    queryKey: fundingKeys.methods(customerId),
    queryFn: () => api<Schemas['PaymentMethodListResponse']>('GET', `/customers/${customerId}/payment-methods`),
  });
}

/** link (by the token the gateway's page gave), make default, unlink: each refreshes the list */
export function usePaymentMethodActions(customerId: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: fundingKeys.methods(customerId) });
  const base = `/customers/${customerId}/payment-methods`;
  return {
    link: useMutation({
      mutationFn: (body: { token: string; makeDefault?: boolean }) => api<LinkedMethod>('POST', base, body),
      onSuccess,
    }),
    makeDefault: useMutation({
      mutationFn: (methodId: string) => api<LinkedMethod>('POST', `${base}/${methodId}/default`),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (methodId: string) => api<Schemas['RemovedPaymentMethodResponse']>('DELETE', `${base}/${methodId}`),
      onSuccess,
    }),
  };
}

export function useExclusiveAccounts(customerId: string) {
  return useQuery({
    queryKey: fundingKeys.accounts(customerId),
    queryFn: () => api<{ items: FundingVirtualAccount[] }>('GET', `/customers/${customerId}/virtual-accounts`),
  });
}

/** the payment instruction PDF in the console's language */
export const paymentInstructionsUrl = (customerId: string, lang: string) =>
  `/customers/${customerId}/payment-instructions.pdf?lang=${encodeURIComponent(lang)}`;

export function useRelationships(customerId: string) {
  return useQuery({
    queryKey: fundingKeys.relationships(customerId),
    queryFn: () => api<{ items: Relationship[] }>('GET', `/customers/${customerId}/financial-relationships`),
  });
}

export function useEndRelationship(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<Relationship>('POST', `/financial-relationships/${id}/end`, {}, { idempotent: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: fundingKeys.relationships(customerId) }),
  });
}

/**
 * A transfer between a main account and a member it manages. The Idempotency-Key is made by the
 * caller when the person confirms, so a retry of that same confirmation moves the money once.
 */
export function useTransfer(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: { key: string; fromCustomerId: string; toCustomerId: string; amount: string }) =>
      api<TransferResult>('POST', '/transfers', body, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: fundingKeys.customer(customerId) }),
  });
}

/** the customer a member signs in for (members only ever see their own) */
export function useMemberCustomerId(): string | null {
  return useSession().data?.user.customerId ?? null;
}
