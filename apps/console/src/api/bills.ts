import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, withQuery, type Page } from './client';
import type { components } from './schema';

/**
 * The member's bills and what pays them (Bill Overview, Pay Bill, pay by billing cycle; seed 000).
 * Types come from the API's OpenAPI document. Every payment is sent with the Idempotency-Key made
 * when the person submitted it, so a retried request moves money once.
 */
type Schemas = components['schemas'];
export type Bill = Schemas['BillResponse'];
export type BillDetail = Schemas['BillDetailResponse'];
export type WhyUnsettled = Schemas['WhyUnsettledResponse'];
export type PaymentMethods = Schemas['PaymentMethodListResponse'];
export type PaymentMethod = Schemas['PaymentMethodResponse'];
export type GatewayPayment = Schemas['GatewayPaymentResponse'];
export type ManualPayment = Schemas['ManualPaymentResponse'];
export type CyclePayment = Schemas['PayCycleResponse'];
export type Refund = Schemas['RefundResponse'];
export type CustomerAccount = Schemas['CustomerResponse'];

export const BILL_STATUS_FILTERS = ['open', 'unsettled', 'partly_paid', 'overdue', 'settled'] as const;

/** a gateway payment whose outcome is not known yet: the bill must not be paid again meanwhile (seed 000) */
export const isPendingPayment = (p: GatewayPayment) => p.status === 'pending' || p.status === 'retry_scheduled';

/** 403 and 404 are answers (not this member's, or gone), not failures to retry */
const noRetryOnRefusal = (count: number, e: Error) =>
  !(e instanceof ApiError && (e.status === 403 || e.status === 404)) && count < 1;

