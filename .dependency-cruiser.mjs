// dependency-cruiser's configuration (`npm run deps`, part of `npm test`): the rules live in scripts/dependency-rules.mjs.
import { enforced, options } from './scripts/dependency-rules.mjs';

/** @type {import('dependency-cruiser').IConfiguration} */
export default { forbidden: enforced, options };
