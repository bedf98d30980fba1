import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type Page } from './client';
import type { User } from './session';

/** a user as `GET /users` lists them: lockedUntil is set while failed sign-ins keep the account locked */
export type ListedUser = User & { lockedUntil: string | null; createdAt: string };

export interface NewUser {
  email: string;
  name: string;
  role: User['role'];
  customerId?: string;
  password?: string;
}

export function useUsers(cursor: string | null, enabled = true) {
  return useQuery({
    queryKey: ['users', cursor],
    queryFn: () => api<Page<ListedUser>>('GET', withQuery('/users', { cursor, limit: 50 })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => api<ListedUser>('POST', '/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUnlockUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ListedUser>('POST', `/users/${id}/unlock`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useSignInLink() {
  return useMutation({
    mutationFn: (id: string) => api<{ url: string; expiresAt: string }>('POST', `/users/${id}/sign-in-link`),
  });
}
