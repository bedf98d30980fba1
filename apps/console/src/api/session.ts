import { useQuery, useQueryClient } from '@tanstack/react-query';
import { applyCustomerLocale, setLanguage, type Language } from '../i18n';
import { api, ApiError, setCsrfToken } from './client';

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'super_admin' | 'admin' | 'account_manager' | 'finance' | 'member';
  customerId: string | null;
  totpEnabled: boolean;
  totpEnrolmentRequired: boolean;
  passwordSet: boolean;
  /** members: their customer's language, which the console starts in unless this browser chose one */
  customerLocale?: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export const STAFF_ROLES: User['role'][] = ['super_admin', 'admin', 'account_manager', 'finance'];
export const isStaff = (u: User) => STAFF_ROLES.includes(u.role);
/** may act on the queue (assign, split, return, reimburse): the API's roles for those routes */
export const canWorkQueue = (u: User) => ['super_admin', 'admin', 'account_manager'].includes(u.role);

async function fetchSession(): Promise<Session | null> {
  try {
    const s = await api<Session>('GET', '/auth/session');
    setCsrfToken(s.csrfToken);
    applyCustomerLocale(s.user.customerLocale);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: 60_000, retry: false });
}

export function useSessionActions() {
  const qc = useQueryClient();
  return {
    async signIn(email: string, password: string, totp?: string) {
      const s = await api<Session>('POST', '/auth/sign-in', { email, password, totp: totp || undefined });
      setCsrfToken(s.csrfToken);
      applyCustomerLocale(s.user.customerLocale);
      qc.setQueryData(['session'], s);
    },
    async signOut(everywhere = false) {
      await api('POST', everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out');
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(['session'], null);
    },
  };
}

/**
 * The language switcher: remembered in this browser; a member's choice is also saved as its
 * customer's locale (the e-mails and a fresh browser follow it).
 */
export function useLanguageChoice() {
  const qc = useQueryClient();
  return async (user: User, lang: Language) => {
    setLanguage(lang);
    if (user.role !== 'member' || !user.customerId) return;
    await api('PUT', `/customers/${user.customerId}/locale`, { locale: lang });
    qc.setQueryData<Session | null>(['session'], (s) => (s ? { ...s, user: { ...s.user, customerLocale: lang } } : s));
    await qc.invalidateQueries({ queryKey: ['customer', user.customerId] });
  };
}

export function useAuthConfig() {
  return useQuery({
    queryKey: ['auth-config'],
    queryFn: () => api<{ sso: boolean; ssoLabel: string | null }>('GET', '/auth/config'),
    staleTime: Infinity,
  });
}
