/** The authenticated portal customer, from a verified access token. */
export interface Principal {
  /** Portal user id (`sub`): the WHMCS client id as a string, so billing webhooks can address its cache keys. */
  readonly userId: string;
  readonly whmcsClientId: number;
  readonly salesforceAccountId: string;
  /** `jti` of the access token. */
  readonly tokenId: string;
}
