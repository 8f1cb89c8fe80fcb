import { queryOptions, useQuery } from '@tanstack/react-query';
import { MyData } from '@lesplein/contracts/my-data';
import { api } from '../../lib/api-client';

export const MY_DATA_PATH = '/api/account/my-data';

/**
 * GET /api/account/my-data — every kind of record held about the member (purpose, legal basis,
 * retention, what deletion does, how many) and the partners receiving data with their consent.
 */
export function getMyData(signal?: AbortSignal): Promise<MyData> {
  return api.get(MY_DATA_PATH, MyData, signal);
}

export const myDataQuery = queryOptions({
  queryKey: ['privacy', 'my-data'] as const,
  queryFn: ({ signal }) => getMyData(signal),
});

export function useMyData() {
  return useQuery(myDataQuery);
}
