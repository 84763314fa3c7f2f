import { withRedirectUrl } from '../account-urls';
import {
  clientUatCookie,
  cookieNames,
  expiredCookie,
  instanceSuffix,
  type CookieNames,
  type CookieScope,
} from '../cookies';
import { ApiError, OrbitalError } from '../errors';
import { parsePublishableKey, type InstanceMode } from '../api-keys';
import type { OrbitalOptions } from '../options';
import type { VerificationResource } from '../resources';
import { DEV_BROWSER_PARAM, hasTransientParams, stripTransientParams } from '../transient-params';
import { createAuthApi, type AuthApi, type SignUpFields } from './auth-api';
import {
  toState,
  type ClientResource,
  type InvitationResource,
  type OrbitalState,
  type SessionResource,
} from './resources';
import { createTokenManager, type TokenManager } from './token-manager';
import { createTokenSync, type TokenSync } from './token-sync';
import { createDevBrowserSession, type DevBrowserSession } from './dev-browser-session';
import type { ServerDiagnostic } from './auth-state';
import { onPageResumed } from './revalidation';
import { createStore } from './store';
import { showServerDiagnostic } from './server-diagnostic';
import { openTabChannel, type TabChannel } from './tab-channel';
import * as urls from './urls';

/** Options for {@link Orbital.load}: everything in `OrbitalOptions` a browser may know, plus a router. */
export interface OrbitalLoadOptions extends Omit<Partial<OrbitalOptions>, 'publishableKey' | 'secretKey' | 'jwtKey'> {
  /** Client-side navigation (your router's push); full page loads by default. */
  navigate?: ((to: string) => unknown) | undefined;
  /** Why the server rendered this page signed out, if that was a failure: shown to the developer in development. */
  serverDiagnostic?: ServerDiagnostic | null | undefined;
}

type Listener = () => void;

/** What `signUp` did: signed in, or sent a code that {@link Orbital.verifySignUp} takes. */
export type SignUpResult =
  | { status: 'complete'; session: SessionResource }
  | { status: 'needs_verification'; verification: VerificationResource };

/**
 * The browser client: loads the client from the auth server, exposes it as an observable state,
 * keeps the session token fresh (once per browser, across tabs) and writes the app's cookies.
 *
 * @example
 * const orbital = new Orbital('pk_test_…');
 * await orbital.load({ afterSignOutUrl: '/' });
 * orbital.subscribe(() => render(orbital.getSnapshot()));
 */
export class Orbital {
  readonly publishableKey: string;
  readonly mode: InstanceMode;
  readonly authServerUrl: string;
  /** The cookie `Domain` the app's server writes with: the same cookie, not a second host-only one. */
  private readonly cookieDomain: string | undefined;
  readonly proxyUrl: string | undefined;
  private options: OrbitalLoadOptions = {};
  private readonly names: CookieNames;
  private readonly api: AuthApi;
  private readonly tokens: TokenManager;
  private readonly tokenSync: TokenSync;
  private readonly devBrowser: DevBrowserSession;
  private readonly store = createStore<OrbitalState>(toState(null, false));
  private readonly changedElsewhere = new Set<() => void>();
  private channel: TabChannel | undefined;
  private loading: Promise<void> | undefined;
  private lastRevalidation = 0;
  private teardown: Array<() => void> = [];

