import type { FastifyInstance, FastifyReply } from 'fastify';
import jwt from 'jsonwebtoken';
import type { SalesforceSimulatorContext } from './salesforce-simulator.types';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Salesforce allows `exp` up to about 3 minutes ahead plus clock skew; the Pub/Sub client sends now+300 s. */
const MAX_EXP_AHEAD_SECONDS = 300 + 30;
const WELL_KNOWN_AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];

interface OAuthFailure {
  readonly error: string;
  readonly description: string;
}

function deny(reply: FastifyReply, failure: OAuthFailure): FastifyReply {
  return reply
    .code(400)
    .header('content-type', 'application/json;charset=UTF-8')
    .send({ error: failure.error, error_description: failure.description });
}

/**
 * OAuth 2.0 JWT bearer token endpoint and the OIDC userinfo endpoint (the Pub/Sub client calls it on the
 * login URL in JWT mode). The assertion is verified RS256 against the connected app's certificate.
 */
export function registerOAuthRoutes(app: FastifyInstance, context: SalesforceSimulatorContext): void {
  const { config, tokens, faults, counter } = context;

  app.post('/services/oauth2/token', async (request, reply) => {
    counter.increment('oauth.token');
    const decision = faults.decide('oauth.token');
    await faults.delay(decision);
    if (decision.failure) return context.sendFailure(reply, decision.failure);

    const form = (request.body ?? {}) as Record<string, string | undefined>;
    if (!form.grant_type)
      return deny(reply, { error: 'invalid_request', description: 'grant type is missing' });
    if (form.grant_type !== JWT_BEARER) {
      return deny(reply, { error: 'unsupported_grant_type', description: 'grant type not supported' });
    }
    const verdict = verifyAssertion(form.assertion, context);
    if ('error' in verdict) return deny(reply, verdict);

    const token = tokens.issue(verdict.username);
    const base = context.baseUrl();
    const userId = context.userIdFor(verdict.username);
    return reply.header('content-type', 'application/json;charset=UTF-8').send({
      access_token: token.accessToken,
      scope: 'api',
      instance_url: config.instanceUrl ?? base,
      id: `${base}/id/${config.orgId}/${userId}`,
      token_type: 'Bearer',
      issued_at: String(token.issuedAt),
    });
  });

  app.get('/services/oauth2/userinfo', async (request, reply) => {
    counter.increment('oauth.userinfo');
    const decision = faults.decide('oauth.userinfo');
    await faults.delay(decision);
    if (decision.failure) return context.sendFailure(reply, decision.failure);
    const token = tokens.lookup(bearer(request.headers.authorization));
    if (!token) {
      return reply.code(403).header('content-type', 'text/plain;charset=UTF-8').send('Bad_OAuth_Token');
    }
    const userId = context.userIdFor(token.username);
    return reply.header('content-type', 'application/json;charset=UTF-8').send({
      sub: `${context.baseUrl()}/id/${config.orgId}/${userId}`,
      user_id: userId,
      organization_id: config.orgId,
      preferred_username: token.username,
      nickname: token.username.split('@')[0],
      name: 'Portal Integration',
      email: token.username,
      email_verified: true,
      zoneinfo: 'Asia/Tokyo',
      active: true,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: 32_400_000,
      updated_at: '2026-01-01T00:00:00Z',
      is_salesforce_integration_user: true,
    });
  });
}

export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match?.[1]?.trim();
}

function verifyAssertion(
  assertion: string | undefined,
  context: SalesforceSimulatorContext,
): { username: string } | OAuthFailure {
  const { config } = context;
  if (!assertion) return { error: 'invalid_grant', description: 'invalid assertion' };
  let claims: jwt.JwtPayload;
  try {
    const verified = jwt.verify(assertion, config.certificate, { algorithms: ['RS256'], clockTolerance: 30 });
    if (typeof verified === 'string') return { error: 'invalid_grant', description: 'invalid assertion' };
    claims = verified;
  } catch (error) {
    const expired = error instanceof jwt.TokenExpiredError;
    return {
      error: 'invalid_grant',
      description: expired ? 'expired authorization code' : 'invalid assertion',
    };
  }
  if (claims.iss !== config.clientId) {
    return { error: 'invalid_client_id', description: 'client identifier invalid' };
  }
  const audiences = [context.baseUrl(), ...WELL_KNOWN_AUDIENCES, ...config.extraAudiences];
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.some((value) => value !== undefined && audiences.includes(value.replace(/\/$/, '')))) {
    return { error: 'invalid_grant', description: 'audience is invalid' };
  }
  if (typeof claims.exp !== 'number' || claims.exp > Date.now() / 1000 + MAX_EXP_AHEAD_SECONDS) {
    return { error: 'invalid_grant', description: 'invalid assertion' };
  }
  // The legacy `prn` claim wins over `sub` when both are present.
  const username = (claims as { prn?: unknown }).prn ?? claims.sub;
  if (typeof username !== 'string' || !config.usernames.includes(username)) {
    return { error: 'invalid_grant', description: "user hasn't approved this consumer" };
  }
  return { username };
}
