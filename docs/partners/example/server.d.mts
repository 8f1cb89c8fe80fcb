// Types for server.mjs, generated from its JSDoc (do not edit by hand; after changing server.mjs, regenerate it and put these two comment lines back):
//   npx tsc --allowJs --declaration --emitDeclarationOnly --strict --module nodenext --target es2023 --types node --skipLibCheck --outDir docs/partners/example docs/partners/example/server.mjs
/**
 * @typedef {object} PartnerAppOptions
 * @property {Configuration} config From discover().
 * @property {string} redirectUri Exactly as registered at Lesplein.
 * @property {string} [scopes] Default "openid profile email".
 * @property {(notice: WithdrawalNotice, token: string) => void} [onWithdrawal] Called after a notice was verified and the data erased.
 * @property {(message: string) => void} [log] Default console.log.
 */
/**
 * The application as a request handler, so it can run on any node:http server (and in tests).
 * @param {PartnerAppOptions} options
 */
export function createPartnerApp(options: PartnerAppOptions): ((req: import("http").IncomingMessage, res: import("http").ServerResponse<import("http").IncomingMessage> & {
    req: import("http").IncomingMessage;
}) => void) & {
    erase: (sub: string) => number;
    sessions: Map<string, Session>;
};
export type PartnerAppOptions = {
    /**
     * From discover().
     */
    config: Configuration;
    /**
     * Exactly as registered at Lesplein.
     */
    redirectUri: string;
    /**
     * Default "openid profile email".
     */
    scopes?: string | undefined;
    /**
     * Called after a notice was verified and the data erased.
     */
    onWithdrawal?: ((notice: WithdrawalNotice, token: string) => void) | undefined;
    /**
     * Default console.log.
     */
    log?: ((message: string) => void) | undefined;
};
export type Configuration = import("./partner-client.mjs").Configuration;
export type Tokens = import("./partner-client.mjs").Tokens;
export type WithdrawalNotice = import("./partner-client.mjs").WithdrawalNotice;
export type Session = {
    sub: string;
    tokens: Tokens;
    profile: Record<string, unknown>;
};
