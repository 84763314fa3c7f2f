/** Schema changes, applied in order, once each. Never edit a released entry: append a new one. */
export const migrations: readonly string[] = [
  `
  CREATE TABLE orbital_users (
    id text PRIMARY KEY,
    email text NOT NULL UNIQUE,
    password_hash text NOT NULL,
    first_name text,
    last_name text,
    public_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
  );
  CREATE TABLE orbital_clients (
    id text PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    last_active_session_id text,
    uat bigint NOT NULL DEFAULT 0,
    created_at bigint NOT NULL
  );
  CREATE TABLE orbital_sessions (
    id text PRIMARY KEY,
    client_id text NOT NULL REFERENCES orbital_clients(id) ON DELETE CASCADE,
    user_id text NOT NULL REFERENCES orbital_users(id) ON DELETE CASCADE,
    status text NOT NULL,
    created_at bigint NOT NULL,
    last_active_at bigint NOT NULL,
    ended_at bigint
  );
  CREATE INDEX orbital_sessions_client_active ON orbital_sessions (client_id) WHERE status = 'active';
  CREATE INDEX orbital_sessions_user_active ON orbital_sessions (user_id) WHERE status = 'active';
  CREATE TABLE orbital_signing_keys (
    kid text PRIMARY KEY,
    private_jwk jsonb NOT NULL,
    public_jwk jsonb NOT NULL,
    created_at bigint NOT NULL,
    retired_at bigint
  );
  `,
  `
  CREATE TABLE orbital_client_tokens (
    token_hash text PRIMARY KEY,
    client_id text NOT NULL REFERENCES orbital_clients(id) ON DELETE CASCADE,
    created_at bigint NOT NULL
  );
  CREATE INDEX orbital_client_tokens_client ON orbital_client_tokens (client_id);
  CREATE TABLE orbital_sync_codes (
    code_hash text PRIMARY KEY,
    client_id text NOT NULL REFERENCES orbital_clients(id) ON DELETE CASCADE,
    origin text NOT NULL,
    expires_at bigint NOT NULL
  );
  `,
  `
  CREATE TABLE orbital_organizations (
    id text PRIMARY KEY,
    name text NOT NULL,
    slug text NOT NULL UNIQUE,
    created_at bigint NOT NULL
  );
  CREATE TABLE orbital_memberships (
    organization_id text NOT NULL REFERENCES orbital_organizations(id) ON DELETE CASCADE,
    user_id text NOT NULL REFERENCES orbital_users(id) ON DELETE CASCADE,
    role text NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (organization_id, user_id)
  );
  CREATE INDEX orbital_memberships_user ON orbital_memberships (user_id);
  ALTER TABLE orbital_sessions ADD COLUMN active_organization_id text;
  `,
  `
  ALTER TABLE orbital_client_tokens ADD COLUMN origin text;
  ALTER TABLE orbital_client_tokens ADD COLUMN retired_at bigint;
  UPDATE orbital_signing_keys k SET retired_at = k.created_at
    WHERE k.retired_at IS NULL AND EXISTS (
      SELECT 1 FROM orbital_signing_keys n
      WHERE n.retired_at IS NULL AND n.private_jwk->>'alg' = k.private_jwk->>'alg' AND (n.created_at, n.kid) > (k.created_at, k.kid)
    );
  CREATE UNIQUE INDEX orbital_signing_keys_one_active ON orbital_signing_keys ((private_jwk->>'alg')) WHERE retired_at IS NULL;
  CREATE TABLE orbital_invitations (
    id text PRIMARY KEY,
    organization_id text NOT NULL REFERENCES orbital_organizations(id) ON DELETE CASCADE,
    email text NOT NULL,
    role text NOT NULL,
    invited_by text NOT NULL,
    status text NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    closed_at bigint
  );
  CREATE INDEX orbital_invitations_pending_email ON orbital_invitations (email) WHERE status = 'pending';
  CREATE INDEX orbital_invitations_pending_org ON orbital_invitations (organization_id) WHERE status = 'pending';
  `,
  `
  ALTER TABLE orbital_users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;
  CREATE TABLE orbital_verifications (
    id text PRIMARY KEY,
    purpose text NOT NULL,
    email text NOT NULL,
    user_id text REFERENCES orbital_users(id) ON DELETE CASCADE,
    code_hash text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    payload jsonb NOT NULL DEFAULT '{}'::jsonb,
    attempts integer NOT NULL DEFAULT 0,
    sends integer NOT NULL DEFAULT 1,
    created_at bigint NOT NULL,
    sent_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    consumed_at bigint
  );
  CREATE INDEX orbital_verifications_expires ON orbital_verifications (expires_at);
  `,
];