  constructor(
    publishableKey: string,
    options: { proxyUrl?: string | undefined; cookieDomain?: string | undefined } = {},
  ) {
    const key = parsePublishableKey(publishableKey);
    this.publishableKey = publishableKey;
    this.mode = key.mode;
    this.authServerUrl = key.authServerUrl;
    this.proxyUrl = options.proxyUrl;
    this.cookieDomain = options.cookieDomain;
    this.names = cookieNames(publishableKey, { domain: options.cookieDomain });
    const scope = () => this.cookieScope();
    this.devBrowser = createDevBrowserSession(this.names, scope);
    this.api = createAuthApi(options.proxyUrl ?? key.authServerUrl, this.devBrowser.current);
    this.tokens = createTokenManager(this.api, this.names, scope, `orbital-token-${instanceSuffix(publishableKey)}`);
    this.tokenSync = createTokenSync(
      this.tokens,
      () => {
        const session = this.state.session;
        return session && { sessionId: session.id, organizationId: this.organizationId };
      },
      () => {
        if (typeof document !== 'undefined') document.cookie = expiredCookie(this.names.session, scope());
      },
      // The auth server no longer knows the session (ended elsewhere, expired): reload and tell every tab.
      async () => {
        this.setClient((await this.api.client()).client, { broadcast: true });
        await this.tokenSync.sync();
      },
    );
    // Methods keep working when destructured (`const { signOut } = useOrbital()`), as seeds do.
    for (const name of Object.getOwnPropertyNames(Orbital.prototype) as Array<keyof this>) {
      const descriptor = Object.getOwnPropertyDescriptor(Orbital.prototype, name);
      if (name !== 'constructor' && typeof descriptor?.value === 'function')
        (this as Record<keyof this, unknown>)[name] = descriptor.value.bind(this);
    }
  }

  /**
   * Calls `listener` when another tab, or another device (noticed on focus), changed who is signed
   * in or the active organization: what the server rendered for this page is out of date. Adapters
   * refresh it (`router.refresh()` in Next.js). Returns the unsubscribe function.
   */
  onChangedElsewhere = (listener: () => void): (() => void) => {
    this.changedElsewhere.add(listener);
    return () => this.changedElsewhere.delete(listener);
  };

  /** Subscribe to state changes; returns the unsubscribe function. */
  subscribe = (listener: Listener): (() => void) => this.store.subscribe(listener);

  /** The current state; the same object until something changes. */
  getSnapshot = (): OrbitalState => this.store.get();

  /** Loads the client and starts keeping its token fresh. Safe to call more than once. */
  load(options: OrbitalLoadOptions = {}): Promise<void> {
    this.options = { ...this.options, ...options };
    this.loading ??= this.start();
    return this.loading;
  }

  private async start(): Promise<void> {
    showServerDiagnostic(this.options.serverDiagnostic, this.mode);
    const arrived =
      typeof window === 'undefined' ? null : new URL(window.location.href).searchParams.get(DEV_BROWSER_PARAM);
    this.stripHandshakeFromAddressBar();
    const createDevBrowser = async () => (await this.api.createDevBrowser()).token;
    const devBrowser = this.devBrowser.needed(this.mode, this.proxyUrl ?? this.authServerUrl);
    if (devBrowser) await this.devBrowser.start(arrived, createDevBrowser);
    let { client } = await this.api.client();
    if (!client && devBrowser && !arrived) {
      // The auth server no longer knows this development browser (a reset database): start afresh.
      await this.devBrowser.start(null, createDevBrowser, true);
      ({ client } = await this.api.client());
    }
    this.setClient(client, { broadcast: false });
    if (typeof window !== 'undefined') {
      this.teardown.push(onPageResumed(() => void this.revalidate()));
      this.channel = openTabChannel(this.publishableKey, (client) => void this.adopt(client, { broadcast: false }));
    }
    await this.tokenSync.sync();
  }

  /**
   * A session token for the active session, refreshed when it is about to expire; null when
   * signed out. Pass it as `Authorization: Bearer …` to your own APIs.
   */
  async getToken(options: { skipCache?: boolean } = {}): Promise<string | null> {
    const session = this.state.session;
    if (!session) return null;
    try {
      return await this.tokens.get(session.id, this.organizationId, options.skipCache ? Infinity : undefined);
    } catch (error) {
      await this.tokenSync.failed(error);
      return null;
    }
  }

