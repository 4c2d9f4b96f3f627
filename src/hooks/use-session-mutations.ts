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
 * Signs out: cancels this session's requests, drops its cached data, then revokes it.
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
      await queryClient.cancelQueries({ queryKey: scope });
      queryClient.removeQueries({ queryKey: scope });
      await client.logout();
    },
    retry: false,
  });
}