export function useMemberBills(filter: { status: string | null; billingCycle: string | null }, cursor: string | null) {
  return useQuery({
    queryKey: ['bills', filter.status, filter.billingCycle, cursor],
    queryFn: () =>
      api<Page<Bill>>(
        'GET',
        withQuery('/bills', { status: filter.status, billingCycle: filter.billingCycle, cursor, limit: 12 }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** the open bills (up to 100), for the cycles one may pay by */
export function useOpenBills() {
  return useQuery({
    queryKey: ['bills', 'open', 'all'],
    queryFn: () => api<Page<Bill>>('GET', withQuery('/bills', { status: 'open', limit: 100 })),
  });
}

export function useBillDetail(billId: string | null) {
  return useQuery({
    queryKey: ['bill', billId],
    queryFn: () => api<BillDetail>('GET', `/bills/${billId}`),
    enabled: !!billId,
    retry: noRetryOnRefusal,
  });
}

export function useWhyUnsettled(billId: string) {
  return useQuery({
    queryKey: ['bill', billId, 'why-unsettled'],
    queryFn: () => api<WhyUnsettled>('GET', `/bills/${billId}/why-unsettled`),
    retry: noRetryOnRefusal,
  });
}

export function useCustomerAccount(customerId: string) {
  return useQuery({
    queryKey: ['customer', customerId],
    queryFn: () => api<CustomerAccount>('GET', `/customers/${customerId}`),
    retry: noRetryOnRefusal,
  });
}

export function useLinkedMethods(customerId: string) {
  return useQuery({
    queryKey: ['customer', customerId, 'payment-methods'],
    queryFn: () => api<PaymentMethods>('GET', `/customers/${customerId}/payment-methods`),
  });
}

export function useBillGatewayPayments(customerId: string) {
  return useQuery({
    queryKey: ['customer', customerId, 'gateway-payments'],
    queryFn: () => api<{ items: GatewayPayment[] }>('GET', `/customers/${customerId}/gateway-payments`),
  });
}

export function useRefunds(customerId: string) {
  return useQuery({
    queryKey: ['customer', customerId, 'refunds'],
    queryFn: () => api<{ items: Refund[] }>('GET', `/customers/${customerId}/refunds`),
  });
}

const idempotent = (key: string) => ({ headers: { 'Idempotency-Key': key } });

/** what a Pay Bill submission sends: the balance part, then the rest through a linked method */
export interface BillPaymentInput {
  billId: string;
  fromBalance: string | null;
  gateway: { paymentMethodId: string; amount: string; force: boolean } | null;
  /** one per submission; the two requests get `<key>:balance` and `<key>:gateway` */
  key: string;
}

export interface BillPaymentResult {
  balance: ManualPayment | null;
  gateway: GatewayPayment | null;
  /** the gateway part failed after the balance part was paid */
  gatewayError: ApiError | null;
}

export function usePayBill(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: BillPaymentInput): Promise<BillPaymentResult> => {
      const balance = input.fromBalance
        ? await api<ManualPayment>(
            'POST',
            `/bills/${input.billId}/payments`,
            { amount: input.fromBalance, fromBalance: input.fromBalance },
            idempotent(`${input.key}:balance`),
          )
        : null;
      if (!input.gateway) return { balance, gateway: null, gatewayError: null };
      try {
        const gateway = await api<GatewayPayment>(
          'POST',
          `/bills/${input.billId}/gateway-payments`,
          input.gateway,
          idempotent(`${input.key}:gateway`),
        );
        return { balance, gateway, gatewayError: null };
      } catch (e) {
        // the balance part is paid: report both, so the person sees what happened to each
        if (balance && e instanceof ApiError) return { balance, gateway: null, gatewayError: e };
        throw e;
      }
    },
    onSettled: () => invalidateMoney(qc, customerId),
  });
}

export interface CyclePaymentResult {
  /** null when neither refunds nor the balance had anything to give (the API would refuse the request) */
  cycle: CyclePayment | null;
  /** what the refunds and the balance left, paid bill by bill through the chosen linked method */
  gateway: GatewayPayment[];
  gatewayError: ApiError | null;
}

/**
 * Pay by billing cycle (seed 000): the cycle's refunds and the balance first (one request), then
 * what they leave through a linked method, one gateway payment per bill still open.
 */
export function usePayCycle(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      billingCycle: string;
      useAccountBalance: boolean;
      /** refunds of the cycle or the balance have something to pay with */
      internal: boolean;
      /** the cycle's open bills as the overview shows them (paid through the method when nothing internal pays) */
      bills: Bill[];
      paymentMethodId: string | null;
      key: string;
    }): Promise<CyclePaymentResult> => {
      const cycle = input.internal
        ? await api<CyclePayment>(
            'POST',
            `/customers/${customerId}/cycle-payments`,
            { billingCycle: input.billingCycle, useAccountBalance: input.useAccountBalance },
            idempotent(`${input.key}:cycle`),
          )
        : null;
      const gateway: GatewayPayment[] = [];
      if (!input.paymentMethodId) return { cycle, gateway, gatewayError: null };
      const left = cycle
        ? cycle.bills.filter((b) => b.status !== 'settled')
        : input.bills.map((b) => ({ billId: b.id, outstanding: b.outstanding }));
      try {
        for (const bill of left)
          gateway.push(
            await api<GatewayPayment>(
              'POST',
              `/bills/${bill.billId}/gateway-payments`,
              { paymentMethodId: input.paymentMethodId, amount: bill.outstanding },
              idempotent(`${input.key}:gateway:${bill.billId}`),
            ),
          );
        return { cycle, gateway, gatewayError: null };
      } catch (e) {
        if (e instanceof ApiError) return { cycle, gateway, gatewayError: e };
        throw e;
      }
    },
    onSettled: () => invalidateMoney(qc, customerId),
  });
}

function invalidateMoney(qc: ReturnType<typeof useQueryClient>, customerId: string) {
  void qc.invalidateQueries({ queryKey: ['bills'] });
  void qc.invalidateQueries({ queryKey: ['bill'] });
  void qc.invalidateQueries({ queryKey: ['customer', customerId] });
}