  async signIn(credentials: { identifier: string; password: string }): Promise<SessionResource> {
    assertCookiesEnabled();
    return this.signedIn(
      await retryOnClientChange(() => this.api.signIn(credentials.identifier, credentials.password)),
    );
  }

  /**
   * Creates an account. With email verification on (the auth server's default) nothing exists yet:
   * the result says a code was sent, and {@link verifySignUp} with that code completes it.
   */
  async signUp(fields: SignUpFields): Promise<SignUpResult> {
    assertCookiesEnabled();
    const reply = await retryOnClientChange(() => this.api.signUp(fields));
    return 'verification' in reply
      ? { status: 'needs_verification', verification: reply.verification }
      : { status: 'complete', session: await this.signedIn(reply) };
  }

  /** Completes a sign-up with the code from the email: the account is created and signed in. */
  async verifySignUp(verificationId: string, code: string): Promise<SessionResource> {
    return this.signedIn(await retryOnClientChange(() => this.api.verifySignUp(verificationId, code)));
  }

  /** Sends a new code for a pending sign-up (30 s apart at the soonest). */
  resendCode = async (verificationId: string): Promise<VerificationResource> =>
    (await this.api.resendCode(verificationId)).verification;

  /** The auth server's "forgot password" page, coming back here (or to `redirectUrl`) signed in. */
  buildForgotPasswordUrl(options: { redirectUrl?: string } = {}): string {
    return this.buildUrlWithAuth(urls.forgotPasswordUrl(this.urlContext(), options));
  }

  /**
   * Makes another of this browser's sessions the active one, and/or sets the organization the
   * active session acts for (`null`: the personal account). Tokens pick up `org_*` claims at once.
   */
  async setActive(params: { session?: string; organization?: string | null; redirectUrl?: string }): Promise<void> {
    // Listeners hear of the switch once the cookie carries it: a reload right after it is seen renders the new state.
    if (params.session)
      this.setClient((await this.api.setActive(params.session)).client, { broadcast: true, notify: false });
    const sessionId = params.session ?? this.state.session?.id;
    if (params.organization !== undefined && sessionId)
      this.setClient((await this.api.setOrganization(sessionId, params.organization)).client, {
        broadcast: true,
        notify: false,
      });
    await this.tokenSync.sync();
    this.notify();
    if (params.redirectUrl) await this.navigate(params.redirectUrl);
  }

  /** The signed-in user's pending invitations into organizations. */
  getInvitations = async (): Promise<InvitationResource[]> => (await this.api.invitations()).invitations;

  /** Accepts (joining with the invited role) or declines an invitation; the memberships update at once. */
  answerInvitation = async (id: string, answer: 'accept' | 'decline'): Promise<void> => {
    this.setClient((await this.api.answerInvitation(id, answer)).client, { broadcast: true });
  };

  /** Creates an organization (the user becomes its admin); make it active with `setActive`. */
  async createOrganization(fields: { name: string; slug?: string }): Promise<string> {
    const { organization } = await this.api.createOrganization(fields);
    this.setClient((await this.api.client()).client, { broadcast: true });
    return organization.id;
  }

  buildCreateOrganizationUrl(options: { redirectUrl?: string } = {}): string {
    return withRedirectUrl(`${this.authServerUrl}/organizations/new`, options.redirectUrl ?? this.currentUrl());
  }

  /** The active organization's profile page (members, roles), or creating one when none is active. */
  buildOrganizationProfileUrl(): string {
    const slug = this.state.organization?.slug;
    return slug ? `${this.authServerUrl}/organizations/${encodeURIComponent(slug)}` : this.buildCreateOrganizationUrl();
  }

  redirectToCreateOrganization(options: { redirectUrl?: string } = {}): Promise<unknown> {
    return this.redirectWithAuth(this.buildCreateOrganizationUrl(options));
  }

  redirectToOrganizationProfile(): Promise<unknown> {
    return this.redirectWithAuth(this.buildOrganizationProfileUrl());
  }

