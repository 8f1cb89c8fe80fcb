import { useQuery } from '@tanstack/react-query';
import { MyPrivacyRequestList } from '@lesplein/contracts/privacy-request';
import { api } from '../../lib/api-client';
import { MY_PRIVACY_REQUESTS_PATH, privacyRequestKeys } from './privacy-request-keys';

/** GET /api/account/privacy-requests — the member's own requests and their answers. */
export function listMyPrivacyRequests(signal?: AbortSignal): Promise<MyPrivacyRequestList> {
  return api.get(MY_PRIVACY_REQUESTS_PATH, MyPrivacyRequestList, signal);
}

export function useMyPrivacyRequests(enabled: boolean) {
  return useQuery({ queryKey: privacyRequestKeys.mine, queryFn: ({ signal }) => listMyPrivacyRequests(signal), enabled });
}
