// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { StepState, YearBoard } from '../../src-shared/api/yearboard';
import type { ApiClient } from '../../src-renderer/api/client';
import { ApiProvider } from '../../src-renderer/api/hooks';
import { YearBoardCard } from '../../src-renderer/workflows/home/YearBoardCard';

afterEach(cleanup);

const board = (payment: StepState): YearBoard => ({
  year: 2027,
  pilot: true,
  steps: [{ key: 'payment', title: '缴费', state: payment, summary: '', hint: null, link: null }],
});

describe('the home page’s year board', () => {
  it('is asked afresh each time the home page shows it, however soon after the last time', async () => {
    let answer = board('todo');
    const client = { call: async () => answer } as unknown as ApiClient;
    // The app's own defaults (App.tsx): a query is fresh for 5 s.
    const queries = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } } });
    const home = () =>
      render(
        <QueryClientProvider client={queries}>
          <ApiProvider client={client}>
            <MemoryRouter>
              <YearBoardCard />
            </MemoryRouter>
          </ApiProvider>
        </QueryClientProvider>,
      );
    const first = home();
    expect(await screen.findByRole('listitem', { name: '缴费：待办' })).toBeTruthy();
    first.unmount();

    // An order made and confirmed on another page, and back home within the second.
    answer = board('done');
    home();
    expect(await screen.findByRole('listitem', { name: '缴费：已完成' })).toBeTruthy();
  });
});