  /**
   * Signs out of one session (`sessionId`) or of all. Leaving the active session while others
   * remain goes to `afterMultiSessionSingleSignOutUrl` or the sign-in URL's `/choose` route.
   */
  async signOut(params: { sessionId?: string; redirectUrl?: string } = {}): Promise<void> {
    const wasActive = !params.sessionId || params.sessionId === this.state.session?.id;
    if (wasActive) this.tokens.clear();
    const { client } = params.sessionId ? await this.api.endSession(params.sessionId) : await this.api.endAll();
    this.setClient(client, { broadcast: true });
    await this.tokenSync.sync();
    if (!wasActive) return;
    const next = this.state.sessions.length
      ? urls.afterSignOutOfOneUrl(this.urlContext())
      : urls.afterSignOutUrl(this.urlContext());
    await this.navigate(params.redirectUrl ?? next);
  }

  /** The sign-in page with a way back here; on a satellite, the primary's sync endpoint (no form if already signed in there). */
  buildSignInUrl(options: { redirectUrl?: string; addAccount?: boolean } = {}): string {
    return urls.signInUrl(this.urlContext(), options);
  }

  buildSignUpUrl(options: { redirectUrl?: string } = {}): string {
    return urls.signUpUrl(this.urlContext(), options);
  }

  buildUserProfileUrl(): string {
    return urls.accountPages(this.urlContext()).userProfileUrl;
  }

  /** Where to go after signing in: a validated `redirect_url` in the current URL, else `afterSignInUrl`. */
  buildAfterSignInUrl(): string {
    return urls.afterSignInUrl(this.urlContext());
  }

  buildAfterSignUpUrl(): string {
    return urls.afterSignUpUrl(this.urlContext());
  }

  buildAfterSignOutUrl(): string {
    return urls.afterSignOutUrl(this.urlContext());
  }

  redirectToSignIn(options: { redirectUrl?: string; addAccount?: boolean } = {}): Promise<unknown> {
    return this.redirectWithAuth(this.buildSignInUrl(options));
  }

  redirectToSignUp(options: { redirectUrl?: string } = {}): Promise<unknown> {
    return this.redirectWithAuth(this.buildSignUpUrl(options));
  }

  redirectToUserProfile(): Promise<unknown> {
    return this.redirectWithAuth(this.buildUserProfileUrl());
  }

  /** Navigates to `url`, a page on the auth server's site, as this browser (see {@link buildUrlWithAuth}). */
  redirectWithAuth(url: string): Promise<unknown> {
    return this.navigate(this.buildUrlWithAuth(url));
  }

  /**
   * A URL on the auth server's site that knows this browser: in development, when the auth server
   * is another site, it carries the development-browser token. Unchanged otherwise.
   */
  buildUrlWithAuth(url: string): string {
    return this.devBrowser.withToken(url);
  }

  /** Navigates with the app's router when given, else with a page load. */
  async navigate(to: string): Promise<unknown> {
    if (this.options.navigate) return this.options.navigate(to);
    if (typeof window !== 'undefined') window.location.assign(to);
    return undefined;
  }

  /** Stops timers and listeners (tests, hot reload). */
  destroy(): void {
    this.tokenSync.stop();
    this.channel?.close();
    for (const undo of this.teardown) undo();
    this.store.clear();
  }

  private urlContext(): urls.UrlContext {
    return { authServerUrl: this.authServerUrl, options: this.options, location: this.currentUrl() ?? null };
  }

  private currentUrl(): string | undefined {
    return typeof window === 'undefined' ? undefined : window.location.href;
  }

  private signedIn(reply: { client: ClientResource | null; sessionId: string; devBrowser?: string }) {
    if (reply.devBrowser) this.devBrowser.keep(reply.devBrowser);
    return this.activated(reply.client, reply.sessionId);
  }

