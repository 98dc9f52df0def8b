-- Sign-in with the organisation's account (issue 12 §2). A user signed in through OpenID Connect
-- is found again by the issuer and subject of their ID token ("iss sub"), never by a username the
-- identity provider lets people choose, so an IdP account cannot take over a local one.
ALTER TABLE users ADD COLUMN oidc_subject TEXT;
CREATE UNIQUE INDEX users_oidc_subject ON users (oidc_subject) WHERE oidc_subject IS NOT NULL;
-- The ID token a session began with, kept server-side for RP-initiated logout's id_token_hint;
-- it leaves with the session row.
ALTER TABLE sessions ADD COLUMN id_token TEXT;
