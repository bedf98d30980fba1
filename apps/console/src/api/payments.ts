import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** `GET /customers/:id/payment-methods` (PaymentMethodResponse): gateway tokens only, never a card number */
export interface PaymentMethod {
  id: string;
  kind: 'card' | 'paypal';
  brand: string;
  last4: string | null;
  expiry: string | null;
  isDefault: boolean;
  createdAt: string;
}

/** `GET /customers/:id/payg` (PaygAccountResponse) */
export interface PaygAccount {
  customerId: string;
  creditControl: boolean;
  currency: string;
  defaultMethod: { id: string; kind: 'card' | 'paypal'; brand: string; last4: string | null } | null;
  paypalThreshold: string | null;
  effectiveThreshold: string | null;
  unpaid: { currency: string; amount: string }[];
  preauthorizedAt: string | null;
  inArrears: boolean;
  arrearsSince: string | null;
}

/** `GET /customers/:id/gateway-payments` (GatewayPaymentResponse) */
export interface GatewayPayment {
  id: string;
  billId: string | null;
  channel: 'card' | 'paypal';
  purpose: 'payg_threshold' | 'payg_month_end' | 'bill';
  amount: string;
  currency: string;
  status: 'pending' | 'retry_scheduled' | 'succeeded' | 'failed';
  attempt: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export function usePaymentMethods(customerId: string) {
  return useQuery({
    queryKey: ['customer', customerId, 'payment-methods'],
    queryFn: () => api<{ items: PaymentMethod[] }>('GET', `/customers/${customerId}/payment-methods`),
  });
}

export function usePaygAccount(customerId: string) {
  return useQuery({
    queryKey: ['customer', customerId, 'payg'],
    queryFn: () => api<PaygAccount>('GET', `/customers/${customerId}/payg`),
  });
}

export function useGatewayPayments(customerId: string) {
  return useQuery({
    queryKey: ['customer', customerId, 'gateway-payments'],
    queryFn: () => api<{ items: GatewayPayment[] }>('GET', `/customers/${customerId}/gateway-payments`),
  });
}
