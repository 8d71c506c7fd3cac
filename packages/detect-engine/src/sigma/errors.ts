/**
 * Raised while loading or compiling a rule: the rule is rejected with this message as the reason,
 * and loading continues with the next rule.
 */
export class RuleError extends Error {
  override name = 'RuleError';
}
