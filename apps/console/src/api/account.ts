import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** The signed-in user's own account: password and two-factor enrolment (contract A). */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword?: string; newPassword: string }) => api<void>('POST', '/auth/password', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['session'] }),
  });
}

export function useEnrolTotp() {
  return useMutation({
    mutationFn: () => api<{ secret: string; otpauthUri: string }>('POST', '/auth/totp/enrol'),
  });
}

export function useConfirmTotp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<void>('POST', '/auth/totp/confirm', { code }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['session'] }),
  });
}
