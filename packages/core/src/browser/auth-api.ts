import { withDevBrowser } from '../dev-browser';
import { ApiError } from '../errors';
import type { ClientResource, InvitationResource } from './resources';
import type { VerificationResource } from '../resources';

type ClientReply = { client: ClientResource | null };
/** A sign-in's answer; a development browser also gets its new token (credentials are fresh at every sign-in). */
type SignInReply = ClientReply & { sessionId: string; devBrowser?: string };
/** A sign-up's answer: signed in, or waiting for the code sent to the address. */
type SignUpReply = SignInReply | (ClientReply & { verification: VerificationResource });

/** The auth server's JSON API as the browser client uses it: cookies included, errors typed. */
export function createAuthApi(baseUrl: string, devBrowser: () => string | null = () => null) {
  async function call<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
    let response: Response;
    const token = devBrowser();
    const url = token
      ? withDevBrowser(new URL(baseUrl + path, typeof location === 'undefined' ? undefined : location.href), token)
      : baseUrl + path;
    try {
      response = await fetch(url, {
        method,
        credentials: 'include',
        ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new ApiError(
        0,
        'network_error',
        `Could not reach the auth server at ${baseUrl}: check your connection or the publishable key.`,
        { cause },
      );
    }
    const data = (await response.json().catch(() => null)) as { error?: { code: never; message: string } } | null;
    if (!response.ok) {
      throw new ApiError(
        response.status,
        data?.error?.code ?? 'internal_error',
        data?.error?.message ?? `The auth server answered HTTP ${response.status}.`,
      );
    }
    return data as T;
  }

  return {
    client: () => call<ClientReply>('/v1/client'),
    signIn: (identifier: string, password: string) =>
      call<SignInReply>('/v1/sign-ins', 'POST', { identifier, password }),
    signUp: (fields: SignUpFields) => call<SignUpReply>('/v1/sign-ups', 'POST', fields),
    verifySignUp: (id: string, code: string) =>
      call<SignInReply>(`/v1/sign-ups/${encodeURIComponent(id)}/verify`, 'POST', { code }),
    resendCode: (id: string) =>
      call<{ verification: VerificationResource }>(`/v1/verifications/${encodeURIComponent(id)}/resend`, 'POST', {}),
    token: (sessionId: string) =>
      call<{ jwt: string }>(`/v1/client/sessions/${encodeURIComponent(sessionId)}/tokens`, 'POST', {}),
    setActive: (sessionId: string) =>
      call<ClientReply>(`/v1/client/sessions/${encodeURIComponent(sessionId)}/touch`, 'POST', {}),
    endSession: (sessionId: string) =>
      call<ClientReply>(`/v1/client/sessions/${encodeURIComponent(sessionId)}/end`, 'POST', {}),
    endAll: () => call<ClientReply>('/v1/client/sessions', 'DELETE'),
    setOrganization: (sessionId: string, organizationId: string | null) =>
      call<ClientReply>(`/v1/client/sessions/${encodeURIComponent(sessionId)}/organization`, 'POST', {
        organizationId,
      }),
    createOrganization: (fields: { name: string; slug?: string }) =>
      call<{ organization: { id: string } }>('/v1/organizations', 'POST', fields),
    createDevBrowser: () => call<{ token: string }>('/v1/dev-browser', 'POST', {}),
    invitations: () => call<{ invitations: InvitationResource[] }>('/v1/me/invitations'),
    answerInvitation: (id: string, answer: 'accept' | 'decline') =>
      call<ClientReply>(`/v1/me/invitations/${encodeURIComponent(id)}/${answer}`, 'POST', {}),
  };
}

export type AuthApi = ReturnType<typeof createAuthApi>;

export interface SignUpFields {
  email: string;
  password: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
}
