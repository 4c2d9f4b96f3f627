'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, TokenResponse } from '../client/index.js';
import { useAuditLogContext } from './audit-log-context.js';
import { auditLogKeys } from './query-keys.js';

/**
 * Signs in; hooks under the provider then load for the new user and tenant.
 *
 * @example
 * const login = useLogin();
 * login.mutate({ username, password, tenant_id: tenant });
 * // login.error?.message is written for people ("Username, password or tenant is wrong")
 */
export function useLogin() {
  const { client } = useAuditLogContext();
  return useMutation<TokenResponse, Error, LoginRequest>({
    mutationFn: (credentials) => client.login(credentials),
    retry: false,
  });
}

/**
 * Signs out: drops the tokens, cancels this session's requests and cached data, and has the
 * server revoke the login.
 *
 * @example
 * const logout = useLogout();
 * <button onClick={() => logout.mutate()}>Sign out</button>
 */
export function useLogout() {
  const { client } = useAuditLogContext();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const scope = auditLogKeys.scope(client);
      // The client drops its tokens first, so nothing below refetches with the one revoked.
      const revoking = client.logout();
      await queryClient.cancelQueries({ queryKey: scope });
      queryClient.removeQueries({ queryKey: scope });
      await revoking;
    },
    retry: false,
  });
}
