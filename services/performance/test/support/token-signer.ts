/** performance's tests stand in for identity with the shared test token server. */
export { startTestTokens as startTokenSigner, type TestTokens as TokenSigner } from '../../../../test/support/tokens';
