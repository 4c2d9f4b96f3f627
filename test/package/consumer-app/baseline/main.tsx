// The same app without the package: React, React DOM and the parts of React Query the
// package's hooks use. What the viewer app ships beyond this is the package's share.
import {
  QueryClient,
  QueryClientProvider,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';

function App() {
  const queryClient = useQueryClient();
  const page = useQuery({ queryKey: ['page'], queryFn: async () => 'ready' });
  const pages = useInfiniteQuery({
    queryKey: ['pages'],
    queryFn: async ({ pageParam }) => pageParam,
    initialPageParam: 1,
    getNextPageParam: (last) => last + 1,
  });
  const save = useMutation({
    mutationFn: async () => 'saved',
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['page'] }),
  });
  return (
    <button type="button" onClick={() => save.mutate()}>
      {page.data} {pages.data?.pages.length}
    </button>
  );
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <App />
  </QueryClientProvider>,
);