  private async activated(client: ClientResource | null, sessionId: string): Promise<SessionResource> {
    // The app server must see the new session on the very next navigation: cookie first.
    this.setClient(client, { broadcast: true, notify: false });
    await this.tokenSync.sync();
    this.notify();
    return this.state.sessions.find((s) => s.id === sessionId)!;
  }

  /**
   * Takes a new client state: the app's `__client_uat` cookie follows it; `broadcast` tells the
   * other tabs; `notify: false` holds listeners back until the caller's token is in place.
   */
  private setClient(
    client: ClientResource | null,
    { broadcast, notify = true }: { broadcast: boolean; notify?: boolean },
  ): void {
    const previous = this.state;
    this.store.set(toState(client, true));
    if (typeof document !== 'undefined')
      document.cookie = clientUatCookie(this.names, this.cookieScope(), this.state.session ? (client?.uat ?? 0) : 0);
    // Another session, or another organization: the held token's claims are out of date.
    if (previous.session?.id !== this.state.session?.id || previous.organization?.id !== this.state.organization?.id)
      this.tokens.clear();
    if (broadcast) this.channel?.post(client);
    if (notify) this.notify();
  }

  /**
   * A client state learnt from elsewhere (another tab, the auth server on focus). Listeners hear of
   * a change once this tab's session cookie holds the new session's token: a server render they
   * ask for must see it.
   */
  private async adopt(client: ClientResource | null, { broadcast }: { broadcast: boolean }): Promise<void> {
    const before = this.state;
    this.setClient(client, { broadcast });
    await this.tokenSync.sync();
    if (before.session?.id !== this.state.session?.id || before.organization?.id !== this.state.organization?.id)
      for (const listener of this.changedElsewhere) listener();
  }

  /** The organization the active session acts for: tokens are held per organization. */
  private get organizationId(): string | null {
    return this.state.organization?.id ?? null;
  }

  private notify(): void {
    this.store.notify();
  }

  private get state(): OrbitalState {
    return this.store.get();
  }

  /** On focus and when the network returns: pick up changes made on other sites and devices. */
  private async revalidate(): Promise<void> {
    if (!this.state.isLoaded || Date.now() - this.lastRevalidation < 2_000) return;
    this.lastRevalidation = Date.now();
    try {
      const { client } = await this.api.client();
      if (JSON.stringify(client) !== JSON.stringify(this.state.client)) await this.adopt(client, { broadcast: true });
      else await this.tokenSync.sync();
    } catch {
      // offline: the next focus or online event tries again
    }
  }

  /** Handshake payloads, sync codes and development-browser tokens have done their job: keep them out of history and bookmarks. */
  private stripHandshakeFromAddressBar(): void {
    if (typeof window === 'undefined' || !hasTransientParams(new URL(window.location.href))) return;
    window.history.replaceState(window.history.state, '', stripTransientParams(window.location.href).href);
  }

  private cookieScope(): CookieScope {
    return {
      mode: this.mode,
      url: typeof window === 'undefined' ? this.authServerUrl : window.location.href,
      domain: this.cookieDomain,
    };
  }
}

/**
 * Every sign-in replaces the browser's client token; a second tab signing in at the same moment
 * is told `client_changed` and tries once more, now with the cookie the first one received.
 */
async function retryOnClientChange<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'client_changed') return call();
    throw error;
  }
}

/** What a person sees in a sign-in or sign-up form when their browser refuses this site's cookies. */
export const COOKIES_BLOCKED_FORM_MESSAGE =
  'Your browser blocks cookies for this site, and staying signed in needs them. Allow cookies for this site (or leave the private window) and try again.';

/** A browser that keeps no cookies would "sign in" into a page that shows signed out: say so before trying. */
function assertCookiesEnabled(): void {
  if (typeof navigator !== 'undefined' && navigator.cookieEnabled === false)
    throw new OrbitalError('cookies_blocked', COOKIES_BLOCKED_FORM_MESSAGE);
}
