import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { Contract, OpName } from '../../src-shared/api';
import type { InputOf, OutputOf } from '../../src-shared/api/contract';
import type { AppError } from '../../src-shared/errors';
import type { ApiClient } from './client';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}

/** A read operation as a react-query query, keyed by its name and input. */
export function useOp<K extends OpName>(name: K, input: InputOf<Contract[K]>, options: Omit<UseQueryOptions<OutputOf<Contract[K]>, AppError>, 'queryKey' | 'queryFn'> = {}) {
  const api = useApi();
  return useQuery<OutputOf<Contract[K]>, AppError>({ queryKey: [name, input], queryFn: () => api.call(name, input), ...options });
}

/** A mutation; on success the named queries (by operation name) are refetched. */
export function useOpMutation<K extends OpName>(name: K, options: { invalidates?: OpName[] } = {}) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<OutputOf<Contract[K]>, AppError, InputOf<Contract[K]>>({
    mutationFn: (input) => api.call(name, input),
    onSuccess: async () => {
      await Promise.all((options.invalidates ?? []).map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}
