export { startTestTokens, type TestTokens } from '../../../../test/support/tokens';
